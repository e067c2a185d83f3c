"""The self-referral questions, defined once.

The web form, the kiosk form, the paper form (PDF) and the coordinators'
"enter a paper referral" view are all renderings of this list, so a question
is changed here and nowhere else. Each question knows its wording, its hint,
its answers, whether it must be answered, and how much room it needs on paper.
The words are lazy translations: each rendering shows them in the visitor's
language, and the coordinator email switches back to English.

Routing and safety depend on these names: `role`, `age_group`, `area`,
`preferred_contact` and `safe_to_leave_message` are read by the coordinator
email and the routing rules (see `Referral.notification_recipients`).

A question with `shown_when` is asked only after that answer (the questions about
the person someone is asking for): the form requires it only then, and refuses
a referral for someone who does not know about it or agree (`REFUSED_ANSWERS`)."""

from dataclasses import dataclass, field, replace

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

# Examples inside sentences (hints, error messages), each isolated left to right with
# Unicode's isolates, so that in Arabic "07911 123456" does not read "123456 07911".
EXAMPLES = {
    "mobile": "\u206607911 123456\u2069",
    "landline": "\u2066020 7946 0000\u2069",
    "email": "\u2066name@example.com\u2069",
}

# Kinds of question; each form rendering maps a kind to its own widget.
RADIOS = "radios"
TEXT = "text"
TEL = "tel"
EMAIL = "email"
TEXTAREA = "textarea"
CHECKBOX = "checkbox"
CHECKBOXES = "checkboxes"  # tick every answer that applies
AREA = "area"  # radios whose answers are the service's areas (snippets), plus "not sure"

NOT_SURE = "not-sure"

# Where a question is asked. A question or answer may be left out of a channel
# (a prison kiosk has no phone or email), but never defined twice for it.
WEB = "web"
KIOSK = "kiosk"
PAPER = "paper"
EVERY_CHANNEL = (WEB, KIOSK, PAPER)
# The professionals' form (police, probation, prisons, schools…) asks its own sections,
# reusing the self-referral's questions where they fit (see `for_professionals`).
PROFESSIONAL = "professional"
# An answer is offered wherever its question is asked, unless it says otherwise.
ANY_CHANNEL = (*EVERY_CHANNEL, PROFESSIONAL)
# A kiosk is in a prison: no phone, no email, no calling times.
OUTSIDE_PRISON = (WEB, PAPER)


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    hint: str = ""
    channels: tuple[str, ...] = ANY_CHANNEL


@dataclass(frozen=True)
class Question:
    name: str
    kind: str
    label: str
    hint: str = ""
    choices: tuple[Choice, ...] = ()
    required: bool = False
    # The message shown when a required question is left out (GOV.UK style: say what to do).
    required_message: str = ""
    max_length: int | None = None
    autocomplete: str = ""
    # How many writing lines the paper form leaves for the answer.
    paper_lines: int = 1
    # Questions only asked when the answer to another question is `shown_when`.
    # Renderings may reveal them. A required one is required only in that case,
    # and its answer is kept only in that case (answers for someone else are
    # dropped when the person chose another role after all).
    shown_when: tuple[str, str] | None = None
    channels: tuple[str, ...] = EVERY_CHANNEL

    @property
    def choice_labels(self):
        return {choice.value: choice.label for choice in self.choices}


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    hint: str = ""
    questions: tuple[Question, ...] = field(default_factory=tuple)

    @property
    def shown_when(self):
        """The answer every question of this section waits for, if they all wait for one:
        the web form then reveals the whole section once that answer is chosen."""
        conditions = {question.shown_when for question in self.questions}
        return conditions.pop() if len(conditions) == 1 else None


ROLE_HARMED = "harmed"
ROLE_CAUSED = "caused"
ROLE_FOR_SOMEONE = "someone-else"

CONTACT_PHONE = "phone"
CONTACT_EMAIL = "email"
CONTACT_LETTER = "letter"
CONTACT_PROFESSIONAL = "professional"
# An answer is offered wherever its question is asked, unless it says otherwise.
ANY_CHANNEL = (*EVERY_CHANNEL, PROFESSIONAL)
# A professional's referral: contact the person through the professional who referred them.
CONTACT_REFERRER = "referrer"

