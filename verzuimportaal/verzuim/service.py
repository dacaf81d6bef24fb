"""Writes for verzuim: ziek melden and the mutaties after it (DOMAIN §4).

Every function runs in one transaction and locks the werknemer row first, so two concurrent
meldingen for the same employee are serialised; the database constraints back this up.
Refusals raise ``ValidationError`` with a Dutch message per field; nothing is stored then.
"""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from verzuimportaal.toegang.actor import Actor
from verzuimportaal.werknemers.models import Werknemer

from .models import EindeReden, MutatieSoort, Nummerreeks, Vangnet, Verzuimgeval, Verzuimmutatie


def _datum(d: date) -> str:
    return d.strftime("%d-%m-%Y")


def _controleer_werkgever(door: Actor, werknemer: Werknemer) -> None:
    if werknemer.loonheffingennummer.werkgever_id != door.werkgever.pk:
        raise PermissionDenied("Deze werknemer hoort niet bij de werkgever waarvoor u werkt.")
    if not werknemer.loonheffingennummer.actief:
        # Seed 001: an inactive number's meldingen are not available to users.
        raise PermissionDenied("Het loonheffingennummer van deze werknemer is niet actief.")


def _vergrendel_werknemer(werknemer: Werknemer) -> Werknemer:
    return (
        Werknemer.objects.select_for_update()
        .select_related("loonheffingennummer")
        .get(pk=werknemer.pk)
    )


def _vergrendel_geval(verzuimgeval: Verzuimgeval) -> Verzuimgeval:
    werknemer = _vergrendel_werknemer(verzuimgeval.werknemer)
    geval = Verzuimgeval.objects.get(pk=verzuimgeval.pk)
    geval.werknemer = werknemer
    return geval


def volgend_verzuimnummer(*, jaar: int) -> str:
    """Next verzuimnummer, e.g. ``2026-00042``: per year, gap-free, safe under concurrency."""
    sleutel = f"verzuim-{jaar}"
    with transaction.atomic():
        try:
            with transaction.atomic():
                Nummerreeks.objects.get_or_create(sleutel=sleutel)
        except IntegrityError:
            pass
        reeks = Nummerreeks.objects.select_for_update().get(sleutel=sleutel)
        reeks.laatste += 1
        reeks.save(update_fields=["laatste"])
        return f"{jaar}-{reeks.laatste:05d}"


def _registreer(
    *,
    door: Actor,
    geval: Verzuimgeval,
    soort: str,
    ingangsdatum: date,
    percentage: int | None,
    loonwaarde: int | None = None,
) -> Verzuimmutatie:
    return Verzuimmutatie.objects.create(
        verzuimgeval=geval,
        soort=soort,
        ingangsdatum=ingangsdatum,
        percentage_arbeidsongeschikt=percentage,
        loonwaarde_percentage=loonwaarde,
        geregistreerd_op=timezone.now(),
        geregistreerd_door=door.gebruiker,
        geregistreerd_door_naam=door.weergavenaam,
    )


@transaction.atomic
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
) -> Verzuimgeval:
    """Ziekmelding (DOMAIN §4.1): the first sick day may be today or in the past, never later."""
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
    open_geval = werknemer.verzuimgevallen.filter(einddatum__isnull=True).first()
    if open_geval is not None:
        raise ValidationError(
            f"Deze werknemer is al ziek gemeld sinds {_datum(open_geval.eerste_ziektedag)} "
            f"(verzuimnummer {open_geval.verzuimnummer}). Meld eerst het herstel voordat u een "
            "nieuwe ziekmelding doet.",
            code="al_ziek",
        )
    later = (
        werknemer.verzuimgevallen.filter(einddatum__gt=eerste_ziektedag)
        .order_by("-einddatum")
        .first()
    )
    if later is not None:
        assert later.einddatum is not None
        raise ValidationError(
            {
                "eerste_ziektedag": "Deze datum valt in of vóór een eerder verzuim "
                f"(verzuimnummer {later.verzuimnummer}, tot {_datum(later.einddatum)}). "
                f"Een nieuwe ziekmelding kan vanaf {_datum(later.einddatum)}."
            }
        )
    geval = Verzuimgeval.objects.create(
        verzuimnummer=volgend_verzuimnummer(jaar=eerste_ziektedag.year),
        werknemer=werknemer,
        eerste_ziektedag=eerste_ziektedag,
        arbeidsconflict=arbeidsconflict,
        bedrijfsongeval=bedrijfsongeval,
        aansprakelijke_derde=aansprakelijke_derde,
        vangnet=vangnet,
        verwachte_duur_dagen=verwachte_duur_dagen,
        bereikbaar_telefoon=bereikbaar_telefoon,
        verblijfadres=verblijfadres,
        gemeld_op=timezone.now(),
        gemeld_door=door.gebruiker,
    )
    _registreer(
        door=door,
        geval=geval,
        soort=MutatieSoort.ZIEKMELDING,
        ingangsdatum=eerste_ziektedag,
        percentage=100,
    )
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
    return _registreer(
        door=door,
        geval=geval,
        soort=MutatieSoort.GEDEELTELIJK_HERSTELD,
        ingangsdatum=ingangsdatum,
        percentage=percentage_arbeidsongeschikt,
        loonwaarde=loonwaarde_percentage,
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
    )
    geval.einddatum = hersteldatum
    geval.einde_reden = EindeReden.HERSTELD
    geval.save(update_fields=["einddatum", "einde_reden"])
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
    )
    geval.einddatum = einddatum
    geval.einde_reden = EindeReden.UIT_DIENST
    geval.save(update_fields=["einddatum", "einde_reden"])
    werknemer = geval.werknemer
    werknemer.datum_uit_dienst = laatste_dag_in_dienst
    werknemer.save(update_fields=["datum_uit_dienst", "gewijzigd_op"])
    return geval
