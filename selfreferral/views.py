"""The self-referral form and its thank-you page (served by SelfReferralPage).

Both send `Cache-Control: private, no-store`: they are never kept by the page
cache, a proxy or the browser, so Back after sending cannot show the answers."""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db import InterfaceError, OperationalError
from django.http import HttpResponseBadRequest, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control

from home.guards import rate_limited
from home.models import ContactSettings
from rjsite.views import resend_page
from selfreferral.forms import (
    ALREADY_SENT_MESSAGE,
    ANSWERS_KEPT_MESSAGE,
    GUARD_TITLE,
    RATE_LIMITED_MESSAGE,
    RATE_LIMITED_TITLE,
    UNAVAILABLE_MESSAGE,
    UNAVAILABLE_TITLE,
    SelfReferralForm,
    answers_to_keep,
    read_form_token,
)
from selfreferral.models import Channel, Referral
from selfreferral.sources import source_code_for

logger = logging.getLogger(__name__)
THANK_YOU_SALT = "selfreferral.thank-you"
THANK_YOU_MAX_AGE = 2 * 60 * 60

RECAPTCHA_CSP = {
    "script-src": ["https://www.google.com/recaptcha/", "https://www.gstatic.com/recaptcha/"],
    "frame-src": ["https://www.google.com/recaptcha/", "https://recaptcha.google.com/recaptcha/"],
}


def _private(response):
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    response["Referrer-Policy"] = settings.FORM_PAGE_REFERRER_POLICY
    return response


def thank_you_url(page, referral, thank_you_path=None):
    # The reference, signed so it cannot be guessed or changed; no personal data.
    token = signing.dumps(referral.reference, salt=THANK_YOU_SALT, compress=True)
    path = thank_you_path or page.url + page.reverse_subpage("thank_you_view")
    return path + "?ref=" + token


def referral_form(
    request,
    page,
    channel=Channel.WEB,
    template="selfreferral/self_referral_page.html",
    *,
    captcha=True,
    rate_limit_key=None,
    rate_limit=None,
    source_code=None,
    thank_you_path=None,
    extra_context=None,
    form_context=None,
    refusals=None,
):
    """The form for `page`. Another channel (the prison kiosk) may leave out the
    reCAPTCHA, count sends by its own key, fix the source code, send people to its
    own thank-you path, add to the page's context for its form (`form_context`:
    form -> dict) and word its own refusals; the other guards stay.

    A form that cannot be sent now (too many sends, the same form sent again with
    other answers, the database not answering) comes back with every answer kept
    and says why: nothing typed is lost."""
    extra_context = extra_context or {}
    refusals = {**REFUSALS, **(refusals or {})}

    def page_for(form, refusal=None, status=200):
        context = {
            "page": page,
            "self": page,
            "form": form,
            "recaptcha": "captcha" in form.fields,
            "refusal": refusal,
            **extra_context,
            **(form_context(form) if form_context else {}),
        }
        if refusal is REFUSALS["rate_limited"]:  # the web's: a kiosk has no phone to offer
            context["contact"] = ContactSettings.for_request(request)
        response = TemplateResponse(request, template, context, status=status)
        if "captcha" in form.fields:
            response._csp_update = RECAPTCHA_CSP
        return _private(response)

    def new_form(**kwargs):
        form = SelfReferralForm(channel=channel, **kwargs)
        if not captcha:
            form.fields.pop("captcha", None)
        return form

    def answers_kept(refusal, status):
        kept = answers_to_keep(request.POST)
        if source_code is not None:
            kept["src"] = source_code
        return page_for(new_form(initial=kept), refusal, status)

    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    if request.method != "POST":
        src = source_code if source_code is not None else request.GET.get("src")
        return page_for(new_form(initial={"src": source_code_for(src)}))
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > settings.SELF_REFERRAL_MAX_BODY_BYTES:
        # Not read at all (that is the point of the limit), so nothing can be kept:
        # the site's 400 page says so, in the visitor's language, with the quick exit.
        return _private(
            TemplateResponse(
                request,
                "selfreferral/form_too_large.html",
                {"page": page, "form_url": request.path, **extra_context},
                status=HttpResponseBadRequest.status_code,
            )
        )
    try:
        if rate_limited(request, key=rate_limit_key, limit=rate_limit):
            response = answers_kept(refusals["rate_limited"], 429)
            response["Retry-After"] = str(settings.SELF_REFERRAL_RATE_WINDOW_SECONDS)
            return response
        data = request.POST
        if source_code is not None:
            data = data.copy()
            data["src"] = source_code
        token = read_form_token(data.get("form_token"))
        earlier = Referral.objects.filter(submission_token=token["n"]).first() if token else None
        form = new_form(data=data)
        if earlier is not None:
            # Sent before with this token: the same answers are a double click (one
            # referral); other answers are a change we must not drop without a word.
            form.fields.pop("captcha", None)
            if form.is_valid() and form.same_answers_as(earlier):
                return _private(HttpResponseRedirect(thank_you_url(page, earlier, thank_you_path)))
            return answers_kept(refusals["already_sent"], 200)
        if not form.is_valid():
            return page_for(form)
        referral = form.save()
    except (OperationalError, InterfaceError):
        logger.error("Self-referral not saved: database unavailable")
        return _unavailable(request, lambda: answers_kept(refusals["unavailable"], 503))
    return _private(HttpResponseRedirect(thank_you_url(page, referral, thank_you_path)))


@dataclass(frozen=True)
class Refusal:
    """Why a form could not be sent now: the error summary's title and lines."""

    title: str
    lines: tuple


REFUSALS = {
    "rate_limited": Refusal(RATE_LIMITED_TITLE, (RATE_LIMITED_MESSAGE, ANSWERS_KEPT_MESSAGE)),
    "already_sent": Refusal(GUARD_TITLE, (ALREADY_SENT_MESSAGE,)),
    "unavailable": Refusal(UNAVAILABLE_TITLE, (UNAVAILABLE_MESSAGE, ANSWERS_KEPT_MESSAGE)),
}


def _unavailable(request, full_page):
    """The form with its answers when the page can still be drawn; otherwise a page
    drawn without the database that holds the answers and sends them again."""
    try:
        response = full_page()
        response.render()
    except (OperationalError, InterfaceError):
        response = resend_page(request, UNAVAILABLE_TITLE, [UNAVAILABLE_MESSAGE], status=503)
    response["Retry-After"] = "30"
    return response


def thank_you(
    request, page, template="selfreferral/thank_you.html", form_url=None, extra_context=None
):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    referral = None
    token = request.GET.get("ref", "")
    if token and len(token) < 200:
        try:
            reference = signing.loads(token, salt=THANK_YOU_SALT, max_age=THANK_YOU_MAX_AGE)
        except signing.BadSignature:
            reference = None
        if isinstance(reference, str):
            referral = (
                Referral.objects.filter(reference=reference)
                .only("reference", "first_contact_due")
                .first()
            )
    if referral is None:
        # An old or changed link: the form again, not an error.
        return _private(HttpResponseRedirect(form_url or page.url))
    response = TemplateResponse(
        request,
        template,
        {"page": page, "self": page, "referral": referral, **(extra_context or {})},
    )
    return _private(response)
