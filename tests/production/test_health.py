"""/healthz: JSON for load balancers and monitoring, 200 or 503, never cached."""

import datetime

import pytest
from django_tasks_db.models import DBTaskResult

from django.db import OperationalError
from django.utils import timezone

pytestmark = pytest.mark.django_db


def queued_task(age_seconds):
    from django_tasks_db.models import get_date_max

    task = DBTaskResult.objects.create(
        task_path="home.tasks.example",
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        run_after=get_date_max(),
    )
    DBTaskResult.objects.filter(pk=task.pk).update(
        enqueued_at=timezone.now() - datetime.timedelta(seconds=age_seconds)
    )
    return task


def test_healthy_site_answers_200_with_each_check(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "task_queue"}
    assert all(check["ok"] for check in body["checks"].values())
    assert body["checks"]["task_queue"]["lag_seconds"] == 0


def test_task_queue_lag_is_the_age_of_the_oldest_waiting_task(client, settings):
    settings.HEALTHZ_MAX_TASK_LAG_SECONDS = 300
    queued_task(age_seconds=40)
    queued_task(age_seconds=5)
    lag = client.get("/healthz").json()["checks"]["task_queue"]["lag_seconds"]
    assert 40 <= lag < 60


def test_a_stuck_task_worker_fails_the_check(client, settings):
    settings.HEALTHZ_MAX_TASK_LAG_SECONDS = 300
    queued_task(age_seconds=900)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["task_queue"]["ok"] is False


def test_tasks_scheduled_for_later_are_not_lag(client):
    task = queued_task(age_seconds=900)
    DBTaskResult.objects.filter(pk=task.pk).update(
        run_after=timezone.now() + datetime.timedelta(hours=1)
    )
    assert client.get("/healthz").status_code == 200


def test_database_down_answers_503_without_details(client, monkeypatch):
    from django.db.backends.base.base import BaseDatabaseWrapper

    def refuse(self, *args, **kwargs):
        raise OperationalError('connection to server at "10.0.0.5" failed: password rejected')

    monkeypatch.setattr(BaseDatabaseWrapper, "cursor", refuse)
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "fail" and body["checks"]["database"]["ok"] is False
    assert "10.0.0.5" not in response.text and "password" not in response.text


def test_cache_down_answers_503(client, settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        },
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"]["ok"] is False
    assert response.json()["checks"]["database"]["ok"] is True


def test_healthz_is_never_stored_in_the_page_cache(client):
    client.get("/healthz")
    from django.core.cache import caches

    assert not any("healthz" in str(key) for key in caches["pages"]._cache)
