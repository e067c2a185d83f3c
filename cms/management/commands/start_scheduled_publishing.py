from django.core.management.base import BaseCommand

from cms.tasks import start_scheduled_publishing


class Command(BaseCommand):
    help = (
        "Queue the task that publishes and unpublishes scheduled pages every minute. "
        "Safe to run on every start or deploy: it does nothing if the task is already queued."
    )

    def handle(self, *args, **options):
        if start_scheduled_publishing():
            self.stdout.write("Scheduled publishing started: the task worker runs it every minute.")
        else:
            self.stdout.write("Scheduled publishing is already queued.")
