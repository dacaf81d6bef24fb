"""Making the monthly arbofacturen (DOMAIN §7.4): once per werkgever per month, idempotent."""

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.geld.arbofactuur import arbofactuur, peildatum
from verzuimportaal.geld.uitkering import Dienstverband
from verzuimportaal.polissen.models import Polis
from verzuimportaal.polissen.uitvoerder import Uitvoerder
from verzuimportaal.verzuim.models import Nummerreeks
from verzuimportaal.werkgevers.service import markeer_gegevens_gewijzigd
from verzuimportaal.werknemers.models import Werknemer

from .models import Arbofactuur


def _volgend_factuurnummer(jaar: int) -> str:
    """``AF-2025-00001``: per year, gap-free, safe under concurrency (as verzuimnummers)."""
    sleutel = f"arbofactuur-{jaar}"
    try:
        with transaction.atomic():
            Nummerreeks.objects.get_or_create(sleutel=sleutel)
    except IntegrityError:
        pass
    reeks = Nummerreeks.objects.select_for_update().get(sleutel=sleutel)
    reeks.laatste += 1
    reeks.save(update_fields=["laatste"])
    return f"AF-{jaar}-{reeks.laatste:05d}"


@transaction.atomic
def maak_arbofacturen(*, door: Uitvoerder, maand: date) -> list[Arbofactuur]:
    """An invoice for every werkgever with a polis on the peildatum that has none for ``maand``.

    aantal = werknemers in dienst on the 1st of the month; btw once on the subtotal (§7.4). Each
    invoice gets one audit row in its werkgever's log and raises that werkgever's data version.
    """
    peil = peildatum(maand)
    gemaakt: list[Arbofactuur] = []
    polissen = (
        Polis.objects.filter(ingangsdatum__lte=peil)
        .select_related("werkgever")
        .order_by("werkgever_id", "ingangsdatum")
    )
    geldig = {polis.werkgever_id: polis for polis in polissen}  # the latest per werkgever
    al = set(Arbofactuur.objects.filter(maand=peil).values_list("werkgever_id", flat=True))
    for werkgever_id in sorted(set(geldig) - al):
        polis = geldig[werkgever_id]
        dienstverbanden = [
            Dienstverband(datum_in_dienst=begin, laatste_dag=einde)
            for begin, einde in Werknemer.objects.filter(
                loonheffingennummer__werkgever_id=werkgever_id
            ).values_list("datum_in_dienst", "datum_uit_dienst")
        ]
        factuur = arbofactuur(maand=peil, dienstverbanden=dienstverbanden, tarief=polis.arbotarief)
        nieuw = Arbofactuur.objects.create(
            werkgever_id=werkgever_id,
            factuurnummer=_volgend_factuurnummer(peil.year),
            maand=peil,
            peildatum=factuur.peildatum,
            aantal=factuur.aantal,
            tarief=factuur.tarief,
            subtotaal=factuur.subtotaal,
            btw_percentage=factuur.btw_percentage,
            btw=factuur.btw,
            totaal=factuur.totaal,
            gemaakt_op=timezone.now(),
        )
        gemaakt.append(nieuw)
        audit.registreer(
            door=door.actor_voor(polis.werkgever),
            actie=Actie.AANMAKEN,
            onderwerp=nieuw,
            omschrijving=f"Arbofactuur {nieuw.factuurnummer}: {nieuw.aantal} × {nieuw.tarief} "
            f"+ btw {nieuw.btw} = {nieuw.totaal} €",
        )
    markeer_gegevens_gewijzigd(werkgever_ids=[f.werkgever_id for f in gemaakt])
    return gemaakt
