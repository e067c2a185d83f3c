"""Demo content: the service's areas, the self-referral page and a coordinator login."""

import datetime
import random

from django.conf import settings
from django.utils import timezone

from feedback.invitations import quarter_of
from feedback.models import Answer
from home.demo import ensure_areas as ensure_public_areas
from home.demo import ensure_demo_user, ensure_page
from selfreferral import questions as q
from selfreferral.admin_views import COORDINATORS_GROUP
from selfreferral.choices import COMPLETED_OUTCOMES, Channel, Status
from selfreferral.figures import bump_generation
from selfreferral.models import (
    Area,
    ProfessionalReferralPage,
    Referral,
    ReferralSource,
    SelfReferralPage,
)
from selfreferral.working_days import add_working_days

# Who receives the referrals from each of the demo's areas (home/demo.py).
INBOXES = {
    "fenmoor-north": ("north.rj@fenmoor-saltcombe-pcc.example", "youth.north@fenmoor.example"),
    "fenmoor-south": ("south.rj@fenmoor-saltcombe-pcc.example", "youth.south@fenmoor.example"),
    "saltcombe": ("saltcombe.rj@fenmoor-saltcombe-pcc.example", "youth@saltcombe.example"),
    "marshby": ("marshby.rj@fenmoor-saltcombe-pcc.example", ""),
}


def ensure_areas():
    public_areas = ensure_public_areas()
    for order, (slug, (inbox, youth)) in enumerate(INBOXES.items()):
        Area.objects.get_or_create(
            public_area=public_areas[slug],
            defaults={"coordinator_inboxes": inbox, "youth_inbox": youth, "sort_order": order},
        )


def ensure_referral_sources():
    """A link of the comms team's own; leaflets and kiosks register theirs."""
    ReferralSource.objects.get_or_create(
        code="partner-site", defaults={"label": "Victim Support's website"}
    )


def ensure_referral_page(home):
    page, _ = ensure_page(
        home,
        SelfReferralPage,
        "self-referral",
        title="Refer yourself",
        show_in_menus=True,
        search_description="Ask for restorative justice. It is free, and you can stop at any time.",
        intro=(
            "<p>Use this form to ask for restorative justice. You can ask if you were harmed by "
            "a crime, if you caused harm, or for someone you support.</p>"
            "<p>It is free. It takes about 10 minutes. Saying yes now does not mean you have to "
            "meet anyone, and you can stop at any time.</p>"
            "<p>Questions you can skip say (optional).</p>"
        ),
        who_can_use=(
            "<p>You can use this form if:</p>"
            "<ul><li>you were harmed by a crime or by anti-social behaviour</li>"
            "<li>you caused harm and want to take responsibility for it</li>"
            "<li>you are asking for someone else who knows about it and agrees</li></ul>"
            "<p>It must have happened in Fenmoor or Saltcombe, or you must live here now. "
            "It does not matter how long ago it happened, or whether anyone reported it to "
            "the police.</p>"
            "<p>Under-18s can use it too: we pass their referral to the youth service in "
            "their area.</p>"
        ),
        sensitive_cases=(
            "<p>Restorative justice can sometimes help after domestic abuse or sexual harm, "
            "but only when it is safe. Facilitators with extra training handle these cases. "
            "They check carefully for control or pressure from the other person, and work "
            "alongside specialist support services.</p>"
            "<p>If you have been convicted of a sexual offence, we cannot take a referral from "
            "you through this form. Talk to your probation officer or offender manager "
            "instead: specialists decide whether any restorative work could be safe.</p>"
        ),
        victims_code=(
            "<p>If you are the victim of a crime by an adult, the Victims' Code gives you the "
            "right to be told about restorative justice, and how to take part where a service "
            "is available.</p>"
            "<p>If nobody has told you about it, ask the police officer dealing with your "
            "case, or use this form.</p>"
        ),
        where_else=(
            "<ul><li>If you are in danger now, call 999. If you cannot speak, call 999 from a "
            "mobile and press 55 when asked.</li>"
            "<li>To report a crime that is not an emergency, call 101.</li>"
            "<li>If it happened somewhere else and you do not live here, contact the Police "
            "and Crime Commissioner for that area. Most have their own restorative justice "
            "service.</li>"
            '<li><a href="https://www.victimsupport.org.uk/">Victim Support</a> helps anyone '
            "affected by crime, for free, whether or not it was reported.</li></ul>"
        ),
        what_happens_next=(
            "<ol><li>A coordinator reads your form, usually within 2 working days.</li>"
            "<li>They contact you in the way you chose, at a time you said is safe.</li>"
            "<li>They listen, answer your questions and talk about what you would like to happen."
            "</li><li>Nothing else happens unless you want it to.</li></ol>"
        ),
        privacy_notice=(
            "<p>Only the restorative justice team can see your answers. We use them to contact "
            "you about restorative justice and for nothing else. We delete your contact details "
            "one year after your case closes. Read our "
            '<a href="/privacy/">privacy notice</a>.</p>'
        ),
        thank_you_heading="Your referral has been sent",
        thank_you_text=(
            "<p>If you do not hear from us by then, or you want to change how we contact you, "
            "phone us and give your reference number.</p>"
            "<p>If you are in danger now, call 999.</p>"
        ),
    )
    return page


