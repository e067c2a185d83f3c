"""The kiosk over HTTP: enrolment, revocation, the locked-down layout, the form
and its referral (channel "kiosk"), and nothing kept by any cache."""

import re
from datetime import timedelta
from html import escape

import pytest
import time_machine

from django.core import mail, signing
from django.utils import timezone

from wagtail.models import Locale

from home.models import ContactSettings
from kiosk.devices import COOKIE_NAME
from kiosk.factories import KioskFactory
from kiosk.models import Kiosk
from selfreferral.models import Channel, Referral
from tests.conftest import english
from tests.kiosk.conftest import TOKEN_RE, enrol, send_kiosk_referral

EXTERNAL_LINK = re.compile(r"""<a\b[^>]*href=["'](?:https?:|mailto:|tel:|//)""", re.IGNORECASE)


def assert_never_stored(response):
    cache_control = response["Cache-Control"]
    assert "private" in cache_control
    assert "no-store" in cache_control


# Enrolment and revocation


def test_enrolment_link_asks_first_and_sets_a_signed_strict_cookie(client, kiosk):
    token = kiosk.new_enrolment_token()
    asked = client.get(f"/kiosk/enrol/{token}/")
    assert asked.status_code == 200
    assert kiosk.name in asked.text
    assert COOKIE_NAME not in asked.cookies  # opening the link (a link preview) uses nothing

    response = client.post(f"/kiosk/enrol/{token}/")
    assert response.status_code == 302
    assert response["Location"] == "/kiosk/"
    cookie = response.cookies[COOKIE_NAME]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Strict"
    assert int(cookie["max-age"]) > 365 * 24 * 60 * 60
    assert str(kiosk.pk) in cookie.value and ":" in cookie.value  # signed, not just an id
    kiosk.refresh_from_db()
    assert kiosk.enrolled_at is not None
    assert kiosk.enrolment_token_hash == ""
    assert client.get("/kiosk/").status_code == 200


def test_enrolment_link_works_once(client, kiosk):
    token = kiosk.new_enrolment_token()
    assert client.post(f"/kiosk/enrol/{token}/").status_code == 302
    other = client.__class__()
    again = other.post(f"/kiosk/enrol/{token}/")
    assert again.status_code == 404
    assert "This link does not work" in again.text
    assert COOKIE_NAME not in again.cookies


def test_enrolment_link_expires_after_a_day(client, kiosk):
    token = kiosk.new_enrolment_token()
    with time_machine.travel(timezone.now() + timedelta(hours=25)):
        response = client.post(f"/kiosk/enrol/{token}/")
    assert response.status_code == 404
    assert COOKIE_NAME not in response.cookies


def test_made_up_enrolment_link_does_not_work(client, kiosk):
    kiosk.new_enrolment_token()
    assert client.post("/kiosk/enrol/not-the-token/").status_code == 404
    assert client.get("/kiosk/enrol/" + "x" * 300 + "/").status_code == 404


def assert_locked(response):
    """The screen a revoked kiosk shows: no form, no search, no languages, no way out."""
    html = response.text
    assert response.status_code == 200
    assert "This kiosk is not in use" in html and "tell a member of staff" in html
    assert "<form" not in html
    assert 'href="/exit/"' not in html and "rj-header-search" not in html
    assert "hreflang" not in html and 'href="/pl/' not in html
    links = re.findall(r'href="([^"]+)"', html)
    assert all(link.startswith(("/kiosk/", "/static/", "#")) for link in links), links
    assert "no-store" in response["Cache-Control"]


def test_a_revoked_kiosk_shows_a_locked_screen(kiosk_client, kiosk, referral_page):
    assert kiosk_client.get("/kiosk/").status_code == 200
    kiosk.revoke()
    for url in ("/kiosk/", "/kiosk/referral/", f"/kiosk/pages/{referral_page.pk}/"):
        assert_locked(kiosk_client.get(url))


