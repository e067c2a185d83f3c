"""The choices a recommendation's status offers."""

from django.db import models
from django.utils.translation import gettext_lazy


class RecommendationStatus(models.TextChoices):
    ACCEPTED = "accepted", gettext_lazy("Accepted")
    IN_PROGRESS = "in_progress", gettext_lazy("In progress")
    DONE = "done", gettext_lazy("Done")
    NOT_ACCEPTED = "not_accepted", gettext_lazy("Not accepted")


FINISHED_STATUSES = {RecommendationStatus.DONE, RecommendationStatus.NOT_ACCEPTED}
