"""The first ceiling for bench/pages: a bare Django application, one view returning a
constant, with no middleware, no database and no templates, served by the same
gunicorn (gunicorn.conf.py) and the same Python as the site:

    gunicorn -c gunicorn.conf.py --pythonpath bench bare_app:application

Never deployed; it exists only to be measured against."""

import os

import django
from django.conf import settings
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-only: signs nothing",  # noqa: S106
    ALLOWED_HOSTS=os.environ.get("ALLOWED_HOSTS", "127.0.0.1").split(","),
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
    USE_I18N=False,
)


def constant(request):
    return HttpResponse("ok")


urlpatterns = [path("", constant)]

django.setup()

from django.core.wsgi import get_wsgi_application  # noqa: E402 (after settings.configure)

application = get_wsgi_application()
