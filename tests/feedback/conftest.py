import pytest


@pytest.fixture
def database_queue(settings):
    """The real persistent task queue instead of running tasks at once."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
