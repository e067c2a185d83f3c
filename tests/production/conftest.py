"""A real Redis server on loopback for the production settings (SMTP: tests/conftest.py),
`make run` as it runs (the server and the task worker together), and what the site's
own log handler writes."""

import io
import json
import logging
import shutil
import socket
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.conftest import STAFF, STAFF_PASSWORD, free_port

from .helpers import ROOT, production_env


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    """A throw-away redis-server on loopback (installed by `make test`)."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed (make test installs it)")
    port = free_port()
    workdir = tmp_path_factory.mktemp("redis")
    process = subprocess.Popen(  # noqa: S603
        [
            binary,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(workdir),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                sock.sendall(b"PING\r\n")
                if sock.recv(16).startswith(b"+PONG"):
                    break
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.skip("redis-server could not start")
        time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(timeout=10)


# --- `make run` as it runs: runserver and the real task worker on one SQLite file ----------


class MakeRunSite:
    """A copy of this test's database served as `make run` serves it: the development
    server and the task worker (`db_worker`), two processes writing one SQLite file,
    with the real settings (not the test settings) and their own var/ folder."""

    def __init__(self, tmp_path):
        self.tmp_path = tmp_path
        self.database = tmp_path / "db.sqlite3"
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.processes = []

    def start(self):
        from django.conf import settings
        from django.db import connection

        # The staff sign in with the real password hashers (the tests use MD5).
        _rehash_staff_passwords()
        connection.ensure_connection()
        copy = sqlite3.connect(self.database)
        connection.connection.backup(copy)
        copy.close()
        env = production_env(
            self.tmp_path,
            DJANGO_DEBUG="1",
            DATABASE_URL=f"sqlite:///{self.database}",
            BASE_URL=self.url,
            ALLOWED_HOSTS="127.0.0.1",
            SECRET_KEY=settings.SECRET_KEY,
            FIELD_ENCRYPTION_KEYS=",".join(settings.FIELD_ENCRYPTION_KEYS),
            LOG_LEVEL="ERROR",
        )
        manage = [sys.executable, str(ROOT / "manage.py")]
        for command in (
            ["runserver", "--noreload", "--skip-checks", f"127.0.0.1:{self.port}"],
            ["db_worker", "--interval", "0.2"],
        ):
            self.processes.append(
                subprocess.Popen(  # noqa: S603
                    manage + command,
                    cwd=ROOT,
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=open(self.tmp_path / f"{command[0]}.log", "w"),  # noqa: SIM115
                )
            )
        deadline = time.monotonic() + 60
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return self
            except OSError:
                if time.monotonic() > deadline or any(p.poll() is not None for p in self.processes):
                    raise RuntimeError(self.logs()) from None
                time.sleep(0.1)

    def logs(self):
        return "\n".join(log.read_text() for log in self.tmp_path.glob("*.log"))

    def stop(self):
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def _rehash_staff_passwords():
    from django.contrib.auth.hashers import PBKDF2PasswordHasher
    from django.contrib.auth.models import User

    hasher = PBKDF2PasswordHasher()
    password = hasher.encode(STAFF_PASSWORD, hasher.salt(), iterations=1000)
    User.objects.filter(username__in=STAFF).update(password=password)


@pytest.fixture
def make_run_site(transactional_db, tmp_path):
    """`make run` on a copy of the database as the test left it: call it to start."""
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("`make run` serves SQLite")
    site = MakeRunSite(tmp_path)
    yield site.start
    site.stop()


@pytest.fixture
def log_output():
    """What the configured console handler writes, at INFO and above."""
    root = logging.getLogger()
    handler = next(h for h in root.handlers if h.get_name() == "console")
    stream = io.StringIO()
    old_stream = handler.setStream(stream)
    old_level = root.level
    root.setLevel(logging.INFO)
    yield stream
    root.setLevel(old_level)
    handler.setStream(old_stream)


def json_lines(stream):
    lines = [line for line in stream.getvalue().splitlines() if line.strip()]
    return lines, [json.loads(line) for line in lines]
