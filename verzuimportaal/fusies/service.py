"""Transferring open meldingen from an inactive number to the acquirer's number (seed 001).

"Als dit een gevolg is van een bedrijfsovername of fusie, dan kan het UWV de openstaande meldingen
misschien overzetten op het nieuwe loonheffingennummer." The operator does it; the werknemer rows
with an open spell move to the new number, so their whole dossier (every spell, mutation and
dossier item hangs off the werknemer) moves with them, in one transaction with its record.

The operator acts as a ``Portaalactor``; the transfer has one audit row in the log of each
werkgever whose data change (one row when both numbers belong to the same werkgever), and raises
their data versions, in the same transaction (ADR 0013).
"""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.toegang.actor import Portaalactor
from verzuimportaal.verzuim.models import Verzuimgeval
from verzuimportaal.werkgevers.models import Loonheffingennummer
from verzuimportaal.werkgevers.service import markeer_gegevens_gewijzigd
from verzuimportaal.werknemers.models import Werknemer

from .models import Overdracht

logger = logging.getLogger(__name__)


def over_te_zetten(*, van: Loonheffingennummer, naar: Loonheffingennummer) -> list[Werknemer]:
    """The werknemers that would move; raises ``ValidationError`` when the transfer is refused."""
    if van.pk == naar.pk:
        raise ValidationError(_("Kies twee verschillende loonheffingennummers."))
    if van.actief:
        raise ValidationError(
            _(
                "Loonheffingennummer %(van)s is nog actief. Meldingen worden alleen overgezet "
                "vanaf een niet-actief nummer (na een overname of fusie). Zet het nummer eerst "
                "op niet actief."
            )
            % {"van": van}
        )
    if not naar.actief or naar.geactiveerd_op is None:
        raise ValidationError(
            _(
                "Loonheffingennummer %(naar)s is niet actief of nog niet geactiveerd met een "
                "verificatiecode. Meldingen kunnen alleen naar een actief, geactiveerd nummer."
            )
            % {"naar": naar}
        )
    open_ids = Verzuimgeval.objects.filter(
        werknemer__loonheffingennummer=van, einddatum__isnull=True
    ).values("werknemer_id")
    werknemers = list(Werknemer.objects.filter(pk__in=open_ids).order_by("pk"))
    if not werknemers:
        raise ValidationError(
            _("Op loonheffingennummer %(van)s staan geen openstaande meldingen.") % {"van": van}
        )
    botsend = Werknemer.objects.filter(
        loonheffingennummer=naar, bsn__in=[w.bsn for w in werknemers]
    ).order_by("achternaam")
    if botsend.exists():
        namen = ", ".join(w.volledige_naam for w in botsend[:10])
        raise ValidationError(
            _(
                "%(aantal)s werknemer(s) staan al op loonheffingennummer %(naar)s met hetzelfde "
                "BSN: %(namen)s. Overzetten zou dubbele werknemers geven; er is niets overgezet. "
                "Voeg de dossiers eerst handmatig samen of beëindig het dubbele dienstverband."
            )
            % {"aantal": botsend.count(), "naar": naar, "namen": namen}
        )
    return werknemers


def draag_meldingen_over(
    *, door: Portaalactor, van: Loonheffingennummer, naar: Loonheffingennummer
) -> Overdracht:
    with transaction.atomic():
        # Both numbers locked in a fixed order: no concurrent transfer or activation in between.
        vergrendeld = {
            n.pk: n
            for n in Loonheffingennummer.objects.select_for_update()
            .select_related("werkgever")
            .filter(pk__in=[van.pk, naar.pk])
            .order_by("pk")
        }
        van, naar = vergrendeld[van.pk], vergrendeld[naar.pk]
        werknemers = over_te_zetten(van=van, naar=naar)
        ids = [w.pk for w in werknemers]
        list(Werknemer.objects.select_for_update().filter(pk__in=ids).values_list("pk"))
        nu = timezone.now()
        Werknemer.objects.filter(pk__in=ids).update(loonheffingennummer=naar, gewijzigd_op=nu)
        markeer_gegevens_gewijzigd(werkgever_ids=[van.werkgever_id, naar.werkgever_id])
        overdracht = Overdracht.objects.create(
            van=van,
            naar=naar,
            door=door.gebruiker,
            door_naam=door.weergavenaam[:200],
            tijdstip=nu,
            aantal=len(werknemers),
            werknemer_uuids=[str(w.uuid) for w in werknemers],
        )
        for werkgever in sorted({van.werkgever, naar.werkgever}, key=lambda w: w.pk):
            audit.registreer(
                door=door.voor(werkgever),
                actie=Actie.WIJZIGEN,
                onderwerp=overdracht,
                omschrijving=(
                    f"{len(werknemers)} werknemer(s) met openstaande melding overgezet van "
                    f"{van} naar {naar} (overname/fusie)"
                ),
            )
    logger.info("Overdracht %s: %d werknemers", overdracht.uuid, overdracht.aantal)
    return overdracht
