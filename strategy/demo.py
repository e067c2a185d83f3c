"""Demo strategies: the current one and the one it replaced, with the six themes."""

from home.demo import ensure_page, text
from strategy.models import StrategicTheme, StrategyPage, StrategyPageTheme

THEMES = [
    (
        "communication-and-engagement",
        "Communication and engagement",
        "Making sure people know restorative justice exists, what it is and how to ask for it.",
    ),
    (
        "quality",
        "Quality",
        "Making sure every case is safe, well run and meets national standards.",
    ),
    (
        "sustainability-and-training",
        "Sustainability and training",
        "Keeping enough trained facilitators and steady funding so the service lasts.",
    ),
    (
        "information-sharing",
        "Information sharing",
        "Passing on the right details, safely and lawfully, so people are offered restorative justice.",
    ),
    (
        "innovation",
        "Innovation",
        "Trying new ways to reach people and to offer restorative justice.",
    ),
    (
        "partnership",
        "Partnership",
        "Working with police, prisons, probation, schools, councils and charities.",
    ),
]

CURRENT_PLANS = {
    "communication-and-engagement": "<ul><li>Share local stories and short films with captions.</li>"
    "<li>Hold events in every district during Restorative Justice Week.</li>"
    "<li>Let people refer themselves online, by phone or by letter.</li></ul>",
    "quality": "<ul><li>Keep the Restorative Service Quality Mark.</li>"
    "<li>Ask everyone who takes part what worked and what did not.</li></ul>",
    "sustainability-and-training": "<ul><li>Train 30 new volunteer facilitators.</li>"
    "<li>Give every facilitator regular supervision.</li></ul>",
    "information-sharing": "<ul><li>Agree one simple way for police and victim services to pass on referrals.</li>"
    "<li>Only share what is needed, and keep it safe.</li></ul>",
    "innovation": "<ul><li>Test video meetings where meeting in person is hard.</li>"
    "<li>Try referral points in prisons and youth centres.</li></ul>",
    "partnership": "<ul><li>Meet partners every three months to review referrals.</li>"
    "<li>Give police officers and teachers short training on when to refer.</li></ul>",
}

OLD_PLANS = {
    "communication-and-engagement": "<ul><li>Print leaflets for police stations and victim services.</li></ul>",
    "quality": "<ul><li>Work towards the Restorative Service Quality Mark.</li></ul>",
    "sustainability-and-training": "<ul><li>Train the first group of volunteer facilitators.</li></ul>",
    "information-sharing": "<ul><li>Write an information sharing agreement with the police.</li></ul>",
    "innovation": "<ul><li>Offer restorative justice after some youth offences for the first time.</li></ul>",
    "partnership": "<ul><li>Bring partners together in a restorative justice board.</li></ul>",
}


def ensure_themes():
    themes = {}
    for slug, name, summary in THEMES:
        themes[slug], _ = StrategicTheme.objects.get_or_create(
            slug=slug, defaults={"name": name, "summary": summary}
        )
    return themes


def _strategy(home, slug, themes, plans, **fields):
    items = [
        StrategyPageTheme(theme=themes[key], what_we_will_do=plans[key], sort_order=i)
        for i, (key, _, _) in enumerate(THEMES)
    ]
    return ensure_page(home, StrategyPage, slug, themes=items, **fields)[0]


def load(home):
    themes = ensure_themes()
    current = _strategy(
        home,
        "strategy",
        themes,
        CURRENT_PLANS,
        title="Our restorative justice strategy",
        show_in_menus=False,
        search_description="Our plan for restorative justice in Fenmoor and Saltcombe from 2024 to 2027.",
        period_start=2024,
        period_end=2027,
        summary="How we will make restorative justice known, safe and easy to ask for across Fenmoor and Saltcombe.",
        foreword="<p>Most people harmed by crime have never heard of restorative justice. "
        "Those who try it often tell us it helped them more than anything else. "
        "This plan is about closing that gap.</p>",
        foreword_by="Police and Crime Commissioner for Fenmoor and Saltcombe",
        vision="Everyone affected by crime in Fenmoor and Saltcombe knows about restorative "
        "justice and can take part safely, at a time that is right for them.",
        sections=[
            {
                "type": "section",
                "value": {
                    "heading": "Where we are now",
                    "body": [
                        text(
                            "<p>The service has run since 2017. Each year more people ask for it, "
                            "but most still hear about it late, or not at all.</p>"
                        )
                    ],
                },
            },
            {
                "type": "section",
                "value": {
                    "heading": "How we will know it is working",
                    "body": [
                        text(
                            "<ul><li>More people refer themselves.</li>"
                            "<li>More referrals come from prisons, schools and probation.</li>"
                            "<li>People who take part say they felt safe and listened to.</li></ul>"
                        )
                    ],
                },
            },
        ],
    )
    old = _strategy(
        home,
        "strategy-2017-2020",
        themes,
        OLD_PLANS,
        title="Restorative justice strategy 2017 to 2020",
        show_in_menus=False,
        search_description="Our first restorative justice strategy, from 2017 to 2020. It has been replaced.",
        period_start=2017,
        period_end=2020,
        summary="Our first plan, which set up the restorative justice service.",
        foreword="<p>This plan set up a restorative justice service for the whole area for the first time.</p>",
        foreword_by="Police and Crime Commissioner for Fenmoor and Saltcombe",
        vision="Restorative justice is offered to people harmed by crime across the area.",
        sections=[
            {
                "type": "section",
                "value": {
                    "heading": "What we set out to do",
                    "body": [
                        text(
                            "<p>Start one service for the whole area, train facilitators and agree "
                            "how partners refer people.</p>"
                        )
                    ],
                },
            },
        ],
    )
    if old.superseded_by_id != current.pk:
        old.superseded_by = current
        old.save_revision().publish()
