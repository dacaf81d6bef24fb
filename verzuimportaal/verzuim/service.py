"""Writes for verzuim: ziek melden and the mutaties after it (DOMAIN §4).

Every function runs in one transaction and locks the werknemer row first, so two concurrent
meldingen for the same employee are serialised; the database constraints back this up.
Refusals raise ``ValidationError`` with a Dutch message per field; nothing is stored then.
"""

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.dossier import termijnstand
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.utils.orm import bekend_als_opgehaald
from verzuimportaal.utils.taken import na_commit
from verzuimportaal.utils.transactie import schrijfgrens
from verzuimportaal.wazo.models import Soort as WazoSoort
from verzuimportaal.wazo.models import Wazoverlof
from verzuimportaal.webhooks import service as webhooks
from verzuimportaal.webhooks.models import Gebeurtenis
from verzuimportaal.werkgevers.service import markeer_gegevens_gewijzigd
from verzuimportaal.werknemers.models import Werknemer

from . import arbodienst
from .models import (
    Correctie,
    CorrectieVeld,
    EindeReden,
    HerstelSoort,
    MutatieSoort,
    Nummerreeks,
    Vangnet,
    Verzuimgeval,
    Verzuimmutatie,
    ZelfdeOorzaak,
)


def _datum(d: date) -> str:
    return d.strftime("%d-%m-%Y")


def _controleer_werkgever(door: Actor, werknemer: Werknemer) -> None:
    if werknemer.loonheffingennummer.werkgever_id != door.werkgever.pk:
        raise PermissionDenied(
            gettext("Deze werknemer hoort niet bij de werkgever waarvoor u werkt.")
        )
    if not werknemer.loonheffingennummer.actief:
        # Seed 001: an inactive number's meldingen are not available to users.
        raise PermissionDenied(
            gettext("Het loonheffingennummer van deze werknemer is niet actief.")
        )


def _vergrendel_werknemer(werknemer: Werknemer) -> Werknemer:
    return (
        Werknemer.objects.select_for_update()
        .select_related("loonheffingennummer")
        .get(pk=werknemer.pk)
    )


def _vergrendel_geval(verzuimgeval: Verzuimgeval) -> Verzuimgeval:
    """Lock the werknemer first, then the spell (always in this order: no deadlocks)."""
    werknemer = _vergrendel_werknemer(verzuimgeval.werknemer)
    geval = Verzuimgeval.objects.select_for_update().get(pk=verzuimgeval.pk)
    geval.werknemer = werknemer
    return geval


def volgend_verzuimnummer(*, werkgever_id: int, jaar: int) -> str:
    """Next verzuimnummer of a werkgever, e.g. ``2026-00042``: per werkgever per year, gap-free.

    One counter row per werkgever and year (seeded by migration for older numbers): meldingen of
    different werkgevers never wait for each other, and no werkgever can infer another's volume
    from its numbers. One statement: the upsert creates the counter or raises it and holds its row
    lock until the caller's transaction ends (a rolled-back melding leaves no gap).
    """
    sleutel = f"verzuim-{werkgever_id}-{jaar}"
    tabel = connection.ops.quote_name(Nummerreeks._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {tabel} (sleutel, laatste) VALUES (%s, 1) "  # noqa: S608
            f"ON CONFLICT (sleutel) DO UPDATE SET laatste = {tabel}.laatste + 1 "
            "RETURNING laatste",
            [sleutel],
        )
        (laatste,) = cursor.fetchone()
    return f"{jaar}-{laatste:05d}"


def _gewijzigd(
    *, door: Actor, geval: Verzuimgeval, actie: str, omschrijving: str, vanaf: date | None = None
) -> None:
    """Every melding and correction ends in ``_registreer`` or ``_leg_correctie_vast``: one
    audit row and a new data version, in the service's transaction (ADR 0013). ``vanaf``: the
    first day the write changes (ADR 0047); a correction may move any day, so none is given."""
    audit.registreer(door=door, actie=actie, onderwerp=geval, omschrijving=omschrijving)
    markeer_gegevens_gewijzigd(
        werkgever_ids=[geval.werknemer.loonheffingennummer.werkgever_id], vanaf=vanaf
    )


# Webhooks (ADR 0023): which mutation is which event for the werkgever's subscribers.
WEBHOOKGEBEURTENIS: dict[str, str] = {
    MutatieSoort.ZIEKMELDING: Gebeurtenis.MELDING_GEREGISTREERD,
    MutatieSoort.GEDEELTELIJK_HERSTELD: Gebeurtenis.MELDING_HERSTELD,
    MutatieSoort.VOLLEDIG_HERSTELD: Gebeurtenis.MELDING_HERSTELD,
    MutatieSoort.ZIEK_UIT_DIENST: Gebeurtenis.MELDING_HERSTELD,
}


