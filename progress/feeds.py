from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from home.addresses import page_url


class ProgressUpdatesFeed(Feed):
    """Atom feed of progress updates, for panel members and anyone following the service."""

    feed_type = Atom1Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def title(self):
        return f"{self.index_page.title}: updates"

    # Absolute addresses from BASE_URL: Django's feeds would take the Host header.
    def link(self):
        return page_url(self.index_page) + "updates/"

    def feed_url(self):
        return page_url(self.index_page) + "updates/feed/"

    def subtitle(self):
        return "Progress updates on restorative justice and the Police and Crime Panel's recommendations."

    def items(self):
        return self.index_page.updates()[:20]

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
        return f"progress-update-{item.pk}"
