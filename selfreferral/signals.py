from django.apps import apps
from django.db.models.signals import post_delete, post_migrate, post_save

from home.cache import purge_pages_when_changed
from selfreferral.figures import bump_generation
from selfreferral.models import Area

# The form lists the areas; the figures name each source as the list does (a renamed
# link shows at once, and its cached figures go too).
purge_pages_when_changed("selfreferral.Area")
purge_pages_when_changed("selfreferral.ReferralSource", also=[bump_generation])


def rename_service_area(sender, instance, **kwargs):
    """The form names a service area as its public area is named."""
    Area.objects.filter(public_area=instance).exclude(name=instance.name).update(name=instance.name)


post_save.connect(rename_service_area, sender="home.Area", dispatch_uid="rename-service-area")

# Outcome figures are cached until a referral changes.
post_save.connect(
    bump_generation, sender="selfreferral.Referral", dispatch_uid="figures-on-referral-save"
)
post_delete.connect(
    bump_generation, sender="selfreferral.Referral", dispatch_uid="figures-on-referral-delete"
)
# ...and until someone answers the feedback survey.
post_save.connect(bump_generation, sender="feedback.Answer", dispatch_uid="figures-on-answer-save")
post_delete.connect(
    bump_generation, sender="feedback.Answer", dispatch_uid="figures-on-answer-delete"
)
# ...and until a release: `migrate` runs with every release, and a new release may
# compute the figures differently (a cached table of the old shape would fail).
post_migrate.connect(
    bump_generation, sender=apps.get_app_config("selfreferral"), dispatch_uid="figures-on-release"
)
