"""Printed leaflets that bring people to the self-referral form.

Each leaflet has one printable version per distribution point (GP surgeries,
A&E, a shopping-centre stand, prisons, probation). Each version's QR code and
web address carry that point's source code (`/self-referral/?src=gp`), so the
service can see which channels bring people in."""

from urllib.parse import urlencode

import segno
from modelcluster.fields import ParentalKey

from django.db import models
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.addresses import absolute_url
from home.blocks import RICH_TEXT_FEATURES
from home.mixins import SitePageMixin
from home.validators import source_code_validator
from leaflets.choices import PaperSize


class LeafletDistribution(Orderable):
    """A place a leaflet is handed out, with the source code its QR code carries."""

    leaflet = ParentalKey("leaflets.LeafletPage", related_name="distributions")
    label = models.CharField(
        max_length=80,
        help_text="Where this version is handed out, for example 'GP surgeries' or 'HMP Saltcombe'.",
    )
    code = models.CharField(
        max_length=20,
        validators=[source_code_validator],
        help_text="A short code added to the web address, for example 'gp'. It is saved on each "
        "referral that follows, so you can count which places bring people in. Do not change "
        "it once leaflets are printed.",
    )

    panels = [FieldPanel("label"), FieldPanel("code")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["leaflet", "code"], name="unique_leaflet_source_code")
        ]

    def __str__(self):
        return f"{self.label} ({self.code})"


class LeafletPage(SitePageMixin, Page):
    """A leaflet designed for print: a few lines about restorative justice, a QR code
    and a short web address to the self-referral form. Download one PDF per place it
    is handed out; each carries that place's source code."""

    paper_size = models.CharField(
        max_length=2,
        choices=PaperSize.choices,
        default=PaperSize.A5,
        help_text="The paper the leaflet is printed on. A5 is half an A4 sheet.",
    )
    heading = models.CharField(
        max_length=80,
        help_text="The big line at the top, for example 'Has a crime affected you?'.",
    )
    body = RichTextField(
        features=RICH_TEXT_FEATURES,
        max_length=1200,
        help_text="A few short paragraphs or a list. Keep it to what fits on one side.",
    )
    call_to_action = models.CharField(
        max_length=120,
        default="Scan the code or type the address to refer yourself.",
        help_text="The line beside the QR code, telling people what to do.",
    )
    referral_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The page the QR code opens: normally the self-referral form.",
    )

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []

    search_fields = Page.search_fields + [index.SearchField("heading"), index.SearchField("body")]

    content_panels = Page.content_panels + [
        FieldPanel("paper_size"),
        FieldPanel("heading"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("call_to_action"), PageChooserPanel("referral_page")],
            heading="QR code and web address",
        ),
        InlinePanel(
            "distributions",
            heading="Where it is handed out",
            label="Distribution point",
            help_text="One printable version is made for each place, with its own source code.",
        ),
    ]

    class Meta:
        verbose_name = "leaflet"

    @cached_property
    def distribution_list(self):
        return list(self.distributions.all())

    def distribution_for(self, request):
        code = request.GET.get("src", "") if request is not None else ""
        return next((d for d in self.distribution_list if d.code == code), None)

    def referral_url(self, request, code=""):
        """The absolute web address the QR code and the printed address point to."""
        target = self.referral_target()
        url = absolute_url(target.get_url(request) if target else "/self-referral/")
        return f"{url}?{urlencode({'src': code})}" if code else url

    def referral_target(self):
        """The form the leaflet sends people to, in the leaflet's own language: the chosen
        page (choosers keep the English one) or else the site's self-referral page."""
        if self.referral_page_id:
            chosen = self.referral_page
            translated = chosen.get_translation_or_none(self.locale)
            return translated if translated is not None and translated.live else chosen
        return (
            Page.objects.live()
            .public()
            .filter(
                locale_id=self.locale_id,
                content_type__app_label="selfreferral",
                content_type__model="selfreferralpage",
            )
            .order_by("path")
            .first()
        )

    # Print and PDF (home/pdf.py): one version per distribution point, on the leaflet's paper.
    def pdf_variant(self, request):
        distribution = self.distribution_for(request)
        return distribution.code if distribution else ""

    def pdf_extra_css(self, large):
        size = self.get_paper_size_display()
        margin = "12mm" if self.paper_size == "a5" else "18mm"
        return f"@page {{ size: {size}; margin: {margin}; @bottom-center {{ content: none; }} }}"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        distribution = self.distribution_for(request)
        code = distribution.code if distribution else ""
        url = self.referral_url(request, code)
        context.update(
            {
                "distribution": distribution,
                "referral_url": url,
                "printed_url": url.split("://", 1)[-1],
                "qr_svg": qr_svg(url),
                "paper": self.get_paper_size_display(),
            }
        )
        return context


def qr_svg(url):
    """The QR code for `url` as an SVG image with its alternative text.

    An `<img>` rather than inline SVG: WeasyPrint gives a PDF's figure its
    alternative text only from `alt`, and screen readers read it on the web page."""
    svg = segno.make(url, error="m").svg_data_uri(scale=6, border=2, dark="#0b0c0c")
    return format_html(
        '<img class="rj-leaflet__qr" src="{}" alt="{}" width="{}" height="{}">',
        svg,
        _("QR code that opens %(url)s") % {"url": url},
        *segno.make(url, error="m").symbol_size(scale=6, border=2),
    )
