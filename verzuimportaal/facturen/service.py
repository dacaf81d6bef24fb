"""Making the monthly arbofacturen (DOMAIN §7.4): once per werkgever per month, idempotent."""

from datetime import date, timedelta
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.geld.arbofactuur import arbofactuur, peildatum
from verzuimportaal.geld.bedragen import NUL, rond_af
from verzuimportaal.geld.premie import premie, tijdsevenredig
from verzuimportaal.geld.uitkering import Dienstverband
from verzuimportaal.polissen.models import Polis
from verzuimportaal.polissen.uitvoerder import Uitvoerder
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.verzuim.models import Nummerreeks
from verzuimportaal.werkgevers.models import Werkgever
from verzuimportaal.werkgevers.service import markeer_gegevens_gewijzigd
from verzuimportaal.werknemers.models import Werknemer

from .models import Arbofactuur, Premiefactuur, Premiesoort


def _volgend_factuurnummer(jaar: int, *, soort: str = "arbofactuur", prefix: str = "AF") -> str:
    """``AF-2025-00001``: per year, gap-free, safe under concurrency (as verzuimnummers)."""
    sleutel = f"{soort}-{jaar}"
    try:
        with transaction.atomic():
            Nummerreeks.objects.get_or_create(sleutel=sleutel)
    except IntegrityError:
        pass
    reeks = Nummerreeks.objects.select_for_update().get(sleutel=sleutel)
    reeks.laatste += 1
    reeks.save(update_fields=["laatste"])
    return f"{prefix}-{jaar}-{reeks.laatste:05d}"


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


def _polis_op(werkgever_id: int, dag: date) -> Polis | None:
    return (
        Polis.objects.filter(werkgever_id=werkgever_id, ingangsdatum__lte=dag)
        .order_by("-ingangsdatum")
        .first()
    )


def _loonperioden(werkgever_id: int, jaar: int) -> list[tuple[date, date, Decimal]]:
    """(van, tot en met, verzekerd jaarloon) of every wage row within each dienstverband."""
    einde_jaar = date(jaar, 12, 31)
    perioden: list[tuple[date, date, Decimal]] = []
    werknemers = Werknemer.objects.filter(
        loonheffingennummer__werkgever_id=werkgever_id, datum_in_dienst__lte=einde_jaar
    ).prefetch_related("loongegevens")
    for werknemer in werknemers:
        lonen = sorted(werknemer.loongegevens.all(), key=lambda loon: loon.ingangsdatum)
        laatste_dag = werknemer.datum_uit_dienst or einde_jaar
        for index, loon in enumerate(lonen):
            van = max(loon.ingangsdatum, werknemer.datum_in_dienst)
            tot = (
                lonen[index + 1].ingangsdatum - timedelta(days=1)
                if index + 1 < len(lonen)
                else laatste_dag
            )
            perioden.append((van, min(tot, laatste_dag), loon.verzekerd_jaarloon))
    return perioden


def januariloonsom(*, werkgever_id: int, jaar: int, maximum: Decimal | None) -> Decimal:
    """Σ insured jaarloon (capped) on 1 January of the werknemers in dienst then (DOMAIN §7.3)."""
    peil = date(jaar, 1, 1)
    totaal = NUL
    for van, tot, jaarloon in _loonperioden(werkgever_id, jaar):
        if van <= peil <= tot:
            totaal += jaarloon if maximum is None else min(jaarloon, maximum)
    return totaal


def _premiefactuur(
    door: Actor,
    *,
    jaar: int,
    soort: str,
    polis: Polis,
    loonsom: Decimal,
    eerder: Decimal,
) -> Premiefactuur:
    bedrag_premie = premie(
        premiepercentage=polis.premiepercentage,
        loonsom=loonsom,
        werkgeverslasten=polis.werkgeverslasten_percentage,
    )
    factuur = Premiefactuur.objects.create(
        werkgever=door.werkgever,
        factuurnummer=_volgend_factuurnummer(jaar, soort="premiefactuur", prefix="PF"),
        jaar=jaar,
        soort=soort,
        loonsom=rond_af(loonsom),
        premiepercentage=polis.premiepercentage,
        werkgeverslasten_percentage=polis.werkgeverslasten_percentage,
        premie=bedrag_premie,
        eerder_gefactureerd=eerder,
        bedrag=bedrag_premie - eerder,
        gemaakt_op=timezone.now(),
    )
    audit.registreer(
        door=door,
        actie=Actie.AANMAKEN,
        onderwerp=factuur,
        omschrijving=f"{factuur.get_soort_display()} {jaar} {factuur.factuurnummer}: "
        f"{factuur.bedrag} €",
    )
    return factuur


@transaction.atomic
def maak_premiefacturen(*, door: Actor, jaar: int) -> list[Premiefactuur]:
    """After the January update of ``jaar``: the voorschot of ``jaar`` on the January wages and
    the naverrekening of the year before on its actual wages (DOMAIN §7.3).

    Each invoice once (a second call makes nothing new); the naverrekening only when the portal
    invoiced a voorschot for that year. One audit row per invoice.
    """
    werkgever = Werkgever.objects.select_for_update().get(pk=door.werkgever.pk)
    bestaand = {
        (f.jaar, f.soort): f
        for f in Premiefactuur.objects.filter(werkgever=werkgever, jaar__in=[jaar - 1, jaar])
    }
    gemaakt: list[Premiefactuur] = []
    polis = _polis_op(werkgever.pk, date(jaar, 1, 1))
    if polis is not None and (jaar, Premiesoort.VOORSCHOT) not in bestaand:
        loonsom = januariloonsom(
            werkgever_id=werkgever.pk, jaar=jaar, maximum=polis.maximum_jaarloon
        )
        gemaakt.append(
            _premiefactuur(
                door,
                jaar=jaar,
                soort=Premiesoort.VOORSCHOT,
                polis=polis,
                loonsom=loonsom,
                eerder=NUL,
            )
        )
    vorig = jaar - 1
    voorschot = bestaand.get((vorig, Premiesoort.VOORSCHOT))
    vorige_polis = _polis_op(werkgever.pk, date(vorig, 1, 1))
    if (
        voorschot is not None
        and vorige_polis is not None
        and (vorig, Premiesoort.NAVERREKENING) not in bestaand
    ):
        werkelijk = tijdsevenredig(
            jaar=vorig,
            perioden=_loonperioden(werkgever.pk, vorig),
            maximum=vorige_polis.maximum_jaarloon,
        )
        gemaakt.append(
            _premiefactuur(
                door,
                jaar=vorig,
                soort=Premiesoort.NAVERREKENING,
                polis=vorige_polis,
                loonsom=werkelijk,
                eerder=voorschot.premie,
            )
        )
    if gemaakt:
        markeer_gegevens_gewijzigd(werkgever_ids=[werkgever.pk])
    return gemaakt