def _registreer(
    *,
    door: Actor,
    geval: Verzuimgeval,
    soort: str,
    ingangsdatum: date,
    percentage: int | None,
    omschrijving: str,
    loonwaarde: int | None = None,
    toelichting: str = "",
) -> Verzuimmutatie:
    """Store a melding; its ontvangstbevestiging is made after the commit (DOMAIN §9)."""
    actie = Actie.AANMAKEN if soort == MutatieSoort.ZIEKMELDING else Actie.WIJZIGEN
    # A melding changes the spell from its ingangsdatum on: the sick days, the end and the
    # employment end (ziek uit dienst: the day after the last day in service) all lie on or after
    # it, and nothing before it (DOMAIN §4.1, §4.3, §4.5).
    _gewijzigd(door=door, geval=geval, actie=actie, omschrijving=omschrijving, vanaf=ingangsdatum)
    mutatie = Verzuimmutatie.objects.create(
        verzuimgeval=geval,
        soort=soort,
        ingangsdatum=ingangsdatum,
        percentage_arbeidsongeschikt=percentage,
        loonwaarde_percentage=loonwaarde,
        toelichting=toelichting,
        geregistreerd_op=timezone.now(),
        geregistreerd_door=door.gebruiker,
        geregistreerd_door_naam=door.weergavenaam,
    )
    if settings.DOSSIER_ONTVANGSTBEVESTIGINGEN:
        na_commit("verzuimportaal.dossier.tasks.maak_ontvangstbevestiging", mutatie.pk)
    if (gebeurtenis := WEBHOOKGEBEURTENIS.get(soort)) is not None:
        webhooks.publiceer(
            werkgever_id=geval.werknemer.loonheffingennummer.werkgever_id,
            gebeurtenis=gebeurtenis,
            object_type="verzuimgeval",
            object_id=str(geval.uuid),
            sleutel=f"{geval.uuid}:{mutatie.pk}",
        )
    return mutatie


def _weiger_overlap(botsend_qs: QuerySet[Verzuimgeval]) -> None:
    """The refusal for a spell that is open, or that ends after the new first sick day."""
    botsend = list(botsend_qs)
    open_geval = next((g for g in botsend if g.einddatum is None), None)
    if open_geval is not None:
        raise ValidationError(
            f"Deze werknemer is al ziek gemeld sinds {_datum(open_geval.eerste_ziektedag)} "
            f"(verzuimnummer {open_geval.verzuimnummer}). Meld eerst het herstel voordat u een "
            "nieuwe ziekmelding doet.",
            code="al_ziek",
        )
    later = max(botsend, key=lambda g: (g.einddatum, g.pk))
    assert later.einddatum is not None
    raise ValidationError(
        {
            "eerste_ziektedag": "Deze datum valt in of vóór een eerder verzuim "
            f"(verzuimnummer {later.verzuimnummer}, tot {_datum(later.einddatum)}). "
            f"Een nieuwe ziekmelding kan vanaf {_datum(later.einddatum)}."
        }
    )


def _weiger_verlof(verloven: QuerySet[Wazoverlof]) -> None:
    """DOMAIN §7.1: no ziekmelding during zwangerschaps- en bevallingsverlof."""
    verlof = verloven.order_by("eerste_dag").first()
    assert verlof is not None
    raise ValidationError(
        {
            "eerste_ziektedag": "Deze datum valt in het zwangerschaps- en bevallingsverlof "
            f"({_datum(verlof.eerste_dag)} tot en met {_datum(verlof.laatste_dag)}). Tijdens "
            "het verlof meldt u geen ziekte; is de werknemer na het verlof nog ziek, meld haar "
            f"dan ziek vanaf {_datum(verlof.laatste_dag + timedelta(days=1))}."
        }
    )


