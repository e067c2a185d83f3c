"""The referral forms and their thank-you page (served by SelfReferralPage,
ProfessionalReferralPage and the kiosk).

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
from django.views import View

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


class ReferralFormView(View):
    """A referral form on `page` (the website's self-referral form).

    Subclasses are the other forms the public fills in: the prison kiosk's (no
    reCAPTCHA, its own rate limit, source code, thank-you page and refusals) and the
    professionals' (its own questions). Every guard but the reCAPTCHA stays for all.

    A form that cannot be sent now (too many sends, the same form sent again with
    other answers, the database not answering) comes back with every answer kept
    and says why: nothing typed is lost."""

    page = None
    channel = Channel.WEB
    template_name = "selfreferral/self_referral_page.html"
    # Whether the form asks for a reCAPTCHA (when the site has keys for it).
    captcha = True
    http_method_names = ["get", "head", "post"]

    # What a subclass may change

    def get_form(self, **kwargs):
        kwargs.setdefault("captcha", self.captcha)
        return SelfReferralForm(channel=self.channel, **kwargs)

    def rate_limit_key(self):
        """Whose sends are counted together (None: the visitor's address)."""
        return None

    def rate_limit(self):
        return None

    def fixed_source_code(self):
        """A source code every referral from this form carries (None: from the link)."""
        return None

    def thank_you_path(self):
        return None

    def get_extra_context(self):
        return {}

    def get_form_context(self, form):
        return {}

    def get_refusals(self):
        return REFUSALS

    # The form

    def page_for(self, form, refusal=None, status=200):
        request = self.request
        context = {
            "page": self.page,
            "self": self.page,
            "form": form,
            "recaptcha": "captcha" in form.fields,
            "refusal": refusal,
            **self.get_extra_context(),
            **self.get_form_context(form),
        }
        if refusal is REFUSALS["rate_limited"]:  # the web's: a kiosk has no phone to offer
            context["contact"] = ContactSettings.for_request(request)
        response = TemplateResponse(request, self.template_name, context, status=status)
        if "captcha" in form.fields:
            response._csp_update = RECAPTCHA_CSP
        return _private(response)

    def answers_kept(self, refusal, status):
        kept = answers_to_keep(self.request.POST)
        if self.fixed_source_code() is not None:
            kept["src"] = self.fixed_source_code()
        return self.page_for(self.get_form(initial=kept), refusal, status)

    def redirect_to_thank_you(self, referral):
        return _private(
            HttpResponseRedirect(thank_you_url(self.page, referral, self.thank_you_path()))
        )

    def get(self, request, *args, **kwargs):
        fixed = self.fixed_source_code()
        src = fixed if fixed is not None else request.GET.get("src")
        return self.page_for(self.get_form(initial={"src": source_code_for(src)}))

    def post(self, request, *args, **kwargs):
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
                    {"page": self.page, "form_url": request.path, **self.get_extra_context()},
                    status=HttpResponseBadRequest.status_code,
                )
            )
        refusals = {**REFUSALS, **self.get_refusals()}
        try:
            if rate_limited(request, key=self.rate_limit_key(), limit=self.rate_limit()):
                response = self.answers_kept(refusals["rate_limited"], 429)
                response["Retry-After"] = str(settings.SELF_REFERRAL_RATE_WINDOW_SECONDS)
                return response
            data = request.POST
            if self.fixed_source_code() is not None:
                data = data.copy()
                data["src"] = self.fixed_source_code()
            token = read_form_token(data.get("form_token"))
            earlier = (
                Referral.objects.filter(submission_token=token["n"]).first() if token else None
            )
            if earlier is not None:
                # Sent before with this token: the same answers are a double click (one
                # referral; the reCAPTCHA was answered then); other answers are a change
                # we must not drop without a word.
                form = self.get_form(data=data, captcha=False)
                if form.is_valid() and form.same_answers_as(earlier):
                    return self.redirect_to_thank_you(earlier)
                return self.answers_kept(refusals["already_sent"], 200)
            form = self.get_form(data=data)
            if not form.is_valid():
                return self.page_for(form)
            referral = form.save()
        except (OperationalError, InterfaceError):
            logger.error("Referral not saved: database unavailable")
            return _unavailable(request, lambda: self.answers_kept(refusals["unavailable"], 503))
        return self.redirect_to_thank_you(referral)


class ProfessionalReferralFormView(ReferralFormView):
    """The professionals' referral form (ProfessionalReferralPage): its own questions,
    every guard of the public form."""

    channel = Channel.PROFESSIONAL
    template_name = "selfreferral/professional_referral_page.html"


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
                .only("reference", "first_contact_due", "channel")
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
