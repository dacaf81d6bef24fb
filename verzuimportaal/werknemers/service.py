"""Writes for werknemers: aanmelden and wijzigen (keyword-only, one transaction)."""

from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.werkgevers.models import Loonheffingennummer
from verzuimportaal.werkgevers.service import markeer_gegevens_gewijzigd

from .models import Werknemer

VOLTIJD_UREN = Decimal("40")
BEWERKBARE_VELDEN = (
    "loonheffingennummer",
    "personeelsnummer",
    "voorletters",
    "voornaam",
    "tussenvoegsel",
    "achternaam",
    "geboortedatum",
    "datum_in_dienst",
    "datum_uit_dienst",
    "contracturen_per_week",
    "deeltijdfactor",
    "functie",
    "telefoonnummer",
    "email",
)


# Plausible dates (issue: birth date 0001-01-01, in service from 2100): nobody employed is older
# than this or younger than the youngest working age (13, light work); start at most a year ahead.
OUDSTE_LEEFTIJD = 100
JONGSTE_LEEFTIJD = 13
IN_DIENST_VOORUIT_DAGEN = 365


def _jaren_terug(datum: date, jaren: int) -> date:
    try:
        return datum.replace(year=datum.year - jaren)
    except ValueError:  # 29 February in a year without it
        return datum.replace(year=datum.year - jaren, day=28)


def bereken_deeltijdfactor(contracturen_per_week: Decimal) -> Decimal:
    return (contracturen_per_week / VOLTIJD_UREN).quantize(Decimal("0.001"))


def _controleer(door: Actor, lhnr: Loonheffingennummer) -> None:
    if lhnr.werkgever_id != door.werkgever.pk or not lhnr.actief:
        raise PermissionDenied(gettext("Dit loonheffingennummer hoort niet bij uw werkgever."))


def vergrendel_voor(*, door: Actor, werknemer_id: int) -> Werknemer:
    """Lock the werknemer (with its loonheffingennummer) for a write of ``door``'s werkgever;
    another werkgever's werknemer is refused. Part of the caller's write boundary."""
    vergrendeld = (
        Werknemer.objects.select_for_update()
        .select_related("loonheffingennummer")
        .get(pk=werknemer_id)
    )
    if vergrendeld.loonheffingennummer.werkgever_id != door.werkgever.pk:
        raise PermissionDenied(
            gettext("Deze werknemer hoort niet bij de werkgever waarvoor u werkt.")
        )
    return vergrendeld


def datumfouten(
    *, geboortedatum: date, datum_in_dienst: date, vandaag: date | None = None
) -> dict[str, str]:
    """Plausible dates (also used by the bulk import): per field the Dutch message."""
    fouten: dict[str, str] = {}
    vandaag = vandaag or timezone.localdate()
    if geboortedatum >= datum_in_dienst:
        fouten["geboortedatum"] = "De geboortedatum moet vóór de datum in dienst liggen."
    elif geboortedatum < _jaren_terug(vandaag, OUDSTE_LEEFTIJD):
        fouten["geboortedatum"] = (
            f"De geboortedatum ({geboortedatum:%d-%m-%Y}) ligt meer dan {OUDSTE_LEEFTIJD} jaar "
            "geleden. Controleer de datum (dag-maand-jaar)."
        )
    elif geboortedatum > _jaren_terug(datum_in_dienst, JONGSTE_LEEFTIJD):
        fouten["geboortedatum"] = (
            f"De werknemer is op de datum in dienst jonger dan {JONGSTE_LEEFTIJD} jaar. "
            "Controleer de geboortedatum en de datum in dienst."
        )
    if datum_in_dienst > vandaag + timedelta(days=IN_DIENST_VOORUIT_DAGEN):
        fouten["datum_in_dienst"] = (
            f"De datum in dienst ({datum_in_dienst:%d-%m-%Y}) ligt meer dan een jaar in de "
            "toekomst. Controleer de datum, of meld de werknemer later aan."
        )
    return fouten


