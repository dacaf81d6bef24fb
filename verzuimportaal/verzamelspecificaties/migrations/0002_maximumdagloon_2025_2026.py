"""The maximumdagloon values DOMAIN §7.2 [13] gives; 1 July values are entered by the operator."""

from datetime import date
from decimal import Decimal

from django.db import migrations
from django.utils import timezone

WAARDEN = {date(2025, 1, 1): Decimal("290.67"), date(2026, 1, 1): Decimal("304.25")}


def vul(apps, schema_editor):
    Maximumdagloon = apps.get_model("verzamelspecificaties", "Maximumdagloon")
    for ingangsdatum, bedrag in WAARDEN.items():
        Maximumdagloon.objects.get_or_create(
            ingangsdatum=ingangsdatum,
            defaults={"bedrag": bedrag, "vastgelegd_op": timezone.now()},
        )


def leeg(apps, schema_editor):
    Maximumdagloon = apps.get_model("verzamelspecificaties", "Maximumdagloon")
    Maximumdagloon.objects.filter(ingangsdatum__in=WAARDEN).delete()


class Migration(migrations.Migration):
    dependencies = [("verzamelspecificaties", "0001_initial")]

    operations = [migrations.RunPython(vul, leeg)]