AGE_UNDER_18 = "under-18"
AGE_18_OR_OVER = "18-or-over"

YES = "yes"
NO = "no"

# Whom a coordinator contacts first when someone asks for another person.
CONTACT_FIRST_REFERRER = "me"
CONTACT_FIRST_PERSON = "them"

# Asked only of someone asking for another person (the role above).
FOR_SOMEONE_ELSE = ("role", ROLE_FOR_SOMEONE)

SELF_REFERRAL_SECTIONS = (
    Section(
        key="about-you",
        title=_("About you"),
        questions=(
            Question(
                name="role",
                kind=RADIOS,
                label=_("Which of these describes you?"),
                choices=(
                    Choice(ROLE_HARMED, _("I was harmed by a crime or by anti-social behaviour")),
                    Choice(ROLE_CAUSED, _("I caused harm and want to put things right")),
                    Choice(
                        ROLE_FOR_SOMEONE,
                        _("I am asking for someone else"),
                        hint=_("For example, a family member, a friend or someone you support."),
                    ),
                ),
                required=True,
                required_message=_("Choose which of these describes you"),
            ),
            Question(
                name="name",
                kind=TEXT,
                label=_("Your name"),
                hint=_("The name you want us to use when we contact you."),
                required=True,
                required_message=_("Enter your name"),
                max_length=120,
                autocomplete="name",
            ),
            Question(
                name="age_group",
                kind=RADIOS,
                label=_("How old is the person the referral is for?"),
                hint=_("We ask so that young people get a service that is right for them."),
                choices=(
                    Choice(AGE_UNDER_18, _("Under 18")),
                    Choice(AGE_18_OR_OVER, _("18 or over")),
                ),
                required=True,
                required_message=_("Choose under 18 or 18 or over"),
            ),
        ),
    ),
    Section(
        key="about-them",
        title=_("The person you are asking for"),
        hint=_("Only answer these questions if you are asking for someone else."),
        questions=(
            Question(
                name="their_name",
                kind=TEXT,
                label=_("Their name"),
                required_message=_("Enter the name of the person you are asking for"),
                max_length=120,
                required=True,
                shown_when=FOR_SOMEONE_ELSE,
            ),
            Question(
                name="relationship",
                kind=TEXT,
                label=_("How do you know them, or why are you involved?"),
                hint=_("For example, I am their parent, their partner or their support worker."),
                required_message=_("Say how you know the person, or why you are involved"),
                max_length=200,
                paper_lines=2,
                required=True,
                shown_when=FOR_SOMEONE_ELSE,
            ),
            Question(
                name="they_agree",
                kind=RADIOS,
                label=_("Do they know about this referral, and do they agree to it?"),
                hint=_(
                    "Restorative justice is voluntary. We can only contact someone who knows "
                    "we will and wants us to."
                ),
                choices=(
                    Choice(YES, _("Yes, they know and they agree")),
                    Choice(NO, _("No, or I am not sure")),
                ),
                required_message=_("Choose yes if they know about this referral and agree to it"),
                required=True,
                shown_when=FOR_SOMEONE_ELSE,
            ),
            Question(
                name="contact_first",
                kind=RADIOS,
                label=_("Who should we contact first?"),
                hint=_("Give the contact details of this person in the next part of the form."),
                choices=(
                    Choice(CONTACT_FIRST_REFERRER, _("Me, the person filling in this form")),
                    Choice(CONTACT_FIRST_PERSON, _("The person I am asking for")),
                ),
                required_message=_("Choose who we should contact first"),
                required=True,
                shown_when=FOR_SOMEONE_ELSE,
            ),
        ),
    ),
    Section(
        key="contact",
        title=_("How to contact you safely"),
        hint=_(
            "We will only contact you in the way you choose. If you are asking for someone "
            "else, tell us how to reach the person we should contact first."
        ),
        questions=(
            Question(
                name="preferred_contact",
                kind=RADIOS,
                label=_("How should we contact you?"),
                choices=(
                    Choice(CONTACT_PHONE, _("Phone call"), channels=OUTSIDE_PRISON),
                    Choice(CONTACT_EMAIL, _("Email"), channels=OUTSIDE_PRISON),
                    Choice(CONTACT_LETTER, _("Letter")),
                    Choice(
                        CONTACT_PROFESSIONAL,
                        _("Through someone who supports me"),
                        hint=_(
                            "For example, a key worker, a support worker or a probation officer."
                        ),
                        channels=OUTSIDE_PRISON,
                    ),
                    # In prison, the people who pass messages on are these two.
                    Choice(
                        CONTACT_PROFESSIONAL,
                        _("Through my key worker or offender manager"),
                        channels=(KIOSK,),
                    ),
                ),
                required=True,
                required_message=_("Choose how we should contact you"),
            ),
            Question(
                name="phone",
                kind=TEL,
                label=_("Phone number"),
                hint=format_lazy(
                    _("Needed if you chose a phone call. For example, {mobile} or {landline}."),
                    **EXAMPLES,
                ),
                max_length=30,
                autocomplete="tel",
                shown_when=("preferred_contact", CONTACT_PHONE),
                channels=OUTSIDE_PRISON,
            ),
            Question(
                name="email",
                kind=EMAIL,
                label=_("Email address"),
                hint=_("Needed if you chose email."),
                max_length=254,
                autocomplete="email",
                shown_when=("preferred_contact", CONTACT_EMAIL),
                channels=OUTSIDE_PRISON,
            ),
            Question(
                name="address",
                kind=TEXTAREA,
                label=_("Postal address"),
                hint=_(
                    "Needed if you chose a letter. If you chose someone who supports you, "
                    "give their name, where they work and how to reach them."
                ),
                max_length=500,
                autocomplete="street-address",
                paper_lines=4,
                shown_when=("preferred_contact", CONTACT_LETTER),
                channels=OUTSIDE_PRISON,
            ),
            Question(
                name="address",
                kind=TEXTAREA,
                label=_("Where should we write to you?"),
                hint=_(
                    "If you chose a letter, write the name of your prison and your wing. "
                    "If you chose your key worker or offender manager, write their name."
                ),
                max_length=500,
                channels=(KIOSK,),
            ),
            Question(
                name="prison_number",
                kind=TEXT,
                label=_("Your prison number, if you are in prison (optional)"),
                hint=_("For example, A1234BC. It helps us find you."),
                max_length=20,
                channels=(KIOSK, PAPER),
            ),
            Question(
                name="safe_to_leave_message",
                kind=RADIOS,
                label=_("Is it safe for us to leave a message?"),
                hint=_("For example, a voicemail, or a letter that someone else might open."),
                choices=(Choice(YES, _("Yes")), Choice(NO, _("No"))),
                required=True,
                required_message=_("Choose yes if it is safe to leave a message"),
            ),
            Question(
                name="safe_times",
                kind=TEXT,
                label=_("When is it safe to contact you? (optional)"),
                hint=_("For example, weekdays after 3pm."),
                max_length=200,
                channels=OUTSIDE_PRISON,
            ),
            Question(
                name="confirmation_email",
                kind=CHECKBOX,
                label=_("Email me my reference number"),
                hint=_(
                    "Only choose this if nobody else reads your emails. "
                    "We will not send you any email unless you ask."
                ),
                choices=(Choice(YES, _("Email me my reference number")),),
                channels=(WEB,),
            ),
        ),
    ),
    Section(
        key="where",
        title=_("Where it happened"),
        questions=(
            Question(
                name="area",
                kind=AREA,
                label=_("Which area did it happen in, or do you live in?"),
                hint=_("This helps us pass your referral to the right team."),
                required=True,
                required_message=_("Choose an area, or choose I am not sure"),
            ),
        ),
    ),
    Section(
        key="more",
        title=_("More about you (optional)"),
        questions=(
            Question(
                name="what_happened",
                kind=TEXTAREA,
                label=_("What happened? (optional)"),
                hint=_(
                    "Tell us as much or as little as you like. You can leave this out and "
                    "talk to us instead. Up to 5,000 characters."
                ),
                max_length=5000,
                paper_lines=10,
            ),
            Question(
                name="support_needs",
                kind=TEXTAREA,
                label=_("Do you need any support to take part? (optional)"),
                hint=_(
                    "For example, an interpreter, a language other than English, "
                    "or help with access."
                ),
                max_length=1000,
                paper_lines=3,
            ),
        ),
    ),
    Section(
        key="agreement",
        title=_("Your agreement"),
        questions=(
            Question(
                name="consent",
                kind=CHECKBOX,
                label=_("Agreeing to be contacted"),
                choices=(
                    Choice(
                        YES,
                        _(
                            "I agree to be contacted about restorative justice. "
                            "I know I can stop at any time."
                        ),
                    ),
                ),
                required=True,
                required_message=_("Tick the box to agree to be contacted"),
            ),
        ),
    ),
)


