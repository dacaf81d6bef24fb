"""UWV benefits paid to the werkgever and the verzamelspecificatie (DOMAIN §7.2, ADR 0045).

- ``leg_maximumdagloon_vast``: the operator keeps the dated maximumdagloon table.
- ``leg_vangnetuitkering_vast``: the operator records the UWV's decision on a vangnet ZW case.
- ``stel_specificaties_op``: after a month, the lines the portal can compute (WAZO leave paid to the
  werkgever, recorded vangnet cases), one per betaalperiode (the calendar month, split where the
  maximumdagloon changes). Idempotent: a line that exists is never written again.
- ``lees_in`` / ``leg_vast``: the uitvoerder's feed (CSV or JSON), proefdraai first, then all or
  nothing (ADR 0040), for what the portal cannot compute.

The monthly uitkering run reads the lines and deducts their dagbedragen (DOMAIN §7.3, ADR 0046).
"""

import json
from collections import defaultdict
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from verzuimportaal.aanvragen.models import Besluit
from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.eigenrisicodragers.service import lees_bedrag, lees_datum
from verzuimportaal.geld.bedragen import CENT, eerste_van_maand, laatste_van_maand, rond_af
from verzuimportaal.geld.uwv import Betaalperiode, Soort, dagloon_uit_jaarloon, percentage_voor
from verzuimportaal.geld.uwv import specificeer as specificeer_periode
from verzuimportaal.lonen.models import Loongegeven
from verzuimportaal.polissen.uitvoerder import Uitvoerder
from verzuimportaal.toegang.actor import Portaalactor
from verzuimportaal.utils.beheerimport import afgekapt, beheeraccount, lees_tabel
from verzuimportaal.utils.elfproef import is_bsn, normaliseer_nummer
from verzuimportaal.verzuim.models import Verzuimgeval
from verzuimportaal.wazo.models import Soort as Verlofsoort
from verzuimportaal.wazo.models import UitkeringAan, Wazoverlof
from verzuimportaal.wazo.uitkering import PERCENTAGE as WAZO_PERCENTAGE
from verzuimportaal.werkgevers.models import Werkgever
from verzuimportaal.werkgevers.service import markeer_gegevens_gewijzigd
from verzuimportaal.werknemers.models import Werknemer

from .models import (
    VANGNET_GRONDSLAGEN,
    Bron,
    Grondslag,
    Importstatus,
    Maximumdagloon,
    Specificatieimport,
    Specificatieregel,
    Vangnetuitkering,
)

MAX_REGELS = 50_000
MAX_FOUTEN = 100
KOLOMMEN = (
    "bsn",
    "loonheffingennummer",
    "grondslag",
    "van",
    "tot_en_met",
    "dagloon",
    "percentage",
    "dagbedrag",
    "bruto",
)
_WAZO_GRONDSLAG = {
    Verlofsoort.ZWANGERSCHAP: Grondslag.WAZO,
    Verlofsoort.ADOPTIE: Grondslag.WAZO,
    Verlofsoort.PLEEGZORG: Grondslag.WAZO,
    Verlofsoort.AANVULLEND_GEBOORTEVERLOF: Grondslag.AANVULLEND_GEBOORTEVERLOF,
}


def maximumdagloontabel() -> dict[date, Decimal]:
    """The dated maximumdagloon table as the pure computation takes it (DOMAIN §7.2)."""
    return dict(Maximumdagloon.objects.values_list("ingangsdatum", "bedrag"))


# ---- The maximumdagloon table (operator) -------------------------------------------------------


