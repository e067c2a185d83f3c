"""The kiosk pages: start, content pages in the kiosk layout, the self-referral
form (the kiosk's questions) and its thank-you page, and enrolment.

Every response says `Cache-Control: private, no-store` and varies on the cookie:
nothing a kiosk shows is kept by the page cache, a proxy or the browser."""

from dataclasses import replace
from functools import wraps

from django.conf import settings
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from wagtail.models import Locale, Page, Site

from feedback import views as feedback_views
from home.i18n import language_name
from home.locales import live_locales
from home.models import ContactSettings
from kiosk.devices import kiosk_for_request, set_kiosk_cookie, was_enrolled
from kiosk.links import KIOSK_PAGE_TYPES, keep_inside_kiosk, kiosk_page_url
from kiosk.models import Kiosk
from selfreferral import views as referral_views
from selfreferral.choices import Channel
from selfreferral.models import SelfReferralPage


def _no_store(response):
    add_never_cache_headers(response)
    patch_cache_control(response, private=True, no_store=True)
    patch_vary_headers(response, ["Cookie"])
    return response


def _referral_page():
    """The self-referral page in the kiosk's language (its form's questions follow)."""
    return (
        SelfReferralPage.objects.live()
        .public()
        .filter(locale=Locale.get_active())
        .order_by("path")
        .first()
    )


def _first_page_of_type(label):
    app_label, model = label.split(".")
    return (
        Page.objects.live()
        .public()
        .filter(
            locale=Locale.get_active(),
            content_type__app_label=app_label,
            content_type__model=model,
        )
        .order_by("path")
        .first()
    )


def _shown_in_kiosk(page):
    model = page.specific_class
    return model is not None and model._meta.label_lower in KIOSK_PAGE_TYPES


def kiosk_languages():
    """The kiosk's start in each live language, for the language choice on its start screen."""
    options = []
    for locale in live_locales():
        with translation.override(locale.language_code):
            options.append(
                {
                    "code": locale.language_code,
                    "name": language_name(locale.language_code),
                    "url": reverse("kiosk:start"),
                    "current": locale.language_code == translation.get_language(),
                }
            )
    active = translation.get_language()
    for option in options:
        option["current"] = option["code"] == active
    return options if len(options) > 1 else []


def kiosk_context(kiosk, refresh_seconds=None):
    with translation.override(settings.LANGUAGE_CODE):
        # Idle or finished: the next person starts in the default language, with the choice.
        reset_url = reverse("kiosk:start")
    return {
        "kiosk": True,
        "kiosk_device": kiosk,
        "kiosk_reset_url": reset_url,
        "kiosk_idle_seconds": settings.KIOSK_IDLE_SECONDS,
        # Without JavaScript: back to the start after this long (see docs/kiosk.md).
        "kiosk_refresh_seconds": refresh_seconds
        if refresh_seconds is not None
        else settings.KIOSK_NO_SCRIPT_REFRESH_SECONDS,
    }