def _reused(name, **changes):
    """A self-referral question asked in the professionals' form, reworded where it
    speaks to the person themselves: defined once, with its name, kind and rules."""
    question = next(
        question
        for section in SELF_REFERRAL_SECTIONS
        for question in section.questions
        if question.name == name and WEB in question.channels
    )
    return replace(question, channels=(PROFESSIONAL,), **changes)


# The professional's answers about the case.
OFFENCE_TYPES = (
    Choice("violence", _("Violence or threats")),
    Choice("theft", _("Burglary, robbery or theft")),
    Choice("damage", _("Criminal damage or arson")),
    Choice("asb", _("Anti-social behaviour")),
    Choice("hate", _("Hate crime")),
    Choice("domestic", _("Domestic abuse")),
    Choice("sexual", _("Sexual offence")),
    Choice("motoring", _("Driving offence")),
    Choice("fraud", _("Fraud")),
    Choice("other", _("Something else")),
)
CASE_STAGES = (
    Choice("before-sentence", _("Before sentence")),
    Choice("after-sentence", _("After sentence, in the community")),
    Choice("custody", _("In custody")),
    Choice("licence", _("Released on licence")),
    Choice(
        "no-court-case",
        _("No court case"),
        hint=_("For example, it was not reported, or it was dealt with out of court."),
    ),
)
RISK_NONE = "none-known"
KNOWN_RISKS = (
    Choice("domestic-abuse", _("Domestic abuse")),
    Choice("sexual-harm", _("Sexual harm")),
    Choice("safeguarding", _("Safeguarding concerns")),
    Choice("language-access", _("Language or access needs")),
    Choice(RISK_NONE, _("None known")),
)

