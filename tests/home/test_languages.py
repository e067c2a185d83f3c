"""Languages: translation round trip with wagtail-localize, the switcher, hreflang,
the untranslated-page fallback, interface strings and search scoped to a language."""

import re

import pytest

from django.utils import translation

from wagtail.models import Locale, Page

from demo.languages import ensure_locales, synchronise, translate_page
from home.factories import StandardPageFactory
from home.i18n import scope_to_active_language
from home.models import HomePage, StandardPage
from tests.conftest import english

pytestmark = pytest.mark.django_db


def hreflangs(html):
    return dict(
        (code, url)
        for code, url in re.findall(
            r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html
        )
    )


def english_home():
    return HomePage.objects.get(locale__language_code="en-gb")


def test_translation_round_trip_create_translate_publish_switch(
    client, demo_site, django_capture_on_commit_callbacks
):
    # Create an English page, as an editor would.
    home = english_home()
    page = StandardPageFactory(
        parent=home, title="Getting help", slug="getting-help", intro="Help is free."
    )
    page.save_revision().publish()
    # Pages made outside the admin get their language copies when the trees are synchronised.
    synchronise(*ensure_locales(["pl"]))
    # Not translated yet: the Polish address shows the English words and says so.
    response = client.get("/pl/getting-help/")
    assert response.status_code == 200
    assert "Ta strona nie została jeszcze przetłumaczona" in response.text
    assert re.search(r'<div lang="en-GB" dir="ltr">\s*<div class="govuk-grid-row">', response.text)
    assert "Help is free." in response.text

    # Translate it with wagtail-localize and publish.
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        translated = translate_page(
            page,
            "pl",
            {"Getting help": "Jak uzyskać pomoc", "Help is free.": "Pomoc jest bezpłatna."},
        )
    translated.refresh_from_db()
    assert translated.live_revision_id == translated.latest_revision_id
    assert translated.live and translated.alias_of_id is None
    assert translated.locale.language_code == "pl"

    polish = client.get("/pl/getting-help/")
    assert '<h1 class="govuk-heading-xl">Jak uzyskać pomoc</h1>' in polish.text
    assert "Pomoc jest bezpłatna." in polish.text
    assert "Ta strona nie została jeszcze przetłumaczona" not in polish.text
    assert '<html lang="pl" dir="ltr"' in polish.text
    # The English page is untouched.
    english = client.get("/getting-help/")
    assert "Help is free." in english.text and "Pomoc" not in english.text

    # Switch language from the English page: the switcher links the Polish translation.
    switcher = english.text[english.text.index('class="rj-languages"') :]
    assert 'href="/pl/getting-help/" hreflang="pl" lang="pl" dir="ltr">Polski</a>' in switcher
    # Both pages name each other as alternates, with English as the default.
    for html in (english.text, polish.text):
        links = hreflangs(html)
        assert links["en-GB"] == "http://testserver/getting-help/"
        assert links["pl"] == "http://testserver/pl/getting-help/"
        assert links["x-default"] == "http://testserver/getting-help/"
        assert "ar" not in links  # Arabic is still the English copy: no alternate


def test_switcher_falls_back_to_english_and_says_so(client, demo_site):
    response = client.get("/ar/privacy/")
    html = response.text
    assert '<html lang="ar" dir="rtl"' in html
    # The page is not translated: the notice is in Arabic, the content marked as English.
    assert "لم تُترجم هذه الصفحة إلى لغتك بعد" in html
    assert 'lang="en-GB" dir="ltr"' in html
    # The switcher says, in each language, that this page is in English there.
    assert "(ta strona po angielsku)" in html
    assert 'aria-current="true">العربية</span>' in html
    # No alternates: the page exists in English only.
    assert hreflangs(html) == {}


def test_translated_demo_pages_have_alternates_in_every_language(client, demo_site):
    for prefix in ("", "/pl", "/ne", "/ar"):
        response = client.get(f"{prefix}/what-is-restorative-justice/")
        assert response.status_code == 200
        assert set(hreflangs(response.text)) == {"en-GB", "pl", "ne", "ar", "x-default"}
    assert "ما هي العدالة التصالحية؟" in client.get("/ar/what-is-restorative-justice/").text
    assert "Czym jest sprawiedliwość naprawcza?" in client.get("/pl/").text
    assert "पुनर्स्थापनात्मक न्याय" in client.get("/ne/").text


