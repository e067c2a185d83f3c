from django.apps import AppConfig


class ProgressConfig(AppConfig):
    name = "progress"
    verbose_name = "Public progress"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from home.cache import purge_page_cache
        from progress.models import Recommendation, RecommendationStatusChange

        # Recommendations are snippets shown on /progress/: keep the cached page honest.
        for model in (Recommendation, RecommendationStatusChange):
            post_save.connect(
                purge_page_cache, sender=model, dispatch_uid=f"purge-{model.__name__}-save"
            )
            post_delete.connect(
                purge_page_cache, sender=model, dispatch_uid=f"purge-{model.__name__}-delete"
            )
