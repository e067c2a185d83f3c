"""The comms team translates pages, and translations go through Comms review like any change."""

import polib
import pytest

from django.core import mail
from django.test import Client
from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from home.models import StandardPage
from tests.conftest import english

pytestmark = pytest.mark.django_db

POLISH_TITLE = "Jak bezpiecznie korzystać z internetu"


@pytest.fixture
def page(demo_site):
    """An English page whose Polish copy is still untranslated (an alias)."""
    return english(StandardPage).get(slug="staying-safe-online")


def polish(page):
    return page.get_translation(Locale.objects.get(language_code="pl")).specific


def start_translation(client, page):
    """ "Translate this page" into Polish, as the alias page's button does."""
    url = reverse("wagtail_localize:submit_page_translation", args=(page.pk,))
    form = client.get(f"{url}?select_locale=pl")
    assert form.status_code == 200
    pl = Locale.objects.get(language_code="pl")
    return client.post(url, {"locales": [pl.pk]})


def translate_title(page, title, user):
    """Type the Polish title into the translation editor (stored as wagtail-localize stores it)."""
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.get(source=source, target_locale__language_code="pl")
    po = polib.POFile()
    po.metadata = {"X-WagtailLocalize-TranslationID": str(translation.uuid)}
    entry = next(e for e in translation.export_po() if e.msgid == page.title)
    po.append(polib.POEntry(msgctxt=entry.msgctxt, msgid=entry.msgid, msgstr=title))
    translation.import_po(po, user=user)


@pytest.mark.parametrize("role", ["editor", "approver"])
def test_the_comms_team_may_translate_pages(client, page, role, request):
    client.force_login(request.getfixturevalue(role))
    alias = client.get(reverse("wagtailadmin_pages:edit", args=(polish(page).pk,)))
    assert "Translate this page" in alias.text
    response = start_translation(client, page)
    assert response.status_code == 302
    assert polish(page).alias_of_id is None  # now a translation, opened in the translation editor
    editor_page = client.get(reverse("wagtailadmin_pages:edit", args=(polish(page).pk,)))
    assert "Comms review of the Polski page" in editor_page.text


def test_site_administrators_and_coordinators_may_not(client, page, site_admin, coordinator):
    url = reverse("wagtail_localize:submit_page_translation", args=(page.pk,))
    for user in (site_admin, coordinator):
        client.force_login(user)
        assert client.get(url).status_code in (302, 403)


def test_a_translation_goes_live_only_when_an_approver_approves_it(client, page, editor, approver):
    client.force_login(editor)
    start_translation(client, page)
    translated = polish(page)
    translate_title(page, POLISH_TITLE, editor)
    editor_view = client.get(reverse("wagtailadmin_pages:edit", args=(translated.pk,))).text
    # Editors cannot publish: they submit the translation for review.
    assert "Submit to Comms review" in editor_view
    mail.outbox.clear()
    response = client.post(reverse("cms_submit_translation", args=(translated.pk,)))
    assert response.status_code == 302
    translated.refresh_from_db()
    assert translated.current_workflow_state.status == "in_progress"
    assert translated.get_latest_revision().as_object().title == POLISH_TITLE
    # Nothing changes for visitors yet, and the approvers are emailed.
    visitor = Client()
    assert POLISH_TITLE not in visitor.get(translated.url).text
    assert approver.email in {address for m in mail.outbox for address in m.to}

    # The approver asks for a change, with a comment: the editor sees it and resubmits.
    client.force_login(approver)
    review = client.get(reverse("wagtailadmin_pages:edit", args=(translated.pk,))).text
    assert "Approve and publish" in review and "Request changes" in review
    client.post(
        reverse("cms_review_translation", args=(translated.pk, "reject")),
        {"comment": "Use the formal question, please."},
    )
    translated.refresh_from_db()
    assert translated.current_workflow_state.status == "needs_changes"
    client.force_login(editor)
    view = client.get(reverse("wagtailadmin_pages:edit", args=(translated.pk,))).text
    assert "Use the formal question, please." in view
    client.post(reverse("cms_submit_translation", args=(translated.pk,)))
    translated.refresh_from_db()
    assert translated.current_workflow_state.status == "in_progress"
    assert POLISH_TITLE not in visitor.get(translated.url).text

    # Approved: the Polish words are live at /pl/….
    client.force_login(approver)
    response = client.post(reverse("cms_review_translation", args=(translated.pk, "approve")))
    assert response.status_code == 302
    translated.refresh_from_db()
    assert translated.current_workflow_state is None and translated.title == POLISH_TITLE
    assert translated.url.startswith("/pl/")
    live = visitor.get(translated.url)
    assert live.status_code == 200 and f">{POLISH_TITLE}</h1>" in live.text


def test_an_editor_cannot_approve_a_translation(client, page, editor):
    client.force_login(editor)
    start_translation(client, page)
    translated = polish(page)
    client.post(reverse("cms_submit_translation", args=(translated.pk,)))
    response = client.post(reverse("cms_review_translation", args=(translated.pk, "approve")))
    assert response.status_code in (302, 403)
    translated.refresh_from_db()
    assert translated.current_workflow_state.status == "in_progress"
