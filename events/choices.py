"""The choices an event page offers, kept apart from the models so the filter
form can use them without importing the page models."""

from django.db import models
from django.utils.translation import gettext_lazy


class Audience(models.TextChoices):
    PUBLIC = "public", gettext_lazy("Everyone")
    PROFESSIONALS = "professionals", gettext_lazy("Professionals")
    PRISON = "prison", gettext_lazy("People in prison")
    YOUNG_PEOPLE = "young-people", gettext_lazy("Young people")


class Online(models.TextChoices):
    NONE = "none", gettext_lazy("In person only")
    PUBLIC_LINK = "public", gettext_lazy("Online: show the joining link to everyone")
    BOOKED = "booked", gettext_lazy("Online: send the joining details to people who book")


class Booking(models.TextChoices):
    TURN_UP = "turn-up", gettext_lazy("No need to book: just turn up")
    LINK = "link", gettext_lazy("Book online")
    PHONE = "phone", gettext_lazy("Book by phone")


class Status(models.TextChoices):
    SCHEDULED = "scheduled", gettext_lazy("Going ahead")
    CANCELLED = "cancelled", gettext_lazy("Cancelled")
    POSTPONED = "postponed", gettext_lazy("Postponed")
