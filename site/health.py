"""`/healthz`: is this app server able to serve, and is the task worker keeping up?

For load balancers and monitoring. Answers JSON, 200 when every check passes and
503 otherwise; never cached; no personal data, no error details (those go to
the logs)."""

import logging
import time
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.db.models import Min, Q
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


def _check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"ok": True}


def _check_cache():
    # Write and read back through the shared cache every app server uses.
    cache = caches["default"]
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=10)
    ok = cache.get(key) == "1"
    cache.delete(key)
    return {"ok": ok}


def _check_task_queue():
    """Age in seconds of the oldest task that is due to run and not yet taken."""
    from django_tasks_db.models import DBTaskResult, TaskResultStatus, get_date_max

    now = timezone.now()
    never = get_date_max()
    ready = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
    oldest = ready.aggregate(
        queued=Min("enqueued_at", filter=Q(run_after=never)),
        scheduled=Min("run_after", filter=Q(run_after__lte=now)),
    )
    since = min((t for t in oldest.values() if t is not None), default=None)
    lag = max(0.0, (now - since).total_seconds()) if since else 0.0
    limit = settings.HEALTHZ_MAX_TASK_LAG_SECONDS
    return {"ok": lag <= limit, "lag_seconds": round(lag, 1), "limit_seconds": limit}


CHECKS = {"database": _check_database, "cache": _check_cache, "task_queue": _check_task_queue}


@never_cache
@require_GET
def healthz(request):
    results = {}
    for name, check in CHECKS.items():
        started = time.monotonic()
        try:
            result = check()
        except Exception:
            logger.exception("Health check %s failed", name)
            result = {"ok": False}
        result["ms"] = round((time.monotonic() - started) * 1000, 1)
        results[name] = result
    healthy = all(result["ok"] for result in results.values())
    return JsonResponse(
        {"status": "ok" if healthy else "fail", "checks": results},
        status=200 if healthy else 503,
    )