def test_new_enrolment_ends_the_old_device(client, kiosk, referral_page):
    enrol(client, kiosk)
    replacement = client.__class__()
    enrol(replacement, kiosk)
    assert replacement.get("/kiosk/").status_code == 200
    assert_locked(client.get("/kiosk/"))


def test_no_cookie_or_a_forged_one_gets_the_public_form(client, kiosk, referral_page):
    enrol(client.__class__(), kiosk)
    for cookie in (None, f"{kiosk.pk}:{kiosk.cookie_version}", "garbage"):
        client.cookies.clear()
        if cookie:
            client.cookies[COOKIE_NAME] = cookie
        for path in ("/kiosk/", "/kiosk/referral/", "/kiosk/referral/thank-you/"):
            response = client.get(path)
            assert response.status_code == 302, path
            assert response["Location"] == "/self-referral/"
            assert_never_stored(response)
    page = client.get("/self-referral/")
    assert page.status_code == 200
    assert "rj-kiosk" not in page.text


def test_post_without_a_kiosk_makes_no_referral(client, referral_page):
    response = client.post("/kiosk/referral/", {"name": "Someone"})
    assert response.status_code == 302
    assert not Referral.objects.exists()


# Layout and caching


def test_start_page_is_locked_down(kiosk_client, kiosk, demo_site):
    kiosk.about_page = demo_site.get_children().get(slug="what-is-restorative-justice")
    kiosk.save()
    response = kiosk_client.get("/kiosk/")
    assert response.status_code == 200
    assert_never_stored(response)
    html = response.text
    for label in (
        "What is restorative justice?",
        "Films",
        "Stories",
        "Ask for restorative justice",
    ):
        assert label in html
    assert 'role="search"' not in html
    assert "/exit/" not in html  # quick exit goes back to the kiosk's start instead
    assert 'data-quick-exit aria-describedby="quick-exit-hint"' in html
    assert not EXTERNAL_LINK.search(html)
    assert "kiosk-idle.js" in html
    assert 'data-kiosk-idle-seconds="120"' in html
    assert 'http-equiv="refresh"' not in html  # nothing to clear on the start page


def test_idle_time_comes_from_the_setting(kiosk_client, referral_page, settings):
    settings.KIOSK_IDLE_SECONDS = 45
    assert 'data-kiosk-idle-seconds="45"' in kiosk_client.get("/kiosk/referral/").text


def test_kiosk_pages_are_never_kept_by_the_page_cache(client, kiosk, demo_site):
    enrol(client, kiosk)
    for path in ("/kiosk/", "/kiosk/referral/"):
        assert client.get(path).status_code == 200
    # Had the page cache kept the kiosk's start page, a stranger would be served it.
    stranger = client.__class__()
    assert stranger.get("/kiosk/").status_code == 302


def test_film_page_in_kiosk_layout_has_captions_and_no_way_out(kiosk_client, demo_site):
    from films.models import FilmPage

    film = FilmPage.objects.live().first()
    film.youtube_url = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    film.save_revision().publish()
    response = kiosk_client.get(f"/kiosk/pages/{film.pk}/")
    assert response.status_code == 200
    assert_never_stored(response)
    html = response.text
    assert "rj-kiosk" in html
    assert '<track kind="captions"' in html
    assert "youtube" not in html.lower()
    assert not EXTERNAL_LINK.search(html)
    assert " download" not in html  # no download links
    assert 'role="search"' not in html
    assert 'http-equiv="refresh"' in html  # without JavaScript, back to the start in time
    # "Watch more films" stays inside the kiosk.
    assert f'href="/kiosk/pages/{film.get_parent().pk}/"' in html


def test_film_list_and_stories_link_to_kiosk_pages(kiosk_client, demo_site):
    from casestudies.models import CaseStudyIndexPage, CaseStudyPage
    from films.models import FilmIndexPage, FilmPage

    films = kiosk_client.get(f"/kiosk/pages/{english(FilmIndexPage).get().pk}/").text
    for film in english(FilmPage).live():
        assert f'href="/kiosk/pages/{film.pk}/"' in films
    stories = english(CaseStudyIndexPage).get()
    html = kiosk_client.get(f"/kiosk/pages/{stories.pk}/").text
    story = english(CaseStudyPage).live().first()
    assert f'href="/kiosk/pages/{story.pk}/"' in html
    assert f'action="/kiosk/pages/{stories.pk}/"' in html  # the filters stay in the kiosk
    assert not EXTERNAL_LINK.search(html)
    response = kiosk_client.get(f"/kiosk/pages/{story.pk}/")
    assert response.status_code == 200
    assert not EXTERNAL_LINK.search(response.text)


