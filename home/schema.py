"""Pieces every page's schema.org data shares: who publishes it, the language its
words are in, and an image when the page has none of its own. Page types build
their own data (`structured_data(request)`) from these; the `json_ld` template
tag writes it into the page."""

from django.templatetags.static import static

from wagtail.models import Site

from home.addresses import absolute_url
from home.i18n import content_language, hreflang
from home.models import ContactSettings

# A plain card with the service's name, for pages without a picture (1200 x 630).
DEFAULT_IMAGE = "images/share-card.png"


def publisher(request=None):
    """The service, as the Organization that publishes and writes the site."""
    site = Site.find_for_request(request) if request is not None else None
    site = site or Site.objects.filter(is_default_site=True).first()
    name = ContactSettings.for_site(site).service_name if site else ""
    return {"@type": "Organization", "name": name, "url": absolute_url("/")}


def in_language(page):
    """The language of the page's words: English for an untranslated copy under /pl/."""
    return hreflang(content_language(page))


def default_image():
    return absolute_url(static(DEFAULT_IMAGE))