# The professionals' form: who is referring, the person they refer and how to reach
# them safely, the case, and whether the professional wants short updates.
PROFESSIONAL_SECTIONS = (
    Section(
        key="referrer",
        title=_("About you, the professional"),
        hint=_("We use these details to tell you we have the referral and to ask you questions."),
        questions=(
            Question(
                name="referrer_name",
                kind=TEXT,
                label=_("Your name"),
                required=True,
                required_message=_("Enter your name"),
                max_length=120,
                autocomplete="name",
                channels=(PROFESSIONAL,),
            ),
            Question(
                name="referrer_organisation",
                kind=TEXT,
                label=_("Your organisation"),
                hint=_("For example, Fenmoor Police, the Probation Service or a school."),
                required=True,
                required_message=_("Enter the name of your organisation"),
                max_length=120,
                autocomplete="organization",
                channels=(PROFESSIONAL,),
            ),
            Question(
                name="referrer_role",
                kind=TEXT,
                label=_("Your role"),
                hint=_("For example, probation officer, victim care officer or head of year."),
                required=True,
                required_message=_("Enter your role"),
                max_length=120,
                autocomplete="organization-title",
                channels=(PROFESSIONAL,),
            ),
            Question(
                name="referrer_email",
                kind=EMAIL,
                label=_("Your work email address"),
                required=True,
                required_message=_("Enter your work email address"),
                max_length=254,
                autocomplete="work email",
                channels=(PROFESSIONAL,),
            ),
            Question(
                name="referrer_phone",
                kind=TEL,
                label=_("Your work phone number"),
                required=True,
                required_message=_("Enter your work phone number"),
                max_length=30,
                autocomplete="work tel",
                channels=(PROFESSIONAL,),
            ),
        ),
    ),
    Section(
        key="person",
        title=_("The person you are referring"),
        questions=(
            _reused(
                "role",
                label=_("Is the person someone who was harmed, or someone who caused harm?"),
                choices=(
                    Choice(ROLE_HARMED, _("They were harmed by a crime or anti-social behaviour")),
                    Choice(ROLE_CAUSED, _("They caused harm")),
                ),
                required_message=_("Choose whether the person was harmed or caused harm"),
            ),
            _reused(
                "name",
                label=_("Their name"),
                hint="",
                required_message=_("Enter the name of the person you are referring"),
                autocomplete="off",
            ),
            _reused("age_group"),
            # Always asked here: a professional always refers someone else.
            _reused("they_agree", shown_when=None),
        ),
    ),
    Section(
        key="their-contact",
        title=_("How to contact them safely"),
        questions=(
            _reused(
                "preferred_contact",
                label=_("How should we contact them?"),
                choices=(
                    Choice(CONTACT_PHONE, _("Phone call")),
                    Choice(CONTACT_EMAIL, _("Email")),
                    Choice(CONTACT_LETTER, _("Letter")),
                    Choice(
                        CONTACT_REFERRER,
                        _("Through me, the professional referring them"),
                        hint=_("For example, if they are in custody or have no safe phone."),
                    ),
                ),
                required_message=_("Choose how we should contact them"),
            ),
            _reused("phone", label=_("Their phone number"), autocomplete="off"),
            _reused("email", label=_("Their email address"), autocomplete="off"),
            _reused(
                "address",
                label=_("Their postal address"),
                hint=_("Needed if you chose a letter."),
                autocomplete="off",
            ),
            _reused(
                "safe_to_leave_message",
                label=_("Is it safe for us to leave a message for them?"),
            ),
            _reused("safe_times", label=_("When is it safe to contact them? (optional)")),
        ),
    ),
    Section(
        key="case",
        title=_("About the case"),
        questions=(
            Question(
                name="offence_type",
                kind=RADIOS,
                label=_("What type of offence or harm was it?"),
                hint=_("Choose the one that fits best."),
                choices=OFFENCE_TYPES,
                required=True,
                required_message=_("Choose the type of offence or harm"),
                channels=(PROFESSIONAL,),
            ),
            Question(
                name="case_stage",
                kind=RADIOS,
                label=_("Where is the case now?"),
                choices=CASE_STAGES,
                required=True,
                required_message=_("Choose where the case is now"),
                channels=(PROFESSIONAL,),
            ),
            Question(
                name="known_risks",
                kind=CHECKBOXES,
                label=_("Do you know of any of these?"),
                hint=_("Tick all that apply. We ask so that we can plan safely."),
                choices=KNOWN_RISKS,
                required=True,
                required_message=_("Tick what you know of, or tick none known"),
                channels=(PROFESSIONAL,),
            ),
            Question(
                name="risk_details",
                kind=TEXTAREA,
                label=_("Tell us more about these risks or needs (optional)"),
                hint=_(
                    "For example, a restraining order, an interpreter's language, or access "
                    "needs. Up to 2,000 characters."
                ),
                max_length=2000,
                paper_lines=4,
                channels=(PROFESSIONAL,),
            ),
            _reused("area", label=_("Which area did it happen in, or does the person live in?")),
            _reused(
                "what_happened",
                label=_("What happened, briefly? (optional)"),
                hint=_("A short summary is enough: we will talk it through with the person."),
            ),
        ),
    ),
    Section(
        key="updates",
        title=_("Updates for you"),
        questions=(
            Question(
                name="wants_updates",
                kind=RADIOS,
                label=_("Do you want short email updates about this referral?"),
                hint=_(
                    "We email you when we first contact the person and when the case closes. "
                    "The emails give only the reference number and the status."
                ),
                choices=(Choice(YES, _("Yes")), Choice(NO, _("No"))),
                required=True,
                required_message=_("Choose yes if you want email updates"),
                channels=(PROFESSIONAL,),
            ),
        ),
    ),
)

