"""Bulk import of werknemers from a payroll export: read, map columns, dry run, commit.

The dry run applies the rules of ``werknemers.service`` (BSN 11-check, plausible dates, one BSN per
loonheffingennummer, no end of employment during sickness) to every row and says per row what
happens: ``aanmaken``, ``wijzigen``, ``uit_dienst``, ``ongewijzigd`` or ``weigeren`` with the
reason. The commit runs in a Celery task in one transaction: all rows or none. Upsert key: BSN +
loonheffingennummer. Writes in bulk (one INSERT and one UPDATE per batch), so 10 000 rows take
seconds (bench/imports.py).
"""

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.lonen import service as lonen
from verzuimportaal.toegang.actor import Actor, Route
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.utils.elfproef import is_bsn
from verzuimportaal.utils.taken import na_commit
from verzuimportaal.verzuim.models import Verzuimgeval
from verzuimportaal.werkgevers.models import Loonheffingennummer
from verzuimportaal.werkgevers.service import markeer_gegevens_gewijzigd
from verzuimportaal.werknemers.models import Werknemer
from verzuimportaal.werknemers.service import bereken_deeltijdfactor, datumfouten

from . import lezen
from .models import Status, Werknemerimport

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class Veld:
    naam: str
    label: "StrOrPromise"
    verplicht: bool
    namen: tuple[str, ...]  # column names recognised automatically (lower case)


VELDEN: tuple[Veld, ...] = (
    Veld(
        "loonheffingennummer",
        gettext_lazy("Loonheffingennummer"),
        True,
        ("loonheffingennummer", "lhnr"),
    ),
    Veld("bsn", gettext_lazy("BSN"), True, ("bsn", "burgerservicenummer", "sofinummer")),
    Veld("voorletters", gettext_lazy("Voorletters"), False, ("voorletters", "initialen")),
    Veld("voornaam", gettext_lazy("Voornaam"), False, ("voornaam", "roepnaam")),
    Veld(
        "tussenvoegsel", gettext_lazy("Tussenvoegsel"), False, ("tussenvoegsel", "tussenvoegsels")
    ),
    Veld("achternaam", gettext_lazy("Achternaam"), True, ("achternaam", "geslachtsnaam", "naam")),
    Veld("geboortedatum", gettext_lazy("Geboortedatum"), True, ("geboortedatum",)),
    Veld(
        "datum_in_dienst",
        gettext_lazy("Datum in dienst"),
        True,
        ("datum in dienst", "datum_in_dienst"),
    ),
    Veld(
        "datum_uit_dienst",
        gettext_lazy("Laatste dag in dienst"),
        False,
        ("datum uit dienst", "datum_uit_dienst", "laatste dag in dienst"),
    ),
    Veld(
        "contracturen_per_week",
        gettext_lazy("Contracturen per week"),
        True,
        ("contracturen per week", "contracturen_per_week", "uren per week", "uren"),
    ),
    Veld(
        "deeltijdfactor",
        gettext_lazy("Deeltijdfactor"),
        False,
        ("deeltijdfactor", "parttimefactor"),
    ),
    Veld("functie", gettext_lazy("Functie"), False, ("functie",)),
    # The wage (DOMAIN §7.3): with these columns the import also does the January update
    # (ADR 0042): without "loon per" the wage applies from 1 January of the open update.
    Veld(
        "bruto_jaarloon",
        gettext_lazy("Bruto jaarloon"),
        False,
        ("bruto jaarloon", "bruto_jaarloon", "jaarloon"),
    ),
    Veld(
        "vakantiegeld_percentage",
        gettext_lazy("Vakantiegeld %"),
        False,
        ("vakantiegeld", "vakantiegeld %", "vakantiegeld percentage", "vakantiegeld_percentage"),
    ),
    Veld(
        "vaste_onderdelen",
        gettext_lazy("Vaste looncomponenten per jaar"),
        False,
        ("vaste onderdelen", "vaste_onderdelen", "vaste looncomponenten"),
    ),
    Veld(
        "loon_per",
        gettext_lazy("Loon per (ingangsdatum)"),
        False,
        ("loon per", "loon_per", "ingangsdatum loon"),
    ),
)
LOONVELDEN = ("bruto_jaarloon", "vakantiegeld_percentage", "vaste_onderdelen", "loon_per")
VELDNAMEN = [v.naam for v in VELDEN if v.naam not in LOONVELDEN]
VERGELEKEN = [v for v in VELDNAMEN if v not in ("loonheffingennummer", "bsn")]
BATCH = 1000


