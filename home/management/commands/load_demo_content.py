from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from home import demo


def _demo_logins(value):
    """The (user, password) pairs in what an app's `load` returned, if any."""
    user_model = get_user_model()
    if not isinstance(value, list | tuple):
        return []
    return [
        pair
        for pair in value
        if isinstance(pair, tuple) and len(pair) == 2 and isinstance(pair[0], user_model)
    ]


class Command(BaseCommand):
    help = "Build the demo site (safe to run again: what exists is left as it is)."

    def handle(self, *args, **options):
        with transaction.atomic():
            home, pages, home_created = demo.load()
            logins = [demo.ensure_demo_user("admin", superuser=True)]
            # Each app may add its own demo pages in `<app>/demo.py`, without home importing it.
            # `load` may return extra demo logins as (user, password) pairs.
            for config in apps.get_app_configs():
                module = f"{config.name}.demo"
                if config.name != "home" and find_spec(module) is not None:
                    extra = import_module(module).load(home)
                    logins.extend(_demo_logins(extra))
            demo.finish_home(home, pages, home_created)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        self.stdout.write("Sign in to the editor at /admin/ with:")
        for user, password in logins:
            self.stdout.write(f"  username: {user.username}  password: {password}")
        self.stdout.write(f"(Passwords are kept only in {demo.LOGINS_FILE} on this machine.)")
