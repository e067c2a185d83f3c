"""Builds the demo site from every app's own demo (`<app>/demo.py`, each with a
`load(home)`), then what spans every app: Easy Read versions, the demo's
languages (last, so every app's pages get a copy in each language) and the
superuser. Safe to run again: what exists is left as it is."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.db import transaction

from demo import languages
from home import demo as home_demo
from home import demo_easy_read


@transaction.atomic
def load(skip_languages=False):
    home_demo.DEMO_LOGINS.clear()
    home, pages, home_created = home_demo.load()
    for config in apps.get_app_configs():
        module = f"{config.name}.demo"
        if config.name not in ("home", "demo") and find_spec(module) is not None:
            import_module(module).load(home)
    home_demo.finish_home(home, pages, home_created)
    demo_easy_read.load(home)
    if not skip_languages:
        languages.load(home)
    home_demo.ensure_demo_user("admin", superuser=True)
    return home