def ensure_professionals_page(home):
    page, _ = ensure_page(
        home,
        ProfessionalReferralPage,
        "professionals",
        title="For professionals",
        show_in_menus=True,
        search_description="Refer someone you work with to restorative justice: what it can "
        "do, who can be referred and how we assess a referral.",
        intro=(
            "<p>This page is for people who work with those harmed by crime or those who "
            "caused it: police, probation, prisons, Victim Support, youth justice, schools "
            "and health services.</p>"
            "<p>You can refer someone to us once they know about restorative justice and "
            "agree to be contacted. It is free and voluntary for everyone who takes part.</p>"
        ),
        what_rj_can_do=(
            "<p>Restorative justice gives the person harmed a chance to tell the person "
            "responsible how it affected them, to ask questions and to get answers. The person "
            "responsible can face what they did and try to put it right.</p>"
            "<p>It can be a meeting, with a trained facilitator there. It can also be a "
            "letter, a recorded message, or messages passed on by the facilitator, when "
            "meeting is not safe or not wanted.</p>"
        ),
        who_is_eligible=(
            "<ul><li>People harmed by any type of crime or anti-social behaviour, and people "
            "who caused harm and accept they did.</li>"
            "<li>Adults and under-18s: we pass referrals for under-18s to the youth service "
            "in their area.</li>"
            "<li>At any stage: before or after sentence, in custody or on licence, or with no "
            "court case at all.</li></ul>"
            "<p>Cases of domestic abuse, sexual harm or hate crime are handled only by "
            "facilitators with extra training, and only when it is safe.</p>"
        ),
        how_assessed=(
            "<ol><li>A coordinator reads the referral, usually within 2 working days, and "
            "contacts the person in the way you chose.</li>"
            "<li>A facilitator meets each person separately to check that they are willing, "
            "able and safe to take part. Nothing happens until everyone involved agrees.</li>"
            "<li>If restorative justice is not right for now, we tell the person and suggest "
            "other support.</li></ol>"
            "<p>Tell us about any risks you know of: it helps us plan safely. It does not "
            "stop a referral on its own.</p>"
        ),
        what_happens_next=(
            "<p>A coordinator will read the referral and contact the person in the way you "
            "chose. If you asked for updates, we will email you when first contact is made "
            "and when the case closes.</p>"
        ),
        privacy_notice=(
            "<p>Only the restorative justice team can see these answers, about the person and "
            "about you. We use them for this referral only, and delete them one year after "
            'the case closes. Read our <a href="/privacy/">privacy notice</a>.</p>'
        ),
        thank_you_heading="Your referral has been sent",
        thank_you_text=(
            "<p>To ask about this referral, contact the restorative justice team and give "
            "the reference number.</p>"
        ),
    )
    return page


def load(home):
    ensure_areas()
    ensure_referral_sources()
    ensure_referral_page(home)
    ensure_professionals_page(home)
    ensure_demo_referrals()
    return [ensure_demo_user("coordinator", groups=[COORDINATORS_GROUP])]


DEMO_REFERRAL_COUNT = 420
# The demo leaflet's distribution points (leaflets/demo.py) and the demo's own referral link.
DEMO_SOURCES = ["", "", "", "gp", "ae", "shop", "prison", "probation", "partner-site"]


# What came of the demo's closed referrals, in a fixed mix (fictional, like the rest):
# large enough groups that most quarters show their figures.
DEMO_OUTCOMES = (
    ["meeting"] * 4
    + ["letter"] * 3
    + ["indirect"] * 2
    + ["other_declined"] * 2
    + ["withdrew"] * 2
    + ["not_suitable"] * 2
)


