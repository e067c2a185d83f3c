"""Template tags for the frame around every page: navigation, breadcrumbs and languages."""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.html import format_html

from wagtail.models import Page

from home.addresses import absolute_url
from home.cache import current_generation
from home.i18n import (
    content_language,
    hreflang,
    is_untranslated_copy,
    language_options,
    localize_page,
)
from home.i18n import localized_url as _localized_url
from home.locales import active_locale_pk
from home.site_index import site_for_request, site_index

register = template.Library()


def _site_root(request):
    """The site's home page in the visitor's language (else the site's own), from the index."""
    site = site_for_request(request) if request else None
    if site is None:
        return None
    index = site_index()
    return index.in_locale(site.root_page_id, active_locale_pk()) or index.get(site.root_page_id)


@register.inclusion_tag("includes/navigation.html", takes_context=True)
def main_navigation(context):
    root = _site_root(context.get("request"))
    current_path = getattr(context.get("page"), "path", "")
    active = translation.get_language()
    return {
        "items": [
            {
                "title": item.title,
                "url": item.url,
                "current": item.path == current_path,
                "active": current_path.startswith(item.path),
                # An untranslated page's title is in its own language ("Is it safe?" in /ar/).
                "language": item.words_language if item.words_language != active else "",
            }
            for item in (site_index().menu(root) if root is not None else [])
        ],
        "request": context.get("request"),
    }


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    ancestors = []
    if isinstance(page, Page) and page.depth > 2:
        ancestors = site_index().ancestors(page.path)
        if ancestors is None:  # a page above is not live (a preview under a draft)
            ancestors = list(
                page.get_ancestors().filter(depth__gte=2).only("id", "title", "url_path", "depth")
            )
    return {"ancestors": ancestors, "request": context.get("request")}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context.get("request")
    options = language_options(request, context.get("page")) if request else []
    return {"options": options, "request": request}


@register.inclusion_tag("includes/hreflang_links.html", takes_context=True)
def hreflang_links(context):
    """`<link rel="alternate" hreflang>` for each real translation, and x-default for English."""
    request = context.get("request")
    links = []
    if request is not None:
        translated = [o for o in language_options(request, context.get("page")) if o.translated]
        if len(translated) > 1:
            links = [(o.hreflang, absolute_url(o.url)) for o in translated]
            default = next(
                (o for o in translated if o.code == settings.LANGUAGE_CODE), translated[0]
            )
            links.append(("x-default", absolute_url(default.url)))
    return {"links": links}


@register.simple_tag(takes_context=True)
def untranslated_language(context):
    """The language code of the words on an untranslated page shown in another language, or ''."""
    page = context.get("page")
    if isinstance(page, Page) and is_untranslated_copy(page):
        return content_language(page)
    return ""


@register.filter
def ltr(text):
    """`text` (a phone number, an address, English words) kept left to right in any page,
    so "0300 555 0142" does not read "0142 555 0300" in Arabic."""
    return format_html('<span dir="ltr">{}</span>', text)


@register.filter
def absolute(path):
    """`path` on the site's own address (BASE_URL), never the request's Host header."""
    return absolute_url(path)


@register.filter
def language_direction(language_code):
    return "rtl" if translation.get_language_info(language_code)["bidi"] else "ltr"


@register.filter
def html_lang(language_code):
    return hreflang(language_code)


@register.inclusion_tag("includes/page_pdf_links.html", takes_context=True)
def page_pdf_links(context):
    """'Download this page as a PDF' (standard and large print) under every live page."""
    page = context.get("page")
    offered = isinstance(page, Page) and page.pk and page.live and getattr(page, "offers_pdf", True)
    return {"page": page if offered else None}


@register.filter
def localized(page):
    """The chosen page in the visitor's language, when published there; else the page itself.

    wagtail-localize keeps page choosers pointing at the source page and expects
    templates to localize them, so `{% pageurl value.page|localized %}`. No query
    when the page is already in the active language."""
    if not isinstance(page, Page):
        return page
    return localize_page(page)


@register.filter
def localized_url(page_id):
    """`{{ settings.home.ContactSettings.privacy_page_id|localized_url }}`: the chosen
    page's address in the visitor's language, or "" when it is not live. No query."""
    return _localized_url(page_id)


@register.simple_tag
def page_cache_generation():
    """For `{% cache %}` keys: a fragment kept until a change moves the page cache on."""
    return current_generation()
