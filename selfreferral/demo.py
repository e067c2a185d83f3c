"""Demo content: the service's areas, the self-referral page and a coordinator login."""

from home.demo import ensure_demo_user, ensure_page
from selfreferral import questions as q
from selfreferral.admin_views import COORDINATORS_GROUP
from selfreferral.models import Area, ReferralSource, SelfReferralPage

AREAS = [
    ("Fenmoor North", "north.rj@fenmoor-saltcombe-pcc.example", "youth.north@fenmoor.example"),
    ("Fenmoor South", "south.rj@fenmoor-saltcombe-pcc.example", "youth.south@fenmoor.example"),
    ("Saltcombe", "saltcombe.rj@fenmoor-saltcombe-pcc.example", "youth@saltcombe.example"),
    ("Isle of Brannock", "brannock.rj@fenmoor-saltcombe-pcc.example", ""),
]


def ensure_areas():
    for order, (name, inbox, youth) in enumerate(AREAS):
        Area.objects.get_or_create(
            name=name,
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


def ensure_demo_referrals(today=None):
    """Clearly fictional referrals over the last two years, so the public figures
    have something to show. Made once: referrals marked DEMO are never added twice."""
    import datetime
    import random

    from django.conf import settings
    from django.utils import timezone

    from selfreferral.figures import bump_generation
    from selfreferral.models import Channel, Referral, Status
    from selfreferral.working_days import add_working_days

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
        referrals.append(
            Referral(
                reference=f"DEMO-{number:06d}",
                created_at=created,
                created_on=day,
                channel=chooser.choice(channels),
                source_code=chooser.choice(DEMO_SOURCES),
                role=chooser.choice(roles),
                name=f"Demo person {number}",
                preferred_contact=q.CONTACT_LETTER,
                address="Demo address (not a real person)",
                area=chooser.choice(areas),
                age_group=q.AGE_18_OR_OVER if chooser.random() > 0.1 else q.AGE_UNDER_18,
                status=Status.CLOSED if contacted else Status.NEW,
                first_contact_due=due,
                first_contacted_on=contacted,
                notified_at=created,
            )
        )
    Referral.objects.bulk_create(referrals)
    bump_generation()
