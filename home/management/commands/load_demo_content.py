from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from home import demo, demo_easy_read, demo_languages


class Command(BaseCommand):
    help = "Build the demo site (safe to run again: what exists is left as it is)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--skip-languages",
            action="store_true",
            help="Leave out the Polish, Nepali and Arabic demo (faster; English only).",
        )

    def handle(self, *args, **options):
        demo.DEMO_LOGINS.clear()
        with transaction.atomic():
            home, pages, home_created = demo.load()
            # Each app may add its own demo pages in `<app>/demo.py`, without home importing it.
            for config in apps.get_app_configs():
                module = f"{config.name}.demo"
                if config.name != "home" and find_spec(module) is not None:
                    import_module(module).load(home)
            demo.finish_home(home, pages, home_created)
            demo_easy_read.load(home)
            # Last, so every app's pages get a copy in each language.
            if not options["skip_languages"]:
                demo_languages.load(home)
            demo.ensure_demo_user("admin", superuser=True)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        self.stdout.write("Sign in to the editor at /admin/ with any of these demo logins:")
        for username, (password, roles) in sorted(demo.DEMO_LOGINS.items()):
            self.stdout.write(f"  username: {username:<12} password: {password}  ({roles})")
        self.stdout.write(f"(Passwords are kept only in {demo.LOGINS_FILE} on this machine.)")
