"""Loading the data of eigenrisicodragers (ADR 0040): a proefdraai, then vastleggen, all or
nothing. Operator actions: the actor is the staff member, the audit row belongs to no werkgever;
the werkgevers whose data changes get a new data version (ADR 0011)."""

from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.toegang.actor import Portaalactor
from verzuimportaal.utils.beheerimport import afgekapt, beheeraccount, lees_tabel
from verzuimportaal.utils.elfproef import is_bsn, normaliseer_nummer
from verzuimportaal.werkgevers.models import Loonheffingennummer
from verzuimportaal.werkgevers.service import markeer_gegevens_gewijzigd

from .models import (
    Documentsoort,
    Erddocument,
    Erdimport,
    Erdstatus,
    Importsoort,
    Importstatus,
    Risico,
)

MAX_REGELS = 20_000
MAX_FOUTEN = 100

KOLOMMEN: dict[str, tuple[str, ...]] = {
    Importsoort.STATUS: ("loonheffingennummer", "risico", "ingangsdatum", "einddatum"),
    Importsoort.DOCUMENTEN: (
        "soort",
        "loonheffingennummer",
        "kenmerk",
        "documentdatum",
        "regeling",
        "bsn",
        "naam",
        "van",
        "tot",
        "bedrag",
        "toelichting",
    ),
}
# What each kind of document must have (DOMAIN §3 services 4, 5, 7; seed 001).
VERPLICHT: dict[str, tuple[str, ...]] = {
    Documentsoort.CONTROLE: ("toelichting",),
    Documentsoort.RECHT_HOOGTE_DUUR: ("regeling", "bsn", "naam", "van", "bedrag"),
    Documentsoort.MAANDFACTUUR: ("regeling", "van", "tot", "bedrag"),
    Documentsoort.DECLARATIE_WW: ("bsn", "naam", "van", "tot", "bedrag"),
    Documentsoort.REINTEGRATIE_WW: ("bsn", "naam", "van"),
}
# The financial letters and WW records belong to one regeling; WW ones are always WW.
VASTE_REGELING: dict[str, str] = {
    Documentsoort.DECLARATIE_WW: Risico.WW,
    Documentsoort.REINTEGRATIE_WW: Risico.WW,
}
REGELINGEN = (Risico.WGA, Risico.WW)


def lees_datum(tekst: str) -> date:
    """``2025-01-31`` or ``31-01-2025``; ValueError otherwise."""
    for formaat in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return datetime.strptime(tekst.strip(), formaat).date()  # noqa: DTZ007 - a date
        except ValueError:
            continue
    raise ValueError(tekst)


def lees_bedrag(tekst: str) -> Decimal:
    """``1234,56`` or ``1234.56`` (no thousands separators), exactly in cents."""
    try:
        bedrag = Decimal(tekst.strip().replace(",", "."))
    except InvalidOperation as fout:
        raise ValueError(tekst) from fout
    if not bedrag.is_finite() or bedrag != bedrag.quantize(Decimal("0.01")):
        raise ValueError(tekst)
    return bedrag


class _Regelfout(Exception):
    pass


def _nummer(tekst: str, nummers: dict[str, int]) -> str:
    nummer = normaliseer_nummer(tekst)
    if nummer not in nummers:
        raise _Regelfout(_("loonheffingennummer onbekend in het portaal"))
    return nummer


def _datum(waarden: dict[str, str], veld: str) -> str:
    if not waarden[veld]:
        return ""
    try:
        return lees_datum(waarden[veld]).isoformat()
    except ValueError:
        raise _Regelfout(
            _("%(veld)s is geen datum (jjjj-mm-dd of dd-mm-jjjj)") % {"veld": veld}
        ) from None


def _status(waarden: dict[str, str], nummers: dict[str, int]) -> dict[str, str]:
    regel = {
        "loonheffingennummer": _nummer(waarden["loonheffingennummer"], nummers),
        "risico": waarden["risico"].lower(),
        "ingangsdatum": _datum(waarden, "ingangsdatum"),
        "einddatum": _datum(waarden, "einddatum"),
    }
    if regel["risico"] not in Risico.values:
        raise _Regelfout(_("risico moet zw, wga of ww zijn"))
    if not regel["ingangsdatum"]:
        raise _Regelfout(_("ingangsdatum ontbreekt"))
    if regel["einddatum"] and regel["einddatum"] < regel["ingangsdatum"]:
        raise _Regelfout(_("einddatum ligt voor de ingangsdatum"))
    return regel


