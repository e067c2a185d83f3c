from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms import two_factor
from home import views as home_views
from home.sitemap import EveryLanguageSitemap
from rjsite import health
from sitesearch import views as search_views

# The site's own error pages, none of which reads the form data (rjsite/views.py).
handler400 = "rjsite.views.bad_request"
handler403 = "rjsite.views.permission_denied"
handler404 = "rjsite.views.page_not_found"
handler500 = "rjsite.views.server_error"

urlpatterns = [
    # Before Wagtail's admin URLs, which would take any /admin/ path.
    path("admin/two-factor/", two_factor.verify, name="two_factor_verify"),
    path("admin/two-factor/set-up/", two_factor.setup, name="two_factor_setup"),
    path("admin/two-factor/backup-codes/", two_factor.backup_codes, name="two_factor_backup_codes"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("exit/", home_views.quick_exit, name="quick_exit"),
    path("healthz", health.healthz, name="healthz"),
    path("pdf/<int:page_id>/", home_views.page_pdf_view, name="page_pdf"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": EveryLanguageSitemap}}),
]

if settings.SERVE_MEDIA:
    urlpatterns.append(
        path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", home_views.serve_media, name="media")
    )
if settings.BENCH_BARE_VIEW:
    # bench/pages only: the ceiling of this stack, a view returning a constant
    # through the same middleware. Never enabled in a real deployment.
    from django.http import HttpResponse
    from django.views.decorators.cache import never_cache

    urlpatterns.insert(0, path("bench/bare/", never_cache(lambda request: HttpResponse("ok"))))


# English has no prefix; other languages live under /pl/, /ar/ and so on.
urlpatterns += i18n_patterns(
    # Calendar files (`/events/calendar.ics`): page paths with a file name, before Wagtail's pages.
    path("", include("events.urls")),
    # Prison kiosks (kiosk/urls.py), in each language: /kiosk/, /pl/kiosk/...
    path("kiosk/", include("kiosk.urls")),
    # The feedback survey (feedback/urls.py): /feedback/ takes a printed slip's code.
    path("feedback/", include("feedback.urls")),
    path("search/", search_views.search, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