@schrijfgrens
def meld_ziek(
    *,
    door: Actor,
    werknemer: Werknemer,
    eerste_ziektedag: date,
    arbeidsconflict: bool = False,
    bedrijfsongeval: bool = False,
    aansprakelijke_derde: bool = False,
    vangnet: str = Vangnet.ONBEKEND,
    verwachte_duur_dagen: int | None = None,
    bereikbaar_telefoon: str = "",
    verblijfadres: str = "",
    zelfde_oorzaak: str = ZelfdeOorzaak.ONBEKEND,
) -> Verzuimgeval:
    """Ziekmelding (DOMAIN §4.1): the first sick day may be today or in the past, never later.

    Not during zwangerschaps- en bevallingsverlof (DOMAIN §7.1: nothing is reported then).
    """
    _controleer_werkgever(door, werknemer)
    werknemer = _vergrendel_werknemer(werknemer)
    vandaag = timezone.localdate()
    if eerste_ziektedag > vandaag:
        raise ValidationError(
            {
                "eerste_ziektedag": "De eerste ziektedag mag niet in de toekomst liggen. "
                "Meld de werknemer ziek op de dag dat het verzuim begint."
            }
        )
    if eerste_ziektedag < werknemer.datum_in_dienst:
        raise ValidationError(
            {
                "eerste_ziektedag": "De eerste ziektedag ligt vóór de datum in dienst "
                f"({_datum(werknemer.datum_in_dienst)}). Controleer de datum of de "
                "werknemersgegevens."
            }
        )
    if werknemer.datum_uit_dienst and eerste_ziektedag > werknemer.datum_uit_dienst:
        raise ValidationError(
            {
                "eerste_ziektedag": "De werknemer is op die dag niet meer in dienst (laatste dag "
                f"in dienst {_datum(werknemer.datum_uit_dienst)})."
            }
        )
    # One query after the lock (a fresh snapshot: it sees a spell a concurrent melding for this
    # werknemer committed while this one waited) for every refusal below; the details for the
    # message are read only when there is one to give.
    overlap = Q(einddatum__isnull=True) | Q(einddatum__gt=eerste_ziektedag)
    in_verlof = Q(
        soort=WazoSoort.ZWANGERSCHAP,
        eerste_dag__lte=eerste_ziektedag,
        laatste_dag__gte=eerste_ziektedag,
    )
    botsingen = (
        Werknemer.objects.filter(pk=werknemer.pk)
        .annotate(
            verzuim=Exists(Verzuimgeval.objects.filter(overlap, werknemer=OuterRef("pk"))),
            verlof=Exists(Wazoverlof.objects.filter(in_verlof, werknemer=OuterRef("pk"))),
        )
        .values("verzuim", "verlof")
        .get()
    )
    if botsingen["verzuim"]:
        _weiger_overlap(werknemer.verzuimgevallen.filter(overlap))
    if botsingen["verlof"]:
        _weiger_verlof(Wazoverlof.objects.filter(in_verlof, werknemer=werknemer))
    werkgever_id = werknemer.loonheffingennummer.werkgever_id
    geval = Verzuimgeval.objects.create(
        verzuimnummer=volgend_verzuimnummer(werkgever_id=werkgever_id, jaar=eerste_ziektedag.year),
        werkgever_id=werkgever_id,
        werknemer=werknemer,
        eerste_ziektedag=eerste_ziektedag,
        arbeidsconflict=arbeidsconflict,
        bedrijfsongeval=bedrijfsongeval,
        aansprakelijke_derde=aansprakelijke_derde,
        vangnet=vangnet,
        verwachte_duur_dagen=verwachte_duur_dagen,
        bereikbaar_telefoon=bereikbaar_telefoon,
        verblijfadres=verblijfadres,
        zelfde_oorzaak=zelfde_oorzaak,
        gemeld_op=timezone.now(),
        gemeld_door=door.gebruiker,
    )
    mutatie = _registreer(
        door=door,
        geval=geval,
        soort=MutatieSoort.ZIEKMELDING,
        ingangsdatum=eerste_ziektedag,
        percentage=100,
        omschrijving="ziekmelding",
    )
    # The new spell has exactly this mutation: whoever shows it (the API's answer) reads none.
    bekend_als_opgehaald(geval, "mutaties", [mutatie])
    # Seed 004: the melding reaches the arbodienst and the casemanager directly (if any).
    if arbodienst.ontvangers(werkgever_id):
        na_commit("verzuimportaal.verzuim.tasks.meld_aan_arbodienst", geval.pk)
    termijnstand.werk_bij(werknemer_ids=[geval.werknemer_id])  # ADR 0047
    return geval


def _laatste_mutatie(geval: Verzuimgeval) -> Verzuimmutatie:
    return geval.mutaties.order_by("-ingangsdatum", "-pk").first()  # type: ignore[return-value]


def _controleer_open_en_datum(
    geval: Verzuimgeval, datum: date, veld: str, wat: str, *, laatste_dag: date | None
) -> None:
    """``laatste_dag``: the latest date allowed while the employee is in service (or None)."""
    if not geval.is_open:
        raise ValidationError(
            f"Dit verzuim (verzuimnummer {geval.verzuimnummer}) is al afgesloten.",
            code="afgesloten",
        )
    if datum > timezone.localdate():
        raise ValidationError({veld: f"De {wat} mag niet in de toekomst liggen."})
    if datum <= geval.eerste_ziektedag:
        raise ValidationError(
            {
                veld: f"De {wat} moet ná de eerste ziektedag "
                f"({_datum(geval.eerste_ziektedag)}) liggen."
            }
        )
    if laatste_dag is not None and datum > laatste_dag:
        uit_dienst = geval.werknemer.datum_uit_dienst
        assert uit_dienst is not None
        raise ValidationError(
            {
                veld: f"De werknemer is na {_datum(uit_dienst)} niet meer in dienst; de {wat} "
                f"kan niet later zijn dan {_datum(laatste_dag)}. Eindigt het dienstverband tijdens "
                "de ziekte? Meld dan 'ziek uit dienst'."
            }
        )
    laatste = _laatste_mutatie(geval)
    if datum <= laatste.ingangsdatum:
        raise ValidationError(
            {
                veld: f"De {wat} moet ná de laatste wijziging "
                f"({laatste.get_soort_display().lower()} per "
                f"{_datum(laatste.ingangsdatum)}) liggen."
            }
        )


