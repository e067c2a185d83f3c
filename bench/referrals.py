"""Benchmark: self-referrals from 16, then 64, concurrent clients against gunicorn.

    .venv/bin/python bench/referrals.py [--clients 16,64] [--referrals 400] [--workers 2]
    bin/with-postgres .venv/bin/python bench/referrals.py --redis   # PostgreSQL + Redis

Builds a throw-away production-mode site (DEBUG off, the demo content; SQLite
in a temporary folder unless DATABASE_URL is set, as bin/with-postgres does),
serves it with gunicorn, and has each client load the form, send a referral
and read the reference on the thank-you page, as a browser does. Each client
count in --clients is one run of about --referrals referrals (per client:
referrals / clients, or --per-client), on the same server one after the
other. Prints a row per run (p50/p99 latency, throughput, errors), then checks
that every reference a client was shown is stored. Mail points at a closed
port: a request that tried to send email would fail, so a clean run shows the
request path does no SMTP work (the emails wait in the task queue).

Not a test: it prints figures for docs/performance.md."""

import argparse
import html
import http.cookiejar
import os
import re
import secrets
import shutil
import socket
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
            "BASE_URL": "http://127.0.0.1",
            "SECURE_COOKIES": "0",
            "SECURE_SSL_REDIRECT": "0",  # plain HTTP on loopback only
            "GUNICORN_ACCESS_LOG": "",  # gunicorn reads gunicorn.conf.py from the checkout
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


def start_redis(workdir):
    """A throw-away redis-server on loopback; returns (process, REDIS_URL)."""
    binary = shutil.which("redis-server")
    if not binary:
        raise SystemExit("bench: --redis needs Debian's redis-server")
    port = free_port()
    process = subprocess.Popen(  # noqa: S603
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        + ["--dir", str(workdir)],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                sock.sendall(b"PING\r\n")
                if sock.recv(16).startswith(b"+PONG"):
                    return process, f"redis://127.0.0.1:{port}/0"
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise SystemExit("bench: redis-server did not start")


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (loopback)
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"bench: {url} did not answer 200 within {timeout}s")


def build_site(env):
    """Migrate, load the demo content and collect static files for a bench site."""
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo_content")
    manage(env, "collectstatic", "--noinput")


def run_clients(base, clients, per_client):
    results, errors, lock = [], [], threading.Lock()
    threads = [
        threading.Thread(target=client, args=(base, per_client, results, errors, lock))
        for _ in range(clients)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors, time.perf_counter() - started


def ms(seconds):
    return f"{seconds * 1000:,.0f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", default="16,64", help="client counts, one run each (16,64)")
    parser.add_argument("--referrals", type=int, default=400, help="referrals per run (400)")
    parser.add_argument("--per-client", type=int, help="referrals per client (default: spread)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--redis", action="store_true", help="cache, sessions, rate limits in Redis"
    )
    options = parser.parse_args()
    counts = [int(n) for n in options.clients.split(",")]

    var_dir = Path(tempfile.mkdtemp(prefix="rj-bench-"))
    env = environment(var_dir)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    database = "PostgreSQL" if env.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
    processes, runs = [], []
    try:
        if options.redis:
            redis, env["REDIS_URL"] = start_redis(var_dir)
            processes.append(redis)
        print("Setting up a production-mode site in", var_dir, "on", database)
        build_site(env)
        processes.append(
            subprocess.Popen(  # noqa: S603 (gunicorn from this virtualenv)
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
        )
        wait_for(base + "/robots.txt")
        for clients in counts:
            per_client = options.per_client or max(1, round(options.referrals / clients))
            print(f"{clients} clients x {per_client} referrals…", flush=True)
            results, errors, elapsed = run_clients(base, clients, per_client)
            runs.append((clients, per_client, results, errors, elapsed))
    finally:
        for process in reversed(processes):
            process.terminate()
            process.wait(timeout=30)

    # What was stored, read straight from the benchmark's database.
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django_tasks_db.models import DBTaskResult

    from selfreferral.models import Referral

    stored = set(Referral.objects.values_list("reference", flat=True))
    queued = DBTaskResult.objects.filter(task_path__endswith="send_coordinator_email").count()
    shown_all = [reference for run in runs for _, _, reference in run[2]]
    # The demo content's own referrals are marked notified: count only the bench's.
    notified = Referral.objects.filter(reference__in=shown_all).exclude(notified_at=None).count()

    cache = "Redis" if options.redis else "shared file cache (var/cache)"
    print(f"\ngunicorn {options.workers} sync workers, {database}, {cache}")
    print(
        "| clients x referrals | send (POST) p50 / p99 ms | load form (GET) p50 / p99 ms "
        "| referrals/s | errors | acknowledged | stored | duplicates |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    ok = True
    for clients, per_client, results, errors, elapsed in runs:
        shown = [reference for _, _, reference in results]
        posts = [post for _, post, _ in results] or [0]
        forms = [form for form, _, _ in results] or [0]
        missing = set(shown) - stored
        duplicates = len(shown) - len(set(shown))
        ok = ok and not errors and not missing and not duplicates
        print(
            f"| {clients} x {per_client} | {ms(percentile(posts, 50))} / {ms(percentile(posts, 99))} "
            f"| {ms(percentile(forms, 50))} / {ms(percentile(forms, 99))} "
            f"| {len(results) / elapsed:.1f} | {len(errors)} | {len(shown)} "
            f"| {len(set(shown)) - len(missing)} of {len(set(shown))} | {duplicates} |"
        )
    for clients, _, _, errors, _ in runs:
        kinds = {}
        for error in errors:
            kinds[error] = kinds.get(error, 0) + 1
        for error, count in sorted(kinds.items(), key=lambda item: -item[1])[:5]:
            print(f"  {clients} clients: {count} x {error}")
    print(
        f"every acknowledged reference stored: {ok}; coordinator emails queued: {queued}; "
        f"sent during requests: {notified} (mail server unreachable)"
    )
    shutil.rmtree(var_dir, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
