"""Demo content: the service's areas, the self-referral page and a coordinator login."""

from home.demo import ensure_demo_user, ensure_page
from selfreferral.models import Area, SelfReferralPage

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
    ensure_referral_page(home)
    return [ensure_demo_user("coordinator", groups=["Restorative justice coordinators"])]
