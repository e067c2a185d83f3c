"""The site's live pages, as one small structure every request reads without a query.

Every public page is framed the same way (menu, breadcrumbs, languages, footer
links, links to pages chosen in other languages) and is found from its address
the same way. Asking the database each time cost 15 to 20 queries a page. The
index holds what those need for every live page: where it is in the tree, its
address, title, language and translations, whether it is in the menu and
whether it is restricted. It is built in 3 queries and kept in the "pages"
cache under the page-cache generation (home/cache.py), so it is exactly as fresh
as the stored pages: anything that moves the generation on (a publish,
unpublish, move or delete, a setting, a snippet, a locale, a view restriction,
a site) makes the next request build it again, once for every process.

Routing uses it too, checked against the database row it loads: a page the index
does not know (a draft, a new alias) or knows wrongly is left to Wagtail's own
routing, so a stale index can never serve the wrong page."""

import threading
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import DEFERRED
from django.http import Http404
from django.urls import Resolver404
from django.utils import translation

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction, Site, get_page_models

from home.cache import current_generation, page_cache

INDEX_KEY = "site-index"
# The fields a page is loaded with when the frame links it (anything else loads on use).
PAGE_LINK_FIELDS = (
    "id",
    "path",
    "depth",
    "url_path",
    "title",
    "slug",
    "translation_key",
    "locale_id",
    "alias_of_id",
    "content_type_id",
    "live",
)


@dataclass(frozen=True)
class IndexedPage:
    id: int
    path: str
    depth: int
    url_path: str
    title: str
    slug: str
    translation_key: str
    locale_id: int
    alias_of_id: int | None
    content_type_id: int
    show_in_menus: bool
    # The language of the words: another language's when the page is an untranslated copy.
    words_language: str
    language: str
    restricted: bool
    url: str | None

    @property
    def untranslated(self):
        return self.words_language != self.language

    def as_page(self):
        """A `Page` as if loaded with PAGE_LINK_FIELDS, for `{% pageurl %}` and the like
        (any other field is loaded from the database when read)."""
        known = {name: getattr(self, name) for name in PAGE_LINK_FIELDS if name != "live"}
        known["live"] = True
        fields = Page._meta.concrete_fields
        return Page.from_db(
            "default",
            [field.attname for field in fields],
            [known.get(field.attname, DEFERRED) for field in fields],
        )


