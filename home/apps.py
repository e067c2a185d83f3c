from django.apps import AppConfig
from django.db.models.signals import post_migrate


def site_address_after_migrate(sender, **kwargs):
    from home.addresses import sync_default_site

    sync_default_site()


def purge_pages_after_migrate(sender, **kwargs):
    # `migrate` runs with every release: pages built by the old templates and the
    # old code are not served by the new (for up to PAGE_CACHE_SECONDS otherwise).
    from home.cache import purge_page_cache

    purge_page_cache()


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and shared pages"

    def ready(self):
        from home import signals  # noqa: F401  (connects page-cache purging)

        # Wagtail's Site record follows BASE_URL (home/addresses.py).
        post_migrate.connect(site_address_after_migrate, sender=self)
        post_migrate.connect(purge_pages_after_migrate, sender=self)
