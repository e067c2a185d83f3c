"""Benchmark: self-referrals from 16 concurrent clients against gunicorn.

    .venv/bin/python bench/referrals.py [--clients 16] [--per-client 25] [--workers 2]

Builds a throw-away production-mode site (DEBUG off, SQLite in a temporary
folder, the demo content), serves it with gunicorn, and has each client load
the form, send a referral and read the reference on the thank-you page, as a
browser does. Prints p50/p99 latency and throughput, then checks that every
reference a client was shown is stored. Mail points at a closed port: a
request that tried to send email would fail, so a clean run shows the request
path does no SMTP work (the emails wait in the task queue).

Not a test: it prints figures for docs/performance.md."""

import argparse
import html
import http.cookiejar
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def environment(var_dir):
    env = dict(os.environ)
    for key in [k for k in env if k.startswith(("DJANGO", "RECAPTCHA", "EMAIL"))]:
        del env[key]
    env.update(
        {
            "SECRET_KEY": secrets.token_urlsafe(60),
            "FIELD_ENCRYPTION_KEYS": secrets.token_urlsafe(40),
            "RJ_VAR_DIR": str(var_dir),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_COOKIES": "0",
            "SECURE_HSTS_SECONDS": "0",
            "RECAPTCHA_DISABLED": "1",
            # The benchmark's clients all share one address.
            "SELF_REFERRAL_RATE_LIMIT": "0",
            "SELF_REFERRAL_MIN_FILL_SECONDS": "0",
            # Nothing listens here: any email sent during a request would fail it.
            "EMAIL_URL": f"smtp://127.0.0.1:{free_port()}",
            "EMAIL_TIMEOUT": "2",
            "DJANGO_SETTINGS_MODULE": "rjsite.settings",
        }
    )
    return env


def manage(env, *args):
    subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


FIELD = re.compile(r'name="(csrfmiddlewaretoken|form_token)" value="([^"]+)"')
AREA = re.compile(r'name="area" type="radio" value="(\d+)"')
REFERENCE = re.compile(r"data-reference>([^<]+)<")


def client(base, count, results, errors, lock):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    for n in range(count):
        try:
            started = time.perf_counter()
            page = opener.open(base + "/self-referral/", timeout=30).read().decode()
            form_time = time.perf_counter() - started
            fields = dict(FIELD.findall(page))
            data = {
                **fields,
                "role": "harmed",
                "name": f"Bench Person {n}",
                "age_group": "18-or-over",
                "preferred_contact": "phone",
                "phone": "020 7946 0000",
                "safe_to_leave_message": "no",
                "safe_times": "Any time",
                "area": AREA.findall(page)[n % 4],
                "what_happened": "A benchmark referral. " * 20,
                "consent": "yes",
            }
            request = urllib.request.Request(  # noqa: S310 (http://127.0.0.1 only)
                base + "/self-referral/",
                data=urllib.parse.urlencode(data).encode(),
                headers={"Referer": base + "/self-referral/", "Origin": base},
            )
            started = time.perf_counter()
            try:
                opener.open(request, timeout=30)
                raise RuntimeError("the form did not redirect")
            except urllib.error.HTTPError as response:
                post_time = time.perf_counter() - started
                if response.code != 302:
                    raise RuntimeError(f"POST answered {response.code}") from None
                location = response.headers["Location"]
            thanks = opener.open(base + location, timeout=30).read().decode()
            reference = html.unescape(REFERENCE.search(thanks).group(1))
            with lock:
                results.append((form_time, post_time, reference))
        except Exception as error:  # noqa: BLE001 - every failure is counted and shown
            with lock:
                errors.append(repr(error))


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--per-client", type=int, default=25)
    parser.add_argument("--workers", type=int, default=2)
    options = parser.parse_args()

    var_dir = Path(tempfile.mkdtemp(prefix="rj-bench-"))
    env = environment(var_dir)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = None
    try:
        print("Setting up a production-mode site in", var_dir)
        manage(env, "migrate", "--noinput")
        manage(env, "load_demo_content")
        manage(env, "collectstatic", "--noinput")
        server = subprocess.Popen(  # noqa: S603 (gunicorn from this virtualenv)
            [
                str(Path(PYTHON).parent / "gunicorn"),
                "rjsite.wsgi",
                f"--workers={options.workers}",
                f"--bind=127.0.0.1:{port}",
                "--log-level=warning",
            ],
            cwd=ROOT,
            env=env,
        )
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/robots.txt", timeout=1)  # noqa: S310 (our server)
                break
            except OSError:
                time.sleep(0.2)

        results, errors, lock = [], [], threading.Lock()
        threads = [
            threading.Thread(target=client, args=(base, options.per_client, results, errors, lock))
            for _ in range(options.clients)
        ]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)

    # What was stored, read straight from the benchmark's database.
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django_tasks_db.models import DBTaskResult

    from selfreferral.models import Referral

    stored = set(Referral.objects.values_list("reference", flat=True))
    shown = [reference for _, _, reference in results]
    queued = DBTaskResult.objects.filter(task_path__endswith="send_coordinator_email").count()
    notified = Referral.objects.exclude(notified_at=None).count()
    posts = [post for _, post, _ in results]
    forms = [form for form, _, _ in results]

    print(
        f"\n{options.clients} clients x {options.per_client} referrals, gunicorn {options.workers} workers"
    )
    print(f"referrals acknowledged: {len(results)}   errors: {len(errors)}")
    for error in errors[:5]:
        print("  ", error)
    print(
        f"send form (POST)  p50 {percentile(posts, 50) * 1000:6.1f} ms   p99 {percentile(posts, 99) * 1000:6.1f} ms   mean {statistics.mean(posts) * 1000:6.1f} ms"
    )
    print(
        f"load form (GET)   p50 {percentile(forms, 50) * 1000:6.1f} ms   p99 {percentile(forms, 99) * 1000:6.1f} ms"
    )
    print(
        f"throughput: {len(results) / elapsed:.1f} referrals/s (each = form, send, thank-you page) over {elapsed:.1f} s"
    )
    print(
        f"every acknowledged reference stored: {set(shown) <= stored} ({len(set(shown))} shown, {len(stored)} stored, {len(shown) - len(set(shown))} duplicates)"
    )
    print(
        f"coordinator emails queued: {queued}; sent during requests: {notified} (mail server unreachable)"
    )
    shutil.rmtree(var_dir, ignore_errors=True)
    return 0 if not errors and set(shown) <= stored and len(shown) == len(set(shown)) else 1


if __name__ == "__main__":
    sys.exit(main())