def voortgangsleutel(imp: Werknemerimport) -> str:
    return f"imports:{imp.uuid}:voortgang"


def automatische_koppeling(koppen: list[str]) -> dict[str, int]:
    genormaliseerd = [k.strip().lower().replace("-", " ") for k in koppen]
    koppeling: dict[str, int] = {}
    for veld in VELDEN:
        for i, kop in enumerate(genormaliseerd):
            if kop in veld.namen or kop.replace("_", " ") in veld.namen:
                koppeling[veld.naam] = i
                break
    return koppeling


@transaction.atomic
def lees_in(*, door: Actor, bestandsnaam: str, inhoud: bytes) -> Werknemerimport:
    koppen, rijen = lezen.lees(bestandsnaam, inhoud, max_rijen=settings.IMPORT_MAX_RIJEN)
    return Werknemerimport.objects.create(
        werkgever=door.werkgever,
        bestandsnaam=bestandsnaam[:200],
        koppen=koppen,
        rijen=rijen,
        koppeling=automatische_koppeling(koppen),
        aangemaakt_door_naam=door.weergavenaam[:200],
        aangemaakt_door=door.gebruiker if door.gebruiker and door.gebruiker.pk else None,
        route=door.route,
    )


# --- the dry run -------------------------------------------------------------------------------


_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NL = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")


def _datum(tekst: str) -> date:
    """``JJJJ-MM-DD`` or ``DD-MM-JJJJ`` (also with / or .); ``ValueError`` otherwise."""
    if m := _ISO.match(tekst):
        return date(int(m[1]), int(m[2]), int(m[3]))
    if m := _NL.match(tekst):
        return date(int(m[3]), int(m[2]), int(m[1]))
    raise ValueError(tekst)


def _getal(tekst: str) -> Decimal:
    waarde = Decimal(tekst.replace(",", "."))
    if not waarde.is_finite():
        raise InvalidOperation(tekst)
    return waarde


def _waarden(rij: list[str], koppeling: dict[str, int]) -> dict[str, str]:
    return {v: (rij[i] if i < len(rij) else "").strip() for v, i in koppeling.items()}


def _lees_loon(ruw: dict[str, str], loon_per: date, fouten: list[str]) -> dict[str, Any] | None:
    """The wage of a row (DOMAIN §7.3), or ``None`` without a bruto jaarloon."""
    tekst = ruw.get("bruto_jaarloon", "")
    if not tekst:
        if any(ruw.get(v) for v in LOONVELDEN):
            fouten.append(_("bruto jaarloon ontbreekt bij de andere loongegevens"))
        return None
    loon: dict[str, Any] = {"vakantiegeld_percentage": Decimal(8), "vaste_onderdelen": Decimal(0)}
    for naam, label, hoogste in (
        ("bruto_jaarloon", _("bruto jaarloon"), Decimal(10_000_000)),
        ("vakantiegeld_percentage", _("vakantiegeld %"), Decimal(100)),
        ("vaste_onderdelen", _("vaste looncomponenten"), Decimal(10_000_000)),
    ):
        waarde = ruw.get(naam, "")
        if not waarde:
            continue
        try:
            getal = _getal(waarde)
        except InvalidOperation:
            fouten.append(
                _("%(veld)s '%(tekst)s' is geen bedrag") % {"veld": label, "tekst": waarde[:20]}
            )
            continue
        if not Decimal(0) <= getal <= hoogste or getal != getal.quantize(Decimal("0.01")):
            fouten.append(
                _("%(veld)s moet tussen 0 en %(hoogste)s liggen, in centen")
                % {"veld": label, "hoogste": hoogste}
            )
        loon[naam] = getal
    per = ruw.get("loon_per", "")
    try:
        loon["ingangsdatum"] = _datum(per) if per else loon_per
    except ValueError:
        fouten.append(
            _("%(veld)s '%(tekst)s' is geen datum (dag-maand-jaar)")
            % {"veld": _("loon per"), "tekst": per[:20]}
        )
    return loon


