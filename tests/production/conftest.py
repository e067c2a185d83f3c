"""A real Redis server on loopback for the production settings (SMTP: tests/conftest.py),
and what the site's own log handler writes."""

import io
import json
import logging
import shutil
import socket
import subprocess
import time

import pytest

from tests.conftest import free_port


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
