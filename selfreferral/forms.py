"""The self-referral form, built from the one question list, and its guards.

`SelfReferralForm` is the same for every channel (web, kiosk, paper typed in by a
coordinator): the caller says which channel it is. The guards (signed start
time, honeypot, reCAPTCHA) are only added for forms the public fills in."""

import functools
import hashlib
import secrets
import time
import unicodedata

import phonenumbers

from django import forms
from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.text import format_lazy
from django.utils.translation import gettext, gettext_lazy

from selfreferral import questions as q
from selfreferral.models import Area, Channel, Referral
from selfreferral.sources import source_code_for
from selfreferral.working_days import add_working_days

TOKEN_SALT = "selfreferral.form-token"  # noqa: S105 (a signing salt, not a secret)
TOKEN_MAX_AGE = 24 * 60 * 60  # a form left open overnight still sends
HONEYPOT_NAME = "website"

# Messages are lazy, so each one is shown in the language of the page that shows it.
# Named placeholders let translators put the words in their own order.
UNREADABLE_MESSAGE = gettext_lazy(
    "%(label)s contains characters we cannot read. Remove them, or type the answer again"
)
PHONE_MESSAGE = format_lazy(
    gettext_lazy(
        "Enter a phone number, like {mobile} or {landline}, or choose another way to contact you"
    ),
    **q.EXAMPLES,
)
WORK_PHONE_MESSAGE = format_lazy(
    gettext_lazy("Enter your work phone number, like {landline} or {mobile}"), **q.EXAMPLES
)
NONE_KNOWN_MESSAGE = gettext_lazy("Tick none known, or tick what you know of, but not both")
EMAIL_MESSAGE = format_lazy(
    gettext_lazy("Enter an email address in the correct format, like {email}"), **q.EXAMPLES
)
GUARD_TITLE = gettext_lazy("There is a problem")
GUARD_MESSAGE = gettext_lazy(
    "Sorry, we could not send your form. Check your answers and send it again"
)
TOO_FAST_MESSAGE = gettext_lazy("Take a moment to check your answers, then send the form again")
ALREADY_SENT_MESSAGE = gettext_lazy(
    "You have already sent us this form, and we have your first answers. We have not sent "
    "these changed answers: check them and send the form again to send them as well"
)
RATE_LIMITED_TITLE = gettext_lazy("Too many attempts")
RATE_LIMITED_MESSAGE = gettext_lazy(
    "This form has been sent too many times from your internet connection. Please try again "
    "in an hour."
)
UNAVAILABLE_TITLE = gettext_lazy("Sorry, we could not send your form")
UNAVAILABLE_MESSAGE = gettext_lazy(
    "Our website is not working properly at the moment. Please send the form again in a few "
    "minutes."
)
ANSWERS_KEPT_MESSAGE = gettext_lazy("Your answers are still in the form below.")
EXPIRED_MESSAGE = gettext_lazy(
    "This form was open for a long time. Check your answers and send it again"
)
MAX_LENGTH_MESSAGE = gettext_lazy("%(label)s must be %(count)s characters or fewer")
ANSWER_THIS_QUESTION = gettext_lazy("Answer this question")
NOT_SURE_LABEL = gettext_lazy("I am not sure")
EMAIL_FOR_REFERENCE_MESSAGE = gettext_lazy(
    "Enter an email address for your reference number, or untick the box"
)
# What a question's label ends with when it may be left out; taken off in error messages.
OPTIONAL_SUFFIX = gettext_lazy("(optional)")


def new_form_token():
    """A signed token: when the form was shown, and a random id that makes one
    referral out of however many times the same form is sent."""
    return signing.dumps({"n": secrets.token_urlsafe(18), "t": time.time()}, salt=TOKEN_SALT)


def read_form_token(token):
    """The token's contents, or None when it is missing, forged or too old."""
    if not token or len(token) > 200:
        return None
    try:
        data = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("n"), str):
        return None
    return data


# What a refused form is not given back: the security token, the form's own token
# (a new one is made), the field only robots fill in, and the reCAPTCHA answer.
NOT_KEPT = {"csrfmiddlewaretoken", "form_token", HONEYPOT_NAME, "g-recaptcha-response"}


def answers_to_keep(data):
    """What someone sent, to show again in the form when it cannot be sent now."""
    return {name: data.get(name) for name in data if name not in NOT_KEPT}