@transaction.atomic
def leg_maximumdagloon_vast(
    *, door: Portaalactor, ingangsdatum: date, bedrag: Decimal
) -> Maximumdagloon:
    """Add or correct the maximumdagloon from ``ingangsdatum`` (1 January or 1 July) on.

    Refused once the portal has computed lines from that date on: a written line is never
    changed (ADR 0045), so the value must be there before the month is computed.
    """
    if ingangsdatum.day != 1 or ingangsdatum.month not in (1, 7):
        raise ValidationError(
            {
                "ingangsdatum": _(
                    "Het maximumdagloon wijzigt op 1 januari en 1 juli; kies een van die."
                )
            }
        )
    if bedrag <= 0 or bedrag != bedrag.quantize(Decimal("0.01")):
        raise ValidationError({"bedrag": _("Geef een positief bedrag in euro's en centen.")})
    berekend = (
        Specificatieregel.objects.filter(bron=Bron.BEREKEND, tot_en_met__gte=ingangsdatum)
        .order_by("van")
        .values_list("van", flat=True)
        .first()
    )
    if berekend is not None:
        raise ValidationError(
            _(
                "Het portaal heeft al uitkeringen berekend vanaf %(datum)s met het oude "
                "maximumdagloon; die worden niet meer gewijzigd. Een verschil levert de "
                "uitvoerder aan als regel in de specificatie."
            )
            % {"datum": f"{berekend:%d-%m-%Y}"}
        )
    rij, _nieuw = Maximumdagloon.objects.update_or_create(
        ingangsdatum=ingangsdatum,
        defaults={
            "bedrag": bedrag,
            "vastgelegd_op": timezone.now(),
            "vastgelegd_door": beheeraccount(door),
        },
    )
    audit.registreer(
        door=door,
        actie=Actie.WIJZIGEN,
        onderwerp=rij,
        omschrijving=f"Maximumdagloon per {ingangsdatum:%d-%m-%Y}: {bedrag} €",
    )
    return rij


# ---- Vangnet ZW cases (operator) ---------------------------------------------------------------


@transaction.atomic
def leg_vangnetuitkering_vast(
    *,
    door: Uitvoerder,
    verzuimgeval: Verzuimgeval,
    grondslag: str,
    percentage: Decimal | None = None,
) -> Vangnetuitkering:
    """Record that the UWV pays ZW for this spell (DOMAIN §7.2): the grondslag and, for the
    no-riskpolis, the cao's percentage (70–100); the others have a fixed percentage."""
    if grondslag not in VANGNET_GRONDSLAGEN:
        raise ValidationError({"grondslag": _("Kies een grondslag van de Ziektewet.")})
    try:
        vast = percentage_voor(Soort(grondslag), percentage)
    except ValueError as fout:
        raise ValidationError({"percentage": str(fout)}) from None
    geval = (
        Verzuimgeval.objects.select_for_update()
        .select_related("werknemer__loonheffingennummer__werkgever")
        .get(pk=verzuimgeval.pk)
    )
    if Vangnetuitkering.objects.filter(verzuimgeval=geval).exists():
        raise ValidationError(
            _("Voor dit verzuim is de vangnetuitkering al vastgelegd; die wijzigt niet meer.")
        )
    uitkering = Vangnetuitkering.objects.create(
        verzuimgeval=geval, grondslag=grondslag, percentage=vast, vastgelegd_op=timezone.now()
    )
    werkgever = geval.werknemer.loonheffingennummer.werkgever
    audit.registreer(
        door=door.actor_voor(werkgever),
        actie=Actie.AANMAKEN,
        onderwerp=uitkering,
        omschrijving=f"Vangnetuitkering Ziektewet ({grondslag}, {vast} %) bij verzuim "
        f"{geval.verzuimnummer}",
    )
    markeer_gegevens_gewijzigd(werkgever_ids=[werkgever.pk])
    return uitkering


# ---- Computing the lines after a month ---------------------------------------------------------


def _dagloon(lonen: list[Loongegeven], dag: date) -> Decimal | None:
    """DOMAIN §7.2: dagloon = SV-jaarloon / 261, the wage valid on the first day."""
    geldig = [loon for loon in lonen if loon.ingangsdatum <= dag]
    if not geldig:
        return None
    return dagloon_uit_jaarloon(max(geldig, key=lambda loon: loon.ingangsdatum).verzekerd_jaarloon)


