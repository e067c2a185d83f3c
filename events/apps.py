from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Events"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from home.cache import purge_page_cache

        # Listings, programmes and calendar feeds show these snippets: serve fresh copies.
        for model in ("events.AwarenessWeek", "events.EventArea"):
            post_save.connect(purge_page_cache, sender=model, dispatch_uid=f"purge-{model}-save")
            post_delete.connect(purge_page_cache, sender=model, dispatch_uid=f"purge-{model}-del")
