from django.apps import AppConfig


class StrategyConfig(AppConfig):
    name = "strategy"
    verbose_name = "Strategy"

    def ready(self):
        from home.cache import purge_pages_when_changed

        # Strategy pages show theme names.
        purge_pages_when_changed("strategy.StrategicTheme")