@transaction.atomic
def meld_gedeeltelijk_hersteld(
    *,
    door: Actor,
    verzuimgeval: Verzuimgeval,
    ingangsdatum: date,
    percentage_arbeidsongeschikt: int,
    loonwaarde_percentage: int | None = None,
) -> Verzuimmutatie:
    """Partial recovery (DOMAIN §4.3): 1–99 % still unfit from a date; the spell continues."""
    _controleer_werkgever(door, verzuimgeval.werknemer)
    geval = _vergrendel_geval(verzuimgeval)
    if not 1 <= percentage_arbeidsongeschikt <= 99:
        raise ValidationError(
            {
                "percentage_arbeidsongeschikt": "Vul bij gedeeltelijk herstel een percentage van 1 "
                "tot en met 99 in. Is de werknemer volledig hersteld? Kies dan 'volledig hersteld'."
            }
        )
    if loonwaarde_percentage is not None and not 0 <= loonwaarde_percentage <= 100:
        raise ValidationError({"loonwaarde_percentage": "De loonwaarde ligt tussen 0 en 100 %."})
    _controleer_open_en_datum(
        geval,
        ingangsdatum,
        "ingangsdatum",
        "ingangsdatum",
        laatste_dag=geval.werknemer.datum_uit_dienst,  # partly unfit while still employed
    )
    huidig = _laatste_mutatie(geval).percentage_arbeidsongeschikt
    if huidig == percentage_arbeidsongeschikt:
        raise ValidationError(
            {
                "percentage_arbeidsongeschikt": "De werknemer is al "
                f"{percentage_arbeidsongeschikt} % arbeidsongeschikt; vul het nieuwe percentage in."
            }
        )
    if huidig is not None and percentage_arbeidsongeschikt > huidig:
        # Raising is no recovery: it is a separate "wijziging" (ADR 0009).
        raise ValidationError(
            {
                "percentage_arbeidsongeschikt": f"{percentage_arbeidsongeschikt} % is hoger dan "
                f"het huidige percentage ({huidig} %). Dat is geen herstel. Wordt de werknemer "
                "weer meer arbeidsongeschikt? Kies dan 'percentage wijzigen' bij het verzuim."
            }
        )
    return _registreer(
        door=door,
        geval=geval,
        soort=MutatieSoort.GEDEELTELIJK_HERSTELD,
        ingangsdatum=ingangsdatum,
        percentage=percentage_arbeidsongeschikt,
        loonwaarde=loonwaarde_percentage,
        omschrijving=f"herstelmelding: {HerstelSoort.GEDEELTELIJK.label}",
    )


@transaction.atomic
def meld_volledig_hersteld(
    *, door: Actor, verzuimgeval: Verzuimgeval, hersteldatum: date
) -> Verzuimgeval:
    """Full recovery ends the spell; hersteldatum is the first day fit (DOMAIN §4.1)."""
    _controleer_werkgever(door, verzuimgeval.werknemer)
    geval = _vergrendel_geval(verzuimgeval)
    uit_dienst = geval.werknemer.datum_uit_dienst
    _controleer_open_en_datum(
        geval,
        hersteldatum,
        "hersteldatum",
        "hersteldatum",
        laatste_dag=uit_dienst + timedelta(days=1) if uit_dienst else None,  # first day fit
    )
    _registreer(
        door=door,
        geval=geval,
        soort=MutatieSoort.VOLLEDIG_HERSTELD,
        ingangsdatum=hersteldatum,
        percentage=0,
        omschrijving=f"herstelmelding: {HerstelSoort.VOLLEDIG.label}",
    )
    geval.einddatum = hersteldatum
    geval.einde_reden = EindeReden.HERSTELD
    geval.save(update_fields=["einddatum", "einde_reden"])
    termijnstand.werk_bij(werknemer_ids=[geval.werknemer_id])  # ADR 0047
    return geval


