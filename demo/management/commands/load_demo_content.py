from django.core.management.base import BaseCommand

from demo import loader
from home import demo as home_demo


class Command(BaseCommand):
    help = "Build the demo site (safe to run again: what exists is left as it is)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--skip-languages",
            action="store_true",
            help="Leave out the Polish, Nepali and Arabic demo (faster; English only).",
        )

    def handle(self, *args, **options):
        loader.load(skip_languages=options["skip_languages"])
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        self.stdout.write("Sign in to the editor at /admin/ with any of these demo logins:")
        for username, (password, roles) in sorted(home_demo.DEMO_LOGINS.items()):
            self.stdout.write(f"  username: {username:<12} password: {password}  ({roles})")
        self.stdout.write(f"(Passwords are kept only in {home_demo.LOGINS_FILE} on this machine.)")