def stel_specificaties_op(*, door: Uitvoerder, maand: date) -> int:
    """The lines of ``maand`` the portal can compute; returns how many were written.

    Each werkgever that gets lines gets one audit row and a new data version. A werknemer without
    a wage on the first day of the benefit is skipped (the uitvoerder's feed can deliver it).
    """
    maand = eerste_van_maand(maand)
    einde = laatste_van_maand(maand)
    if einde >= timezone.localdate():
        raise ValidationError(
            _("De maand %(maand)s is nog niet voorbij; de specificatie volgt na afloop.")
            % {"maand": f"{maand:%m-%Y}"}
        )
    with transaction.atomic():
        tabel = maximumdagloontabel()
        # (werknemer, grondslag, begin, einde, percentage, wazoverlof, vangnetuitkering)
        bronnen: list[tuple[Werknemer, str, date, date, Decimal, int | None, int | None]] = []
        for verlof in (
            Wazoverlof.objects.filter(
                uitkering_aan=UitkeringAan.WERKGEVER, eerste_dag__lte=einde, laatste_dag__gte=maand
            )
            .filter(Q(zaak__isnull=True) | Q(zaak__besluit=Besluit.TOEGEKEND))
            .select_related("werknemer__loonheffingennummer")
        ):
            soort = Verlofsoort(verlof.soort)
            bronnen.append(
                (
                    verlof.werknemer,
                    _WAZO_GRONDSLAG[soort],
                    verlof.eerste_dag,
                    verlof.laatste_dag,
                    WAZO_PERCENTAGE[soort],  # type: ignore[index]
                    verlof.pk,
                    None,
                )
            )
        for vangnet in Vangnetuitkering.objects.filter(
            Q(verzuimgeval__einddatum__isnull=True) | Q(verzuimgeval__einddatum__gt=maand),
            verzuimgeval__eerste_ziektedag__lte=einde,
        ).select_related("verzuimgeval__werknemer__loonheffingennummer"):
            geval = vangnet.verzuimgeval
            laatste = einde
            if geval.einddatum is not None:  # the hersteldatum is the first day not sick
                laatste = min(einde, geval.einddatum - timedelta(days=1))
            bronnen.append(
                (
                    geval.werknemer,
                    vangnet.grondslag,
                    geval.eerste_ziektedag,
                    laatste,
                    vangnet.percentage,
                    None,
                    vangnet.pk,
                )
            )
        werknemer_ids = {bron[0].pk for bron in bronnen}
        lonen: dict[int, list[Loongegeven]] = defaultdict(list)
        for loon in Loongegeven.objects.filter(werknemer_id__in=werknemer_ids):
            lonen[loon.werknemer_id].append(loon)
        bestaand = set(
            Specificatieregel.objects.filter(
                werknemer_id__in=werknemer_ids, van__gte=maand, van__lte=einde
            ).values_list("werknemer_id", "grondslag", "van")
        )
        nu = timezone.now()
        nieuw: list[Specificatieregel] = []
        for werknemer, grondslag, begin, eind, percentage, verlof_id, vangnet_id in bronnen:
            dagloon = _dagloon(lonen[werknemer.pk], begin)
            van, tot = max(begin, maand), min(eind, einde)
            if dagloon is None or tot < van:
                continue
            try:
                perioden = specificeer_periode(
                    dagloon=dagloon, percentage=percentage, van=van, tot_en_met=tot, tabel=tabel
                )
            except ValueError:
                continue  # no maximumdagloon for these days yet: the operator enters it first
            for periode in perioden:
                if (werknemer.pk, grondslag, periode.van) in bestaand:
                    continue
                nieuw.append(
                    _regel(
                        werknemer,
                        grondslag,
                        periode,
                        bron=Bron.BEREKEND,
                        nu=nu,
                        wazoverlof_id=verlof_id,
                        vangnetuitkering_id=vangnet_id,
                    )
                )
        Specificatieregel.objects.bulk_create(nieuw)
        per: dict[int, list[Specificatieregel]] = defaultdict(list)
        for regel in nieuw:
            per[regel.werkgever_id].append(regel)
        for werkgever in Werkgever.objects.filter(pk__in=per).order_by("pk"):
            regels = per[werkgever.pk]
            audit.registreer(
                door=door.actor_voor(werkgever),
                actie=Actie.AANMAKEN,
                onderwerp=regels[0],
                omschrijving=f"Verzamelspecificatie UWV {maand:%m-%Y}: {len(regels)} regel(s), "
                f"bruto {sum((r.bruto for r in regels), Decimal(0))} €",
            )
        markeer_gegevens_gewijzigd(werkgever_ids=per)
    return len(nieuw)