def has_unreadable_characters(value, multiline):
    allowed = {"\n", "\r", "\t"} if multiline else {"\t"}
    for char in value:
        if char == "\ufffd":  # what invalid UTF-8 becomes
            return True
        category = unicodedata.category(char)
        if category in ("Cc", "Cs", "Co", "Cn") and char not in allowed:
            return True
        if category in ("Zl", "Zp") and not multiline:
            return True
    return False


class ReadableTextField(forms.CharField):
    """Text with no control characters (and no line breaks unless multiline)."""

    def __init__(self, *args, multiline=False, label_for_errors="", **kwargs):
        self.multiline = multiline
        self.label_for_errors = label_for_errors
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if value and self.multiline:
            value = value.replace("\r\n", "\n")
        return value

    def validate(self, value):
        super().validate(value)
        if value and has_unreadable_characters(value, self.multiline):
            raise forms.ValidationError(
                UNREADABLE_MESSAGE, code="unreadable", params={"label": self.label_for_errors}
            )


def _label_for_errors(question):
    """The question's label in the active language, without "(optional)" or a question mark."""
    label = str(question.label).replace(str(OPTIONAL_SUFFIX), "").strip()
    return label.rstrip("?؟").strip()  # Arabic has its own question mark


def form_field(question, areas=()):
    """The Django form field for a question."""
    required_message = {"required": question.required_message or ANSWER_THIS_QUESTION}
    # A question asked only after another answer is required in `clean`, and only then.
    common = {
        "required": question.required and question.shown_when is None,
        "label": question.label,
        "help_text": question.hint,
    }
    if question.kind == q.RADIOS:
        return forms.ChoiceField(
            choices=[(c.value, c.label) for c in question.choices],
            error_messages={**required_message, "invalid_choice": question.required_message},
            **common,
        )
    if question.kind == q.AREA:
        choices = [(str(area.pk), area.name) for area in areas] + [(q.NOT_SURE, NOT_SURE_LABEL)]
        return forms.ChoiceField(
            choices=choices,
            error_messages={**required_message, "invalid_choice": question.required_message},
            **common,
        )
    if question.kind == q.CHECKBOX:
        return forms.BooleanField(error_messages=required_message, **common)
    if question.kind == q.CHECKBOXES:
        return forms.MultipleChoiceField(
            choices=[(c.value, c.label) for c in question.choices],
            error_messages={**required_message, "invalid_choice": question.required_message},
            **common,
        )
    # Worded now, in the active language (forms are built for each request). Django
    # fills in its own %-placeholders afterwards, so a literal % must be doubled.
    max_length_message = {
        "max_length": (
            MAX_LENGTH_MESSAGE
            % {
                "label": _label_for_errors(question),
                "count": number_format(question.max_length, force_grouping=True),
            }
        ).replace("%", "%%")
    }
    return ReadableTextField(
        max_length=question.max_length,
        multiline=question.kind == q.TEXTAREA,
        label_for_errors=_label_for_errors(question),
        error_messages={**required_message, **max_length_message},
        **common,
    )


def _recaptcha_field():
    from django_recaptcha.fields import ReCaptchaField

    from selfreferral.widgets import ReCaptchaCheckbox

    return ReCaptchaField(
        widget=ReCaptchaCheckbox,
        label=gettext("Confirm you are not a robot"),
        error_messages={
            "required": gettext("Tick the box to confirm you are not a robot"),
            "captcha_invalid": gettext("We could not confirm you are not a robot. Try again"),
            "captcha_error": gettext("We could not confirm you are not a robot. Try again"),
        },
    )


def _phone_number(value, message):
    """A UK or international phone number, written the usual way, or "" when not given."""
    if not value:
        return ""
    try:
        number = phonenumbers.parse(value, "GB")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise forms.ValidationError(message, code="invalid_phone")
    if number.country_code == 44:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def _email_address(value):
    if value:
        try:
            forms.EmailField().clean(value)
        except forms.ValidationError:
            raise forms.ValidationError(EMAIL_MESSAGE, code="invalid_email") from None
    return value


def recaptcha_enabled():
    return bool(settings.RECAPTCHA_PUBLIC_KEY and settings.RECAPTCHA_PRIVATE_KEY)