@transaction.atomic
def meld_ziek_uit_dienst(
    *, door: Actor, verzuimgeval: Verzuimgeval, laatste_dag_in_dienst: date
) -> Verzuimgeval:
    """Employment ends during the spell (DOMAIN §4.5): the spell ends for the employer."""
    _controleer_werkgever(door, verzuimgeval.werknemer)
    geval = _vergrendel_geval(verzuimgeval)
    if not geval.is_open:
        raise ValidationError(
            f"Dit verzuim (verzuimnummer {geval.verzuimnummer}) is al afgesloten.",
            code="afgesloten",
        )
    if laatste_dag_in_dienst > timezone.localdate():
        raise ValidationError(
            {
                "laatste_dag_in_dienst": "De laatste dag in dienst mag niet in de toekomst liggen. "
                "Meld ziek uit dienst op of na de laatste werkdag."
            }
        )
    if laatste_dag_in_dienst < geval.eerste_ziektedag:
        raise ValidationError(
            {
                "laatste_dag_in_dienst": "De laatste dag in dienst ligt vóór de eerste ziektedag "
                f"({_datum(geval.eerste_ziektedag)})."
            }
        )
    einddatum = laatste_dag_in_dienst + timedelta(days=1)
    laatste = _laatste_mutatie(geval)
    if einddatum <= laatste.ingangsdatum:
        raise ValidationError(
            {
                "laatste_dag_in_dienst": "De laatste dag in dienst moet op of ná de laatste "
                f"wijziging ({_datum(laatste.ingangsdatum)}) liggen."
            }
        )
    _registreer(
        door=door,
        geval=geval,
        soort=MutatieSoort.ZIEK_UIT_DIENST,
        ingangsdatum=einddatum,
        percentage=None,
        omschrijving=f"herstelmelding: {HerstelSoort.UIT_DIENST.label}",
    )
    geval.einddatum = einddatum
    geval.einde_reden = EindeReden.UIT_DIENST
    geval.save(update_fields=["einddatum", "einde_reden"])
    werknemer = geval.werknemer
    werknemer.datum_uit_dienst = laatste_dag_in_dienst
    werknemer.save(update_fields=["datum_uit_dienst", "gewijzigd_op"])
    termijnstand.werk_bij(werknemer_ids=[geval.werknemer_id])  # ADR 0047
    return geval


# The date fields of the services that the herstel and correctie forms show as one field "datum".
_DATUMVELDEN = ("eerste_ziektedag", "ingangsdatum", "hersteldatum", "laatste_dag_in_dienst")


def op_datumveld(fout: ValidationError) -> ValidationError:
    """``fout`` with the refusals about a service's date field reported on the field ``datum``."""
    if not hasattr(fout, "error_dict"):
        return fout
    return ValidationError(
        {("datum" if k in _DATUMVELDEN else k): v for k, v in fout.error_dict.items()}
    )


def meld_herstel(
    *,
    door: Actor,
    verzuimgeval: Verzuimgeval,
    soort: str,
    datum: date,
    percentage_arbeidsongeschikt: int | None = None,
    loonwaarde_percentage: int | None = None,
) -> Verzuimgeval:
    """One entry for the three herstelmeldingen; ``datum`` means what the soort says.

    Refusals about the date are reported on the field ``datum``.
    """
    try:
        if soort == HerstelSoort.GEDEELTELIJK:
            if percentage_arbeidsongeschikt is None:
                raise ValidationError(
                    {
                        "percentage_arbeidsongeschikt": "Vul bij gedeeltelijk herstel het "
                        "percentage in dat de werknemer nog arbeidsongeschikt is (1 tot en met 99)."
                    }
                )
            meld_gedeeltelijk_hersteld(
                door=door,
                verzuimgeval=verzuimgeval,
                ingangsdatum=datum,
                percentage_arbeidsongeschikt=percentage_arbeidsongeschikt,
                loonwaarde_percentage=loonwaarde_percentage,
            )
            return verzuimgeval
        if soort == HerstelSoort.VOLLEDIG:
            return meld_volledig_hersteld(door=door, verzuimgeval=verzuimgeval, hersteldatum=datum)
        if soort == HerstelSoort.UIT_DIENST:
            return meld_ziek_uit_dienst(
                door=door, verzuimgeval=verzuimgeval, laatste_dag_in_dienst=datum
            )
    except ValidationError as fout:
        raise op_datumveld(fout) from fout
    raise ValidationError(
        {"soort": "Kies volledig hersteld, gedeeltelijk hersteld of ziek uit dienst."}
    )


# --- wijziging van het percentage ------------------------------------------------------------

REDEN_MAX = 200


@transaction.atomic
def wijzig_percentage(
    *,
    door: Actor,
    verzuimgeval: Verzuimgeval,
    ingangsdatum: date,
    percentage_arbeidsongeschikt: int,
    reden: str = "",
) -> Verzuimmutatie:
    """A new percentage unfit (1–100) from a date, higher or lower (DOMAIN §4.3, ADR 0009).

    A normal mutation of kind "wijziging", not a correction: the earlier percentage was right
    until ``ingangsdatum``. The spell continues and the Poortwachter clock is unchanged.
    """
    _controleer_werkgever(door, verzuimgeval.werknemer)
    geval = _vergrendel_geval(verzuimgeval)
    if not 1 <= percentage_arbeidsongeschikt <= 100:
        raise ValidationError(
            {
                "percentage_arbeidsongeschikt": "Vul een percentage van 1 tot en met 100 in. Is "
                "de werknemer volledig hersteld? Meld dan 'volledig hersteld'."
            }
        )
    reden = reden.strip()
    if len(reden) > REDEN_MAX:
        raise ValidationError({"reden": f"Gebruik voor de reden ten hoogste {REDEN_MAX} tekens."})
    _controleer_open_en_datum(
        geval,
        ingangsdatum,
        "ingangsdatum",
        "ingangsdatum",
        laatste_dag=geval.werknemer.datum_uit_dienst,  # (partly) unfit while still employed
    )
    huidig = _laatste_mutatie(geval).percentage_arbeidsongeschikt
    if huidig == percentage_arbeidsongeschikt:
        raise ValidationError(
            {
                "percentage_arbeidsongeschikt": "De werknemer is al "
                f"{percentage_arbeidsongeschikt} % arbeidsongeschikt; vul het nieuwe percentage in."
            }
        )
    return _registreer(
        door=door,
        geval=geval,
        soort=MutatieSoort.WIJZIGING,
        ingangsdatum=ingangsdatum,
        percentage=percentage_arbeidsongeschikt,
        toelichting=reden,
        omschrijving=f"percentage gewijzigd naar {percentage_arbeidsongeschikt} % "
        f"per {_datum(ingangsdatum)}",
    )