def _regel(
    werknemer: Werknemer,
    grondslag: str,
    periode: Betaalperiode,
    *,
    bron: str,
    nu: datetime,
    wazoverlof_id: int | None = None,
    vangnetuitkering_id: int | None = None,
    specificatieimport: Specificatieimport | None = None,
) -> Specificatieregel:
    return Specificatieregel(
        werkgever_id=werknemer.loonheffingennummer.werkgever_id,
        werknemer=werknemer,
        grondslag=grondslag,
        van=periode.van,
        tot_en_met=periode.tot_en_met,
        dagloon=rond_af(periode.dagloon),
        percentage=periode.percentage,
        maximumdagloon=periode.maximumdagloon,
        dagbedrag=periode.dagbedrag,
        uitkeringsdagen=periode.dagen,
        bruto=periode.bruto,
        bron=bron,
        wazoverlof_id=wazoverlof_id,
        vangnetuitkering_id=vangnetuitkering_id,
        specificatieimport=specificatieimport,
        vastgelegd_op=nu,
    )


# ---- The uitvoerder's feed (operator) ----------------------------------------------------------


class _Regelfout(Exception):
    pass


def _tabel(bestandsnaam: str, inhoud: bytes) -> tuple[list[str], list[list[str]]]:
    """CSV/XLSX through the shared reader; JSON: a list of objects with the same keys (or
    ``{"regels": [...]}``), values as text so amounts stay exact."""
    if not bestandsnaam.lower().endswith(".json"):
        return lees_tabel(bestandsnaam, inhoud, max_rijen=MAX_REGELS)
    try:
        gegevens = json.loads(inhoud.decode("utf-8-sig"), parse_float=str, parse_int=str)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ValidationError(
            _("Dit JSON-bestand is niet te lezen. Lever een lijst van regels als JSON (UTF-8).")
        ) from None
    if isinstance(gegevens, dict):
        gegevens = gegevens.get("regels")
    if not isinstance(gegevens, list) or not all(isinstance(r, dict) for r in gegevens):
        raise ValidationError(
            _("Het JSON-bestand moet een lijst van regels zijn, elk met de kolommen als sleutels.")
        )
    if not gegevens:
        raise ValidationError(_("Het bestand heeft geen regels."))
    if len(gegevens) > MAX_REGELS:
        raise ValidationError(
            _("Het bestand heeft meer dan %(n)d regels. Splits het in delen.") % {"n": MAX_REGELS}
        )
    koppen = list(KOLOMMEN)
    rijen = [
        ["" if rij.get(k) is None else str(rij.get(k)).strip() for k in koppen] for rij in gegevens
    ]
    return koppen, rijen


def _datum(waarden: Mapping[str, str], veld: str) -> date:
    try:
        return lees_datum(waarden[veld])
    except ValueError:
        raise _Regelfout(
            _("%(veld)s is geen datum (jjjj-mm-dd of dd-mm-jjjj)") % {"veld": veld}
        ) from None


def _bedrag(waarden: Mapping[str, str], veld: str) -> Decimal:
    try:
        bedrag = lees_bedrag(waarden[veld])
    except ValueError:
        raise _Regelfout(
            _("%(veld)s is geen bedrag in euro's en centen") % {"veld": veld}
        ) from None
    if bedrag < 0:
        raise _Regelfout(_("%(veld)s is negatief") % {"veld": veld})
    return bedrag.quantize(CENT)


