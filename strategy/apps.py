from django.apps import AppConfig


class StrategyConfig(AppConfig):
    name = "strategy"
    verbose_name = "Strategy"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from home.cache import purge_page_cache
        from strategy.models import StrategicTheme

        # Strategy pages show theme names: a changed theme means fresh pages.
        post_save.connect(purge_page_cache, sender=StrategicTheme, dispatch_uid="purge-on-theme")
        post_delete.connect(purge_page_cache, sender=StrategicTheme, dispatch_uid="purge-theme-del")