# --- correcties (DOMAIN §4.6, ADR 0009) ------------------------------------------------------


def _controleer_reden(reden: str) -> str:
    reden = reden.strip()
    if not reden:
        raise ValidationError(
            {"reden": "Vul in waarom u dit corrigeert, bijvoorbeeld 'verkeerde datum ingevuld'."}
        )
    if len(reden) > REDEN_MAX:
        raise ValidationError({"reden": f"Gebruik voor de reden ten hoogste {REDEN_MAX} tekens."})
    return reden


def _leg_correctie_vast(
    *,
    door: Actor,
    geval: Verzuimgeval,
    veld: str,
    oud: str,
    nieuw: str,
    reden: str,
    omschrijving: str,
) -> Correctie:
    gebruiker = door.gebruiker
    _gewijzigd(door=door, geval=geval, actie=Actie.WIJZIGEN, omschrijving=omschrijving)
    return Correctie.objects.create(
        verzuimgeval=geval,
        veld=veld,
        oude_waarde=oud,
        nieuwe_waarde=nieuw,
        reden=reden,
        gecorrigeerd_door=gebruiker if gebruiker is not None and gebruiker.pk else None,
        gecorrigeerd_door_naam=door.weergavenaam[:200],
        route=door.route,
        gecorrigeerd_op=timezone.now(),
    )


@transaction.atomic
def leg_zelfde_oorzaak_vast(
    *, door: Actor, verzuimgeval: Verzuimgeval, zelfde_oorzaak: str
) -> Verzuimgeval:
    """DOMAIN §5.1: the bedrijfsarts's answer whether sickness after zwangerschapsverlof has the
    same cause as before it (ja / nee / onbekend, never the cause itself). Kept as a correction
    with history (DOMAIN §4.6); the deadlines follow from the new answer."""
    _controleer_werkgever(door, verzuimgeval.werknemer)
    geval = _vergrendel_geval(verzuimgeval)
    if zelfde_oorzaak not in ZelfdeOorzaak.values:
        raise ValidationError({"zelfde_oorzaak": "Kies ja, nee of nog niet bekend."})
    if geval.zelfde_oorzaak == zelfde_oorzaak:
        raise ValidationError(
            {"zelfde_oorzaak": "Dit antwoord staat er al; kies een ander antwoord of annuleer."}
        )
    oud = geval.zelfde_oorzaak
    geval.zelfde_oorzaak = zelfde_oorzaak
    geval.save(update_fields=["zelfde_oorzaak"])
    _leg_correctie_vast(
        door=door,
        geval=geval,
        veld=CorrectieVeld.ZELFDE_OORZAAK,
        oud=str(ZelfdeOorzaak(oud).label),
        nieuw=str(ZelfdeOorzaak(zelfde_oorzaak).label),
        reden="Antwoord van de bedrijfsarts",
        omschrijving=f"zelfde oorzaak: {ZelfdeOorzaak(zelfde_oorzaak).label}",
    )
    termijnstand.werk_bij(werknemer_ids=[geval.werknemer_id])  # ADR 0047
    return geval


def _herstelmelding(geval: Verzuimgeval) -> Verzuimmutatie:
    if geval.einde_reden != EindeReden.HERSTELD:
        raise ValidationError(
            f"Bij dit verzuim (verzuimnummer {geval.verzuimnummer}) is geen volledig herstel "
            "gemeld. Alleen een gemelde hersteldatum kunt u corrigeren of intrekken.",
            code="niet_hersteld",
        )
    return geval.mutaties.get(soort=MutatieSoort.VOLLEDIG_HERSTELD)


