"""The page cache and sessions on a real Redis server, as several app servers share it."""

import pytest

from django.core.cache import CacheHandler
from django.test import override_settings

from home.models import StandardPage
from tests.conftest import english

pytestmark = pytest.mark.django_db


def redis_caches(url):
    options = {"SOCKET_CONNECT_TIMEOUT": 2, "SOCKET_TIMEOUT": 2}
    backend = "django_redis.cache.RedisCache"
    return {
        "default": {"BACKEND": backend, "LOCATION": url, "KEY_PREFIX": "rj", "OPTIONS": options},
        "pages": {"BACKEND": backend, "LOCATION": url, "KEY_PREFIX": "pages", "OPTIONS": options},
    }


@pytest.fixture
def shared_redis(redis_url, settings):
    settings.CACHES = redis_caches(redis_url)
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    import redis

    redis.Redis.from_url(redis_url).flushdb()  # a throw-away server: start each test empty
    return redis_url


def test_two_app_servers_see_the_same_page_cache_generation(shared_redis):
    # Two independent cache handlers stand for two app servers' processes.
    server_a, server_b = CacheHandler(), CacheHandler()
    from home.cache import GENERATION_KEY

    with override_settings(CACHES=redis_caches(shared_redis)):
        a, b = server_a["pages"], server_b["pages"]
        assert a is not b
        assert a.get_or_set(GENERATION_KEY, 1, timeout=None) == 1
        assert b.get(GENERATION_KEY) == 1
        b.incr(GENERATION_KEY)  # server B publishes
        assert a.get(GENERATION_KEY) == 2  # server A stops serving generation 1 at once


def test_publishing_on_one_server_refreshes_pages_served_by_another(
    client, demo_site, shared_redis
):
    from home.cache import current_generation, purge_page_cache

    first = client.get("/is-it-safe/")
    assert first.status_code == 200
    generation = current_generation()
    page = english(StandardPage).get(slug="is-it-safe")
    StandardPage.objects.filter(pk=page.pk).update(intro="Changed on another server")
    assert "Changed on another server" not in client.get("/is-it-safe/").text  # cached in Redis

    # Another app server bumps the generation in the shared Redis.
    with override_settings(CACHES=redis_caches(shared_redis)):
        other = CacheHandler()["pages"]
        other.incr("page-cache-generation")
    assert current_generation() == generation + 1
    assert "Changed on another server" in client.get("/is-it-safe/").text

    purge_page_cache()  # the same path signals take on publish
    assert current_generation() == generation + 2


def test_purging_never_flushes_the_shared_redis(client, demo_site, shared_redis):
    from django.core.cache import caches

    from home.cache import purge_page_cache

    caches["default"].set("rate-limit:someone", 3, timeout=60)
    client.get("/")
    purge_page_cache()
    assert caches["default"].get("rate-limit:someone") == 3


def test_sessions_live_in_redis(client, demo_site, shared_redis):
    import redis

    session = client.session
    session["step"] = "contact details"
    session.save()
    keys = [key.decode() for key in redis.Redis.from_url(shared_redis).keys("*")]
    assert any(session.session_key in key for key in keys)
    assert client.session["step"] == "contact details"
