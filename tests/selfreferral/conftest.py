"""Fixtures for the self-referral tests: a real SMTP server on loopback, the
demo site's referral page, and a helper that fills the form in over HTTP."""

import re
import socket

import pytest
from aiosmtpd.controller import Controller

from selfreferral.models import Area


class _Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.messages.append(
            {"to": list(envelope.rcpt_tos), "data": envelope.content.decode("utf-8", "replace")}
        )
        return "250 Message accepted for delivery"


class SMTPServer:
    """aiosmtpd on 127.0.0.1 at a fixed port, which can be stopped and started again."""

    def __init__(self):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.inbox = _Inbox()
        self.controller = None

    @property
    def messages(self):
        return self.inbox.messages

    def start(self):
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture
def smtp_server(settings):
    server = SMTPServer()
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 3
    yield server
    server.stop()


@pytest.fixture
def database_queue(settings):
    """The real persistent task queue instead of running tasks at once."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def referral_page(db):
    """The demo's self-referral page and areas, without the rest of the demo site."""
    from home.demo import ensure_root_and_home
    from selfreferral.demo import ensure_areas, ensure_referral_page

    home, _ = ensure_root_and_home()
    ensure_areas()
    return ensure_referral_page(home)


TOKEN_RE = re.compile(r'name="form_token" value="([^"]+)"')


def form_token(client, url="/self-referral/"):
    response = client.get(url)
    return TOKEN_RE.search(response.text).group(1)


def answers(**changes):
    """A complete, valid set of answers (area: Fenmoor North from the demo)."""
    data = {
        "role": "harmed",
        "name": "Alex Example",
        "age_group": "18-or-over",
        "preferred_contact": "phone",
        "phone": "07911 123456",
        "email": "",
        "address": "",
        "safe_to_leave_message": "no",
        "safe_times": "Weekdays after 3pm",
        "area": str(Area.objects.get(name="Fenmoor North").pk),
        "what_happened": "My bike was stolen from outside my flat.",
        "support_needs": "",
        "consent": "yes",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def submit(client, **changes):
    """Fill in the form as a person does: load it, then send it."""
    data = answers(**changes)
    data.setdefault("form_token", form_token(client))
    return client.post("/self-referral/", data)


@pytest.fixture
def coordinator(db):
    """A restorative justice coordinator: sees and handles referrals."""
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user("coordinator", password="p" * 12)
    user.groups.add(Group.objects.get(name="Restorative justice coordinators"))
    return user


@pytest.fixture
def comms_user(db):
    """A communications editor: can use the admin and edit pages, nothing more."""
    from django.contrib.auth.models import Group, Permission, User

    group = Group.objects.create(name="Communications editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = User.objects.create_user("comms", password="p" * 12)
    user.groups.add(group)
    return user
