from django.apps import AppConfig


class ProgressConfig(AppConfig):
    name = "progress"
    verbose_name = "Public progress"

    def ready(self):
        from home.cache import purge_pages_when_changed

        # Recommendations are snippets shown on /progress/.
        purge_pages_when_changed("progress.Recommendation", "progress.RecommendationStatusChange")