def ensure_demo_referrals(today=None):
    """Clearly fictional referrals over the last two years, so the public figures
    have something to show. Made once: referrals marked DEMO are never added twice."""
    if not settings.DEMO_REFERRALS:
        return
    if Referral.objects.filter(reference__startswith="DEMO-").exists():
        ensure_demo_feedback(today)
        return
    today = today or timezone.localdate()
    chooser = random.Random(2017)  # noqa: S311  (demo data, not security)
    areas = list(Area.objects.all()) + [None]
    channels = [Channel.WEB] * 6 + [Channel.PAPER] * 2 + [Channel.KIOSK] * 2 + [Channel.PHONE]
    roles = [q.ROLE_HARMED] * 6 + [q.ROLE_CAUSED] * 3 + [q.ROLE_FOR_SOMEONE]
    referrals = []
    for number in range(1, DEMO_REFERRAL_COUNT + 1):
        day = today - datetime.timedelta(days=chooser.randint(1, 730))
        created = timezone.make_aware(
            datetime.datetime.combine(day, datetime.time(chooser.randint(8, 21), 15))
        )
        due = add_working_days(day, 2)
        contacted = (
            add_working_days(day, chooser.choice([0, 1, 1, 2, 2, 2, 3, 4]))
            if day < today - datetime.timedelta(days=5)
            else None
        )
        # Drawn in the order they always were, so the demo's figures stay as they were.
        channel = chooser.choice(channels)
        source_code = chooser.choice(DEMO_SOURCES)
        role = chooser.choice(roles)
        for_someone = role == q.ROLE_FOR_SOMEONE
        # Closed some weeks after first contact (no draws: the mix above stays the same).
        closed = (
            created + datetime.timedelta(days=(contacted - day).days + 14 + (number * 13) % 70)
            if contacted
            else None
        )
        if closed is not None and closed.date() >= today:
            closed = None
        referrals.append(
            Referral(
                reference=f"DEMO-{number:06d}",
                created_at=created,
                created_on=day,
                channel=channel,
                source_code=source_code,
                role=role,
                name=f"Demo person {number}",
                their_name=f"Demo person {number}B" if for_someone else "",
                relationship="Demo: a family member" if for_someone else "",
                they_agree=q.YES if for_someone else "",
                contact_first=(
                    (q.CONTACT_FIRST_PERSON if number % 2 else q.CONTACT_FIRST_REFERRER)
                    if for_someone
                    else ""
                ),
                preferred_contact=q.CONTACT_LETTER,
                address="Demo address (not a real person)",
                area=chooser.choice(areas),
                age_group=q.AGE_18_OR_OVER if chooser.random() > 0.1 else q.AGE_UNDER_18,
                status=(
                    Status.CLOSED if closed else Status.IN_PROGRESS if contacted else Status.NEW
                ),
                status_changed_at=closed or created,
                outcome=DEMO_OUTCOMES[number % len(DEMO_OUTCOMES)] if closed else "",
                first_contact_due=due,
                first_contacted_on=contacted,
                notified_at=created,
            )
        )
    Referral.objects.bulk_create(referrals)
    ensure_demo_feedback(today)
    bump_generation()


# What the demo's participants "said": a fixed, fictional mix.
DEMO_SATISFACTION = [5, 5, 5, 5, 4, 4, 4, 3, 3, 2]
DEMO_FELT_SAFE = ["yes"] * 8 + ["partly", "no"]
DEMO_FELT_HEARD = ["yes"] * 7 + ["partly", "partly", "no"]
DEMO_RECOMMEND = ["yes"] * 8 + ["not_sure", "no"]
DEMO_COMMENTS = [
    "Demo comment (fictional): meeting them helped me to move on.",
    "Demo comment (fictional): I would have liked to hear back sooner.",
    "",
    "",
]


def ensure_demo_feedback(today=None):
    """Fictional feedback answers from demo referrals closed with restorative work done
    whose person agreed: most of them answer a couple of weeks after closing (and, like
    real answers, only the outcome, channel, role and quarter come with them). Made once,
    on a site with no answers yet (also on a demo made before there was feedback)."""
    if Answer.objects.exists():
        return
    today = today or timezone.localdate()
    closed = Referral.objects.filter(
        reference__startswith="DEMO-", status=Status.CLOSED, outcome__in=COMPLETED_OUTCOMES
    ).values_list("reference", "status_changed_at", "outcome", "channel", "role")
    answers, agreed = [], []
    for reference, finished, outcome, channel, role in closed:
        number = int(reference.removeprefix("DEMO-"))
        if number % 4 == 0:
            continue  # did not agree to be asked
        agreed.append(reference)
        answered = timezone.localtime(finished).date() + datetime.timedelta(days=7 + number % 21)
        if answered >= today or number % 5 == 0:
            continue  # not yet, or they chose not to answer
        year, quarter = quarter_of(answered)
        answers.append(
            Answer(
                year=year,
                quarter=quarter,
                outcome=outcome,
                channel=channel,
                role=role,
                satisfaction=DEMO_SATISFACTION[number % len(DEMO_SATISFACTION)],
                felt_safe=DEMO_FELT_SAFE[number * 3 % len(DEMO_FELT_SAFE)],
                felt_heard=DEMO_FELT_HEARD[number * 7 % len(DEMO_FELT_HEARD)],
                would_recommend=DEMO_RECOMMEND[number * 9 % len(DEMO_RECOMMEND)],
                comment=DEMO_COMMENTS[number % len(DEMO_COMMENTS)],
            )
        )
    Referral.objects.filter(reference__in=agreed).update(feedback_agreed=True)
    Answer.objects.bulk_create(answers)
