import factory
import wagtail_factories

from strategy.models import StrategicTheme, StrategyPage


class StrategicThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")
    summary = "What this theme is about."

    class Meta:
        model = StrategicTheme


class StrategyPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Strategy {n}")
    period_start = 2024
    period_end = 2027
    summary = "Our plan for restorative justice."
    vision = "Everyone knows about restorative justice."

    class Meta:
        model = StrategyPage