def _lees_rij(
    ruw: dict[str, str],
    nummers: dict[str, Loonheffingennummer],
    vandaag: date,
    loon_per: date | None = None,
) -> dict[str, Any]:
    """Typed values of one row, or ``ValidationError`` with every problem of the row."""
    fouten: list[str] = []
    gegevens: dict[str, Any] = {}
    for veld in VELDEN:
        if veld.verplicht and not ruw.get(veld.naam):
            fouten.append(_("%(veld)s ontbreekt") % {"veld": veld.label})
    lhnr = ruw.get("loonheffingennummer", "").upper().replace(" ", "")
    if lhnr and lhnr not in nummers:
        fouten.append(
            _("loonheffingennummer %(nummer)s is niet (actief) van deze werkgever")
            % {"nummer": lhnr}
        )
    gegevens["loonheffingennummer"] = nummers.get(lhnr)
    bsn = ruw.get("bsn", "").replace(" ", "").replace(".", "")
    if bsn and len(bsn) == 8 and bsn.isdigit():
        bsn = "0" + bsn  # spreadsheets drop the leading zero
    if bsn and not is_bsn(bsn):
        fouten.append(_("BSN voldoet niet aan de elfproef"))
    gegevens["bsn"] = bsn
    for naam in ("voorletters", "voornaam", "tussenvoegsel", "achternaam", "functie"):
        gegevens[naam] = ruw.get(naam, "")[:200]
    for naam, label in (
        ("geboortedatum", _("geboortedatum")),
        ("datum_in_dienst", _("datum in dienst")),
        ("datum_uit_dienst", _("laatste dag in dienst")),
    ):
        tekst = ruw.get(naam, "")
        try:
            gegevens[naam] = _datum(tekst) if tekst else None
        except ValueError:
            fouten.append(
                _("%(veld)s '%(tekst)s' is geen datum (dag-maand-jaar)")
                % {"veld": label, "tekst": tekst[:20]}
            )
    for naam, label, laagste, hoogste in (
        ("contracturen_per_week", _("contracturen"), Decimal("0.01"), Decimal("60")),
        ("deeltijdfactor", _("deeltijdfactor"), Decimal("0.001"), Decimal("1.5")),
    ):
        tekst = ruw.get(naam, "")
        if not tekst:
            gegevens[naam] = None
            continue
        try:
            waarde = _getal(tekst)
        except InvalidOperation:
            fouten.append(
                _("%(veld)s '%(tekst)s' is geen getal") % {"veld": label, "tekst": tekst[:20]}
            )
            continue
        if not laagste <= waarde <= hoogste:
            fouten.append(
                _("%(veld)s moet tussen %(laagste)s en %(hoogste)s liggen")
                % {"veld": label, "laagste": laagste, "hoogste": hoogste}
            )
        gegevens[naam] = waarde.quantize(
            Decimal("0.01") if naam == "contracturen_per_week" else Decimal("0.001")
        )
    if gegevens.get("contracturen_per_week") and not gegevens.get("deeltijdfactor"):
        gegevens["deeltijdfactor"] = bereken_deeltijdfactor(gegevens["contracturen_per_week"])
    if gegevens.get("geboortedatum") and gegevens.get("datum_in_dienst"):
        fouten.extend(
            datumfouten(
                geboortedatum=gegevens["geboortedatum"],
                datum_in_dienst=gegevens["datum_in_dienst"],
                vandaag=vandaag,
            ).values()
        )
    uit = gegevens.get("datum_uit_dienst")
    if uit and gegevens.get("datum_in_dienst") and uit < gegevens["datum_in_dienst"]:
        fouten.append("de laatste dag in dienst ligt vóór de datum in dienst")
    gegevens["loon"] = _lees_loon(ruw, loon_per or vandaag, fouten)
    if fouten:
        raise ValidationError(fouten)
    return gegevens