def test_external_links_in_rich_text_become_plain_text(kiosk_client, demo_site):
    from home.models import StandardPage

    page = english(StandardPage).get(slug="what-is-restorative-justice")
    page.body = [
        (
            "text",
            '<p>See <a href="https://www.example.com/rj">another site</a> or '
            '<a href="mailto:rj@example.org">email us</a>.</p>',
        )
    ]
    page.save_revision().publish()
    response = kiosk_client.get(f"/kiosk/pages/{page.pk}/")
    assert response.status_code == 200
    html = response.text
    assert "another site" in html and "email us" in html
    assert "example.com" not in html
    assert not EXTERNAL_LINK.search(html)


def test_pages_a_kiosk_does_not_show_are_not_found(kiosk_client, demo_site):
    from wagtail.models import Page

    from selfreferral.models import SelfReferralPage

    for page in (demo_site, english(SelfReferralPage).get()):
        response = kiosk_client.get(f"/kiosk/pages/{page.pk}/")
        assert response.status_code == 404
        assert "rj-kiosk" in response.text
        assert_never_stored(response)
    assert (
        kiosk_client.get(f"/kiosk/pages/{Page.objects.order_by('-pk')[0].pk + 99}/").status_code
        == 404
    )


# The form


def test_form_has_the_kiosk_questions_and_no_recaptcha(
    kiosk_client, kiosk, referral_page, settings
):
    settings.RECAPTCHA_PUBLIC_KEY = "public"
    settings.RECAPTCHA_PRIVATE_KEY = "private"
    response = kiosk_client.get("/kiosk/referral/")
    assert response.status_code == 200
    assert_never_stored(response)
    html = response.text
    assert "recaptcha" not in html.lower()
    assert "Through my key worker or offender manager" in html
    assert 'name="prison_number"' in html
    assert 'name="phone"' not in html and 'name="email"' not in html
    assert kiosk.eligibility_notice in html
    assert '<form method="post" action="/kiosk/referral/" novalidate autocomplete="off"' in html
    for field in re.findall(r"<(?:input|textarea)\b[^>]*>", html):
        if 'type="hidden"' in field or 'type="radio"' in field or 'type="checkbox"' in field:
            continue
        assert 'autocomplete="off"' in field, field


@pytest.mark.parametrize("code", ["en-gb", "pl"])
def test_the_full_privacy_notice_is_on_the_form_page(kiosk_client, referral_page, code):
    """The short notice's link opened the kiosk copy of the privacy page, and every
    answer typed so far was lost: now the link opens the full notice on the form."""
    privacy = ContactSettings.objects.get().privacy_page.get_translation(
        Locale.objects.get(language_code=code)
    )
    prefix = "" if code == "en-gb" else f"/{code}"
    html = kiosk_client.get(f"{prefix}/kiosk/referral/").text
    form = re.search(r'<form method="post".*?</form>', html, re.S).group(0)
    details = re.search(
        r'<details class="govuk-details rj-kiosk-privacy">.*?</details>', form, re.S
    )
    assert details is not None
    assert 'id="privacy-notice"' in details.group(0)
    assert escape(privacy.specific.intro) in details.group(0)
    short = re.search(r'<div class="rj-prose rj-privacy-notice">(.*?)</div>', form, re.S).group(1)
    assert re.search(r'<a href="#privacy-notice">[^<]+</a>', short), short
    # Nothing on the form leads to the privacy page itself.
    assert privacy.url not in html and f"/kiosk/pages/{privacy.pk}/" not in html


