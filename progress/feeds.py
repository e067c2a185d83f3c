from urllib.parse import urlsplit

from django.contrib.syndication.views import Feed
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed

from home.addresses import absolute_url, page_url
from home.i18n import content_language, hreflang
from home.models import ContactSettings
from progress.models import UPDATE_LIST_FIELDS


class LanguageTaggedAtomFeed(Atom1Feed):
    """Atom with `xml:lang` on each entry: an update may be translated while the
    list around it is not, and each says the language its words are in."""

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("language"):
            attributes["xml:lang"] = item["language"]
        return attributes


class ProgressUpdatesFeed(Feed):
    """Atom feed of progress updates, for panel members and anyone following the service.

    The feed says the language its words are written in (an untranslated copy's
    is English, even under /pl/), names the service as its author, and gives each
    entry a `tag:` URI (RFC 4151) that stays the same when the page is renamed or moved."""

    feed_type = LanguageTaggedAtomFeed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page
        # Django reads `language` as an attribute: the language of the page's words.
        self.language = hreflang(content_language(index_page))

    def __call__(self, request, *args, **kwargs):
        # The feed's own words (title, subtitle) in the language of its entries' page.
        with translation.override(content_language(self.index_page)):
            return super().__call__(request, *args, **kwargs)

    def title(self):
        return translation.gettext("%(title)s: updates") % {"title": self.index_page.title}

    # Absolute addresses from BASE_URL: Django's feeds would take the Host header.
    def link(self):
        return page_url(self.index_page) + "updates/"

    def feed_url(self):
        return page_url(self.index_page) + "updates/feed/"

    def feed_guid(self):
        return self._tag(
            self.index_page.first_published_at,
            f"progress-updates-{self.index_page.translation_key}",
        )

    def subtitle(self):
        return translation.gettext(
            "Progress updates on restorative justice and the Police and Crime Panel's recommendations."
        )

    def author_name(self):
        site = self.index_page.get_site()
        return ContactSettings.for_site(site).service_name if site else ""

    def author_link(self):
        return page_url(self.index_page.get_site().root_page.localized)

    def items(self):
        # With what the language of each entry needs, in the same query.
        return (
            self.index_page.updates()
            .select_related("locale", "alias_of__locale")
            .only(
                *UPDATE_LIST_FIELDS,
                "translation_key",
                "locale__language_code",
                "alias_of__locale__language_code",
            )[:20]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return page_url(item)

    def item_pubdate(self, item):
        from datetime import datetime, time

        from django.utils import timezone

        return timezone.make_aware(datetime.combine(item.published_on, time(9)))

    def item_updateddate(self, item):
        # Atom requires <updated> on every entry.
        return item.last_published_at or self.item_pubdate(item)

    item_guid_is_permalink = False

    def item_guid(self, item):
        # One id per update and language: a translation is another entry.
        return self._tag(
            item.published_on, f"progress-update-{item.translation_key}-{item.locale.language_code}"
        )

    def item_extra_kwargs(self, item):
        return {"language": hreflang(content_language(item))}

    @staticmethod
    def _tag(day, specific):
        """A `tag:` URI (RFC 4151): the site's host name, a date it was first used, a name."""
        host = urlsplit(absolute_url("/")).hostname
        date = day.date() if hasattr(day, "date") else day
        return f"tag:{host},{date.isoformat() if date else '2024-01-01'}:{specific}"