@dataclass
class Uitkomst:
    regel: int  # line in the file (the header is line 1)
    actie: str  # aanmaken / wijzigen / uit_dienst / ongewijzigd / weigeren
    reden: str = ""
    gegevens: dict[str, Any] | None = None
    werknemer_id: int | None = None
    velden: tuple[str, ...] = ()

    @property
    def loon(self) -> dict[str, Any] | None:
        return (self.gegevens or {}).get("loon")


def proefdraai(*, door: Actor, rijen: list[list[str]], koppeling: dict[str, int]) -> list[Uitkomst]:
    """What the commit would do with each row (nothing is written)."""
    nummers = {
        n.nummer: n
        for n in Loonheffingennummer.objects.filter(werkgever=door.werkgever, actief=True)
    }
    if door.loonheffingennummer_ids is not None:
        nummers = {k: n for k, n in nummers.items() if n.pk in door.loonheffingennummer_ids}
    gelezen: list[tuple[int, dict[str, Any] | None, str]] = []
    vandaag = timezone.localdate()
    loon_per = lonen.januari_peildatum(werkgever=door.werkgever) or vandaag
    for i, rij in enumerate(rijen, start=2):
        try:
            gelezen.append((i, _lees_rij(_waarden(rij, koppeling), nummers, vandaag, loon_per), ""))
        except ValidationError as ongeldig:
            gelezen.append((i, None, "; ".join(ongeldig.messages)))
    sleutels = Counter(
        (g["loonheffingennummer"].pk, g["bsn"]) for _, g, _ in gelezen if g is not None
    )
    bsns = {g["bsn"] for _, g, _ in gelezen if g is not None}
    bestaand = {
        (w.loonheffingennummer_id, w.bsn): w
        for w in Werknemer.objects.filter(
            loonheffingennummer__in=list(nummers.values()), bsn__in=bsns
        ).annotate(eerste_ziektedag=Min("verzuimgevallen__eerste_ziektedag"))
    }
    ziek = set(
        Verzuimgeval.objects.filter(
            werknemer__in=[w.pk for w in bestaand.values()], einddatum__isnull=True
        ).values_list("werknemer_id", flat=True)
    )
    uitkomsten: list[Uitkomst] = []
    for regel, gegevens, reden in gelezen:
        if gegevens is None:
            uitkomsten.append(Uitkomst(regel, "weigeren", reden))
            continue
        sleutel = (gegevens["loonheffingennummer"].pk, gegevens["bsn"])
        if sleutels[sleutel] > 1:
            uitkomsten.append(
                Uitkomst(regel, "weigeren", _("dit BSN staat vaker in het bestand bij dit nummer"))
            )
            continue
        werknemer = bestaand.get(sleutel)
        if werknemer is None:
            uitkomsten.append(Uitkomst(regel, "aanmaken", gegevens=gegevens))
            continue
        uitkomsten.append(_wijziging(regel, werknemer, gegevens, werknemer.pk in ziek))
    return uitkomsten


def _wijziging(regel: int, werknemer: Any, gegevens: dict[str, Any], ziek: bool) -> Uitkomst:
    if werknemer.geanonimiseerd_op is not None:
        return Uitkomst(regel, "weigeren", _("deze werknemer is geanonimiseerd (bewaartermijn)"))
    gewijzigd = tuple(
        v
        for v in VERGELEKEN
        if gegevens.get(v) is not None and gegevens[v] != getattr(werknemer, v)
    )
    # An empty optional cell means "no change", not "clear" (payroll exports leave gaps).
    if not gewijzigd:
        return Uitkomst(regel, "ongewijzigd", gegevens=gegevens, werknemer_id=werknemer.pk)
    eerste = werknemer.eerste_ziektedag
    if "datum_in_dienst" in gewijzigd and eerste and gegevens["datum_in_dienst"] > eerste:
        return Uitkomst(
            regel,
            "weigeren",
            _("datum in dienst na de eerste ziektedag (%(datum)s)")
            % {"datum": f"{eerste:%d-%m-%Y}"},
        )
    actie = "wijzigen"
    if "datum_uit_dienst" in gewijzigd:
        if ziek:
            return Uitkomst(
                regel,
                "weigeren",
                # DOMAIN §4.5
                _("de werknemer is ziek: meld ziek uit dienst bij het verzuim"),
            )
        actie = "uit_dienst"
    return Uitkomst(regel, actie, gegevens=gegevens, werknemer_id=werknemer.pk, velden=gewijzigd)


