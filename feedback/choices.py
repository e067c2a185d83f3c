"""The answers the feedback survey offers (one style: TextChoices or IntegerChoices)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Satisfaction(models.IntegerChoices):
    VERY_SATISFIED = 5, _("Very satisfied")
    SATISFIED = 4, _("Satisfied")
    NEITHER = 3, _("Neither satisfied nor dissatisfied")
    DISSATISFIED = 2, _("Dissatisfied")
    VERY_DISSATISFIED = 1, _("Very dissatisfied")


# The share satisfied counts these answers.
SATISFIED = (Satisfaction.VERY_SATISFIED, Satisfaction.SATISFIED)


class YesPartlyNo(models.TextChoices):
    YES = "yes", _("Yes")
    PARTLY = "partly", _("Partly")
    NO = "no", _("No")


class YesNoNotSure(models.TextChoices):
    YES = "yes", _("Yes")
    NOT_SURE = "not_sure", _("I'm not sure")
    NO = "no", _("No")
