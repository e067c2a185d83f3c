"""Demo progress content: the panel's seven recommendations (summarised in our own
words for the fictional Fenmoor and Saltcombe area), their status history, and
five progress updates. Safe to run twice."""

import datetime

from django.utils import timezone
from django.utils.html import escape

from home.demo import ensure_page, text
from progress.models import (
    AnnualUpdatePage,
    ProgressIndexPage,
    ProgressUpdatePage,
    Recommendation,
    RecommendationStatusChange,
)
from strategy.models import StrategicTheme

MADE_ON = datetime.date(2024, 4, 12)

# (letter, title, summary, owner, due_by, [(status, date, note), ...])
RECOMMENDATIONS = [
    (
        "a",
        "Reach people who are not online",
        "Do more to tell the public about restorative justice, so more people refer themselves. "
        "Make the information work for people with little or no internet access.",
        "Restorative Justice Coordinator",
        datetime.date(2025, 3, 31),
        [
            (
                "accepted",
                datetime.date(2024, 6, 3),
                "Leaflets for GP surgeries, A&E and shopping-centre stands planned.",
            ),
            (
                "in_progress",
                datetime.date(2024, 11, 18),
                "First leaflets out during Restorative Justice Week.",
            ),
            (
                "done",
                datetime.date(2025, 3, 20),
                "Leaflets with QR codes in 40 places; a self-referral form on paper.",
            ),
        ],
    ),
    (
        "b",
        "Fund new ideas and training",
        "Set money aside to try new ways of working and to train local partners.",
        "Commissioning Manager",
        datetime.date(2027, 3, 31),
        [
            ("accepted", datetime.date(2024, 6, 3), "A small innovation fund agreed."),
            (
                "in_progress",
                datetime.date(2025, 1, 14),
                "Two training courses for partners booked.",
            ),
        ],
    ),
    (
        "c",
        "Help people in prison and on probation ask for it",
        "Work with prisons and probation so people who caused harm know about restorative justice "
        "and know when and how they can ask for it.",
        "Restorative Justice Coordinator",
        datetime.date(2026, 9, 30),
        [
            ("accepted", datetime.date(2024, 6, 3), ""),
            (
                "in_progress",
                datetime.date(2024, 10, 2),
                "Information sessions started at HMP Saltcombe.",
            ),
        ],
    ),
    (
        "d",
        "Use restorative approaches in schools",
        "With youth justice teams, look at how schools could use restorative approaches to cut "
        "offending and keep young people in education, learning from an earlier local pilot.",
        "Youth Justice Partnership",
        datetime.date(2027, 7, 31),
        [("accepted", datetime.date(2024, 6, 3), "Waiting for the pilot's evaluation.")],
    ),
    (
        "e",
        "Work with domestic and sexual abuse services",
        "Make sure specialist services know how victims of these crimes can ask for restorative "
        "justice, that every case has a careful risk assessment, and that results are measured.",
        "Restorative Justice Coordinator",
        datetime.date(2027, 3, 31),
        [
            (
                "accepted",
                datetime.date(2024, 6, 3),
                "An advisory group with specialist services set up.",
            ),
            (
                "in_progress",
                datetime.date(2024, 9, 9),
                "Risk assessment guidance being written with the advisory group.",
            ),
        ],
    ),
    (
        "f",
        "Set out measurable outcomes",
        "Say how success will be measured, with numbers and people's own views, and report the results to the panel.",
        "Head of Performance",
        datetime.date(2025, 3, 31),
        [
            ("accepted", datetime.date(2024, 6, 3), ""),
            (
                "done",
                datetime.date(2025, 2, 28),
                "Figures now published on this page every quarter.",
            ),
        ],
    ),
    (
        "g",
        "Publish a public update",
        "Tell the public what restorative justice has achieved and how the strategy is going.",
        "Police and Crime Commissioner",
        datetime.date(2025, 11, 30),
        [
            ("accepted", datetime.date(2024, 6, 3), ""),
            (
                "done",
                datetime.date(2025, 11, 20),
                "First yearly update published in Restorative Justice Week.",
            ),
        ],
    ),
]

