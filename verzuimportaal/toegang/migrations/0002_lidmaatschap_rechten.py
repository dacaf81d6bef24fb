"""Real rights per membership (seed 004): "alles" becomes the four local rights."""

import uuid

from django.db import migrations, models

import verzuimportaal.toegang.models

VIER = ["rechtenbeheer", "werknemersgegevens", "verzuim_melden", "overzichten"]


def alles_naar_rechten(apps, schema_editor):
    Lidmaatschap = apps.get_model("toegang", "Lidmaatschap")
    for lidmaatschap in Lidmaatschap.objects.using(schema_editor.connection.alias).all().only("pk", "recht"):
        lidmaatschap.rechten = list(VIER) if lidmaatschap.recht == "alles" else []
        lidmaatschap.uuid = uuid.uuid4()
        lidmaatschap.save(update_fields=["rechten", "uuid"])


def rechten_naar_alles(apps, schema_editor):
    Lidmaatschap = apps.get_model("toegang", "Lidmaatschap")
    Lidmaatschap.objects.using(schema_editor.connection.alias).all().update(recht="alles")


class Migration(migrations.Migration):
    dependencies = [("toegang", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="lidmaatschap",
            name="rechten",
            field=models.JSONField(
                blank=True,
                default=verzuimportaal.toegang.models.alle_lokale_rechten,
                validators=[verzuimportaal.toegang.models.valideer_rechten],
                verbose_name="rechten",
            ),
        ),
        migrations.AddField(
            model_name="lidmaatschap",
            name="hoofdcontactpersoon",
            field=models.BooleanField(default=False, verbose_name="hoofdcontactpersoon"),
        ),
        migrations.AddField(
            model_name="lidmaatschap",
            name="polisnummer",
            field=models.CharField(
                blank=True,
                help_text="Het polisnummer waaronder de hoofdcontactpersoon is aangevraagd.",
                max_length=30,
                verbose_name="polisnummer",
            ),
        ),
        migrations.AddField(
            model_name="lidmaatschap",
            name="uuid",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.RunPython(alles_naar_rechten, rechten_naar_alles),
        migrations.AlterField(
            model_name="lidmaatschap",
            name="uuid",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
        migrations.RemoveField(model_name="lidmaatschap", name="recht"),
    ]
