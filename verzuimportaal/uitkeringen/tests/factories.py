"""Test data for the money apps: a polis and wages as the operator and werkgever set them."""

from datetime import date
from decimal import Decimal

from django.utils import timezone

from verzuimportaal.lonen.models import Loongegeven
from verzuimportaal.polissen.models import Polis
from verzuimportaal.werkgevers.models import Werkgever
from verzuimportaal.werknemers.models import Werknemer


def polis(werkgever: Werkgever, **velden: object) -> Polis:
    waarden: dict[str, object] = {
        "polisnummer": f"VZ-{werkgever.pk:06d}",
        "ingangsdatum": date(2020, 1, 1),
        "premiepercentage": Decimal("3.25"),
        "arbotarief": Decimal("12.50"),
        "vastgelegd_op": timezone.now(),
    }
    waarden.update(velden)
    return Polis.objects.create(werkgever=werkgever, **waarden)


def loon(werknemer: Werknemer, jaarloon: Decimal, **velden: object) -> Loongegeven:
    """A wage whose verzekerd jaarloon is ``jaarloon`` (no vakantiegeld on top)."""
    waarden: dict[str, object] = {
        "ingangsdatum": werknemer.datum_in_dienst,
        "vakantiegeld_percentage": Decimal(0),
        "vastgelegd_op": timezone.now(),
        "vastgelegd_door_naam": "Test",
    }
    waarden.update(velden)
    return Loongegeven.objects.create(werknemer=werknemer, bruto_jaarloon=jaarloon, **waarden)