def _loon_per(loon: dict[str, Any]) -> str:
    return _("loon per %(datum)s") % {"datum": f"{loon['ingangsdatum']:%d-%m-%Y}"}


def _samenvatting(uitkomsten: list[Uitkomst]) -> list[dict[str, Any]]:
    return [
        {
            "regel": u.regel,
            "actie": u.actie,
            "reden": u.reden,
            "velden": [
                *u.velden,
                *([f"loon per {u.loon['ingangsdatum']:%d-%m-%Y}"] if u.loon else []),
            ],
        }
        for u in uitkomsten
    ]


@transaction.atomic
def controleer(*, door: Actor, imp: Werknemerimport, koppeling: dict[str, int]) -> Werknemerimport:
    """Store the column mapping and the dry run."""
    imp = Werknemerimport.objects.select_for_update().get(pk=imp.pk, werkgever=door.werkgever)
    if imp.status not in (Status.GELEZEN, Status.GECONTROLEERD):
        raise ValidationError(_("Deze import is al verwerkt. Begin een nieuwe import."))
    ontbrekend = [str(v.label) for v in VELDEN if v.verplicht and v.naam not in koppeling]
    if ontbrekend:
        raise ValidationError(
            _("Kies een kolom voor: %(ontbrekend)s.") % {"ontbrekend": ", ".join(ontbrekend)}
        )
    uitkomsten = proefdraai(door=door, rijen=imp.rijen, koppeling=koppeling)
    imp.koppeling = koppeling
    imp.uitkomsten = _samenvatting(uitkomsten)
    imp.aantallen = dict(Counter(u.actie for u in uitkomsten))
    imp.status = Status.GECONTROLEERD
    imp.save(update_fields=["koppeling", "uitkomsten", "aantallen", "status"])
    return imp


@transaction.atomic
def start(*, door: Actor, imp: Werknemerimport) -> Werknemerimport:
    """Queue the commit (after the dry run). A file with refused rows is not processed at all."""
    imp = Werknemerimport.objects.select_for_update().get(pk=imp.pk, werkgever=door.werkgever)
    if imp.status != Status.GECONTROLEERD:
        raise ValidationError(_("Controleer het bestand eerst (proefdraai)."))
    if imp.aantallen.get("weigeren"):
        raise ValidationError(
            _(
                "Het bestand heeft regels die worden geweigerd. Verbeter die regels en lees het "
                "bestand opnieuw in: een import gaat helemaal of helemaal niet door."
            )
        )
    imp.status = Status.BEZIG
    imp.starter = {
        "ip": door.ip,
        "user_agent": door.user_agent,
        "pseudoniem": door.pseudoniem,
        "intermediair_kvk_nummer": door.intermediair_kvk_nummer,
        "api_client": door.api_client,
        "loonheffingennummer_ids": (
            None if door.loonheffingennummer_ids is None else sorted(door.loonheffingennummer_ids)
        ),
    }
    imp.save(update_fields=["status", "starter"])
    cache.set(voortgangsleutel(imp), 0, timeout=3600)
    na_commit(
        "verzuimportaal.imports.tasks.voer_uit_task", str(imp.uuid), omschrijving="werknemerimport"
    )
    return imp


# --- the commit --------------------------------------------------------------------------------


def _actor(imp: Werknemerimport) -> Actor:
    """The starter as actor for the writes and the audit row (rights were checked at start),
    with the same limits (loonheffingennummers) and the request's address and browser."""
    starter = imp.starter or {}
    nummers = starter.get("loonheffingennummer_ids")
    return Actor(
        werkgever=imp.werkgever,
        rechten=frozenset({Dienst.WERKNEMERSGEGEVENS}),
        route=imp.route or Route.LOKAAL,
        gebruiker=imp.aangemaakt_door,
        weergavenaam=imp.aangemaakt_door_naam,
        pseudoniem=starter.get("pseudoniem"),
        intermediair_kvk_nummer=starter.get("intermediair_kvk_nummer"),
        loonheffingennummer_ids=None if nummers is None else frozenset(nummers),
        ip=starter.get("ip"),
        user_agent=starter.get("user_agent") or "",
        api_client=starter.get("api_client"),
    )


