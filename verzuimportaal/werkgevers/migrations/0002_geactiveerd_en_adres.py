from django.db import migrations, models
from django.utils import timezone


def bestaande_nummers_zijn_geactiveerd(apps, schema_editor):
    """Numbers already in use before the verificatiecode existed count as activated."""
    Loonheffingennummer = apps.get_model("werkgevers", "Loonheffingennummer")
    Loonheffingennummer.objects.using(schema_editor.connection.alias).filter(
        geactiveerd_op__isnull=True
    ).update(
        geactiveerd_op=timezone.now()
    )


class Migration(migrations.Migration):
    dependencies = [("werkgevers", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="werkgever",
            name="adres",
            field=models.CharField(blank=True, max_length=200, verbose_name="straat en huisnummer"),
        ),
        migrations.AddField(
            model_name="werkgever",
            name="postcode",
            field=models.CharField(blank=True, max_length=7, verbose_name="postcode"),
        ),
        migrations.AddField(
            model_name="werkgever",
            name="plaats",
            field=models.CharField(blank=True, max_length=100, verbose_name="plaats"),
        ),
        migrations.AddField(
            model_name="loonheffingennummer",
            name="geactiveerd_op",
            field=models.DateTimeField(
                blank=True, null=True, verbose_name="geactiveerd met verificatiecode op"
            ),
        ),
        migrations.RunPython(bestaande_nummers_zijn_geactiveerd, migrations.RunPython.noop),
    ]
