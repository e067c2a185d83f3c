"""The choices a film offers."""

from django.db import models
from django.utils.translation import gettext_lazy


class Audience(models.TextChoices):
    PUBLIC = "public", gettext_lazy("Everyone")
    PROFESSIONALS = "professionals", gettext_lazy("Professionals")
