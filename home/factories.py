import factory
import wagtail_factories

from home.models import Area, HomePage, StandardPage


class AreaFactory(factory.django.DjangoModelFactory):
    """A public area; the same slug gives the same area."""

    name = factory.Sequence(lambda n: f"Area {n}")
    slug = factory.Sequence(lambda n: f"area-{n}")

    class Meta:
        model = Area
        django_get_or_create = ("slug",)


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    hero_heading = "Talk about what happened"
    hero_text = "Restorative justice is free and voluntary."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    intro = "A short introduction."
    body = factory.LazyFunction(lambda: [{"type": "text", "value": "<p>Some plain words.</p>"}])

    class Meta:
        model = StandardPage