def test_the_frame_and_quick_exit_are_translated(client, demo_site):
    expected = {
        "pl": ["Opuść tę stronę", "Przejdź do głównej treści", "Kontakt", "Wybierz język"],
        "ne": ["यो पृष्ठ छोड्नुहोस्", "मुख्य सामग्रीमा जानुहोस्", "हामीलाई सम्पर्क गर्नुहोस्"],
        "ar": ["اخرج من هذه الصفحة", "انتقل إلى المحتوى الرئيسي", "اتصل بنا", "القائمة"],
    }
    for code, strings in expected.items():
        html = client.get(f"/{code}/").text
        for text in strings:
            assert text in html, (code, text)
        assert 'href="/exit/"' in html  # the quick exit goes to the same place
    # Menus list the pages of that language.
    assert 'href="/pl/what-is-restorative-justice/"' in client.get("/pl/").text


def test_not_found_page_speaks_the_language_of_the_address(client, demo_site):
    response = client.get("/pl/no-such-page/")
    assert response.status_code == 404
    assert "Nie znaleziono strony" in response.text
    assert 'href="/pl/"' in response.text


def test_only_languages_switched_on_by_admins_are_offered(client, demo_site):
    assert "नेपाली" in client.get("/").text
    # Switching a language off (deleting its locale) removes it from every page.
    Page.objects.filter(locale__language_code="ne").delete()
    Locale.objects.get(language_code="ne").delete()
    html = client.get("/").text
    assert "नेपाली" not in html and "Polski" in html
    assert "ne" not in hreflangs(html)


def test_english_only_site_shows_no_switcher(client, demo_site):
    # A site with the other languages switched off (their locales deleted).
    Page.objects.exclude(locale__language_code="en-gb").delete()
    Locale.objects.exclude(language_code="en-gb").delete()
    html = client.get("/").text
    assert 'class="rj-languages"' not in html
    assert hreflangs(html) == {}


def test_search_is_limited_to_the_active_language(demo_site):
    pages = Page.objects.live().public()
    with translation.override("pl"):
        polish = scope_to_active_language(pages)
        assert {p.locale.language_code for p in polish} == {"pl"}
        results = list(scope_to_active_language(pages).search("sprawiedliwość"))
        assert results and all(p.locale.language_code == "pl" for p in results)
    with translation.override("en-gb"):
        results = list(scope_to_active_language(pages).search("restorative"))
        assert results and all(p.locale.language_code == "en-gb" for p in results)


def test_translated_home_page_query_count_is_bounded(
    client, demo_site, django_assert_max_num_queries
):
    from django.core.cache import caches

    client.get("/ar/")
    caches["pages"].clear()
    # At most 10 a page, and 3 to build the site index again after the cache is cleared.
    with django_assert_max_num_queries(13):
        assert client.get("/ar/").status_code == 200


def test_multilingual_demo_is_idempotent(demo_site):
    from django.core.management import call_command

    from wagtail.models import Revision

    counts = Page.objects.count(), Revision.objects.count()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (Page.objects.count(), Revision.objects.count()) == counts
    assert StandardPage.objects.filter(slug="what-is-restorative-justice").count() == 4


