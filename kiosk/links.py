"""Keep a kiosk inside the kiosk: links to pages it may show point to their kiosk
copies, and every other link (other sites, phone numbers, email, downloads,
pages a kiosk does not show) becomes plain text."""

import re
from html import unescape
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from wagtail.models import Page

# Page types a kiosk shows, by label, so this app imports none of their apps.
KIOSK_PAGE_TYPES = {
    "home.standardpage",
    "home.easyreadpage",
    "films.filmindexpage",
    "films.filmpage",
    "casestudies.casestudyindexpage",
    "casestudies.casestudypage",
}

# Anchors never nest in HTML, so an anchor ends at the first </a> after it.
ANCHOR = re.compile(r"<a\b(?P<attrs>[^>]*)>(?P<text>.*?)</a>", re.DOTALL | re.IGNORECASE)
HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
FORM_ACTION = re.compile(r"""(<form\b[^>]*\baction\s*=\s*)"([^"]*)\"""", re.IGNORECASE)


def _kiosk_starts():
    for code, _ in settings.LANGUAGES:
        with translation.override(code):
            yield reverse("kiosk:start")


def kiosk_page_url(page_id, query=""):
    url = reverse("kiosk:page", args=[page_id])
    return f"{url}?{query}" if query else url


def _without_language(path):
    """(language code, path without its /pl/ prefix): pages in another language live
    under the site root's translation, at the same path without the prefix."""
    code = translation.get_language_from_path(path)
    if code and path.startswith(f"/{code}/"):
        return code, path[len(code) + 1 :]
    return settings.LANGUAGE_CODE, path


def _page_ids_by_path(site, paths):
    """The kiosk-shown pages at these site paths (in any language), as {path: page id}."""
    if site is None or not paths:
        return {}
    roots = {
        root.locale.language_code: root.url_path
        for root in Page.objects.filter(
            translation_key=site.root_page.translation_key
        ).select_related("locale")
    }
    url_paths = {}
    for path in paths:
        code, path_in_tree = _without_language(path)
        root = roots.get(code)
        if root is not None:
            inner = path_in_tree.strip("/")
            url_paths[root + inner + "/" if inner else root] = path
    found = {}
    pages = Page.objects.live().public().filter(url_path__in=url_paths)
    for page_id, url_path, app_label, model in pages.values_list(
        "pk", "url_path", "content_type__app_label", "content_type__model"
    ):
        if f"{app_label}.{model}" in KIOSK_PAGE_TYPES:
            found[url_paths[url_path]] = page_id
    return found


def _target(href, host):
    """(path, query) for a link to this site that a kiosk might follow, else None."""
    parts = urlsplit(unescape(href))
    if parts.scheme not in ("", "http", "https"):
        return None
    if parts.netloc and parts.netloc != host:
        return None
    if not parts.path.startswith("/"):
        return None
    return parts.path, parts.query


def keep_inside_kiosk(html, request, site):
    """The page's HTML with each link rewritten for the kiosk or made plain text."""
    host = request.get_host()
    # The kiosk's own views, in every language (the start again button goes back to the default's).
    kiosk_prefix = tuple(_kiosk_starts())
    anchors = list(ANCHOR.finditer(html))
    targets = {}
    for match in anchors:
        href = HREF.search(match["attrs"])
        if href:
            target = _target(href[1] if href[1] is not None else href[2], host)
            if target and not target[0].startswith(kiosk_prefix):
                targets[target[0]] = None
    for match in FORM_ACTION.finditer(html):
        target = _target(match[2], host)
        if target:
            targets[target[0]] = None
    page_ids = _page_ids_by_path(site, list(targets))

    def replace(match):
        href = HREF.search(match["attrs"])
        if href is None:
            return match[0]
        value = href[1] if href[1] is not None else href[2]
        if value.startswith(("#", "?")):
            return match[0]  # a place on this same page, or another page of this list
        target = _target(value, host)
        if target and target[0].startswith(kiosk_prefix):
            return match[0]
        if target and target[0] in page_ids:
            new_href = kiosk_page_url(page_ids[target[0]], target[1]).replace("&", "&amp;")
            attrs = HREF.sub(lambda _: f'href="{new_href}"', match["attrs"], count=1)
            attrs = re.sub(r"\s(download|target|hreflang)(=\"[^\"]*\")?", "", attrs)
            return f"<a{attrs}>{match['text']}</a>"
        return f'<span class="rj-kiosk-unlinked">{match["text"]}</span>'

    html = ANCHOR.sub(replace, html)

    def replace_action(match):
        target = _target(match[2], host)
        if target and target[0] in page_ids:
            return f'{match[1]}"{kiosk_page_url(page_ids[target[0]])}"'
        return match[0]

    return FORM_ACTION.sub(replace_action, html)