class SelfReferralForm(forms.Form):
    """The referral questions of a channel, plus the guards when `guarded` (the public
    forms). `captcha` says whether a guarded form asks for a reCAPTCHA (a prison kiosk
    has no internet; a form sent again is not asked twice)."""

    form_token = forms.CharField(required=False, widget=forms.HiddenInput)
    src = forms.CharField(required=False, widget=forms.HiddenInput)
    website = forms.CharField(required=False, label=gettext_lazy("Leave this empty"))

    def __init__(self, *args, channel=Channel.WEB, guarded=True, captcha=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.channel = channel
        self.guarded = guarded
        # A phone call is typed in by a coordinator from the paper form's questions.
        self.asked_in = q.PAPER if channel == Channel.PHONE else str(channel)
        self.questions = q.questions_for(self.asked_in)
        self.areas = list(Area.objects.filter(is_active=True).only("pk", "name"))
        for question in self.questions.values():
            self.fields[question.name] = form_field(question, self.areas)
        if guarded and captcha and recaptcha_enabled():
            self.fields["captcha"] = _recaptcha_field()
        if not guarded:
            del self.fields[HONEYPOT_NAME]
        self.token_data = read_form_token(self.data.get("form_token")) if self.is_bound else None

    # What the template needs

    @property
    def questions_cache_key(self):
        """Names the questions' HTML while nothing is typed or kept (None once it is):
        it is then the same for every visitor, so the page keeps it in the cache
        (selfreferral/includes/referral_form.html) until the questions change or a
        change moves the page cache on (home/cache.py). About half of the form page's
        work is drawing its questions."""
        if self.is_bound or set(self.initial) - {"src"}:
            return None
        return f"{self.asked_in}:{_questions_version(self.asked_in)}"

    @property
    def sections(self):
        """The sections of the form, each with its questions' bound fields."""
        return [
            (section, [(question, self[question.name]) for question in section.questions])
            for section in q.sections_for(self.asked_in)
        ]

    @property
    def token_for_page(self):
        """The token to put in the page: the one sent (so sending again makes one
        referral), or a new one when there was none or it had expired."""
        if self.token_data is not None:
            return self.data.get("form_token")
        return new_form_token()

    @property
    def error_list(self):
        """Every error, in the order of the questions, for the error summary."""
        errors = [(None, message) for message in self.non_field_errors()]
        for name in [*self.questions, "captcha"]:
            if name in self.errors:
                errors.append((name, self.errors[name][0]))
        return errors

    @property
    def submission_token(self):
        return self.token_data["n"] if self.token_data else None

    # Validation

    def clean_src(self):
        return source_code_for(self.cleaned_data.get("src"))

    def clean_phone(self):
        return _phone_number(self.cleaned_data.get("phone", ""), PHONE_MESSAGE)

    def clean_email(self):
        return _email_address(self.cleaned_data.get("email", ""))

    def clean_referrer_phone(self):
        return _phone_number(self.cleaned_data.get("referrer_phone", ""), WORK_PHONE_MESSAGE)

    def clean_referrer_email(self):
        return _email_address(self.cleaned_data.get("referrer_email", ""))

    def clean_known_risks(self):
        risks = self.cleaned_data.get("known_risks", [])
        if q.RISK_NONE in risks and len(risks) > 1:
            raise forms.ValidationError(NONE_KNOWN_MESSAGE, code="none_and_some")
        return risks

    def clean(self):
        cleaned = super().clean()
        self._clean_conditional_answers(cleaned)
        method = cleaned.get("preferred_contact")
        detail = q.CONTACT_DETAIL_FOR.get(method)
        if detail and not cleaned.get(detail) and detail not in self.errors:
            self.add_error(detail, q.contact_detail_message(method, self.asked_in))
        wants_email = cleaned.get("confirmation_email")
        if wants_email and not cleaned.get("email") and "email" not in self.errors:
            self.add_error("email", EMAIL_FOR_REFERENCE_MESSAGE)
        # The guards speak only once the answers are right, so a person sees one thing to fix.
        if self.guarded and not self.errors:
            self._check_guards(cleaned)
        return cleaned

    def _clean_conditional_answers(self, cleaned):
        """Required questions asked only after another answer (those about the person
        someone asks for): required then, dropped otherwise; and the answers the service
        cannot act on are refused with what to do instead (nothing is sent)."""
        for name, question in self.questions.items():
            if not (question.required and question.shown_when):
                continue
            if not q.is_asked(question, cleaned):
                cleaned[name] = ""
            elif not cleaned.get(name) and name not in self.errors:
                self.add_error(name, question.required_message)
        for (name, value), message in q.refused_answers(self.asked_in).items():
            if name in self.questions and cleaned.get(name) == value:
                self.add_error(name, forms.ValidationError(message, code="refused"))

    def _check_guards(self, cleaned):
        if cleaned.get(HONEYPOT_NAME):
            raise forms.ValidationError(GUARD_MESSAGE, code="honeypot")
        if self.token_data is None:
            raise forms.ValidationError(EXPIRED_MESSAGE, code="token")
        started = self.token_data.get("t")
        if not isinstance(started, int | float):
            raise forms.ValidationError(EXPIRED_MESSAGE, code="token")
        if time.time() - started < settings.SELF_REFERRAL_MIN_FILL_SECONDS:
            raise forms.ValidationError(TOO_FAST_MESSAGE, code="too_fast")

    # Saving

    def referral_values(self):
        """What the referral stores from these answers (a valid form)."""
        data = self.cleaned_data
        area = data["area"]
        return {
            "channel": self.channel,
            "source_code": data.get("src", ""),
            "role": data["role"],
            "name": data["name"],
            "preferred_contact": data["preferred_contact"],
            "phone": data.get("phone", ""),
            "email": data.get("email", ""),
            "address": data.get("address", ""),
            "safe_to_leave_message": data["safe_to_leave_message"] == q.YES,
            "safe_times": data.get("safe_times", ""),
            "prison_number": data.get("prison_number", ""),
            "confirmation_email": bool(data.get("confirmation_email")),
            "area": None
            if area == q.NOT_SURE
            else next(a for a in self.areas if str(a.pk) == area),
            "age_group": data["age_group"],
            "their_name": data.get("their_name", ""),
            "relationship": data.get("relationship", ""),
            "they_agree": data.get("they_agree", ""),
            "contact_first": data.get("contact_first", ""),
            "what_happened": data.get("what_happened", ""),
            "support_needs": data.get("support_needs", ""),
            # From a professional's form only ("" otherwise).
            "referrer_name": data.get("referrer_name", ""),
            "referrer_organisation": data.get("referrer_organisation", ""),
            "referrer_role": data.get("referrer_role", ""),
            "referrer_email": data.get("referrer_email", ""),
            "referrer_phone": data.get("referrer_phone", ""),
            "wants_updates": data.get("wants_updates") == q.YES,
            "offence_type": data.get("offence_type", ""),
            "case_stage": data.get("case_stage", ""),
            "known_risks": ",".join(data.get("known_risks", [])),
            "risk_details": data.get("risk_details", ""),
        }

    def same_answers_as(self, referral):
        """Whether this valid form says what `referral` says (the same form sent twice)."""
        return all(
            getattr(referral, name) == value for name, value in self.referral_values().items()
        )

    def save(self, received_on=None):
        """Store the referral and queue the coordinator email, in one transaction.

        `received_on` is the day a paper form arrived, when it is typed in later:
        the first-contact target counts from it.

        Returns the referral: the one made by an earlier send of the same form if
        there was one, so sending twice never makes two referrals."""
        from selfreferral.notifications import queue_notifications

        token = self.submission_token if self.guarded else None
        referral = Referral(
            **self.referral_values(),
            submission_token=token,
            consent_at=timezone.now(),
        )
        if received_on is not None:
            # The day it arrived, for the coordinators and the figures (not the day typed in).
            referral.created_on = received_on
            referral.first_contact_due = add_working_days(
                received_on, settings.SELF_REFERRAL_FIRST_CONTACT_WORKING_DAYS
            )
        try:
            with transaction.atomic():
                referral.save()
                # With the database queue, the email task is stored in this same
                # transaction: the referral and its notification commit together.
                queue_notifications(referral)
        except IntegrityError:
            existing = Referral.objects.filter(submission_token=token).first() if token else None
            if existing is None:
                raise
            return existing
        return referral


@functools.cache
def _questions_version(asked_in):
    """A digest of the questions asked in `asked_in`: a release that changes them
    names their cached HTML afresh."""
    with translation.override(settings.LANGUAGE_CODE):
        described = [
            (
                section.key,
                str(section.title),
                str(section.hint),
                [
                    (
                        question.name,
                        question.kind,
                        str(question.label),
                        str(question.hint),
                        question.required,
                        question.shown_when,
                        [(c.value, str(c.label), str(c.hint)) for c in question.choices],
                    )
                    for question in section.questions
                ],
            )
            for section in q.sections_for(asked_in)
        ]
    return hashlib.sha256(repr(described).encode()).hexdigest()[:16]
