import factory

from kiosk.models import Kiosk


class KioskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Kiosk

    name = factory.Sequence(lambda n: f"HMP Example {n} – visits hall")
    eligibility_notice = "We cannot take self-referrals about sexual offences at this prison."
