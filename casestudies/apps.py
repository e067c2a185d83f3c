from django.apps import AppConfig


class CaseStudiesConfig(AppConfig):
    name = "casestudies"
    verbose_name = "Case studies"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from casestudies.models import CaseStudyArea
        from home.cache import purge_page_cache

        # Area names appear on story pages and in the filters.
        post_save.connect(purge_page_cache, sender=CaseStudyArea, dispatch_uid="purge-on-area")
        post_delete.connect(purge_page_cache, sender=CaseStudyArea, dispatch_uid="purge-area-del")
