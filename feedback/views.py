"""The feedback survey: type a code (from a printed slip), answer the five
questions, and a thank-you page. The same views serve the kiosk, in its frame
(kiosk/views.py passes its own context and addresses).

Nothing is cached or remembered beyond the visit: every response is
`private, no-store`, sends no referrer to other sites (the code is in the
address; "same-origin" because the pages post a form, see
FORM_PAGE_REFERRER_POLICY), and sets no cookie of its own."""

from django.conf import settings
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _

from feedback import invitations
from feedback.forms import CodeForm, SurveyForm
from home.guards import rate_limited

PUBLIC = {"start": "feedback:start", "survey": "feedback:survey", "thank_you": "feedback:thank_you"}


def _private(response):
    add_never_cache_headers(response)
    patch_cache_control(response, private=True, no_store=True)
    response["Referrer-Policy"] = settings.FORM_PAGE_REFERRER_POLICY
    return response


def _render(request, template, context, status=200, extra_context=None, names=PUBLIC):
    context = {**context, **(extra_context or {}), "feedback_urls": names}
    return _private(render(request, template, context, status=status))


def start(request, *, extra_context=None, names=PUBLIC, rate_limit_key=None):
    """Where a printed slip sends people: type the code."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if rate_limited(
            request, scope="feedback-code", key=rate_limit_key, limit=settings.FEEDBACK_CODE_TRIES
        ):
            form.add_error(
                "code", _("Too many codes have been tried from here. Try again in an hour.")
            )
        else:
            code = invitations.normalise(form.cleaned_data["code"])
            found = invitations.find(code)
            if found.state == invitations.VALID:
                return _private(HttpResponseRedirect(reverse(names["survey"], args=[code])))
            if found.state == invitations.EXPIRED:
                return _cannot_use(request, invitations.EXPIRED, extra_context, names)
            form.add_error(
                "code",
                _(
                    "We do not recognise this code. Check it against your slip. "
                    "A code works only once, so it stops working after you have answered."
                ),
            )
    context = {"form": form, "heading": _("Tell us how it went")}
    return _render(request, "feedback/start.html", context, 200, extra_context, names)


def _cannot_use(request, state, extra_context, names):
    status = 410 if state == invitations.EXPIRED else 404
    return _render(
        request,
        "feedback/cannot_use.html",
        {"expired": state == invitations.EXPIRED},
        status,
        extra_context,
        names,
    )


def survey(request, code, *, extra_context=None, names=PUBLIC):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    found = invitations.find(code)
    if found.state != invitations.VALID:
        return _cannot_use(request, found.state, extra_context, names)
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if invitations.answer(code, form.cleaned_data) is None:
            # Sent twice (a double tap), or it expired while they were answering.
            return _cannot_use(request, invitations.find(code).state, extra_context, names)
        return _private(HttpResponseRedirect(reverse(names["thank_you"])))
    context = {"form": form, "heading": _("How did it go?")}
    return _render(request, "feedback/survey.html", context, 200, extra_context, names)


def thank_you(request, *, extra_context=None, names=PUBLIC):
    return _render(request, "feedback/thank_you.html", {}, 200, extra_context, names)