# Every section of every form; each channel asks those with questions for it.
SECTIONS = SELF_REFERRAL_SECTIONS + PROFESSIONAL_SECTIONS


def sections_for(channel):
    """The sections asked in `channel`, each with only that channel's questions and answers."""
    sections = []
    for section in SECTIONS:
        asked = tuple(
            replace(question, choices=tuple(c for c in question.choices if channel in c.channels))
            for question in section.questions
            if channel in question.channels
        )
        if asked:
            sections.append(replace(section, questions=asked))
    return tuple(sections)


def questions_for(channel):
    """The questions asked in `channel`, by name, in the order they are asked."""
    return {
        question.name: question
        for section in sections_for(channel)
        for question in section.questions
    }


def _every_question():
    every = {}
    for section in SECTIONS:
        for question in section.questions:
            if question.name not in every or WEB in question.channels:
                every[question.name] = question
    return every


# Every question by name, in the web form's wording where the web form asks it
# (the coordinator email and the admin read these).
QUESTIONS = _every_question()

# The contact detail each contact method needs.
CONTACT_DETAIL_FOR = {
    CONTACT_PHONE: "phone",
    CONTACT_EMAIL: "email",
    CONTACT_LETTER: "address",
    CONTACT_PROFESSIONAL: "address",
}
CONTACT_DETAIL_MESSAGES = {
    CONTACT_PHONE: _("Enter a phone number, or choose another way to contact you"),
    CONTACT_EMAIL: _("Enter an email address, or choose another way to contact you"),
    CONTACT_LETTER: _("Enter a postal address, or choose another way to contact you"),
    CONTACT_PROFESSIONAL: _("Enter the name and contact details of the person who supports you"),
}
# In prison, letters go to a wing and messages through the prison's own staff.
KIOSK_CONTACT_DETAIL_MESSAGES = {
    CONTACT_LETTER: _("Write the name of your prison and your wing"),
    CONTACT_PROFESSIONAL: _("Write the name of your key worker or offender manager"),
}


