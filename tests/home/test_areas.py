"""One list of areas (home.Area): editors choose from it on case studies and events,
visitors filter by it, and each self-referral service area points at one of them."""

import pytest

from django.db.models import ProtectedError
from django.urls import reverse

from casestudies.factories import CaseStudyPageFactory
from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from events.models import EventIndexPage, EventPage
from home.factories import AreaFactory
from home.models import Area
from selfreferral.factories import AreaFactory as ServiceAreaFactory
from selfreferral.models import Area as ServiceArea
from tests.conftest import english

pytestmark = pytest.mark.django_db


def test_the_demo_has_one_list_used_by_stories_events_and_referrals(demo_site):
    names = ["Fenmoor North", "Fenmoor South", "Marshby", "Saltcombe"]
    assert list(Area.objects.values_list("name", flat=True)) == names
    assert sorted(ServiceArea.objects.values_list("public_area__name", flat=True)) == names
    assert set(english(CaseStudyPage).values_list("area__name", flat=True)) - {None} <= set(names)
    assert set(english(EventPage).values_list("area__name", flat=True)) - {None} <= set(names)


def test_editors_choose_an_area_on_a_story_and_an_event(client, editor, demo_site):
    client.force_login(editor)
    saltcombe = Area.objects.get(slug="saltcombe")
    chooser = client.get(reverse("wagtailsnippetchoosers_home_area:choose"))
    assert chooser.status_code == 200 and "Saltcombe" in chooser.text
    for model in (CaseStudyPage, EventPage):
        page = english(model).first()
        edit = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
        assert edit.status_code == 200
        assert 'id="id_area"' in edit.text and "Choose area" in edit.text
        assert reverse("wagtailsnippetchoosers_home_area:choose") in edit.text
    # Editors look after the list itself too.
    assert client.get(reverse("wagtailsnippets_home_area:add")).status_code == 200
    response = client.post(
        reverse("wagtailsnippets_home_area:edit", args=(saltcombe.pk,)),
        {"name": "Saltcombe and Harbour", "slug": "saltcombe"},
    )
    assert response.status_code == 302


def test_a_renamed_area_is_renamed_on_the_referral_form(client, referral_page):
    area = ServiceArea.objects.get(name="Saltcombe")
    public = area.public_area
    public.name = "Saltcombe and Harbour"
    public.save()
    area.refresh_from_db()
    assert area.name == "Saltcombe and Harbour"
    html = client.get(referral_page.url).text
    assert "Saltcombe and Harbour" in html


def test_an_area_that_routes_referrals_cannot_be_deleted(client, editor, demo_site):
    area = ServiceArea.objects.get(name="Saltcombe").public_area
    with pytest.raises(ProtectedError):
        area.delete()
    client.force_login(editor)
    response = client.post(
        reverse("wagtailsnippets_home_area:delete", args=(area.pk,)), follow=True
    )
    assert response.status_code == 200
    assert "Not deleted: Saltcombe is still used by service areas." in response.text
    assert Area.objects.filter(pk=area.pk).exists()
    # An area nothing needs goes as before.
    unused = AreaFactory()
    client.post(reverse("wagtailsnippets_home_area:delete", args=(unused.pk,)))
    assert not Area.objects.filter(pk=unused.pk).exists()


def test_a_service_area_takes_its_public_area_name():
    public = AreaFactory(name="Upper Marsh", slug="upper-marsh")
    service = ServiceAreaFactory(public_area=public, name="Something else")
    assert service.name == str(service) == "Upper Marsh"


def test_each_listing_offers_only_the_areas_it_has(client, demo_site):
    only_stories = AreaFactory(name="Upper Marsh", slug="upper-marsh")
    CaseStudyPageFactory(parent=english(CaseStudyIndexPage).get(), area=only_stories)
    stories = client.get(english(CaseStudyIndexPage).get().url).text
    events = client.get(english(EventIndexPage).get().url).text
    assert '<option value="upper-marsh">Upper Marsh</option>' in stories
    assert "upper-marsh" not in events
    for slug in Area.objects.filter(events__isnull=False).values_list("slug", flat=True):
        assert f'<option value="{slug}"' in events
