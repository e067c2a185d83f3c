import factory

from home.factories import AreaFactory as PublicAreaFactory
from selfreferral.models import Area, Referral


class AreaFactory(factory.django.DjangoModelFactory):
    """A service area, with a public area of the same name."""

    name = factory.Sequence(lambda n: f"Service area {n}")
    public_area = factory.SubFactory(
        PublicAreaFactory,
        name=factory.SelfAttribute("..name"),
        slug=factory.Sequence(lambda n: f"service-area-{n}"),
    )
    coordinator_inboxes = factory.Sequence(lambda n: f"coordinators{n}@area.example")
    youth_inbox = factory.Sequence(lambda n: f"youth{n}@area.example")

    class Meta:
        model = Area


class ReferralFactory(factory.django.DjangoModelFactory):
    role = "harmed"
    name = "Sam Example"
    preferred_contact = "phone"
    phone = "07911 123456"
    safe_to_leave_message = True
    area = factory.SubFactory(AreaFactory)
    age_group = "18-or-over"
    what_happened = "Someone broke into my shed."

    class Meta:
        model = Referral