def kiosk_only(view):
    """Serve `view` to enrolled kiosks. A device that was a kiosk until it was revoked
    gets a locked screen (no way out to the public site and beyond); anyone else gets
    the public self-referral page."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        kiosk = kiosk_for_request(request)
        if kiosk is None and was_enrolled(request):
            response = render(request, "kiosk/locked.html", kiosk_context(None, 0))
        elif kiosk is None:
            page = _referral_page()
            response = HttpResponseRedirect((page.url if page else None) or "/")
        else:
            response = view(request, kiosk, *args, **kwargs)
            # A page drawn without the database (to send a form again) has no links to keep in.
            if response.get("Content-Type", "").startswith("text/html") and not getattr(
                response, "drawn_without_database", False
            ):
                if hasattr(response, "render"):
                    response.render()
                # Rich text anywhere (a privacy notice on the form) keeps to the kiosk too.
                site = Site.find_for_request(request)
                response.content = keep_inside_kiosk(
                    response.content.decode(),
                    request,
                    site,
                    links_here=getattr(response, "kiosk_links_here", None),
                )
        return _no_store(response)

    return wrapped


@require_safe
@kiosk_only
def start(request, kiosk):
    menu = []
    about = kiosk.about_page
    # The chosen page in the kiosk's language, when it is published there.
    about = about.localized if about is not None else None
    if (
        about is not None
        and about.live
        and _shown_in_kiosk(about)
        and not about.get_view_restrictions()
    ):
        menu.append(
            {
                "title": _("What is restorative justice?"),
                "text": _("What it is, and how it can help"),
                "url": kiosk_page_url(about.pk),
            }
        )
    for label, title, text in (
        ("films.filmindexpage", _("Films"), _("Watch short films, with captions")),
        ("casestudies.casestudyindexpage", _("Stories"), _("Read what happened for other people")),
    ):
        page = _first_page_of_type(label)
        if page is not None:
            menu.append({"title": title, "text": text, "url": kiosk_page_url(page.pk)})
    if _referral_page() is not None:
        menu.append(
            {
                "title": _("Ask for restorative justice"),
                "text": _("Fill in a short form. It is free"),
                "url": reverse("kiosk:referral"),
            }
        )
    menu.append(
        {
            "title": _("Tell us how it went"),
            "text": _("Have a feedback slip? Type its code here"),
            "url": reverse("kiosk:feedback_start"),
        }
    )
    # The start page has nothing to clear, so it never refreshes itself.
    context = {"menu": menu, "languages": kiosk_languages(), **kiosk_context(kiosk, 0)}
    return render(request, "kiosk/start.html", context)


def _not_found(request, kiosk):
    return render(request, "kiosk/not_found.html", kiosk_context(kiosk), status=404)


@require_safe
@kiosk_only
def page(request, kiosk, page_id):
    found = Page.objects.live().public().filter(pk=page_id).first()
    if found is None or not _shown_in_kiosk(found):
        return _not_found(request, kiosk)
    content_page = found.specific
    if getattr(content_page, "youtube_url", ""):
        # A kiosk has no internet: no YouTube section (this copy is never saved).
        content_page.youtube_url = ""
    context = content_page.get_context(request)
    context.update(kiosk_context(kiosk))
    return render(request, content_page.get_template(request), context)


def _kiosk_sections(form):
    # Browsers must not offer what the last person typed: autocomplete="off" on each field.
    return [
        (section, [(replace(question, autocomplete="off"), field) for question, field in fields])
        for section, fields in form.sections
    ]


# The kiosk's own words when a form cannot be sent now: no phone, no internet connection.
KIOSK_REFUSALS = {
    "rate_limited": referral_views.Refusal(
        "Too many forms sent",
        (
            "A lot of forms have been sent from this screen, so we could not send yours. "
            "Your answers are still in the form below: please try again in an hour.",
            "You can also ask a member of staff for a paper form.",
        ),
    ),
}


# Where the full privacy notice sits on the kiosk's form (kiosk/referral_form.html).
PRIVACY_NOTICE_ID = "privacy-notice"


def _privacy_page(request):
    """The site's privacy notice in the kiosk's language, if a kiosk may show it."""
    page = ContactSettings.for_request(request).privacy_page
    if page is None:
        return None
    page = page.localized.specific
    if not page.live or not _shown_in_kiosk(page) or page.get_view_restrictions():
        return None
    return page


class KioskReferralFormView(referral_views.ReferralFormView):
    """The self-referral form on a prison kiosk."""

    kiosk = None
    privacy_page = None
    channel = Channel.KIOSK
    template_name = "kiosk/referral_form.html"
    # Kiosks have no internet, so no reCAPTCHA. The signed form token stays: it
    # makes one referral of a double tap, and holds the minimum time to fill in.
    captcha = False

    def rate_limit_key(self):
        return f"kiosk-{self.kiosk.pk}"

    def rate_limit(self):
        return settings.KIOSK_RATE_LIMIT

    def fixed_source_code(self):
        return self.kiosk.source_code

    def thank_you_path(self):
        return reverse("kiosk:thank_you")

    def get_extra_context(self):
        return {
            **kiosk_context(self.kiosk),
            "privacy_page": self.privacy_page,
            "privacy_notice_id": PRIVACY_NOTICE_ID,
        }

    def get_form_context(self, form):
        return {"kiosk_sections": _kiosk_sections(form)}

    def get_refusals(self):
        return KIOSK_REFUSALS


@kiosk_only
def referral(request, kiosk):
    referral_page = _referral_page()
    if referral_page is None:
        return _not_found(request, kiosk)
    privacy_page = _privacy_page(request)
    response = KioskReferralFormView.as_view(
        page=referral_page, kiosk=kiosk, privacy_page=privacy_page
    )(request)
    if privacy_page is not None:
        # The short notice's "read our privacy notice" opens the full one on this page:
        # following it to the page would lose every answer typed so far.
        _, _, path = privacy_page.get_url_parts(request)
        response.kiosk_links_here = {path: PRIVACY_NOTICE_ID}
    return response


@kiosk_only
def thank_you(request, kiosk):
    referral_page = _referral_page()
    if referral_page is None:
        return _not_found(request, kiosk)
    return referral_views.thank_you(
        request,
        referral_page,
        template="kiosk/thank_you.html",
        form_url=reverse("kiosk:referral"),
        # Nothing typed, nothing playing: clear the reference soon, even without JavaScript.
        extra_context=kiosk_context(kiosk, settings.KIOSK_IDLE_SECONDS),
    )


def enrol(request, token):
    """An administrator opens the one-time link on the device to make it a kiosk."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    if request.method == "POST":
        kiosk = Kiosk.enrol_with_token(token)
        if kiosk is not None:
            response = HttpResponseRedirect(reverse("kiosk:start"))
            set_kiosk_cookie(response, kiosk)
            return _no_store(response)
    else:
        kiosk = Kiosk.for_enrolment_token(token)
    # Opening the link only asks; the POST uses it up (link previews must not).
    status = 200 if kiosk is not None else 404
    response = render(request, "kiosk/enrol.html", {"kiosk_to_enrol": kiosk}, status=status)
    response["Referrer-Policy"] = settings.FORM_PAGE_REFERRER_POLICY
    return _no_store(response)


# The feedback survey in the kiosk's frame: a printed slip's code typed at the kiosk.
KIOSK_FEEDBACK = {
    "start": "kiosk:feedback_start",
    "survey": "kiosk:feedback_survey",
    "thank_you": "kiosk:feedback_thank_you",
}


@kiosk_only
def feedback_start(request, kiosk):
    return feedback_views.start(
        request,
        extra_context=kiosk_context(kiosk),
        names=KIOSK_FEEDBACK,
        rate_limit_key=f"kiosk-{kiosk.pk}",
    )


@kiosk_only
def feedback_survey(request, kiosk, code):
    return feedback_views.survey(
        request, code, extra_context=kiosk_context(kiosk), names=KIOSK_FEEDBACK
    )


@kiosk_only
def feedback_thank_you(request, kiosk):
    return feedback_views.thank_you(
        request,
        extra_context=kiosk_context(kiosk, settings.KIOSK_IDLE_SECONDS),
        names=KIOSK_FEEDBACK,
    )
