"""Mail goes to a real SMTP server on loopback with the production SMTP settings."""

import socket
import threading
import time

import pytest

from django.core import mail
from django.core.mail import get_connection

from tests.conftest import SMTP_PASSWORD, SMTP_USER


def test_mail_is_delivered_with_user_and_password(smtp_server, settings):
    settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD = SMTP_USER, SMTP_PASSWORD
    sent = mail.send_mail(
        "A new referral", "Open the admin to read it.", None, ["coordinator@rj.example.org"]
    )
    assert sent == 1
    [message] = smtp_server.messages
    assert message["to"] == ["coordinator@rj.example.org"]
    assert message["from"] == settings.DEFAULT_FROM_EMAIL
    assert message["login"] == SMTP_USER
    assert "A new referral" in message["data"]


def test_a_wrong_password_is_an_error_not_a_silent_loss(smtp_server, settings):
    connection = get_connection(
        "django.core.mail.backends.smtp.EmailBackend",
        host=smtp_server.hostname,
        port=smtp_server.port,
        username=SMTP_USER,
        password="wrong",
        use_tls=False,
        fail_silently=False,
    )
    with pytest.raises(Exception, match="535|uthentication"):
        mail.send_mail("x", "y", None, ["a@rj.example.org"], connection=connection)
    assert smtp_server.messages == []


def test_a_mail_server_that_never_answers_times_out(settings):
    # A server that accepts the connection and then says nothing.
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    accepted = []
    threading.Thread(target=lambda: accepted.append(listener.accept()), daemon=True).start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = listener.getsockname()
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 1
    started = time.monotonic()
    with pytest.raises((TimeoutError, OSError)):
        mail.send_mail("x", "y", None, ["a@rj.example.org"])
    assert time.monotonic() - started < 5
    listener.close()
