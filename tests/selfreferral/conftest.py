"""Fixtures for the self-referral tests (the form, the SMTP server and the staff are
shared, in tests/conftest.py)."""

import pytest


@pytest.fixture
def database_queue(settings):
    """The real persistent task queue instead of running tasks at once."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