def _document(waarden: dict[str, str], nummers: dict[str, int]) -> dict[str, str]:
    soort = waarden["soort"].lower()
    if soort not in Documentsoort.values:
        raise _Regelfout(
            _("soort moet een van deze zijn: %(soorten)s")
            % {"soorten": ", ".join(Documentsoort.values)}
        )
    regel = {
        "soort": soort,
        "loonheffingennummer": _nummer(waarden["loonheffingennummer"], nummers),
        "kenmerk": waarden["kenmerk"][:40],
        "documentdatum": _datum(waarden, "documentdatum"),
        "regeling": VASTE_REGELING.get(soort, waarden["regeling"].lower()),
        "bsn": normaliseer_nummer(waarden["bsn"]),
        "naam": waarden["naam"][:200],
        "van": _datum(waarden, "van"),
        "tot": _datum(waarden, "tot"),
        "bedrag": waarden["bedrag"],
        "toelichting": waarden["toelichting"][:500],
    }
    ontbreekt = [v for v in ("kenmerk", "documentdatum", *VERPLICHT[soort]) if not regel[v]]
    if ontbreekt:
        raise _Regelfout(_("ontbreekt: %(velden)s") % {"velden": ", ".join(ontbreekt)})
    if regel["regeling"] and regel["regeling"] not in REGELINGEN:
        raise _Regelfout(_("regeling moet wga of ww zijn"))
    if regel["bsn"] and not is_bsn(regel["bsn"]):
        raise _Regelfout(_("geen geldig BSN (9 cijfers, elfproef)"))
    if regel["van"] and regel["tot"] and regel["tot"] < regel["van"]:
        raise _Regelfout(_("'tot' ligt voor 'van'"))
    if regel["bedrag"]:
        try:
            regel["bedrag"] = str(lees_bedrag(regel["bedrag"]))
        except ValueError:
            raise _Regelfout(_("bedrag is geen bedrag in euro's en centen")) from None
    return regel


def controleer(
    *, soort: str, koppen: list[str], rijen: list[list[str]]
) -> tuple[list[dict[str, str]], list[str]]:
    """The checked rows and the errors (line numbers as in the file, the header is line 1)."""
    ontbrekend = [k for k in KOLOMMEN[soort] if k not in koppen]
    if ontbrekend:
        return [], [
            _("Kolommen ontbreken op de eerste regel: %(kolommen)s.")
            % {"kolommen": ", ".join(ontbrekend)}
        ]
    nummers = dict(Loonheffingennummer.objects.values_list("nummer", "werkgever_id"))
    lees_regel = _status if soort == Importsoort.STATUS else _document
    regels: list[dict[str, str]] = []
    fouten: list[str] = []
    sleutels: set[tuple[str, ...]] = set()
    for regelnummer, rij in enumerate(rijen, start=2):
        waarden = {k: rij[koppen.index(k)] for k in KOLOMMEN[soort]}
        try:
            regel = lees_regel(waarden, nummers)
            sleutel = (
                (regel["loonheffingennummer"], regel["risico"], regel["ingangsdatum"])
                if soort == Importsoort.STATUS
                else (regel["loonheffingennummer"], regel["soort"], regel["kenmerk"])
            )
            if sleutel in sleutels:
                raise _Regelfout(_("staat al eerder in het bestand"))
            sleutels.add(sleutel)
        except _Regelfout as fout:
            fouten.append(_("Regel %(regel)d: %(fout)s.") % {"regel": regelnummer, "fout": fout})
        else:
            regels.append(regel)
    return regels, fouten


