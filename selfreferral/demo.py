"""Demo content: the service's areas, the self-referral page and a coordinator login."""

import datetime
import random

from django.conf import settings
from django.utils import timezone

from home.demo import ensure_areas as ensure_public_areas
from home.demo import ensure_demo_user, ensure_page
from selfreferral import questions as q
from selfreferral.admin_views import COORDINATORS_GROUP
from selfreferral.choices import Channel, Status
from selfreferral.figures import bump_generation
from selfreferral.models import Area, Referral, ReferralSource, SelfReferralPage
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


def load(home):
    ensure_areas()
    ensure_referral_sources()
    ensure_referral_page(home)
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
    if (
        not settings.DEMO_REFERRALS
        or Referral.objects.filter(reference__startswith="DEMO-").exists()
    ):
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
    bump_generation()
