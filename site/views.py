import sys

from django.views.defaults import server_error as django_server_error

from rjsite.middleware import is_database_down, service_unavailable


def server_error(request, template_name="500.html"):
    """The 500 handler: a database outage gets the 503 page, anything else the 500 page.

    Neither page touches the database, so both render during an outage."""
    exc = sys.exc_info()[1]
    if exc is not None and is_database_down(exc):
        return service_unavailable(request, exc)
    return django_server_error(request, template_name)
