from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0007_contact_phone_hours_in_every_language"),
    ]

    operations = [
        migrations.CreateModel(
            name="Area",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "name",
                    models.CharField(
                        help_text="The place name people know, for example 'Saltcombe' or 'Fenmoor North'.",
                        max_length=80,
                        unique=True,
                    ),
                ),
                (
                    "slug",
                    models.SlugField(
                        help_text="Used in web addresses when people filter stories and events by area. "
                        "Lowercase letters, numbers and hyphens.",
                        max_length=80,
                        unique=True,
                    ),
                ),
            ],
            options={"verbose_name": "area", "ordering": ["name"]},
        ),
    ]
