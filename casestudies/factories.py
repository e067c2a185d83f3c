import datetime

import factory
import wagtail_factories

from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from home.factories import AreaFactory


class CaseStudyIndexPageFactory(wagtail_factories.PageFactory):
    title = "Local stories"
    slug = "case-studies"

    class Meta:
        model = CaseStudyIndexPage


class CaseStudyPageFactory(wagtail_factories.PageFactory):
    """A published-ready case study: consent recorded and anonymisation confirmed."""

    title = factory.Sequence(lambda n: f"Story {n}")
    summary = "Someone took part and it helped."
    story = factory.LazyFunction(lambda: [{"type": "text", "value": "<p>What happened.</p>"}])
    perspective = "harmed"
    setting = "neighbourhood"
    type_of_harm = "burglary"
    restorative_approach = "letter"
    area = factory.SubFactory(AreaFactory)
    consent_recorded_on = factory.LazyFunction(lambda: datetime.date(2026, 1, 5))
    anonymised = True
    review_by = None

    class Meta:
        model = CaseStudyPage
