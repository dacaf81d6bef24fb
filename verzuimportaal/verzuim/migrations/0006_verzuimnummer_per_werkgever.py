"""Verzuimnummers per werkgever per year (``YYYY-NNNNN``); existing numbers keep their value.

Every spell gets the werkgever of its employee's number as the werkgever of its verzuimnummer.
Each werkgever's counter for a year starts at the highest number it already has in that year, so
its next number never repeats one of its own; the portal-wide counters are removed.
"""

import re

import django.db.models.deletion
from django.db import migrations, models

NUMMER = re.compile(r"^(\d{4})-(\d{5})$")


def vul_werkgevers_en_reeksen(apps, schema_editor):
    Verzuimgeval = apps.get_model("verzuim", "Verzuimgeval")
    Nummerreeks = apps.get_model("verzuim", "Nummerreeks")
    hoogste: dict[tuple[int, int], int] = {}
    gevallen = Verzuimgeval.objects.values_list(
        "pk", "verzuimnummer", "werknemer__loonheffingennummer__werkgever_id"
    )
    per_werkgever: dict[int, list[int]] = {}
    for pk, verzuimnummer, werkgever_id in gevallen.iterator(chunk_size=5000):
        per_werkgever.setdefault(werkgever_id, []).append(pk)
        if match := NUMMER.match(verzuimnummer):
            sleutel = (werkgever_id, int(match.group(1)))
            hoogste[sleutel] = max(hoogste.get(sleutel, 0), int(match.group(2)))
    for werkgever_id, pks in per_werkgever.items():
        for begin in range(0, len(pks), 5000):
            Verzuimgeval.objects.filter(pk__in=pks[begin : begin + 5000]).update(
                werkgever_id=werkgever_id
            )
    Nummerreeks.objects.filter(sleutel__regex=r"^verzuim-\d{4}$").delete()
    Nummerreeks.objects.bulk_create(
        [
            Nummerreeks(sleutel=f"verzuim-{werkgever_id}-{jaar}", laatste=laatste)
            for (werkgever_id, jaar), laatste in sorted(hoogste.items())
        ]
    )


def terug(apps, schema_editor):
    """Back to one counter per year: the highest number of that year over all werkgevers.

    Numbers given per werkgever may repeat across werkgevers; reversing is refused then, because
    the old portal-wide unique constraint would not hold.
    """
    Verzuimgeval = apps.get_model("verzuim", "Verzuimgeval")
    Nummerreeks = apps.get_model("verzuim", "Nummerreeks")
    nummers = list(Verzuimgeval.objects.values_list("verzuimnummer", flat=True))
    if len(nummers) != len(set(nummers)):
        raise RuntimeError("Verzuimnummers komen bij meer werkgevers voor; terugdraaien kan niet.")
    hoogste: dict[int, int] = {}
    for verzuimnummer in nummers:
        if match := NUMMER.match(verzuimnummer):
            jaar = int(match.group(1))
            hoogste[jaar] = max(hoogste.get(jaar, 0), int(match.group(2)))
    Nummerreeks.objects.filter(sleutel__regex=r"^verzuim-\d+-\d{4}$").delete()
    Nummerreeks.objects.bulk_create(
        [Nummerreeks(sleutel=f"verzuim-{jaar}", laatste=n) for jaar, n in hoogste.items()]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("verzuim", "0005_merge_0004_alter_correctie_route_0004_zelfde_oorzaak"),
        ("werkgevers", "0003_gegevensversie"),
    ]

    operations = [
        migrations.AddField(
            model_name="verzuimgeval",
            name="werkgever",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="werkgevers.werkgever",
                verbose_name="werkgever van het verzuimnummer",
            ),
        ),
        migrations.RunPython(vul_werkgevers_en_reeksen, terug),
    ]
