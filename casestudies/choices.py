"""The choices a case study offers (also the filters on the list of stories)."""

from django.db import models
from django.utils.translation import gettext_lazy


class Perspective(models.TextChoices):
    HARMED = "harmed", gettext_lazy("Person harmed")
    CAUSED_HARM = "caused-harm", gettext_lazy("Person who caused harm")
    BOTH = "both", gettext_lazy("Both people")
    PRACTITIONER = "practitioner", gettext_lazy("Practitioner")


class Setting(models.TextChoices):
    NEIGHBOURHOOD = "neighbourhood", gettext_lazy("Neighbourhood")
    PRISON = "prison", gettext_lazy("Prison")
    SCHOOL = "school", gettext_lazy("School")
    YOUTH_JUSTICE = "youth-justice", gettext_lazy("Youth justice")
    CARE_HOME = "care-home", gettext_lazy("Care home")
    WORKPLACE = "workplace", gettext_lazy("Workplace")
    ONLINE = "online", gettext_lazy("Online")


class RestorativeApproach(models.TextChoices):
    FACE_TO_FACE = "face-to-face", gettext_lazy("Face-to-face conference")
    COMMUNITY = "community", gettext_lazy("Community conference")
    LETTER = "letter", gettext_lazy("Letter or other indirect contact")
    SHUTTLE = "shuttle", gettext_lazy("Shuttle mediation")