def _valideer_gegevens(
    *,
    werknemer_pk: int | None,
    loonheffingennummer: Loonheffingennummer,
    bsn: str,
    geboortedatum: date,
    datum_in_dienst: date,
) -> None:
    fouten = datumfouten(geboortedatum=geboortedatum, datum_in_dienst=datum_in_dienst)
    dubbel = Werknemer.objects.filter(loonheffingennummer=loonheffingennummer, bsn=bsn)
    if werknemer_pk is not None:
        dubbel = dubbel.exclude(pk=werknemer_pk)
    if dubbel.exists():
        fouten["bsn"] = (
            "Er is al een werknemer met dit BSN bij dit loonheffingennummer. "
            "Zoek de werknemer op en wijzig de gegevens daar."
        )
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def meld_werknemer_aan(
    *,
    door: Actor,
    loonheffingennummer: Loonheffingennummer,
    bsn: str,
    achternaam: str,
    geboortedatum: date,
    datum_in_dienst: date,
    contracturen_per_week: Decimal,
    deeltijdfactor: Decimal | None = None,
    voorletters: str = "",
    voornaam: str = "",
    tussenvoegsel: str = "",
    functie: str = "",
    telefoonnummer: str = "",
    email: str = "",
    personeelsnummer: str = "",
) -> Werknemer:
    _controleer(door, loonheffingennummer)
    _valideer_gegevens(
        werknemer_pk=None,
        loonheffingennummer=loonheffingennummer,
        bsn=bsn,
        geboortedatum=geboortedatum,
        datum_in_dienst=datum_in_dienst,
    )
    werknemer = Werknemer(
        loonheffingennummer=loonheffingennummer,
        bsn=bsn,
        personeelsnummer=personeelsnummer,
        voorletters=voorletters,
        voornaam=voornaam,
        tussenvoegsel=tussenvoegsel,
        achternaam=achternaam,
        geboortedatum=geboortedatum,
        datum_in_dienst=datum_in_dienst,
        contracturen_per_week=contracturen_per_week,
        deeltijdfactor=deeltijdfactor or bereken_deeltijdfactor(contracturen_per_week),
        functie=functie,
        telefoonnummer=telefoonnummer,
        email=email,
    )
    werknemer.full_clean()
    werknemer.save()
    audit.registreer(door=door, actie=Actie.AANMAKEN, onderwerp=werknemer)
    markeer_gegevens_gewijzigd(werkgever_ids=[loonheffingennummer.werkgever_id])
    return werknemer


def _controleer_uit_dienst(werknemer: Werknemer) -> None:
    einde = werknemer.datum_uit_dienst
    assert einde is not None
    if einde < werknemer.datum_in_dienst:
        raise ValidationError(
            {"datum_uit_dienst": "De laatste dag in dienst ligt vóór de datum in dienst."}
        )
    if werknemer.verzuimgevallen.filter(einddatum__isnull=True).exists():
        raise ValidationError(
            {
                "datum_uit_dienst": "Deze werknemer is ziek. Meld het einde van het dienstverband "
                "met 'ziek uit dienst' bij het lopende verzuim."
            }
        )
    laatste = werknemer.verzuimgevallen.order_by("-einddatum").first()
    if laatste is not None and laatste.einddatum and einde + timedelta(days=1) < laatste.einddatum:
        raise ValidationError(
            {
                "datum_uit_dienst": "De laatste dag in dienst ligt vóór het einde van een "
                f"geregistreerd verzuim ({laatste.einddatum:%d-%m-%Y})."
            }
        )


def _controleer_niet_ziek_uit_dienst(werknemer: Werknemer) -> None:
    """The end of employment reported with 'ziek uit dienst' belongs to that spell (DOMAIN §4.5).

    Moving or clearing it here would leave a spell that ended 'uit dienst' on another day than
    the employment, so the statistics (DOMAIN §6) would count days employed as not sick.
    """
    geval = (
        werknemer.verzuimgevallen.filter(einde_reden="uit_dienst").order_by("-einddatum").first()
    )
    if geval is not None:
        raise ValidationError(
            {
                "datum_uit_dienst": "Het dienstverband is beëindigd met de melding 'ziek uit "
                f"dienst' bij verzuimnummer {geval.verzuimnummer}. De laatste dag in dienst kunt "
                "u daarom hier niet wijzigen."
            }
        )


