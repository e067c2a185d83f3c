from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Events"

    def ready(self):
        from home.cache import purge_pages_when_changed

        # Listings, programmes and calendar feeds show these snippets.
        purge_pages_when_changed("events.AwarenessWeek")
