import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rjsite.settings")
# Stored public pages are answered in front of Django's handler (home/middleware.py).
_django = get_wsgi_application()

from home.middleware import ServeStoredPages  # noqa: E402 (after Django is set up)

application = ServeStoredPages(_django)