def test_a_kiosk_form_too_long_to_send_says_so_in_the_kiosk_frame(kiosk_client, referral_page):
    response = send_kiosk_referral(kiosk_client, what_happened="x" * 300_000)
    assert response.status_code == 400
    assert_never_stored(response)
    html = response.text
    assert "Your form was too long to send" in html and "could not keep your answers" in html
    assert "rj-kiosk" in html and 'href="/kiosk/referral/"' in html
    assert not EXTERNAL_LINK.search(html)
    assert not Referral.objects.exists()


def test_enrolled_kiosk_sends_a_kiosk_referral(kiosk_client, kiosk, referral_page):
    response = send_kiosk_referral(kiosk_client)
    assert response.status_code == 302
    assert response["Location"].startswith("/kiosk/referral/thank-you/?ref=")
    referral = Referral.objects.get()
    assert referral.channel == Channel.KIOSK == "kiosk"
    assert referral.source_code == f"kiosk-{kiosk.pk}"
    assert referral.prison_number == "A1234BC"
    assert referral.preferred_contact == "professional"
    # The coordinator email was queued (and, in tests, sent at once).
    assert len(mail.outbox) == 1
    assert referral.reference in mail.outbox[0].body or referral.reference in mail.outbox[0].subject

    thanks = kiosk_client.get(response["Location"])
    assert thanks.status_code == 200
    assert_never_stored(thanks)
    assert referral.reference in thanks.text
    assert "rj-kiosk" in thanks.text
    assert 'href="/kiosk/"' in thanks.text
    assert 'http-equiv="refresh" content="120; url=/kiosk/"' in thanks.text


def test_source_code_cannot_be_changed_by_the_form(kiosk_client, kiosk, referral_page):
    send_kiosk_referral(kiosk_client, src="leaflet-a")
    assert Referral.objects.get().source_code == f"kiosk-{kiosk.pk}"


def shown_reference(response):
    from selfreferral.views import THANK_YOU_SALT

    token = response["Location"].split("?ref=", 1)[1]
    return signing.loads(token, salt=THANK_YOU_SALT)


def test_a_double_tap_makes_one_referral(kiosk_client, referral_page):
    page = kiosk_client.get("/kiosk/referral/")
    token = TOKEN_RE.search(page.text).group(1)
    first = send_kiosk_referral(kiosk_client, form_token=token)
    second = send_kiosk_referral(kiosk_client, form_token=token)
    # Both go to the thank-you page of the same referral (the signed link's
    # timestamp may differ by a second, so compare what it carries).
    assert shown_reference(first) == shown_reference(second) == Referral.objects.get().reference


def test_errors_are_shown_in_the_kiosk_layout_with_answers_kept(kiosk_client, referral_page):
    response = send_kiosk_referral(kiosk_client, preferred_contact=None, name="Sam Example")
    assert response.status_code == 200
    assert_never_stored(response)
    assert "There is a problem" in response.text
    assert "Choose how we should contact you" in response.text
    assert 'value="Sam Example"' in response.text
    assert "rj-kiosk" in response.text
    assert not Referral.objects.exists()


@pytest.mark.parametrize(
    ("contact", "message"),
    [
        ("letter", "Write the name of your prison and your wing"),
        ("professional", "Write the name of your key worker or offender manager"),
    ],
)
def test_missing_contact_detail_is_asked_for_in_prison_words(
    kiosk_client, referral_page, contact, message
):
    response = send_kiosk_referral(kiosk_client, preferred_contact=contact, address="")
    assert message in response.text
    assert "postal address" not in response.text
    assert not Referral.objects.exists()


def test_rate_limit_is_per_kiosk(client, referral_page, settings):
    settings.KIOSK_RATE_LIMIT = 1
    first, second = KioskFactory(), KioskFactory()
    enrol(client, first)
    assert send_kiosk_referral(client).status_code == 302
    limited = send_kiosk_referral(client, name="Jo Kept")
    assert limited.status_code == 429
    assert "rj-kiosk" in limited.text
    assert "Too many forms sent" in limited.text and 'value="Jo Kept"' in limited.text
    assert "phone us" not in limited.text  # a kiosk has no phone to offer
    assert_never_stored(limited)
    # Another kiosk on the same prison network is not held back.
    other = client.__class__()
    enrol(other, second)
    assert send_kiosk_referral(other).status_code == 302
    assert Referral.objects.count() == 2


