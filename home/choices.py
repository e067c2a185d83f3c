"""The choices home's page types, blocks and settings offer."""

from django.db import models
from django.utils.translation import gettext_lazy


class ImageShape(models.TextChoices):
    WHOLE = "", "Show the whole image"
    LANDSCAPE = "landscape", "Landscape, cropped around the image's focal point"


class Compliance(models.TextChoices):
    """How far the site meets WCAG 2.2 AA, as the accessibility statement says it."""

    FULL = "full", "Fully compliant"
    PARTIAL = "partial", "Partially compliant"
    NONE = "none", "Not compliant"


class ProblemReason(models.TextChoices):
    """Why a problem in the accessibility statement is not fixed yet (editors' words)."""

    NON_COMPLIANCE = "non-compliance", "Non-compliance: we have not fixed it yet"
    DISPROPORTIONATE_BURDEN = (
        "disproportionate-burden",
        "Disproportionate burden: fixing it would cost too much",
    )
    OUTSIDE_SCOPE = (
        "outside-scope",
        "Outside the scope of the regulations (for example, old PDFs)",
    )


# Headings of the model statement, shown to visitors (translated), in its order.
REASON_HEADINGS = {
    ProblemReason.NON_COMPLIANCE: gettext_lazy("Non-compliance with the accessibility regulations"),
    ProblemReason.DISPROPORTIONATE_BURDEN: gettext_lazy("Disproportionate burden"),
    ProblemReason.OUTSIDE_SCOPE: gettext_lazy(
        "Content that is not within the scope of the accessibility regulations"
    ),
}


class PhoneDays(models.TextChoices):
    WEEKDAYS = "weekdays", gettext_lazy("Monday to Friday")
    MONDAY_TO_SATURDAY = "monday-saturday", gettext_lazy("Monday to Saturday")
    EVERY_DAY = "every-day", gettext_lazy("Every day")