@transaction.atomic
def lees_in(*, door: Portaalactor, soort: str, bestandsnaam: str, inhoud: bytes) -> Erdimport:
    """Proefdraai: read and check the file; nothing of a werkgever changes."""
    if soort not in Importsoort.values:
        raise ValidationError({"soort": _("Kies wat het bestand bevat.")})
    koppen, rijen = lees_tabel(bestandsnaam, inhoud, max_rijen=MAX_REGELS)
    regels, fouten = controleer(soort=soort, koppen=koppen, rijen=rijen)
    fouten = afgekapt(fouten, MAX_FOUTEN)
    erdimport = Erdimport.objects.create(
        soort=soort,
        bestandsnaam=bestandsnaam[:200],
        regels=[] if fouten else regels,
        fouten=fouten,
        aangemaakt_door=beheeraccount(door),
    )
    audit.registreer(
        door=door,
        actie=Actie.AANMAKEN,
        onderwerp=erdimport,
        omschrijving=f"Eigenrisicodragers proefdraai ({soort}): {len(regels)} regels, "
        f"{len(fouten)} fouten",
    )
    return erdimport


def _leg_statussen_vast(
    regels: list[dict[str, str]], nummers: dict[str, Loonheffingennummer]
) -> None:
    for regel in regels:
        Erdstatus.objects.update_or_create(
            loonheffingennummer=nummers[regel["loonheffingennummer"]],
            risico=regel["risico"],
            ingangsdatum=date.fromisoformat(regel["ingangsdatum"]),
            defaults={
                "einddatum": date.fromisoformat(regel["einddatum"]) if regel["einddatum"] else None
            },
        )


def _leg_documenten_vast(
    regels: list[dict[str, str]], nummers: dict[str, Loonheffingennummer]
) -> None:
    al_geladen = set(
        Erddocument.objects.filter(kenmerk__in={r["kenmerk"] for r in regels}).values_list(
            "loonheffingennummer__nummer", "soort", "kenmerk"
        )
    )
    bestaand = [
        r["kenmerk"]
        for r in regels
        if (r["loonheffingennummer"], r["soort"], r["kenmerk"]) in al_geladen
    ]
    if bestaand:
        raise ValidationError(
            _("Deze documenten zijn al geladen: %(kenmerken)s. Een document wijzigt niet.")
            % {"kenmerken": ", ".join(bestaand[:10])}
        )
    Erddocument.objects.bulk_create(
        Erddocument(
            loonheffingennummer=nummers[r["loonheffingennummer"]],
            soort=r["soort"],
            kenmerk=r["kenmerk"],
            documentdatum=date.fromisoformat(r["documentdatum"]),
            regeling=r["regeling"],
            bsn=r["bsn"],
            naam=r["naam"],
            van=date.fromisoformat(r["van"]) if r["van"] else None,
            tot=date.fromisoformat(r["tot"]) if r["tot"] else None,
            bedrag=Decimal(r["bedrag"]) if r["bedrag"] else None,
            toelichting=r["toelichting"],
        )
        for r in regels
    )


@transaction.atomic
def leg_vast(*, door: Portaalactor, erdimport: Erdimport) -> Erdimport:
    """Write the rows of a proefdraai without errors, all or nothing."""
    erdimport = Erdimport.objects.select_for_update().get(pk=erdimport.pk)
    if erdimport.status != Importstatus.PROEF:
        raise ValidationError(_("Deze import is al vastgelegd."))
    if erdimport.fouten:
        raise ValidationError(
            _("Het bestand heeft fouten. Verbeter ze en laad het bestand opnieuw in.")
        )
    nummers = {
        n.nummer: n
        for n in Loonheffingennummer.objects.filter(
            nummer__in={r["loonheffingennummer"] for r in erdimport.regels}
        )
    }
    if erdimport.soort == Importsoort.STATUS:
        _leg_statussen_vast(erdimport.regels, nummers)
    else:
        _leg_documenten_vast(erdimport.regels, nummers)
    erdimport.status = Importstatus.VASTGELEGD
    erdimport.vastgelegd_op = timezone.now()
    erdimport.save(update_fields=["status", "vastgelegd_op"])
    markeer_gegevens_gewijzigd(werkgever_ids={n.werkgever_id for n in nummers.values()})
    audit.registreer(
        door=door,
        actie=Actie.WIJZIGEN,
        onderwerp=erdimport,
        omschrijving=f"Eigenrisicodragers vastgelegd ({erdimport.soort}): "
        f"{len(erdimport.regels)} regels",
    )
    return erdimport
