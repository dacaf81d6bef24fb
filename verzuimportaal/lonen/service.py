"""Writes for wage data (DOMAIN §7.3): one dated row per werknemer per ingangsdatum."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.werkgevers.service import markeer_gegevens_gewijzigd
from verzuimportaal.werknemers.models import Werknemer

from .models import Loongegeven


@transaction.atomic
def leg_loon_vast(
    *,
    door: Actor,
    werknemer: Werknemer,
    ingangsdatum: date,
    bruto_jaarloon: Decimal,
    vakantiegeld_percentage: Decimal = Decimal(8),
    vaste_onderdelen: Decimal = Decimal(0),
) -> Loongegeven:
    """Record the wage from ``ingangsdatum`` on; the same date again replaces that row.

    Earlier rows stay: they hold the wage of spells that started before (ADR 0029).
    """
    if not door.heeft_recht(Dienst.WERKNEMERSGEGEVENS, wijzigen=True):
        raise PermissionDenied("U heeft geen recht om werknemersgegevens te wijzigen.")
    werknemer = (
        Werknemer.objects.select_for_update()
        .select_related("loonheffingennummer")
        .get(pk=werknemer.pk)
    )
    if werknemer.loonheffingennummer.werkgever_id != door.werkgever.pk:
        raise PermissionDenied("Deze werknemer hoort niet bij de werkgever waarvoor u werkt.")
    if ingangsdatum < werknemer.datum_in_dienst:
        raise ValidationError(
            {
                "ingangsdatum": "De ingangsdatum ligt vóór de datum in dienst "
                f"({werknemer.datum_in_dienst:%d-%m-%Y}). Kies een latere datum."
            }
        )
    gebruiker = door.gebruiker if door.gebruiker is not None and door.gebruiker.pk else None
    loon, nieuw = Loongegeven.objects.select_for_update().get_or_create(
        werknemer=werknemer,
        ingangsdatum=ingangsdatum,
        defaults={
            "bruto_jaarloon": bruto_jaarloon,
            "vakantiegeld_percentage": vakantiegeld_percentage,
            "vaste_onderdelen": vaste_onderdelen,
            "vastgelegd_op": timezone.now(),
            "vastgelegd_door": gebruiker,
            "vastgelegd_door_naam": door.weergavenaam[:200],
        },
    )
    oud = (
        ""
        if nieuw
        else f"{loon.bruto_jaarloon}/{loon.vakantiegeld_percentage}/{loon.vaste_onderdelen}"
    )
    if not nieuw:
        loon.bruto_jaarloon = bruto_jaarloon
        loon.vakantiegeld_percentage = vakantiegeld_percentage
        loon.vaste_onderdelen = vaste_onderdelen
        loon.vastgelegd_op = timezone.now()
        loon.vastgelegd_door = gebruiker
        loon.vastgelegd_door_naam = door.weergavenaam[:200]
    loon.full_clean(exclude=["werknemer"])
    loon.save()
    audit.registreer_voor(
        actor=door,
        ip=door.ip,
        user_agent=door.user_agent,
        actie=Actie.AANMAKEN if nieuw else Actie.WIJZIGEN,
        object_type="loongegeven",
        object_id=str(werknemer.uuid),
        omschrijving=(
            f"Loon per {ingangsdatum:%d-%m-%Y}"
            + ("" if nieuw else f" (was jaarloon/vakantiegeld %/vast: {oud})")
        ),
    )
    markeer_gegevens_gewijzigd(werkgever_ids=[door.werkgever.pk])
    return loon


def loon_op(*, werknemer: Werknemer, dag: date) -> Loongegeven | None:
    """The wage row valid on ``dag`` (DOMAIN §7.3: the one on the first sick day)."""
    return (
        Loongegeven.objects.filter(werknemer=werknemer, ingangsdatum__lte=dag)
        .order_by("-ingangsdatum")
        .first()
    )
