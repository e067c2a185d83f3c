from django.db.models.signals import post_delete

from wagtail.signals import page_published, page_unpublished, post_page_move

from home.cache import purge_page_cache, purge_pages_when_changed
from home.locales import forget_live_locales
from home.mixins import ReviewByMixin, default_review_date
from home.models import Area, ContactSettings


def set_review_date_on_publish(sender, instance, revision=None, **kwargs):
    """A page published without a "review by" date gets one, 12 months on.

    The date is written to the live page and to the published revision, so the
    editor sees it the next time they open the page."""
    if not isinstance(instance, ReviewByMixin) or instance.review_by:
        return
    review_by = default_review_date(instance.last_published_at)
    type(instance).objects.filter(pk=instance.pk).update(review_by=review_by)
    instance.review_by = review_by
    if revision is not None:
        revision.content["review_by"] = review_by.isoformat()
        revision.save(update_fields=["content"])


page_published.connect(set_review_date_on_publish, dispatch_uid="set-review-date-on-publish")

# Anything the public sees changes: serve fresh pages from now on.
page_published.connect(purge_page_cache, dispatch_uid="purge-on-publish")
page_unpublished.connect(purge_page_cache, dispatch_uid="purge-on-unpublish")
post_page_move.connect(purge_page_cache, dispatch_uid="purge-on-move")
# The footer shows the contact settings; story and event pages and their filters name areas.
purge_pages_when_changed(ContactSettings, Area)
post_delete.connect(purge_page_cache, sender="wagtailcore.Page", dispatch_uid="purge-on-delete")

# A language switched on or off changes the switcher on every page.
purge_pages_when_changed("wagtailcore.Locale", also=[forget_live_locales])
# Who may see a page, and which site a page is on, change the site index (home/site_index.py).
purge_pages_when_changed("wagtailcore.PageViewRestriction", "wagtailcore.Site")
