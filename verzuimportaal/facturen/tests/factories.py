from datetime import date
from decimal import Decimal

from django.utils import timezone

from conftest import Omgeving
from verzuimportaal.facturen.models import Arbofactuur, Premiefactuur, Premiesoort


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


def premiefactuur_van(a: Omgeving) -> Premiefactuur:
    """The werkgever's voorschot 2026 (DOMAIN §7.3 example figures)."""
    factuur, _ = Premiefactuur.objects.get_or_create(
        werkgever=a.werkgever,
        jaar=2026,
        soort=Premiesoort.VOORSCHOT,
        defaults={
            "factuurnummer": f"PF-T-{a.werkgever.pk:05d}",
            "loonsom": Decimal(412000),
            "premiepercentage": Decimal("3.25"),
            "werkgeverslasten_percentage": Decimal(0),
            "premie": Decimal("13390.00"),
            "eerder_gefactureerd": Decimal(0),
            "bedrag": Decimal("13390.00"),
            "gemaakt_op": timezone.now(),
        },
    )
    return factuur
