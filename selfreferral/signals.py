from django.db.models.signals import post_delete, post_save

from home.cache import purge_page_cache

# The form lists the areas: when one changes, cached pages are stale.
post_save.connect(purge_page_cache, sender="selfreferral.Area", dispatch_uid="purge-on-area-save")
post_delete.connect(
    purge_page_cache, sender="selfreferral.Area", dispatch_uid="purge-on-area-delete"
)