@transaction.atomic
def corrigeer_eerste_ziektedag(
    *, door: Actor, verzuimgeval: Verzuimgeval, eerste_ziektedag: date, reden: str
) -> Verzuimgeval:
    """Move the first sick day of a spell and its ziekmelding, keeping the history (DOMAIN §4.6).

    The rules of a ziekmelding (DOMAIN §4.1) plus: before every later mutation and the end, and
    not inside the employee's previous spell (that one must have ended on or before the new day).
    """
    _controleer_werkgever(door, verzuimgeval.werknemer)
    geval = _vergrendel_geval(verzuimgeval)
    werknemer = geval.werknemer
    reden = _controleer_reden(reden)
    veld = "eerste_ziektedag"
    oud = geval.eerste_ziektedag
    if eerste_ziektedag == oud:
        raise ValidationError(
            {veld: f"De eerste ziektedag is al {_datum(oud)}. Vul de juiste datum in."}
        )
    if eerste_ziektedag > timezone.localdate():
        raise ValidationError({veld: "De eerste ziektedag mag niet in de toekomst liggen."})
    if eerste_ziektedag < werknemer.datum_in_dienst:
        raise ValidationError(
            {
                veld: "De eerste ziektedag ligt vóór de datum in dienst "
                f"({_datum(werknemer.datum_in_dienst)}). Controleer de datum of de "
                "werknemersgegevens."
            }
        )
    if werknemer.datum_uit_dienst and eerste_ziektedag > werknemer.datum_uit_dienst:
        raise ValidationError(
            {
                veld: "De werknemer is op die dag niet meer in dienst (laatste dag in dienst "
                f"{_datum(werknemer.datum_uit_dienst)})."
            }
        )
    volgende = (
        geval.mutaties.exclude(soort=MutatieSoort.ZIEKMELDING)
        .order_by("ingangsdatum", "pk")
        .first()
    )
    if volgende is not None and eerste_ziektedag >= volgende.ingangsdatum:
        raise ValidationError(
            {
                veld: "De eerste ziektedag moet vóór de volgende melding "
                f"({volgende.get_soort_display().lower()} per {_datum(volgende.ingangsdatum)}) "
                "liggen. Corrigeer eerst die melding."
            }
        )
    if geval.einddatum is not None and eerste_ziektedag >= geval.einddatum:
        # Normally caught above: the end has its own mutation.
        raise ValidationError(
            {veld: f"De eerste ziektedag moet vóór het einde ({_datum(geval.einddatum)}) liggen."}
        )
    vorige = (
        werknemer.verzuimgevallen.filter(eerste_ziektedag__lt=oud)
        .exclude(pk=geval.pk)
        .order_by("-eerste_ziektedag", "-pk")
        .first()
    )
    if vorige is not None and (vorige.einddatum is None or vorige.einddatum > eerste_ziektedag):
        einde = f"tot {_datum(vorige.einddatum)}" if vorige.einddatum else "nog open"
        raise ValidationError(
            {
                veld: "Deze datum valt in het vorige verzuim van deze werknemer "
                f"(verzuimnummer {vorige.verzuimnummer}, {einde}). De eerste ziektedag kan op "
                "zijn vroegst de hersteldatum van dat verzuim zijn."
            }
        )
    ziekmelding = geval.mutaties.get(soort=MutatieSoort.ZIEKMELDING)
    ziekmelding.ingangsdatum = eerste_ziektedag
    ziekmelding.save(update_fields=["ingangsdatum"])
    geval.eerste_ziektedag = eerste_ziektedag
    geval.save(update_fields=["eerste_ziektedag"])
    _leg_correctie_vast(
        door=door,
        geval=geval,
        veld=CorrectieVeld.EERSTE_ZIEKTEDAG,
        oud=oud.isoformat(),
        nieuw=eerste_ziektedag.isoformat(),
        reden=reden,
        omschrijving=f"correctie eerste ziektedag: {_datum(oud)} → {_datum(eerste_ziektedag)}",
    )
    termijnstand.werk_bij(werknemer_ids=[geval.werknemer_id])  # ADR 0047
    return geval


