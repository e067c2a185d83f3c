from django.apps import AppConfig
from django.db.models.signals import post_migrate


def site_address_after_migrate(sender, **kwargs):
    from home.addresses import sync_default_site

    sync_default_site()


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and shared pages"

    def ready(self):
        from home import signals  # noqa: F401  (connects page-cache purging)
        from home.cache import purge_page_cache

        # Wagtail's Site record follows BASE_URL (home/addresses.py).
        post_migrate.connect(site_address_after_migrate, sender=self)
        # `migrate` runs with every release: pages built by the old templates and the
        # old code are not served by the new (for up to PAGE_CACHE_SECONDS otherwise).
        post_migrate.connect(purge_page_cache, sender=self)
