from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and shared pages"

    def ready(self):
        from home import signals  # noqa: F401  (connects page-cache purging)