@transaction.atomic
def corrigeer_hersteldatum(
    *, door: Actor, verzuimgeval: Verzuimgeval, hersteldatum: date, reden: str
) -> Verzuimgeval:
    """Move the hersteldatum of a spell ended by full recovery (DOMAIN §4.1, §4.6).

    The rules of ``meld_volledig_hersteld`` (today allowed, after every other mutation, at most
    the day after the last day in service) and not after the first sick day of the next spell.
    """
    _controleer_werkgever(door, verzuimgeval.werknemer)
    geval = _vergrendel_geval(verzuimgeval)
    werknemer = geval.werknemer
    herstel = _herstelmelding(geval)
    reden = _controleer_reden(reden)
    veld = "hersteldatum"
    oud = herstel.ingangsdatum
    if hersteldatum == oud:
        raise ValidationError(
            {veld: f"De hersteldatum is al {_datum(oud)}. Vul de juiste datum in."}
        )
    if hersteldatum > timezone.localdate():
        raise ValidationError({veld: "De hersteldatum mag niet in de toekomst liggen."})
    vorige = geval.mutaties.exclude(pk=herstel.pk).order_by("-ingangsdatum", "-pk").first()
    assert vorige is not None  # at least the ziekmelding
    if hersteldatum <= vorige.ingangsdatum:
        raise ValidationError(
            {
                veld: "De hersteldatum moet ná de vorige melding "
                f"({vorige.get_soort_display().lower()} per {_datum(vorige.ingangsdatum)}) "
                "liggen."
            }
        )
    uit_dienst = werknemer.datum_uit_dienst
    if uit_dienst is not None and hersteldatum > uit_dienst + timedelta(days=1):
        raise ValidationError(
            {
                veld: f"De werknemer is na {_datum(uit_dienst)} niet meer in dienst; de "
                f"hersteldatum kan niet later zijn dan {_datum(uit_dienst + timedelta(days=1))}."
            }
        )
    volgende = (
        werknemer.verzuimgevallen.filter(eerste_ziektedag__gte=oud)
        .exclude(pk=geval.pk)
        .order_by("eerste_ziektedag", "pk")
        .first()
    )
    if volgende is not None and hersteldatum > volgende.eerste_ziektedag:
        raise ValidationError(
            {
                veld: "Deze datum valt in het volgende verzuim van deze werknemer (verzuimnummer "
                f"{volgende.verzuimnummer}, vanaf {_datum(volgende.eerste_ziektedag)}). De "
                "hersteldatum kan op zijn laatst de eerste ziektedag van dat verzuim zijn."
            }
        )
    herstel.ingangsdatum = hersteldatum
    herstel.save(update_fields=["ingangsdatum"])
    geval.einddatum = hersteldatum
    geval.save(update_fields=["einddatum"])
    _leg_correctie_vast(
        door=door,
        geval=geval,
        veld=CorrectieVeld.HERSTELDATUM,
        oud=oud.isoformat(),
        nieuw=hersteldatum.isoformat(),
        reden=reden,
        omschrijving=f"correctie hersteldatum: {_datum(oud)} → {_datum(hersteldatum)}",
    )
    termijnstand.werk_bij(werknemer_ids=[geval.werknemer_id])  # ADR 0047
    return geval


@transaction.atomic
def heropen_verzuimgeval(*, door: Actor, verzuimgeval: Verzuimgeval, reden: str) -> Verzuimgeval:
    """Withdraw a wrongly reported full recovery: the spell is open again (DOMAIN §4.6).

    The volledig-hersteld mutation is removed; the correction row keeps the old hersteldatum.
    Refused when the employee has another open spell (the database refuses it too), a later
    spell (the reopened one would overlap it) or has left employment.
    """
    _controleer_werkgever(door, verzuimgeval.werknemer)
    geval = _vergrendel_geval(verzuimgeval)
    werknemer = geval.werknemer
    herstel = _herstelmelding(geval)
    reden = _controleer_reden(reden)
    open_geval = werknemer.verzuimgevallen.filter(einddatum__isnull=True).first()
    if open_geval is not None:
        raise ValidationError(
            "Deze werknemer heeft al een lopend verzuim (verzuimnummer "
            f"{open_geval.verzuimnummer}, ziek sinds {_datum(open_geval.eerste_ziektedag)}). Er "
            "kan maar één verzuim tegelijk openstaan. Corrigeer zo nodig de hersteldatum.",
            code="al_ziek",
        )
    later = (
        werknemer.verzuimgevallen.filter(eerste_ziektedag__gte=herstel.ingangsdatum)
        .exclude(pk=geval.pk)
        .order_by("eerste_ziektedag", "pk")
        .first()
    )
    if later is not None:
        raise ValidationError(
            f"Na dit verzuim is al een nieuw verzuim gemeld (verzuimnummer {later.verzuimnummer}, "
            f"vanaf {_datum(later.eerste_ziektedag)}). Het herstel kan daarom niet worden "
            "ingetrokken; corrigeer zo nodig de hersteldatum.",
            code="later_verzuim",
        )
    uit_dienst = werknemer.datum_uit_dienst
    if uit_dienst is not None and uit_dienst < timezone.localdate():
        raise ValidationError(
            f"De werknemer is na {_datum(uit_dienst)} niet meer in dienst; een verzuim kan dan "
            "niet meer openstaan. Corrigeer zo nodig de hersteldatum.",
            code="uit_dienst",
        )
    oud = herstel.ingangsdatum
    herstel.delete()
    geval.einddatum = None
    geval.einde_reden = ""
    geval.save(update_fields=["einddatum", "einde_reden"])
    _leg_correctie_vast(
        door=door,
        geval=geval,
        veld=CorrectieVeld.MUTATIE_INGETROKKEN,
        oud=oud.isoformat(),
        nieuw="",
        reden=reden,
        omschrijving=f"herstelmelding ingetrokken (hersteldatum was {_datum(oud)})",
    )
    termijnstand.werk_bij(werknemer_ids=[geval.werknemer_id])  # ADR 0047
    return geval
