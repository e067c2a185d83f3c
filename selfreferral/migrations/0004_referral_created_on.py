from django.db import migrations, models
from django.utils import timezone


def fill_created_on(apps, schema_editor):
    Referral = apps.get_model("selfreferral", "Referral")
    for referral in Referral.objects.filter(created_on__isnull=True).only("pk", "created_at").iterator():
        Referral.objects.filter(pk=referral.pk).update(created_on=timezone.localtime(referral.created_at).date())


class Migration(migrations.Migration):
    dependencies = [("selfreferral", "0003_site_page_mixin")]

    operations = [
        migrations.AddField(
            model_name="referral",
            name="created_on",
            field=models.DateField(null=True, editable=False),
        ),
        migrations.RunPython(fill_created_on, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="referral",
            name="created_on",
            field=models.DateField(editable=False),
        ),
        migrations.AddIndex(
            model_name="referral",
            index=models.Index(fields=["created_on", "channel", "role", "area"], name="referral_figures_idx"),
        ),
    ]
