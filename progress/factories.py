import datetime

import factory
import wagtail_factories

from progress.models import (
    ProgressIndexPage,
    ProgressUpdatePage,
    Recommendation,
    RecommendationStatusChange,
)


class RecommendationFactory(factory.django.DjangoModelFactory):
    made_on = datetime.date(2025, 4, 1)
    letter = factory.Sequence(lambda n: chr(ord("a") + n % 26))
    title = factory.Sequence(lambda n: f"Recommendation {n}")
    summary = "Do something useful."

    class Meta:
        model = Recommendation


class StatusChangeFactory(factory.django.DjangoModelFactory):
    recommendation = factory.SubFactory(RecommendationFactory)
    status = "accepted"
    changed_on = datetime.date(2025, 5, 1)

    class Meta:
        model = RecommendationStatusChange


class ProgressIndexPageFactory(wagtail_factories.PageFactory):
    title = "Our progress"
    slug = "progress"

    class Meta:
        model = ProgressIndexPage


class ProgressUpdatePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Update {n}")
    summary = "What we did."
    published_on = datetime.date(2026, 1, 1)

    class Meta:
        model = ProgressUpdatePage
