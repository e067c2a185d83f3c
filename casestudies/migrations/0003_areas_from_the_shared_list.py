"""Case studies take their area from the one shared list (home.Area): each
case-study area is carried over by name, merging with an area of the same name."""

import django.db.models.deletion
from django.db import migrations, models

from home.migrations._areas import move_pages_to_shared_areas


def carry_areas_over(apps, schema_editor):
    move_pages_to_shared_areas(apps, "casestudies", "CaseStudyPage", "CaseStudyArea")


class Migration(migrations.Migration):
    dependencies = [
        ("casestudies", "0002_site_page_mixin"),
        ("home", "0008_areas_shared_by_stories_events_and_referrals"),
    ]

    operations = [
        migrations.AddField(
            model_name="casestudypage",
            name="shared_area",
            field=models.ForeignKey(
                null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="home.area"
            ),
        ),
        # Not reversible: going back would need the retired list rebuilt.
        migrations.RunPython(carry_areas_over),
        migrations.RemoveField(model_name="casestudypage", name="area"),
        migrations.RenameField(model_name="casestudypage", old_name="shared_area", new_name="area"),
        migrations.AlterField(
            model_name="casestudypage",
            name="area",
            field=models.ForeignKey(
                blank=True,
                help_text="Optional. The area it happened in. Leave empty if naming the area could identify someone.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="case_studies",
                to="home.area",
            ),
        ),
        migrations.DeleteModel(name="CaseStudyArea"),
    ]
