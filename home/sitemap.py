"""The sitemap: every live, public page in every language, each with the
`hreflang` alternates its own page head lists (home/i18n.py)."""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q

from wagtail.contrib.sitemaps.sitemap_generator import Sitemap
from wagtail.models import Page

from home.i18n import hreflang
from home.locales import live_locales


class EveryLanguageSitemap(Sitemap):
    """Wagtail's sitemap lists the site root's own tree, the default language only.
    This one lists the tree of each live language, untranslated copies included (a
    visitor can land on them: the menus and help are in their language)."""

    def items(self):
        site = self.get_wagtail_site()
        live = {locale.pk for locale in live_locales()}
        roots = Page.objects.filter(
            translation_key=site.root_page.translation_key, locale_id__in=live
        ).values_list("path", flat=True)
        in_a_tree = Q()
        for path in roots:
            in_a_tree |= Q(path__startswith=path)
        if not in_a_tree:
            return Page.objects.none()
        pages = list(
            Page.objects.live()
            .public()
            .filter(in_a_tree)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
        self.alternates_by_key = self._alternates(pages)
        return pages

    def _alternates(self, pages):
        """{translation_key: [(hreflang, url)]}: each page's real translations (not
        untranslated copies), and x-default for the default language, as in the head."""
        translated = defaultdict(dict)
        for page in pages:
            if page.alias_of_id is None:
                translated[page.translation_key][page.locale_id] = page
        order = {locale.pk: locale.language_code for locale in live_locales()}
        alternates = {}
        for key, by_locale in translated.items():
            if len(by_locale) < 2:
                continue
            links = [
                (hreflang(order[locale_id]), by_locale[locale_id].get_full_url(self.request))
                for locale_id in order
                if locale_id in by_locale
            ]
            default = next(
                (
                    by_locale[pk]
                    for pk, code in order.items()
                    if code == settings.LANGUAGE_CODE and pk in by_locale
                ),
                None,
            )
            if default is not None:
                links.append(("x-default", default.get_full_url(self.request)))
            alternates[key] = links
        return alternates

    def _urls(self, page, protocol, domain):
        urls = []
        for item in self.paginator.page(page).object_list:
            alternates = [
                {"lang_code": code, "location": location}
                for code, location in self.alternates_by_key.get(item.translation_key, [])
            ]
            for url in item.get_sitemap_urls(self.request):
                # The page's own address has its alternates; its extra routes do not.
                if url["location"] == item.get_full_url(self.request):
                    url = {**url, "alternates": alternates}
                urls.append(url)
        return urls