@transaction.atomic
def wijzig_werknemer(
    *, door: Actor, werknemer: Werknemer, gegevens: dict[str, object]
) -> Werknemer:
    """Change the employee's data. The BSN is fixed once registered (a new BSN is a new person).

    An end of employment during an open spell is refused here: that is 'ziek uit dienst'
    (DOMAIN §4.5), which closes the spell consistently.
    """
    onbekend = set(gegevens) - set(BEWERKBARE_VELDEN)
    if onbekend:
        raise ValueError(f"Niet te wijzigen velden: {sorted(onbekend)}")
    werknemer = Werknemer.objects.select_for_update().get(pk=werknemer.pk)
    _controleer(door, werknemer.loonheffingennummer)
    if werknemer.geanonimiseerd_op is not None:
        # DOMAIN §4.7: the retention period ended; personal data may not come back.
        raise ValidationError(
            gettext(
                "Deze werknemer is geanonimiseerd omdat de bewaartermijn voorbij is; de gegevens "
                "kunnen niet meer worden gewijzigd. Meld een werknemer die terugkomt opnieuw aan."
            )
        )
    nieuw_lhnr = gegevens.get("loonheffingennummer", werknemer.loonheffingennummer)
    assert isinstance(nieuw_lhnr, Loonheffingennummer)
    _controleer(door, nieuw_lhnr)
    if gegevens.get("deeltijdfactor") is None and "contracturen_per_week" in gegevens:
        uren = gegevens["contracturen_per_week"]
        assert isinstance(uren, Decimal)
        gegevens["deeltijdfactor"] = bereken_deeltijdfactor(uren)
    gewijzigd = [veld for veld, waarde in gegevens.items() if getattr(werknemer, veld) != waarde]
    for veld in gewijzigd:
        setattr(werknemer, veld, gegevens[veld])
    _valideer_gegevens(
        werknemer_pk=werknemer.pk,
        loonheffingennummer=werknemer.loonheffingennummer,
        bsn=werknemer.bsn,
        geboortedatum=werknemer.geboortedatum,
        datum_in_dienst=werknemer.datum_in_dienst,
    )
    eerste = werknemer.verzuimgevallen.order_by("eerste_ziektedag").first()
    if eerste is not None and werknemer.datum_in_dienst > eerste.eerste_ziektedag:
        raise ValidationError(
            {
                "datum_in_dienst": "De datum in dienst kan niet na de eerste ziektedag van een "
                f"geregistreerd verzuim ({eerste.eerste_ziektedag:%d-%m-%Y}) liggen."
            }
        )
    uit_dienst = werknemer.datum_uit_dienst
    if (
        "datum_uit_dienst" not in gewijzigd
        and uit_dienst
        and werknemer.datum_in_dienst > uit_dienst
    ):
        raise ValidationError(
            {
                "datum_in_dienst": "De datum in dienst ligt na de laatste dag in dienst "
                f"({uit_dienst:%d-%m-%Y}). Controleer beide datums."
            }
        )
    if "datum_uit_dienst" in gewijzigd:
        _controleer_niet_ziek_uit_dienst(werknemer)
    if "datum_uit_dienst" in gewijzigd and werknemer.datum_uit_dienst is not None:
        _controleer_uit_dienst(werknemer)
    audit.registreer(
        door=door,
        actie=Actie.WIJZIGEN,
        onderwerp=werknemer,
        # Field names only: the values are personal data and stay out of the log.
        omschrijving=f"gewijzigd: {', '.join(gewijzigd)}" if gewijzigd else "geen wijzigingen",
    )
    if gewijzigd:
        werknemer.full_clean()
        werknemer.save(update_fields=[*gewijzigd, "gewijzigd_op"])
        markeer_gegevens_gewijzigd(werkgever_ids=[werknemer.loonheffingennummer.werkgever_id])
    return werknemer
