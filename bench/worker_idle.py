#!/usr/bin/env python3
"""CPU time the task worker (`manage.py db_worker`) uses with nothing to do.

    .venv/bin/python bench/worker_idle.py                 # SQLite
    bin/with-postgres .venv/bin/python bench/worker_idle.py

Builds an empty site in a temporary folder (migrations and the every-minute
scheduled-publishing task, as `make run` and a deployment queue it), starts the
worker the ways this project runs it, lets it settle, then reads its CPU time
from /proc over a fixed time. Also queues one email and reports how long the
worker took to send it (to a file), to show that resting does not delay mail.
Figures in docs/performance.md.
"""

import argparse
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
TICKS = os.sysconf("SC_CLK_TCK")

# (label, extra environment, db_worker arguments)
WORKERS = [
    ("production (DEBUG off)", {}, []),
    ("make run (DEBUG on, --no-reload)", {"DJANGO_DEBUG": "1"}, ["--no-reload"]),
    ("DEBUG on, Django's autoreloader", {"DJANGO_DEBUG": "1"}, ["--reload"]),
]

# A new superuser: the site queues an email telling the superusers (cms/access.py).
SEND_ONE = """
import secrets, time
import django
django.setup()
from django.contrib.auth import get_user_model
name = secrets.token_hex(4)
get_user_model().objects.create_superuser(name, f"{name}@example.org", secrets.token_urlsafe())
print(time.time())
"""


def cpu_seconds(pid):
    total = 0.0
    pids = [str(pid)] + subprocess.run(  # noqa: S603
        ["pgrep", "-P", str(pid)],  # noqa: S607 (the reloader runs the worker as a child)
        capture_output=True,
        text=True,
    ).stdout.split()
    for each in pids:
        try:
            with open(f"/proc/{each}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / TICKS
        except OSError:
            pass
    return total


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--settle", type=int, default=15, help="seconds before measuring (15)")
    parser.add_argument("--seconds", type=int, default=60, help="seconds measured (60)")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="rj-worker-"))
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_DEBUG", "CACHE_URL")}
    env.update(
        SECRET_KEY=secrets.token_urlsafe(64),
        FIELD_ENCRYPTION_KEYS=secrets.token_urlsafe(40),
        RJ_VAR_DIR=str(workdir),
        ALLOWED_HOSTS="127.0.0.1",
        BASE_URL="http://127.0.0.1:8000",
        EMAIL_TO_FILES="1",
        RECAPTCHA_DISABLED="1",
        DJANGO_SETTINGS_MODULE="rjsite.settings",
    )
    manage = [PYTHON, str(ROOT / "manage.py")]
    quiet = {"env": env, "cwd": ROOT, "check": True, "stdout": subprocess.DEVNULL}
    rows = []
    try:
        subprocess.run([*manage, "migrate", "--noinput", "-v0"], **quiet)  # noqa: S603
        subprocess.run([*manage, "start_scheduled_publishing"], **quiet)  # noqa: S603
        for label, extra, arguments in WORKERS:
            worker_env = {**env, **extra}
            worker = subprocess.Popen(  # noqa: S603
                [*manage, "db_worker", *arguments],
                env=worker_env,
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            try:
                time.sleep(args.settle)
                before = cpu_seconds(worker.pid)
                time.sleep(args.seconds)
                used = cpu_seconds(worker.pid) - before
                mail = workdir / "mail"
                sent_before = len(list(mail.glob("*"))) if mail.exists() else 0
                queued_at = float(
                    subprocess.run(  # noqa: S603
                        [PYTHON, "-c", SEND_ONE],
                        env=worker_env,
                        cwd=ROOT,
                        capture_output=True,
                        text=True,
                        check=True,
                    ).stdout.strip()
                )
                delay = None
                while time.time() - queued_at < 30:
                    if mail.exists() and len(list(mail.glob("*"))) > sent_before:
                        delay = time.time() - queued_at
                        break
                    time.sleep(0.05)
            finally:
                worker.terminate()
                worker.wait(timeout=30)
            rows.append((label, used / args.seconds * 100, delay))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    database = "PostgreSQL" if "postgres" in os.environ.get("DATABASE_URL", "") else "SQLite"
    print(
        f"\ndb_worker with nothing queued, {database}; CPU over {args.seconds}s after {args.settle}s"
    )
    print(f"{'worker':<36} {'% of a core':>11} {'email sent after':>17}")
    for label, percent, delay in rows:
        sent = f"{delay:.1f} s" if delay is not None else "not in 30 s"
        print(f"{label:<36} {percent:>11.2f} {sent:>17}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
