from django.db.models.signals import post_delete, post_save

from home.cache import purge_page_cache
from selfreferral.figures import bump_generation

# The form lists the areas: when one changes, cached pages are stale.
post_save.connect(purge_page_cache, sender="selfreferral.Area", dispatch_uid="purge-on-area-save")
post_delete.connect(
    purge_page_cache, sender="selfreferral.Area", dispatch_uid="purge-on-area-delete"
)


# Outcome figures are cached until a referral changes.
post_save.connect(
    bump_generation, sender="selfreferral.Referral", dispatch_uid="figures-on-referral-save"
)
post_delete.connect(
    bump_generation, sender="selfreferral.Referral", dispatch_uid="figures-on-referral-delete"
)


# The figures name each source as the list does: a renamed link shows at once.
def _sources_changed(**kwargs):
    bump_generation()
    purge_page_cache()


post_save.connect(
    _sources_changed, sender="selfreferral.ReferralSource", dispatch_uid="figures-on-source-save"
)
post_delete.connect(
    _sources_changed, sender="selfreferral.ReferralSource", dispatch_uid="figures-on-source-del"
)
