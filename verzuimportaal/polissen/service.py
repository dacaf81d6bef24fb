"""The operator sets a werkgever's verzuimverzekering (DOMAIN §7.3, §7.4)."""

from datetime import date
from decimal import Decimal, InvalidOperation

from django.contrib.auth.models import AbstractUser, AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from verzuimportaal.werkgevers.models import Werkgever
from verzuimportaal.werkgevers.service import markeer_gegevens_gewijzigd

from .models import Polis

PERMISSIE = "polissen.add_polis"


@transaction.atomic
def leg_polis_vast(
    *,
    door: AbstractUser | AnonymousUser,
    werkgever: Werkgever,
    polisnummer: str,
    ingangsdatum: date,
    premiepercentage: Decimal,
    arbotarief: Decimal,
    eigenrisicotermijn: int = 10,
    dekking: str = "100/70",
    dekkingsperiode: int = 364,
    maximum_jaarloon: Decimal | None = Decimal(110000),
    deler: int = 261,
    werkgeverslasten_percentage: Decimal = Decimal(0),
) -> Polis:
    """A polis from ``ingangsdatum`` on. Earlier ones stay for spells that began under them."""
    if not door.has_perm(PERMISSIE):
        raise PermissionDenied("Alleen de beheerder van het portaal legt polissen vast.")
    Werkgever.objects.select_for_update().get(pk=werkgever.pk)
    polis = Polis(
        werkgever=werkgever,
        polisnummer=polisnummer,
        ingangsdatum=ingangsdatum,
        eigenrisicotermijn=eigenrisicotermijn,
        dekking=dekking,
        dekkingsperiode=dekkingsperiode,
        maximum_jaarloon=maximum_jaarloon,
        deler=deler,
        premiepercentage=premiepercentage,
        werkgeverslasten_percentage=werkgeverslasten_percentage,
        arbotarief=arbotarief,
        vastgelegd_op=timezone.now(),
        vastgelegd_door_id=door.pk,
    )
    polis.full_clean()
    controleer_voorwaarden(polis)
    polis.save()
    markeer_gegevens_gewijzigd(werkgever_ids=[werkgever.pk])
    return polis


def controleer_voorwaarden(polis: Polis) -> None:
    """The conditions must make a valid pure polis; the message says what to fix."""
    try:
        polis.voorwaarden()
    except (ValueError, InvalidOperation) as exc:
        raise ValidationError({"dekking": str(exc)}) from exc