UPDATES = [
    # (slug, title, days ago, summary, recommendation letters, strategy theme slugs)
    (
        "leaflets-in-gp-surgeries",
        "Leaflets now in GP surgeries",
        300,
        "Leaflets about restorative justice are now in 40 GP surgeries, A&E waiting rooms and libraries.",
        ["a"],
        ["communication-and-engagement"],
    ),
    (
        "sessions-in-prison",
        "Information sessions in prison",
        240,
        "Our team now runs a monthly session at HMP Saltcombe for people who want to know more.",
        ["c"],
        ["partnership"],
    ),
    (
        "advisory-group",
        "New advisory group on domestic and sexual abuse",
        200,
        "Specialist services now advise us on keeping people safe.",
        ["e"],
        ["quality", "partnership"],
    ),
    (
        "measuring-what-matters",
        "How we measure what matters",
        120,
        "We now publish figures every quarter, including how quickly we make first contact.",
        ["f"],
        ["quality", "information-sharing"],
    ),
    (
        "yearly-update",
        "Our yearly update for Restorative Justice Week",
        20,
        "What restorative justice achieved this year, and what comes next.",
        ["a", "f", "g"],
        ["communication-and-engagement"],
    ),
]


UPDATE_DETAILS = {
    "leaflets-in-gp-surgeries": "Each place has its own version of the leaflet, with a short code "
    "in its QR code, so we can see which places bring people to us.",
    "sessions-in-prison": "Anyone on the wing can come. Staff can also ask for a paper form "
    "or show people the kiosk in the library.",
    "advisory-group": "The group meets every three months. It checks our safety plans for "
    "cases of domestic abuse and sexual harm before we offer a meeting.",
    "measuring-what-matters": "The figures never show a number under 5, so nobody can be "
    "recognised from them.",
    "yearly-update": "Read where each recommendation stands, and see the figures for the year.",
}


def load(home):
    index, _ = ensure_page(
        home,
        ProgressIndexPage,
        "progress",
        title="Our progress",
        show_in_menus=True,
        intro=(
            "How we are doing on the Police and Crime Panel's recommendations, and what we have done so far."
        ),
        search_description="The Police and Crime Panel's recommendations, their status and our progress updates.",
    )
    by_letter = {}
    for letter, title, summary, owner, due_by, history in RECOMMENDATIONS:
        recommendation = Recommendation.objects.filter(made_on=MADE_ON, letter=letter).first()
        if recommendation is None:
            recommendation = Recommendation.objects.create(
                made_on=MADE_ON,
                letter=letter,
                title=title,
                summary=summary,
                owner=owner,
                due_by=due_by,
                response=f"<p>The Commissioner accepted this recommendation. {escape(history[0][2])}</p>",
            )
            RecommendationStatusChange.objects.bulk_create(
                RecommendationStatusChange(
                    recommendation=recommendation, status=status, changed_on=date, note=note
                )
                for status, date, note in history
            )
        by_letter[letter] = recommendation
    today = timezone.localdate()
    for slug, title, days_ago, summary, letters, theme_slugs in UPDATES:
        if index.get_children().filter(slug=slug).exists():
            continue
        update = ProgressUpdatePage(
            slug=slug,
            title=title,
            published_on=today - datetime.timedelta(days=days_ago),
            summary=summary,
            search_description=summary,
            body=[
                text(
                    # The summary is shown above the body already: the body says what is new.
                    f"<p>{UPDATE_DETAILS[slug]}</p>"
                    "<p>We will keep this page up to date as the work goes on.</p>"
                )
            ],
        )
        index.add_child(instance=update)
        update.recommendations.set([by_letter[letter] for letter in letters])
        update.themes.set(StrategicTheme.objects.filter(slug__in=theme_slugs))
        update.save_revision().publish()

    year = today.year
    ensure_page(
        index,
        AnnualUpdatePage,
        f"yearly-update-{year}",
        title=f"Restorative justice in {year}: the Commissioner's yearly update",
        year=year,
        summary="What restorative justice achieved this year, where each recommendation stands, and what comes next.",
        search_description="The Police and Crime Commissioner's yearly update on restorative justice.",
        foreword=(
            "<p>This year more people than ever asked for restorative justice themselves. Many found out about it "
            "from a leaflet at their GP surgery or a stand at a shopping centre.</p><p>I want everyone harmed by "
            "crime to know it is there for them, and that it is always their choice.</p>"
        ),
        body=[
            text(
                "<h2>What comes next</h2><p>Next year we will visit more schools, and work with every prison in the area.</p>"
            )
        ],
    )
