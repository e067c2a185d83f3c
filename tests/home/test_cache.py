"""Every snippet and setting the public pages show clears the page cache when it changes
(wired in each app's ready() through home.cache.purge_pages_when_changed)."""

import pytest

from django.apps import apps
from django.db.models.signals import post_delete

from home.cache import current_generation

pytestmark = pytest.mark.django_db

SHOWN_ON_PUBLIC_PAGES = [
    "events.AwarenessWeek",
    "home.Area",
    "progress.Recommendation",
    "progress.RecommendationStatusChange",
    "strategy.StrategicTheme",
    "selfreferral.Area",
    "selfreferral.ReferralSource",
    "home.ContactSettings",
    "wagtailcore.Locale",
]


@pytest.mark.parametrize("label", SHOWN_ON_PUBLIC_PAGES)
def test_saving_or_deleting_it_moves_the_page_cache_on(demo_site, label):
    model = apps.get_model(label)
    instance = model.objects.first()
    assert instance is not None, f"the demo has no {label}"
    before = current_generation()
    instance.save()
    assert current_generation() > before
    # Deleting is wired the same way (sent by hand: a real delete would cascade).
    before = current_generation()
    post_delete.send(sender=model, instance=instance, using="default", origin=instance)
    assert current_generation() > before


def test_a_changed_service_name_is_on_the_next_anonymous_page(client, demo_site):
    from home.models import ContactSettings

    assert client.get("/").status_code == 200  # now in the page cache
    contact = ContactSettings.objects.get()
    contact.service_name = "Brannock Restorative Justice"
    contact.save()
    assert "Brannock Restorative Justice" in client.get("/").text


def test_a_release_serves_nothing_the_old_code_cached(client, demo_site):
    """`migrate` runs with every release (docs/deploy.md): the pages and figures the
    old code cached are not served by the new, which may draw or compute them
    differently (a figures table of the old shape failed /progress/ with a 500)."""
    from django.core.cache import cache
    from django.core.management import call_command

    from selfreferral import figures

    client.get("/progress/")  # pages and figures now cached
    pages, tables = current_generation(), figures.read_generation(cache, figures.GENERATION_KEY)
    call_command("migrate", verbosity=0, interactive=False)
    assert current_generation() != pages
    assert figures.read_generation(cache, figures.GENERATION_KEY) != tables
