from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from cms.two_factor import reset_second_factor


class Command(BaseCommand):
    help = (
        "Remove a user's authenticator apps and backup codes (for example after a lost phone). "
        "At their next sign-in they are asked to set one up again. They are emailed, and it is "
        "recorded in their history. (Superusers can do the same from Settings > Users.)"
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get_by_natural_key(username)
        except User.DoesNotExist as error:
            raise CommandError(f"There is no user called {username!r}.") from error
        count = reset_second_factor(user)
        self.stdout.write(
            f"Removed {count} authenticator app{'s' if count != 1 else ''} from {username}."
        )