class SiteIndex:
    def __init__(self, pages, routable_types):
        self.sites = {}  # (host, port) -> Site, filled as requests come (never shared)
        self.routable_types = routable_types  # content type ids of routable page types
        self.pages = {page.id: page for page in pages}
        self._by_path = {page.path: page for page in pages}
        self.by_url_path = {page.url_path: page for page in pages}
        self.translations = {}
        for page in pages:
            self.translations.setdefault(page.translation_key, {})[page.locale_id] = page

    def __getstate__(self):
        return {"pages": list(self.pages.values()), "routable_types": self.routable_types}

    def __setstate__(self, state):
        self.__init__(state["pages"], state["routable_types"])

    def get(self, page_id):
        return self.pages.get(page_id)

    def in_locale(self, page_id, locale_id):
        """The live, public page `page_id` in the locale `locale_id`, or None."""
        page = self.pages.get(page_id)
        if page is None:
            return None
        translation_of = self.translations.get(page.translation_key, {})
        found = translation_of.get(locale_id)
        return found if found is not None and not found.restricted else None

    def public_translations(self, translation_key):
        """{locale id: page} for every live, public translation of a page."""
        return {
            locale_id: page
            for locale_id, page in self.translations.get(translation_key, {}).items()
            if not page.restricted
        }

    def menu(self, root):
        """The pages in the menu under `root`, in the order of the tree."""
        return sorted(
            (
                page
                for page in self.pages.values()
                if page.depth == root.depth + 1
                and page.path.startswith(root.path)
                and page.show_in_menus
                and not page.restricted
            ),
            key=lambda page: page.path,
        )

    def ancestors(self, path, from_depth=2):
        """The live pages above the page at `path` (a tree path), from `from_depth` down."""
        found = []
        step = Page.steplen
        for depth in range(from_depth, len(path) // step):
            ancestor = self.by_path(path[: depth * step])
            if ancestor is None:
                return None  # a page above is not live: let the database say
            found.append(ancestor)
        return found

    def by_path(self, path):
        return self._by_path.get(path)

    def route(self, request, site, path):
        """Wagtail's route for `path` on `site` (page, args, kwargs), from the index and
        one query; False to leave it to Wagtail (a page the index does not know, an
        address a routable page above answers); None when there is no such page."""
        root = self.in_locale(site.root_page_id, _active_locale_id())
        if root is None:
            return False
        components = [part for part in path.split("/") if part]
        for end in range(len(components), -1, -1):
            page = self.by_url_path.get(root.url_path + "".join(f"{c}/" for c in components[:end]))
            if page is not None:
                break
        else:
            return False
        remaining = components[end:]
        if remaining and page.content_type_id not in self.routable_types:
            return False  # a child that is not live, or no such page: Wagtail says 404
        # A routable page above answers its own sub-addresses before its children's.
        for ancestor in self.ancestors(page.path, from_depth=root.depth) or ():
            if ancestor.content_type_id in self.routable_types:
                rest = components[ancestor.depth - root.depth :]
                if _resolves(
                    _model(ancestor.content_type_id), "/" + "".join(f"{c}/" for c in rest)
                ):
                    return False
        model = _model(page.content_type_id)
        specific = model.objects.filter(pk=page.id).first() if model is not None else None
        if specific is None or not specific.live or specific.url_path != page.url_path:
            return False
        try:
            return specific.route(request, remaining)
        except Http404:
            return None


def _model(content_type_id):
    return ContentType.objects.get_for_id(content_type_id).model_class()


def _resolves(model, subpath):
    try:
        model.get_resolver().resolve(subpath)
    except Resolver404:
        return False
    return True


def _active_locale_id():
    from home.i18n import active_locale_pk

    return active_locale_pk()


def build_index():
    """The index from the database: 2 queries (view restrictions, live pages; content
    types are kept by Django for the life of the process)."""
    from home.i18n import live_locales

    languages = {locale.pk for locale in live_locales()}
    restricted_paths = set(PageViewRestriction.objects.values_list("page__path", flat=True))
    rows = list(
        Page.objects.live()
        .filter(depth__gt=1)
        .select_related("locale", "alias_of__locale")
        .only(
            *PAGE_LINK_FIELDS,
            "show_in_menus",
            "locale__language_code",
            "alias_of__path",
            "alias_of__locale__language_code",
        )
        .order_by("path")
    )
    by_path = {row.path: row for row in rows}

    def restricted(row):
        # As Wagtail checks: the page and each page above it, an alias by its source.
        for depth in range(1, row.depth + 1):
            path = row.path[: depth * Page.steplen]
            above = by_path.get(path)
            if above is not None and above.alias_of is not None:
                path = above.alias_of.path
            if path in restricted_paths:
                return True
        return False

    pages = []
    for row in rows:
        language = row.locale.language_code
        source = row.alias_of
        pages.append(
            IndexedPage(
                id=row.id,
                path=row.path,
                depth=row.depth,
                url_path=row.url_path,
                title=row.title,
                slug=row.slug,
                translation_key=str(row.translation_key),
                locale_id=row.locale_id,
                alias_of_id=row.alias_of_id,
                content_type_id=row.content_type_id,
                show_in_menus=row.show_in_menus,
                language=language,
                words_language=source.locale.language_code if source is not None else language,
                restricted=restricted(row),
                url=row.get_url(None) if row.locale_id in languages else None,
            )
        )
    routable_types = {
        ContentType.objects.get_for_model(model).id
        for model in get_page_models()
        if issubclass(model, RoutablePageMixin)
    }
    return SiteIndex(pages, routable_types)


_this_process = threading.local()


def site_index():
    """The index for the current page-cache generation: from this process's memory,
    else from the shared cache, else built and shared."""
    generation = current_generation()
    remembered = getattr(_this_process, "index", None)
    if remembered is not None and remembered[0] == generation:
        return remembered[1]
    key = f"{settings.CACHE_MIDDLEWARE_KEY_PREFIX}:{generation}:{INDEX_KEY}"
    cache = page_cache()
    index = cache.get(key)
    if index is None:
        with translation.override(settings.LANGUAGE_CODE):
            index = build_index()
        cache.set(key, index, settings.CACHE_MIDDLEWARE_SECONDS)
    _this_process.index = (generation, index)
    return index


def site_for_request(request):
    """Wagtail's `Site.find_for_request`, remembered per host for the generation."""
    if not hasattr(request, "_wagtail_site"):
        sites = site_index().sites
        host = (request.get_host(), request.get_port())
        if host not in sites:
            sites[host] = Site.find_for_request(request)
        request._wagtail_site = sites[host]
    return request._wagtail_site