def _lees_regel(
    waarden: Mapping[str, str],
    werknemers: Mapping[tuple[str, str], int],
    tabel: Mapping[date, Decimal],
) -> dict[str, str | int]:
    bsn = normaliseer_nummer(waarden["bsn"])
    if not is_bsn(bsn):
        # The value itself is never repeated: it may be a mistyped BSN (DOMAIN §9).
        raise _Regelfout(_("geen geldig BSN (9 cijfers, elfproef)"))
    nummer = normaliseer_nummer(waarden["loonheffingennummer"])
    werknemer_id = werknemers.get((nummer, bsn))
    if werknemer_id is None:
        raise _Regelfout(_("geen werknemer met dit BSN bij dit loonheffingennummer in het portaal"))
    grondslag = waarden["grondslag"].strip().lower()
    if grondslag not in Grondslag.values:
        raise _Regelfout(
            _("grondslag moet een van deze zijn: %(waarden)s")
            % {"waarden": ", ".join(Grondslag.values)}
        )
    van, tot = _datum(waarden, "van"), _datum(waarden, "tot_en_met")
    if tot < van:
        raise _Regelfout(_("tot_en_met ligt voor van"))
    dagloon = _bedrag(waarden, "dagloon")
    dagbedrag = _bedrag(waarden, "dagbedrag")
    bruto = _bedrag(waarden, "bruto")
    try:
        percentage = Decimal(waarden["percentage"].replace(",", "."))
    except ArithmeticError:
        raise _Regelfout(_("percentage is geen getal")) from None
    if not percentage.is_finite() or not 0 < percentage <= 100:
        raise _Regelfout(_("percentage ligt tussen 0 en 100"))
    try:
        perioden = specificeer_periode(
            dagloon=dagloon, percentage=percentage, van=van, tot_en_met=tot, tabel=tabel
        )
    except ValueError:
        raise _Regelfout(
            _("er is geen maximumdagloon bekend op %(datum)s") % {"datum": f"{van:%d-%m-%Y}"}
        ) from None
    if len(perioden) > 1:
        raise _Regelfout(
            _("het maximumdagloon wijzigt in deze periode; splits de regel op %(datum)s")
            % {"datum": f"{perioden[1].van:%d-%m-%Y}"}
        )
    periode = perioden[0]
    if dagbedrag > periode.maximumdagloon * percentage / 100:
        raise _Regelfout(
            _("dagbedrag is hoger dan het maximumdagloon (%(max)s) × percentage")
            % {"max": periode.maximumdagloon}
        )
    if bruto != dagbedrag * periode.dagen:
        raise _Regelfout(
            _("bruto is niet dagbedrag × %(dagen)d uitkeringsdagen (%(verwacht)s)")
            % {"dagen": periode.dagen, "verwacht": dagbedrag * periode.dagen}
        )
    return {
        "werknemer_id": werknemer_id,
        "grondslag": grondslag,
        "van": van.isoformat(),
        "tot_en_met": tot.isoformat(),
        "dagloon": str(dagloon),
        "percentage": str(percentage),
        "maximumdagloon": str(periode.maximumdagloon),
        "dagbedrag": str(dagbedrag),
        "uitkeringsdagen": periode.dagen,
        "bruto": str(bruto),
    }


def controleer(
    *, koppen: list[str], rijen: list[list[str]]
) -> tuple[list[dict[str, str | int]], list[str]]:
    """The checked lines and the errors (line numbers as in the file, the header is line 1; in
    JSON the first object is line 2)."""
    ontbrekend = [k for k in KOLOMMEN if k not in koppen]
    if ontbrekend:
        return [], [
            _("Kolommen ontbreken op de eerste regel: %(kolommen)s.")
            % {"kolommen": ", ".join(ontbrekend)}
        ]
    bsns = {normaliseer_nummer(rij[koppen.index("bsn")]) for rij in rijen}
    werknemers: dict[tuple[str, str], int] = {}
    for pk, nummer, bsn in (
        Werknemer.objects.filter(bsn__in=bsns)
        .order_by("datum_in_dienst", "pk")
        .values_list("pk", "loonheffingennummer__nummer", "bsn")
    ):
        werknemers[(nummer, bsn)] = pk  # the latest employment wins
    tabel = maximumdagloontabel()
    bestaand = set(
        Specificatieregel.objects.filter(werknemer_id__in=set(werknemers.values())).values_list(
            "werknemer_id", "grondslag", "van"
        )
    )
    regels: list[dict[str, str | int]] = []
    fouten: list[str] = []
    gezien: set[tuple[object, ...]] = set()
    for regelnummer, rij in enumerate(rijen, start=2):
        waarden = {k: rij[koppen.index(k)] for k in KOLOMMEN}
        try:
            regel = _lees_regel(waarden, werknemers, tabel)
            sleutel = (regel["werknemer_id"], regel["grondslag"], regel["van"])
            if sleutel in gezien:
                raise _Regelfout(_("staat al eerder in het bestand"))
            if (
                regel["werknemer_id"],
                regel["grondslag"],
                date.fromisoformat(str(regel["van"])),
            ) in bestaand:
                raise _Regelfout(_("deze betaalperiode staat al in de specificatie"))
            gezien.add(sleutel)
        except _Regelfout as fout:
            fouten.append(_("Regel %(regel)d: %(fout)s.") % {"regel": regelnummer, "fout": fout})
        else:
            regels.append(regel)
    return regels, fouten


