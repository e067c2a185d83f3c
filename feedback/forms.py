from django import forms
from django.utils.translation import gettext_lazy as _

from feedback.choices import Satisfaction, YesNoNotSure, YesPartlyNo


class ErrorListMixin:
    @property
    def error_list(self):
        """(field name, message) for the error summary, in the order the questions are asked."""
        return [(name, self.errors[name][0]) for name in self.fields if name in self.errors]


class CodeForm(ErrorListMixin, forms.Form):
    code = forms.CharField(
        label=_("Your feedback code"),
        help_text=_("It is printed on your slip, for example ABCD-EFGH-JKMN."),
        max_length=40,
        error_messages={"required": _("Enter the code from your slip")},
    )


class SurveyForm(ErrorListMixin, forms.Form):
    satisfaction = forms.TypedChoiceField(
        label=_("Overall, how satisfied are you with the restorative justice service?"),
        choices=Satisfaction.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how satisfied you are overall")},
    )
    felt_safe = forms.ChoiceField(
        label=_("Did you feel safe while taking part?"),
        choices=YesPartlyNo.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether you felt safe")},
    )
    felt_heard = forms.ChoiceField(
        label=_("Did you feel listened to?"),
        choices=YesPartlyNo.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether you felt listened to")},
    )
    would_recommend = forms.ChoiceField(
        label=_("Would you recommend restorative justice to someone in a similar situation?"),
        choices=YesNoNotSure.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether you would recommend it")},
    )
    comment = forms.CharField(
        label=_("Is there anything else you would like to tell us? (optional)"),
        help_text=_(
            "Please do not write names or anything else that could identify you or someone "
            "else. The team reads every comment. Comments are never published."
        ),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": _("Your comment must be 2,000 characters or fewer")},
    )