def test_old_thank_you_link_goes_back_to_the_kiosk_form(kiosk_client, referral_page):
    response = kiosk_client.get("/kiosk/referral/thank-you/?ref=nonsense")
    assert response.status_code == 302
    assert response["Location"] == "/kiosk/referral/"


@pytest.mark.parametrize("method", ["put", "delete"])
def test_other_methods_are_refused(kiosk_client, referral_page, method):
    assert getattr(kiosk_client, method)("/kiosk/").status_code == 405
    assert getattr(kiosk_client, method)("/kiosk/referral/").status_code == 405


# Demo content


def test_demo_has_a_kiosk_ready_to_enrol(demo_site):
    kiosk = Kiosk.objects.get(name="HMP Fenmoor (demo kiosk)")
    assert kiosk.eligibility_notice
    assert kiosk.about_page.slug == "what-is-restorative-justice"
    assert kiosk.enrolled_at is None


def test_only_links_to_kiosk_pages_stay_links(demo_site, rf):
    from wagtail.models import Site

    from kiosk.links import keep_inside_kiosk

    films = demo_site.get_children().get(slug="films")
    html = (
        '<a href="/films/?page=2" class="govuk-link">films</a>'
        '<a href="?page=3">next</a><a href="#transcript">transcript</a>'
        '<a href="/kiosk/referral/">form</a>'
        '<a href="//example.com/films/">protocol-relative</a>'
        "<a href=\"javascript:alert('x')\">script</a>"
        '<a href="/admin/">admin</a><a href="/documents/1/leaflet.pdf" download>pdf</a>'
        '<abbr title="restorative justice">RJ</abbr>'
    )
    request = rf.get("/kiosk/")
    out = keep_inside_kiosk(html, request, Site.objects.get(is_default_site=True))
    assert f'<a href="/kiosk/pages/{films.pk}/?page=2" class="govuk-link">films</a>' in out
    for kept in ('href="?page=3"', 'href="#transcript"', 'href="/kiosk/referral/"', "<abbr"):
        assert kept in out
    for gone in ("example.com", "javascript:", "/admin/", ".pdf"):
        assert gone not in out
    for text in ("protocol-relative", "script", "admin", "pdf"):
        assert f'<span class="rj-kiosk-unlinked">{text}</span>' in out


def test_a_way_out_written_into_a_page_is_unlinked_on_the_kiosk(kiosk_client, demo_site):
    from home.models import StandardPage

    page = english(StandardPage).get(slug="what-is-restorative-justice")
    page.body = [
        (
            "text",
            '<p><a href="/kiosk/../exit/">one</a> <a href="/kiosk/%2e%2e/search/?q=x">two</a></p>',
        )
    ]
    page.save_revision().publish()
    html = kiosk_client.get(f"/kiosk/pages/{page.pk}/").text
    assert '<span class="rj-kiosk-unlinked">one</span>' in html
    assert '<span class="rj-kiosk-unlinked">two</span>' in html
    assert "exit/" not in html and "search/" not in html


@pytest.mark.parametrize(
    "href",
    [
        "/kiosk/../exit/",
        "/kiosk/%2e%2e/search/",
        "/kiosk/%2E%2e/admin/",
        "/kiosk/.%2e/exit/",
        "/kiosk/pages/../../exit/",
        "/kiosk/..\\exit/",
        "/kiosk/\t../exit/",
        " /kiosk/../exit/",
        "/kiosk/nowhere/",  # a kiosk address with no kiosk page: the public 404 page
        "/kiosk%2f..%2fexit/",
        "../exit/",
        "http://evil.example/kiosk/",
        "\\\\evil.example/kiosk/",
        "JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
    ],
)
def test_links_that_a_browser_resolves_outside_the_kiosk_are_unlinked(demo_site, rf, href):
    from wagtail.models import Site

    from kiosk.links import keep_inside_kiosk

    html = f"<p><a href=\"{href}\">way out</a> <a HREF='{href}'>another</a></p>"
    out = keep_inside_kiosk(html, rf.get("/kiosk/pages/1/"), Site.objects.get(is_default_site=True))
    assert "href" not in out.lower(), out
    assert '<span class="rj-kiosk-unlinked">way out</span>' in out