def test_editors_translate_pages_in_the_wagtail_localize_editor(
    client, demo_site, admin_user, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    from wagtail.test.utils.form_data import nested_form_data, streamfield

    client.force_login(admin_user)
    home = english_home()
    add = reverse("wagtailadmin_pages:add", args=("home", "standardpage", home.pk))
    data = nested_form_data(
        {
            "title": "Victim support",
            "slug": "victim-support",
            "intro": "Help after crime.",
            "body": streamfield([]),
            "action-publish": "publish",
        }
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(add, data).status_code == 302
    page = english(StandardPage).get(slug="victim-support", locale__language_code="en-gb")
    # A page made in the admin appears at once in every language, as English for now.
    assert client.get("/ne/victim-support/").status_code == 200

    polish = Locale.objects.get(language_code="pl")
    submit = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    assert client.get(submit).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(submit, {"locales": [polish.pk]})
    translated = page.get_translation(polish)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[translated.pk])
    # The editor opens wagtail-localize's translation editor on the Polish page.
    editor = client.get(response["Location"])
    assert editor.status_code == 200
    assert "Victim support" in editor.text and "Help after crime." in editor.text
    assert "Translation of Victim support into Polski" in editor.text


def test_questions_and_answers_are_translated_too(client, demo_site):
    html = client.get("/pl/what-is-restorative-justice/").text
    assert "Czy muszę spotkać się z drugą osobą?" in html
    assert "Nie. Udział nie skraca ani nie wydłuża wyroku." in html
    assert "Do I have to meet the other person?" not in html


def test_the_sitemap_lists_every_live_page_in_every_language_with_alternates(client, demo_site):
    xml = client.get("/sitemap.xml").text
    locations = set(re.findall(r"<loc>([^<]+)</loc>", xml))
    for page in Page.objects.live().public().filter(depth__gte=2).specific():
        assert "http://testserver" + page.url in locations, page.url
    entry = xml.split("<loc>http://testserver/pl/what-is-restorative-justice/</loc>", 1)[1]
    entry = entry.split("</url>", 1)[0]
    alternates = dict(re.findall(r'hreflang="([^"]+)" href="([^"]+)"', entry))
    assert alternates["en-GB"] == "http://testserver/what-is-restorative-justice/"
    assert alternates["pl"] == "http://testserver/pl/what-is-restorative-justice/"
    assert alternates["x-default"] == "http://testserver/what-is-restorative-justice/"
    # The same alternates as the page's own head.
    head = hreflangs(client.get("/pl/what-is-restorative-justice/").text)
    assert alternates == head


def test_feeds_and_structured_data_declare_the_language_of_their_words(client, demo_site):
    from casestudies.models import CaseStudyPage
    from events.models import EventPage

    # Untranslated copies under /pl/ are English words: they say so.
    feed = client.get("/pl/progress/updates/feed/").text
    assert '<feed xml:lang="en-GB"' in feed and '<entry xml:lang="en-GB">' in feed
    event = english(EventPage).live().first()
    html = client.get("/pl" + event.url).text
    assert '"inLanguage": "en-GB"' in html
    # A real translation says its own language.
    story = english(CaseStudyPage).live().first()
    translate_page(story, "pl", {story.title: "Historia"})
    html = client.get("/pl" + story.url).text
    assert '"inLanguage": "pl"' in html and '"headline": "Historia"' in html


def test_a_translated_leaflet_opens_the_form_in_its_language(client, demo_site):
    from leaflets.models import LeafletPage

    leaflet = english(LeafletPage).live().first()
    html = client.get("/pl" + leaflet.url + "?src=gp").text
    assert "http://testserver/pl/self-referral/?src=gp" in html
    english_html = client.get(leaflet.url + "?src=gp").text
    assert "http://testserver/self-referral/?src=gp" in english_html


def test_pages_do_not_vary_by_the_browsers_language(client, demo_site, django_assert_num_queries):
    # The address names the language, so one cached copy serves every browser.
    english_page = client.get("/what-is-restorative-justice/", HTTP_ACCEPT_LANGUAGE="pl")
    assert "accept-language" not in english_page.get("Vary", "").lower()
    assert english_page["Content-Language"] == "en-gb"
    polish = client.get("/pl/what-is-restorative-justice/", HTTP_ACCEPT_LANGUAGE="en-GB")
    assert "accept-language" not in polish.get("Vary", "").lower()
    assert polish["Content-Language"] == "pl"
    with django_assert_num_queries(0):  # from the page cache, whatever the browser asks for
        again = client.get("/what-is-restorative-justice/", HTTP_ACCEPT_LANGUAGE="ar, en;q=0.5")
    assert again.content == english_page.content


def test_the_footers_opening_hours_are_in_the_visitors_language(client, demo_site):
    assert "Monday to Friday, 9am to 5pm" in client.get("/").text
    assert "Od poniedziałku do piątku, od 09:00 do 17:00" in client.get("/pl/").text
    arabic = client.get("/ar/").text
    assert "من الإثنين إلى الجمعة، من \u206609:00\u2069 إلى \u206617:00\u2069" in arabic
    assert 'dir="ltr">0300 555 0142</a>' in arabic


def test_opening_hours_are_all_given_or_none(demo_site):
    import datetime

    from django.core.exceptions import ValidationError

    from home.models import ContactSettings

    contact = ContactSettings.for_site(demo_site.get_site())
    contact.phone_closes = None
    with pytest.raises(ValidationError):
        contact.full_clean()
    contact.phone_closes = datetime.time(8)
    with pytest.raises(ValidationError):
        contact.full_clean()  # closes before it opens
    contact.phone_days, contact.phone_opens, contact.phone_closes = "", None, None
    contact.full_clean()
    assert contact.opening_hours == ""


def test_the_old_opening_hours_sentence_becomes_days_and_times():
    import datetime
    from importlib import import_module

    migration = import_module("home.migrations.0007_contact_phone_hours_in_every_language")
    match = migration.OLD_HOURS.match("Monday to Friday, 9am to 5:30pm")
    days, h1, m1, half1, h2, m2, half2 = match.groups()
    assert migration.DAYS[days.lower()] == "weekdays"
    assert migration._time(h1, m1, half1) == datetime.time(9)
    assert migration._time(h2, m2, half2) == datetime.time(17, 30)
    assert migration.OLD_HOURS.match("Weekdays after lunch") is None


def test_the_polish_is_it_safe_page_is_in_polish(client, demo_site):
    html = client.get("/pl/is-it-safe/").text
    assert "Czy to bezpieczne?" in html and 'id="untranslated-title"' not in html
