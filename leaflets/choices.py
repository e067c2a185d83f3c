"""The choices a leaflet offers."""

from django.db import models


class PaperSize(models.TextChoices):
    A5 = "a5", "A5"
    A4 = "a4", "A4"