def _nieuw(gegevens: dict[str, Any], nu: datetime) -> Werknemer:
    return Werknemer(
        **{v: gegevens[v] for v in VELDNAMEN if gegevens.get(v) is not None},
        aangemaakt_op=nu,
        gewijzigd_op=nu,
    )


def _voeg_toe(nieuw: list[dict[str, Any]], nu: datetime, voortgang: Callable[[int], None]) -> None:
    """Insert the new werknemers in batches of ``BATCH``, calling ``voortgang`` after each.

    On PostgreSQL with ``COPY`` (ADR 0038): the same columns and defaults as ``_nieuw`` +
    ``bulk_create``, without building a model instance and an INSERT statement per row; the
    database checks the same constraints, inside the caller's transaction. Elsewhere
    ``bulk_create``.
    """
    if connection.vendor != "postgresql":
        for begin in range(0, len(nieuw), BATCH):
            Werknemer.objects.bulk_create([_nieuw(g, nu) for g in nieuw[begin : begin + BATCH]])
            voortgang(len(nieuw[begin : begin + BATCH]))
        return
    velden = [f for f in Werknemer._meta.concrete_fields if not f.primary_key]
    vast: dict[str, Any] = {"aangemaakt_op": nu, "gewijzigd_op": nu}
    berekend = {f.attname: f.default for f in velden if f.has_default() and callable(f.default)}
    standaard = {f.attname: f.get_default() for f in velden if f.attname not in berekend}
    namen = [f.attname for f in velden]
    sql = "COPY {} ({}) FROM STDIN".format(
        connection.ops.quote_name(Werknemer._meta.db_table),
        ", ".join(connection.ops.quote_name(str(f.column)) for f in velden),
    )
    with connection.cursor() as cursor, connection.wrap_database_errors:
        for begin in range(0, len(nieuw), BATCH):
            batch = nieuw[begin : begin + BATCH]
            with cursor.cursor.copy(sql) as copy:
                for gegevens in batch:
                    rij = {**standaard, **{n: maak() for n, maak in berekend.items()}, **vast}
                    for v in VELDNAMEN:
                        waarde = gegevens.get(v)
                        if waarde is not None:
                            rij[v] = waarde
                    rij["loonheffingennummer_id"] = gegevens["loonheffingennummer"].pk
                    copy.write_row([rij[n] for n in namen])
            voortgang(len(batch))


def voer_uit(*, import_uuid: str) -> Werknemerimport | None:
    """The commit: every row or none. Rows are checked again inside the transaction (data may have
    changed since the dry run); one refusal rolls everything back."""
    try:
        with transaction.atomic():
            imp = (
                Werknemerimport.objects.select_for_update(of=("self",))
                .select_related("werkgever", "aangemaakt_door")
                .filter(uuid=import_uuid, status=Status.BEZIG)
                .first()
            )
            if imp is None:
                return None
            _schrijf(imp)
            return imp
    except (ValidationError, IntegrityError) as mislukt:
        tekst = (
            "; ".join(mislukt.messages) if isinstance(mislukt, ValidationError) else str(mislukt)
        )
        Werknemerimport.objects.filter(uuid=import_uuid).update(
            status=Status.MISLUKT, fout=tekst[:500], verwerkt_op=timezone.now()
        )
        return Werknemerimport.objects.get(uuid=import_uuid)


