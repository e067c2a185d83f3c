"""Demo content: one kiosk, not yet enrolled, so a newcomer can enrol a browser
from the admin (Settings → Kiosks → Make an enrolment link)."""

from kiosk.models import Kiosk

DEMO_KIOSK = "HMP Fenmoor (demo kiosk)"
ELIGIBILITY_NOTICE = (
    "At HMP Fenmoor we cannot take a self-referral about a sexual offence or about "
    "domestic abuse. If that is what happened, talk to your offender manager. "
    "They can tell you about other help.\n\n"
    "You can still watch the films and read the stories."
)


def load(home):
    about = home.get_children().filter(slug="what-is-restorative-justice").first()
    Kiosk.objects.get_or_create(
        name=DEMO_KIOSK,
        defaults={"eligibility_notice": ELIGIBILITY_NOTICE, "about_page": about},
    )
