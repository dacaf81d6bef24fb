"""The operator sets a werkgever's verzuimverzekering (DOMAIN §7.3, §7.4)."""

from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.werkgevers.models import Werkgever
from verzuimportaal.werkgevers.service import markeer_gegevens_gewijzigd

from .models import Polis

PERMISSIE = "polissen.add_polis"


def mag_polis_vastleggen(door: Actor) -> bool:
    """Only an active staff member of the operator with the permission (not a werkgever)."""
    gebruiker = door.gebruiker
    return bool(
        gebruiker is not None
        and gebruiker.is_active
        and gebruiker.is_staff
        and gebruiker.has_perm(PERMISSIE)
    )


@transaction.atomic
def leg_polis_vast(
    *,
    door: Actor,
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
    """A polis of ``door.werkgever`` from ``ingangsdatum`` on (DOMAIN §7.3), set by the operator.

    Earlier ones stay for spells that began under them; one per ingangsdatum (a second on the
    same date is refused: a polis that may have paid is never edited).
    """
    if not mag_polis_vastleggen(door):
        raise PermissionDenied(_("Alleen de beheerder van het portaal legt polissen vast."))
    werkgever = Werkgever.objects.select_for_update().get(pk=door.werkgever.pk)
    if Polis.objects.filter(werkgever=werkgever, ingangsdatum=ingangsdatum).exists():
        raise ValidationError(
            {
                "ingangsdatum": _(
                    "Er is al een polis met deze ingangsdatum. Leg een polis met "
                    "een latere ingangsdatum vast om de voorwaarden te wijzigen."
                )
            }
        )
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
        vastgelegd_door=door.gebruiker,
    )
    polis.full_clean()
    controleer_voorwaarden(polis)
    polis.save()
    audit.registreer(
        door=door,
        actie=Actie.AANMAKEN,
        onderwerp=polis,
        omschrijving=f"Polis {polisnummer} per {ingangsdatum:%d-%m-%Y}: eigen risico "
        f"{eigenrisicotermijn} dagen, dekking {dekking}, premie {premiepercentage}%, "
        f"arbotarief {arbotarief}",
    )
    markeer_gegevens_gewijzigd(werkgever_ids=[werkgever.pk])
    return polis


def controleer_voorwaarden(polis: Polis) -> None:
    """The conditions must make a valid pure polis; the message says what to fix."""
    try:
        polis.voorwaarden()
    except (ValueError, InvalidOperation) as exc:
        raise ValidationError({"dekking": str(exc)}) from exc