def test_a_form_or_button_that_sends_outside_the_kiosk_is_made_inert(demo_site, rf):
    from wagtail.models import Site

    from kiosk.links import keep_inside_kiosk

    html = (
        '<form action="/kiosk/%2e%2e/search/"><input name="q"><button>Go</button></form>'
        '<form action="/kiosk/referral/"><button formaction="/kiosk/../exit/">Out</button></form>'
    )
    out = keep_inside_kiosk(html, rf.get("/kiosk/"), Site.objects.get(is_default_site=True))
    assert "search" not in out and "exit" not in out
    assert '<input name="q">' in out  # the fields stay, with nowhere to be sent
    assert '<form action="/kiosk/referral/"><button>Out</button></form>' in out


def test_links_inside_the_kiosk_are_written_as_the_browser_reads_them(demo_site, rf):
    from wagtail.models import Site

    from kiosk.links import keep_inside_kiosk

    html = '<a href="/kiosk/pages/../referral/?a=1&amp;b=2#top">form</a><a href="?page=2">next</a>'
    out = keep_inside_kiosk(html, rf.get("/kiosk/"), Site.objects.get(is_default_site=True))
    assert '<a href="/kiosk/referral/?a=1&amp;b=2#top">form</a>' in out
    assert '<a href="?page=2">next</a>' in out


def test_the_kiosk_speaks_the_language_chosen_on_its_start_screen(kiosk_client, kiosk, demo_site):
    kiosk.about_page = demo_site.get_children().get(slug="what-is-restorative-justice")
    kiosk.save()
    english = kiosk_client.get("/kiosk/").text
    # The start screen offers every language, each named in itself.
    for code, name in (("pl", "Polski"), ("ne", "नेपाली"), ("ar", "العربية")):
        assert f'href="/{code}/kiosk/" role="button" draggable="false" hreflang="{code}"' in english
        assert name in english
    polish = kiosk_client.get("/pl/kiosk/")
    assert polish.status_code == 200
    assert_never_stored(polish)
    html = polish.text
    assert '<html lang="pl" dir="ltr"' in html
    assert "Poproś o sprawiedliwość naprawczą" in html and "Zacznij od nowa" in html
    assert "Czym jest sprawiedliwość naprawcza?" in html
    # The menu opens the Polish pages, in the kiosk layout; resetting goes back to the default.
    about = re.search(r'href="(/pl/kiosk/pages/\d+/)"', html).group(1)
    page = kiosk_client.get(about).text
    assert (
        "Czym jest sprawiedliwość naprawcza?" in page
        and 'class="govuk-template__body rj-kiosk"' in page
    )
    assert 'data-kiosk-start="/kiosk/"' in page and 'href="/kiosk/" role="button"' in page
    # Links inside the Polish film list stay in the kiosk, in Polish.
    films = re.search(
        r'href="(/pl/kiosk/pages/\d+/)"[^>]*>\s*<span class="rj-kiosk-menu__title">Filmy', html
    )
    film_list = kiosk_client.get(films.group(1)).text
    assert re.search(r'href="/pl/kiosk/pages/\d+/"', film_list.split("<main", 1)[1])
    # The form is the Polish one, and a referral from it is still the kiosk's.
    form = kiosk_client.get("/pl/kiosk/referral/").text
    assert "Wyślij" in form or "Zgłoś" in form
    arabic = kiosk_client.get("/ar/kiosk/").text
    assert '<html lang="ar" dir="rtl"' in arabic and "ابدأ من جديد" in arabic