@transaction.atomic
def lees_in(*, door: Portaalactor, bestandsnaam: str, inhoud: bytes) -> Specificatieimport:
    """Proefdraai: read and check the file; no specification changes (ADR 0040)."""
    koppen, rijen = _tabel(bestandsnaam, inhoud)
    regels, fouten = controleer(koppen=[k.strip().lower() for k in koppen], rijen=rijen)
    specificatieimport = Specificatieimport.objects.create(
        bestandsnaam=bestandsnaam[:200],
        regels=[] if fouten else regels,
        aantal=len(regels),
        fouten=afgekapt(fouten, MAX_FOUTEN),
        aangemaakt_door=beheeraccount(door),
    )
    audit.registreer(
        door=door,
        actie=Actie.AANMAKEN,
        onderwerp=specificatieimport,
        omschrijving=f"UWV-specificaties proefdraai: {len(regels)} regels, {len(fouten)} fouten",
    )
    return specificatieimport


@transaction.atomic
def leg_vast(*, door: Portaalactor, specificatieimport: Specificatieimport) -> Specificatieimport:
    """Write every line of the proefdraai, or none: a line that meanwhile exists refuses all."""
    specificatieimport = Specificatieimport.objects.select_for_update().get(
        pk=specificatieimport.pk
    )
    if specificatieimport.status != Importstatus.PROEF:
        raise ValidationError(_("Deze import is al verwerkt; laad het bestand opnieuw in."))
    if specificatieimport.fouten:
        raise ValidationError(
            _("Het bestand heeft fouten. Verbeter ze en laad het bestand opnieuw in.")
        )
    werknemers = Werknemer.objects.select_related("loonheffingennummer").in_bulk(
        {regel["werknemer_id"] for regel in specificatieimport.regels}
    )
    nu = timezone.now()
    nieuw = [
        Specificatieregel(
            werkgever_id=werknemers[regel["werknemer_id"]].loonheffingennummer.werkgever_id,
            werknemer_id=regel["werknemer_id"],
            grondslag=regel["grondslag"],
            van=date.fromisoformat(regel["van"]),
            tot_en_met=date.fromisoformat(regel["tot_en_met"]),
            dagloon=Decimal(regel["dagloon"]),
            percentage=Decimal(regel["percentage"]),
            maximumdagloon=Decimal(regel["maximumdagloon"]),
            dagbedrag=Decimal(regel["dagbedrag"]),
            uitkeringsdagen=regel["uitkeringsdagen"],
            bruto=Decimal(regel["bruto"]),
            bron=Bron.UITVOERDER,
            specificatieimport=specificatieimport,
            vastgelegd_op=nu,
        )
        for regel in specificatieimport.regels
    ]
    bestaand = Specificatieregel.objects.filter(
        werknemer_id__in=werknemers,
        van__in={r.van for r in nieuw},
    ).values_list("werknemer_id", "grondslag", "van")
    if set(bestaand) & {(r.werknemer_id, r.grondslag, r.van) for r in nieuw}:
        raise ValidationError(
            _(
                "Een deel van deze regels staat inmiddels al in de specificatie. Laad het "
                "bestand opnieuw in; de proefdraai wijst de dubbele regels aan."
            )
        )
    Specificatieregel.objects.bulk_create(nieuw, batch_size=5000)
    specificatieimport.status = Importstatus.VASTGELEGD
    specificatieimport.vastgelegd_op = nu
    specificatieimport.regels = []
    specificatieimport.save(update_fields=["status", "vastgelegd_op", "regels"])
    audit.registreer(
        door=door,
        actie=Actie.WIJZIGEN,
        onderwerp=specificatieimport,
        omschrijving=f"UWV-specificaties vastgelegd: {len(nieuw)} regels",
    )
    markeer_gegevens_gewijzigd(werkgever_ids={r.werkgever_id for r in nieuw})
    return specificatieimport
