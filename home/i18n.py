"""Languages: which languages the site offers, where each page lives in them, and
what people see when a page has not been translated yet.

Admins switch a language on by adding a locale (Settings > Locales). With
"Synchronise content from English" ticked, wagtail-localize keeps a copy of every
English page in that language's tree as an *alias* until someone translates it:
the page then opens under /pl/... with the menus, quick exit and footer in Polish
and the English text marked as English, with a notice saying so."""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from wagtail.models import Locale, Page

# Unicode's left-to-right isolate and its end: a run of numbers inside right-to-left
# text keeps its own order ("18:30", "0300 555 0142"), whatever surrounds it.
LEFT_TO_RIGHT_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2066", "\u2069"


def isolate_numbers(text):
    """`text` isolated as left to right when the active language is right to left
    (for plain text: in HTML, an element with `dir="ltr"` does the same)."""
    if not translation.get_language_bidi():
        return text
    return f"{LEFT_TO_RIGHT_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"


def hreflang(language_code):
    """'en-gb' -> 'en-GB', the form HTML and search engines expect."""
    return translation.to_locale(language_code).replace("_", "-")


def language_name(language_code):
    """The language's name written in that language, as settings.LANGUAGES gives it."""
    return dict(settings.LANGUAGES).get(language_code, language_code)


LOCALES_CACHE_KEY = "live-locales:v1"


@dataclass(frozen=True)
class LiveLocale:
    pk: int
    language_code: str


def live_locales():
    """The locales admins have switched on, in the order of settings.LANGUAGES.

    Kept in the cache (every page shows the switcher); home/signals.py clears it
    when a locale is added or removed."""
    rows = cache.get(LOCALES_CACHE_KEY)
    if rows is None:
        rows = list(Locale.objects.values_list("pk", "language_code"))
        cache.set(LOCALES_CACHE_KEY, rows, timeout=None)
    order = [code for code, _ in settings.LANGUAGES]
    locales = [LiveLocale(pk, code) for pk, code in rows if code in order]
    return sorted(locales, key=lambda locale: order.index(locale.language_code))


def forget_live_locales(**kwargs):
    cache.delete(LOCALES_CACHE_KEY)


def _indexed(page):
    from home.site_index import site_index

    return site_index().get(page.pk) if getattr(page, "pk", None) else None


def is_untranslated_copy(page):
    """True when `page` is wagtail-localize's stand-in for a page not translated yet:
    an alias of the same page in another language, so its words are that language's."""
    if not getattr(page, "alias_of_id", None):
        return False
    indexed = _indexed(page)
    if indexed is not None:
        return indexed.untranslated
    source = page.alias_of
    return source is not None and source.locale_id != page.locale_id


def content_language(page):
    """The language the page's words are actually written in."""
    indexed = _indexed(page)
    if indexed is not None:
        return indexed.words_language
    if is_untranslated_copy(page):
        return page.alias_of.locale.language_code
    return page.locale.language_code


@dataclass
class LanguageOption:
    code: str
    hreflang: str
    name: str
    url: str
    current: bool
    translated: bool


def language_options(request, page=None):
    """One entry per live language: where this page is in it, and whether it is translated.

    A language with no copy of the page falls back to the page in the default language.
    Without a page (a 404, say) each language points at its home page."""
    from home.site_index import site_for_request, site_index

    cache = getattr(request, "_rj_language_options", None)
    if cache is None:
        cache = request._rj_language_options = {}
    key = getattr(page, "pk", None)
    if key in cache:
        return cache[key]

    locales = live_locales()
    options = []
    index = site_index()
    if len(locales) > 1:
        if not isinstance(page, Page) or not page.pk:
            site = site_for_request(request)
            page = index.get(site.root_page_id) if site else None
        if page is not None:
            counterparts = index.public_translations(str(page.translation_key))
            default_code = settings.LANGUAGE_CODE
            default_pk = next((lo.pk for lo in locales if lo.language_code == default_code), None)
            fallback = counterparts.get(default_pk) or page
            active = translation.get_language()
            for locale in locales:
                other = counterparts.get(locale.pk)
                options.append(
                    LanguageOption(
                        code=locale.language_code,
                        hreflang=hreflang(locale.language_code),
                        name=language_name(locale.language_code),
                        url=(other or fallback).url,
                        current=locale.language_code == active,
                        translated=other is not None and not other.untranslated,
                    )
                )
    cache[key] = options
    return options


def active_locale_pk():
    active = translation.get_language()
    return next((lo.pk for lo in live_locales() if lo.language_code == active), None)


def localize_page(page):
    """`page` in the active language if it is published there, else `page` itself."""
    from home.site_index import site_index

    active = active_locale_pk()
    if active is None or page.locale_id == active:
        return page
    other = site_index().translations.get(str(page.translation_key), {}).get(active)
    return other.as_page() if other is not None else page


def localized_url(page_id):
    """The address of the live page `page_id` in the visitor's language (else in its
    own), or "" when it is not live: for links chosen in settings, without loading them."""
    from home.site_index import site_index

    index = site_index()
    page = index.get(page_id) if page_id else None
    if page is None:
        return ""
    other = index.translations.get(page.translation_key, {}).get(active_locale_pk())
    return (other or page).url or ""


def scope_to_active_language(queryset):
    """Keep only the pages in the language the visitor is reading, for site search.

    Use it before `.search()`: `scope_to_active_language(Page.objects.live().public()).search(q)`.
    Untranslated copies (aliases) stay in, so every page can be found in every language."""
    return queryset.filter(locale_id=active_locale_pk())
