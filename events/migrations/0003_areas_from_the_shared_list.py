"""Events take their area from the one shared list (home.Area): each event
area is carried over by name, merging with an area of the same name."""

import django.db.models.deletion
from django.db import migrations, models

from home.migrations._areas import move_pages_to_shared_areas


def carry_areas_over(apps, schema_editor):
    move_pages_to_shared_areas(apps, "events", "EventPage", "EventArea")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_site_page_mixin"),
        ("home", "0008_areas_shared_by_stories_events_and_referrals"),
        # Areas are carried over in one order (case studies, events, then referrals), so
        # which area keeps a slug two lists used is the same on every database.
        ("casestudies", "0003_areas_from_the_shared_list"),
    ]

    operations = [
        migrations.AddField(
            model_name="eventpage",
            name="shared_area",
            field=models.ForeignKey(
                null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="home.area"
            ),
        ),
        # Not reversible: going back would need the retired list rebuilt.
        migrations.RunPython(carry_areas_over),
        migrations.RemoveField(model_name="eventpage", name="area"),
        migrations.RenameField(model_name="eventpage", old_name="shared_area", new_name="area"),
        migrations.AlterField(
            model_name="eventpage",
            name="area",
            field=models.ForeignKey(
                blank=True,
                help_text="The area the event is in. Leave empty for online events or events for the whole county.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="events",
                to="home.area",
            ),
        ),
        migrations.DeleteModel(name="EventArea"),
    ]
