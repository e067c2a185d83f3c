"""The self-referral form and its thank-you page (served by SelfReferralPage).

Both send `Cache-Control: private, no-store`: they are never kept by the page
cache, a proxy or the browser, so Back after sending cannot show the answers."""

from django.conf import settings
from django.core import signing
from django.http import HttpResponseBadRequest, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control

from home.models import ContactSettings
from selfreferral.forms import SelfReferralForm, read_form_token
from selfreferral.guards import rate_limited
from selfreferral.models import Channel, Referral
from selfreferral.sources import source_code_for

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
    rate_limited_template="selfreferral/rate_limited.html",
):
    """The form for `page`. Another channel (the prison kiosk) may leave out the
    reCAPTCHA, count sends by its own key, fix the source code and send people to
    its own thank-you path; the other guards stay."""
    extra_context = extra_context or {}
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    status = 200
    if request.method == "POST":
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.SELF_REFERRAL_MAX_BODY_BYTES:
            return _private(HttpResponseBadRequest("The form sent was too large."))
        if rate_limited(request, key=rate_limit_key, limit=rate_limit):
            return _rate_limited(request, page, rate_limited_template, extra_context)
        token = read_form_token(request.POST.get("form_token"))
        earlier = (
            Referral.objects.filter(submission_token=token["n"]).only("reference").first()
            if token
            else None
        )
        if earlier is not None:
            # The same form sent again (double click, resend): one referral.
            return _private(HttpResponseRedirect(thank_you_url(page, earlier, thank_you_path)))
        data = request.POST
        if source_code is not None:
            data = data.copy()
            data["src"] = source_code
        form = SelfReferralForm(data, channel=channel)
        if not captcha:
            form.fields.pop("captcha", None)
        if form.is_valid():
            referral = form.save()
            return _private(HttpResponseRedirect(thank_you_url(page, referral, thank_you_path)))
        status = 200
    else:
        src = source_code if source_code is not None else request.GET.get("src")
        form = SelfReferralForm(channel=channel, initial={"src": source_code_for(src)})
        if not captcha:
            form.fields.pop("captcha", None)
    response = TemplateResponse(
        request,
        template,
        {
            "page": page,
            "self": page,
            "form": form,
            "recaptcha": "captcha" in form.fields,
            **extra_context,
        },
        status=status,
    )
    if "captcha" in form.fields:
        response._csp_update = RECAPTCHA_CSP
    return _private(response)


def _rate_limited(request, page, template="selfreferral/rate_limited.html", extra_context=None):
    contact = ContactSettings.for_request(request)
    response = TemplateResponse(
        request,
        template,
        {"page": page, "contact": contact, **(extra_context or {})},
        status=429,
    )
    response["Retry-After"] = str(settings.SELF_REFERRAL_RATE_WINDOW_SECONDS)
    return _private(response)


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
