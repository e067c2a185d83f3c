"""Keep a kiosk inside the kiosk: links to pages it may show point to their kiosk
copies, and every other link (other sites, phone numbers, email, downloads,
pages a kiosk does not show) becomes plain text.

The HTML is read with a parser, and every address is worked out the way a
browser will follow it (tabs and new lines dropped, backslashes read as slashes,
`..` and `%2e%2e` resolved) before it is checked, so `/kiosk/../exit/` is seen as
`/exit/`. A link that stays a link is written back in that worked-out form."""

import re
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup
from bs4.dammit import EntitySubstitution
from bs4.formatter import HTMLFormatter

from django.conf import settings
from django.urls import Resolver404, resolve, reverse
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
UNLINKED_CLASS = "rj-kiosk-unlinked"
# What browsers ignore inside an address, and around it.
IGNORED_IN_URL = re.compile(r"[\t\n\r]")
IGNORED_AROUND_URL = "".join(chr(c) for c in range(0x21))
SINGLE_DOT = {".", "%2e"}
DOUBLE_DOT = {"..", ".%2e", "%2e.", "%2e%2e"}


def kiosk_page_url(page_id, query=""):
    url = reverse("kiosk:page", args=[page_id])
    return f"{url}?{query}" if query else url


def _remove_dot_segments(path):
    """The path as a browser resolves it: `.` and `..` segments (also written `%2e`) gone."""
    output = []
    segments = path.split("/")
    for position, segment in enumerate(segments):
        last = position == len(segments) - 1
        lowered = segment.lower()
        if lowered in SINGLE_DOT or lowered in DOUBLE_DOT:
            if lowered in DOUBLE_DOT and len(output) > 1:
                output.pop()
            if last:
                output.append("")  # "/a/.." is "/a/", with its slash
            continue
        output.append(segment)
    return "/".join(output) or "/"


def followed_address(href, page_path, hosts):
    """(path, query, fragment) of where a browser on `page_path` goes when `href` is
    followed, if it stays on this site over the web; otherwise None."""
    href = IGNORED_IN_URL.sub("", href).strip(IGNORED_AROUND_URL).replace("\\", "/")
    parts = urlsplit(urljoin("http://this-site" + page_path, href))
    if parts.scheme not in ("http", "https"):
        return None
    if parts.netloc != "this-site" and parts.netloc not in hosts:
        return None
    return _remove_dot_segments(parts.path), parts.query, parts.fragment


def _in_kiosk(path):
    """Whether `path` is one of the kiosk's own views (the server decodes %-escapes)."""
    if "%" in path:
        return False  # kiosk addresses never need escapes; anything escaped is refused
    # In any language: a Polish kiosk's "Start again" goes back to the default's /kiosk/.
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            try:
                if resolve(path).namespace == "kiosk":
                    return True
            except Resolver404:
                continue
    return False


def _with(path, query="", fragment=""):
    return path + (f"?{query}" if query else "") + (f"#{fragment}" if fragment else "")


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
            inner = unquote(path_in_tree).strip("/")
            url_paths[root + inner + "/" if inner else root] = path
    found = {}
    pages = Page.objects.live().public().filter(url_path__in=url_paths)
    for page_id, url_path, app_label, model in pages.values_list(
        "pk", "url_path", "content_type__app_label", "content_type__model"
    ):
        if f"{app_label}.{model}" in KIOSK_PAGE_TYPES:
            found[url_paths[url_path]] = page_id
    return found


def _hosts(request):
    """This site's addresses: its own, and the one the kiosk was reached at (allowed already)."""
    return {urlsplit(settings.BASE_URL).netloc, request.get_host()}


class _AsWritten(HTMLFormatter):
    """Writes the page back as HTML5, with each tag's attributes in their own order."""

    def __init__(self):
        super().__init__(
            entity_substitution=EntitySubstitution.substitute_xml,  # &, < and > escaped
            void_element_close_prefix=None,
        )

    def attributes(self, tag):
        # As written (the default sorts them); a boolean attribute stays bare (`defer`).
        return [(key, None if value == "" else value) for key, value in tag.attrs.items()]


# Elements that take a browser somewhere, and the attribute that says where.
LINKS = (("a", "href"), ("area", "href"))
ACTIONS = (("form", "action"), ("button", "formaction"), ("input", "formaction"))


def keep_inside_kiosk(html, request, site, links_here=None):
    """The page's HTML with each link rewritten for the kiosk or made plain text.

    `links_here` ({path: fragment}) sends links to those pages, in any language, to a
    place on this page instead: the kiosk form shows the full privacy notice itself,
    so reading it never leaves (and empties) the form."""
    links_here = {_without_language(path)[1]: id for path, id in (links_here or {}).items()}
    soup = BeautifulSoup(html, "html.parser")
    hosts = _hosts(request)
    page_path = request.path

    found = []
    for name, attribute in LINKS + ACTIONS:
        for element in soup.find_all(name, attrs={attribute: True}):
            value = element[attribute]
            stays_here = value.strip(IGNORED_AROUND_URL).startswith(("#", "?"))
            target = followed_address(value, page_path, hosts)
            found.append((element, attribute, stays_here, target))
    candidates = {t[0] for _, _, _, t in found if t is not None and not _in_kiosk(t[0])}
    page_ids = _page_ids_by_path(site, list(candidates))

    for element, attribute, stays_here, target in found:
        fragment = target and links_here.get(_without_language(target[0])[1])
        if element.name == "a" and fragment:
            element[attribute] = f"#{fragment}"
            continue
        if stays_here and target is not None and _in_kiosk(target[0]):
            continue  # a place on this same page, or another page of this list
        if target is not None and _in_kiosk(target[0]):
            element[attribute] = _with(*target)
        elif target is not None and target[0] in page_ids:
            element[attribute] = _with(
                kiosk_page_url(page_ids[target[0]], target[1]), "", target[2]
            )
            for extra in ("download", "target", "hreflang"):
                element.attrs.pop(extra, None)
        elif element.name in ("a", "area"):
            element.name = "span"
            element.attrs = {"class": UNLINKED_CLASS}
        elif element.name == "form":
            element.unwrap()  # its fields stay readable; nothing can send them out
        else:
            del element[attribute]  # the button sends its form where the form goes
    return soup.decode(formatter=_AsWritten())
