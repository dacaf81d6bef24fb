"""Local accounts that manage rights get "Uitkeringsgegevens inzien" (DOMAIN §3 service 2), so a
werkgever can see its Financiën and grant the right to others (ADR 0031)."""

from django.db import migrations

RECHTENBEHEER = "rechtenbeheer"
UITKERINGSGEGEVENS = "uitkeringsgegevens"


def geef_recht(apps, schema_editor):  # type: ignore[no-untyped-def]
    Lidmaatschap = apps.get_model("toegang", "Lidmaatschap")
    for lid in Lidmaatschap.objects.all().iterator():
        rechten = lid.rechten if isinstance(lid.rechten, list) else []
        if RECHTENBEHEER in rechten and UITKERINGSGEGEVENS not in rechten:
            lid.rechten = [*rechten, UITKERINGSGEGEVENS]
            lid.save(update_fields=["rechten"])


def neem_recht(apps, schema_editor):  # type: ignore[no-untyped-def]
    Lidmaatschap = apps.get_model("toegang", "Lidmaatschap")
    for lid in Lidmaatschap.objects.all().iterator():
        rechten = lid.rechten if isinstance(lid.rechten, list) else []
        if UITKERINGSGEGEVENS in rechten:
            lid.rechten = [r for r in rechten if r != UITKERINGSGEGEVENS]
            lid.save(update_fields=["rechten"])


class Migration(migrations.Migration):
    dependencies = [("toegang", "0002_lidmaatschap_rechten")]

    operations = [migrations.RunPython(geef_recht, neem_recht)]
