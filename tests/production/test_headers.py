"""Caching and security headers: what browsers, CDNs and the page cache are told."""

import pytest

from django.test import Client

pytestmark = pytest.mark.django_db


def test_public_pages_may_be_kept_by_a_cdn(client, demo_site, settings):
    for url in ("/", "/is-it-safe/"):
        first, second = client.get(url), client.get(url)  # fresh, then from the page cache
        for response in (first, second):
            cache_control = response["Cache-Control"]
            assert "public" in cache_control
            assert f"s-maxage={settings.CDN_CACHE_SECONDS}" in cache_control
            assert f"max-age={settings.BROWSER_CACHE_SECONDS}" in cache_control
            assert "Age" not in response and "Expires" not in response


def test_admin_is_private_and_never_stored(admin_client):
    for url in ("/admin/", "/admin/pages/"):
        response = admin_client.get(url)
        assert response.status_code == 200
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    login = Client().get("/admin/login/")
    assert "no-store" in login["Cache-Control"] and "public" not in login["Cache-Control"]


def test_pages_for_someone_with_a_session_are_private(client, demo_site):
    session = client.session
    session["step"] = 1
    session.save()
    response = client.get("/is-it-safe/")
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_any_page_with_a_form_token_is_private(client, demo_site, settings):
    # A page that renders a CSRF token holds a per-visitor secret: never shared.
    from django.middleware.csrf import get_token
    from django.urls import path

    import rjsite.urls

    def form_page(request):
        from django.http import HttpResponse

        return HttpResponse(f'<form method="post"><input name="csrf" value="{get_token(request)}">')

    settings.ROOT_URLCONF = type(
        "urls", (), {"urlpatterns": [path("form/", form_page), *rjsite.urls.urlpatterns]}
    )
    response = client.get("/form/")
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    from django.core.cache import caches

    assert not any("form" in str(key) for key in caches["pages"]._cache)


def test_security_headers_on_public_pages(client, demo_site):
    response = client.get("/")
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    csp = response["Content-Security-Policy"]
    assert (
        "script-src 'self'" in csp
        and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    )
    assert "frame-ancestors 'none'" in csp


def test_hsts_over_https_in_production(client, demo_site, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_plain_http_is_redirected_except_the_health_check(client, demo_site, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/is-it-safe/")
    assert response.status_code == 301 and response["Location"].startswith("https://")
    assert client.get("/healthz").status_code == 200


def test_the_admin_has_no_site_csp(admin_client):
    assert "Content-Security-Policy" not in admin_client.get("/admin/")


def test_a_view_can_still_change_its_policy(client, settings):
    # The site-wide header is built once; a view that asks for its own still gets it.
    from csp.decorators import csp_update

    from django.http import HttpResponse
    from django.urls import path

    import rjsite.urls

    @csp_update({"img-src": ["https://tiles.example.org"]})
    def map_page(request):
        return HttpResponse("map")

    settings.ROOT_URLCONF = type(
        "urls", (), {"urlpatterns": [path("map/", map_page), *rjsite.urls.urlpatterns]}
    )
    assert "https://tiles.example.org" in client.get("/map/")["Content-Security-Policy"]
    assert "https://tiles.example.org" not in client.get("/healthz")["Content-Security-Policy"]


def test_a_changed_policy_setting_is_picked_up(client, settings):
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'none'"]}}
    assert client.get("/healthz")["Content-Security-Policy"] == "default-src 'none'"
