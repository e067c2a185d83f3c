"""Each service area (the routing table with inboxes) points at the shared public
area of the same name (home.Area), made when there is none."""

import django.db.models.deletion
from django.db import migrations, models

from home.migrations._areas import shared_area


def point_at_shared_areas(apps, schema_editor):
    for area in apps.get_model("selfreferral", "Area").objects.all():
        area.public_area = shared_area(apps, area.name)
        area.save(update_fields=["public_area"])


class Migration(migrations.Migration):
    dependencies = [
        ("selfreferral", "0011_referral_outcomes"),
        ("home", "0008_areas_shared_by_stories_events_and_referrals"),
        # After the case studies' and events' areas, so an area they share keeps their web address.
        ("casestudies", "0003_areas_from_the_shared_list"),
        ("events", "0003_areas_from_the_shared_list"),
    ]

    operations = [
        migrations.AddField(
            model_name="area",
            name="public_area",
            field=models.OneToOneField(
                null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="home.area"
            ),
        ),
        # Not reversible: the shared areas may by then label stories and events too.
        migrations.RunPython(point_at_shared_areas),
        migrations.AlterField(
            model_name="area",
            name="public_area",
            field=models.OneToOneField(
                help_text="The area people choose on the form. Add or rename areas under Snippets, "
                "Areas: the same list labels case studies and events.",
                on_delete=django.db.models.deletion.PROTECT,
                related_name="service_area",
                to="home.area",
                verbose_name="area",
            ),
        ),
        migrations.AlterField(
            model_name="area",
            name="name",
            field=models.CharField(editable=False, max_length=80, unique=True),
        ),
    ]