# Answers the service cannot act on: the form says why and what to do instead, and
# does not send (every answer is kept). RJ is voluntary: nobody is contacted about
# it without knowing and agreeing.
REFUSED_ANSWERS = {
    ("they_agree", NO): _(
        "We cannot take a referral for someone who does not know about it or has not agreed "
        "to it. Talk to them first, or show them this page so they can ask us themselves"
    ),
}


# A professional gives the details of the person they refer.
PROFESSIONAL_CONTACT_DETAIL_MESSAGES = {
    CONTACT_PHONE: _("Enter their phone number, or choose another way to contact them"),
    CONTACT_EMAIL: _("Enter their email address, or choose another way to contact them"),
    CONTACT_LETTER: _("Enter their postal address, or choose another way to contact them"),
}
PROFESSIONAL_REFUSED_ANSWERS = {
    ("they_agree", NO): _(
        "We cannot take a referral for someone who does not know about it or has not agreed "
        "to it. Talk to them about restorative justice first, and send the form once they agree"
    ),
}


def contact_detail_message(method, channel):
    """What to say when the contact detail a contact method needs is missing."""
    if channel == KIOSK and method in KIOSK_CONTACT_DETAIL_MESSAGES:
        return KIOSK_CONTACT_DETAIL_MESSAGES[method]
    if channel == PROFESSIONAL:
        return PROFESSIONAL_CONTACT_DETAIL_MESSAGES[method]
    return CONTACT_DETAIL_MESSAGES[method]


def refused_answers(channel):
    """The answers `channel`'s form refuses, each with what to do instead."""
    return PROFESSIONAL_REFUSED_ANSWERS if channel == PROFESSIONAL else REFUSED_ANSWERS


def is_asked(question, answers):
    """Whether `question` applies, given the other answers (a dict of cleaned answers)."""
    if question.shown_when is None:
        return True
    name, value = question.shown_when
    return answers.get(name) == value


def choices_for(name):
    """Model choices for a question with fixed answers: every answer any channel offers,
    each once, with its web wording."""
    labels = {}
    for section in SECTIONS:
        for question in section.questions:
            if question.name == name:
                for choice in question.choices:
                    labels.setdefault(choice.value, choice.label)
    return list(labels.items())
