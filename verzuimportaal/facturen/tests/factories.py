from datetime import date
from decimal import Decimal

from django.utils import timezone

from conftest import Omgeving
from verzuimportaal.facturen.models import Arbofactuur


def arbofactuur_van(a: Omgeving) -> Arbofactuur:
    """The werkgever's November 2026 invoice (made once; a URL may be built twice)."""
    factuur, _ = Arbofactuur.objects.get_or_create(
        werkgever=a.werkgever,
        maand=date(2026, 11, 1),
        defaults={
            "factuurnummer": f"AF-T-{a.werkgever.pk:05d}",
            "peildatum": date(2026, 11, 1),
            "aantal": 7,
            "tarief": Decimal("12.50"),
            "subtotaal": Decimal("87.50"),
            "btw_percentage": Decimal(21),
            "btw": Decimal("18.38"),
            "totaal": Decimal("105.88"),
            "gemaakt_op": timezone.now(),
        },
    )
    return factuur