def _schrijf(imp: Werknemerimport) -> None:
    actor = _actor(imp)
    nummers = Loonheffingennummer.objects.filter(werkgever=imp.werkgever)
    # Lock the werkgever's werknemers that the file touches before checking them again.
    list(
        Werknemer.objects.select_for_update()
        .filter(loonheffingennummer__in=nummers)
        .values_list("pk", flat=True)
    )
    uitkomsten = proefdraai(door=actor, rijen=imp.rijen, koppeling=imp.koppeling)
    geweigerd = [u for u in uitkomsten if u.actie == "weigeren"]
    if geweigerd:
        eerste = geweigerd[0]
        raise ValidationError(
            _(
                "%(aantal)s regel(s) geweigerd, bijvoorbeeld regel %(regel)s: %(reden)s. Er is "
                "niets verwerkt."
            )
            % {"aantal": len(geweigerd), "regel": eerste.regel, "reden": eerste.reden}
        )
    nu = timezone.now()
    sleutel = voortgangsleutel(imp)
    gedaan = 0

    def voortgang(aantal: int) -> None:
        nonlocal gedaan
        gedaan += aantal
        cache.set(sleutel, gedaan, timeout=3600)

    _voeg_toe([u.gegevens or {} for u in uitkomsten if u.actie == "aanmaken"], nu, voortgang)
    wijzigingen = [u for u in uitkomsten if u.actie in ("wijzigen", "uit_dienst")]
    velden = sorted({v for u in wijzigingen for v in u.velden})
    bestaand = Werknemer.objects.in_bulk([u.werknemer_id for u in wijzigingen])
    gewijzigd: list[Werknemer] = []
    for u in wijzigingen:
        werknemer = bestaand[u.werknemer_id]
        for veld in u.velden:
            setattr(werknemer, veld, (u.gegevens or {})[veld])
        werknemer.gewijzigd_op = nu
        gewijzigd.append(werknemer)
    for begin in range(0, len(gewijzigd), BATCH):
        Werknemer.objects.bulk_update(gewijzigd[begin : begin + BATCH], [*velden, "gewijzigd_op"])
        voortgang(len(gewijzigd[begin : begin + BATCH]))
    loonregels = _loonregels(uitkomsten, nummers)
    lonen_gewijzigd = lonen.leg_lonen_uit_import_vast(door=actor, regels=loonregels)
    markeer_gegevens_gewijzigd(werkgever_ids=[imp.werkgever_id])
    aantallen = Counter(u.actie for u in uitkomsten)
    imp.uitkomsten = _samenvatting(uitkomsten)
    imp.aantallen = dict(aantallen)
    imp.rijen = []  # the BSNs are not kept after the commit
    imp.status = Status.KLAAR
    imp.verwerkt_op = nu
    imp.save(update_fields=["uitkomsten", "aantallen", "rijen", "status", "verwerkt_op"])
    audit.registreer(
        door=actor,
        actie=Actie.AANMAKEN,
        onderwerp=imp,
        omschrijving=(
            f"import {imp.bestandsnaam[:80]}: {aantallen['aanmaken']} aangemaakt, "
            f"{aantallen['wijzigen']} gewijzigd, {aantallen['uit_dienst']} uit dienst, "
            f"{aantallen['ongewijzigd']} ongewijzigd"
            + (
                f"; {len(loonregels)} lonen bevestigd, waarvan {lonen_gewijzigd} gewijzigd"
                if loonregels
                else ""
            )
        ),
    )


def _loonregels(uitkomsten: list[Uitkomst], nummers: Any) -> list["lonen.Importloon"]:
    """The wages of the file with the werknemer they belong to (new ones looked up after the
    insert, by loonheffingennummer and BSN)."""
    met_loon = [u for u in uitkomsten if u.loon is not None]
    nieuw = {
        (w.loonheffingennummer_id, w.bsn): w.pk
        for w in Werknemer.objects.filter(
            loonheffingennummer__in=nummers,
            bsn__in=[(u.gegevens or {})["bsn"] for u in met_loon if u.werknemer_id is None],
        ).only("pk", "loonheffingennummer_id", "bsn")
    }
    regels = []
    for u in met_loon:
        gegevens = u.gegevens or {}
        werknemer_id = (
            u.werknemer_id or nieuw[(gegevens["loonheffingennummer"].pk, gegevens["bsn"])]
        )
        loon = gegevens["loon"]
        regels.append(
            lonen.Importloon(
                werknemer_id=werknemer_id,
                ingangsdatum=loon["ingangsdatum"],
                bruto_jaarloon=loon["bruto_jaarloon"],
                vakantiegeld_percentage=loon["vakantiegeld_percentage"],
                vaste_onderdelen=loon["vaste_onderdelen"],
            )
        )
    return regels
