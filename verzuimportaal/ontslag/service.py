"""Writes for the ontslagaanvraag and the compensatie transitievergoeding (DOMAIN §7.6).

Each function runs in one transaction: it checks the right (Indienen ontslagaanvraag, level
"bekijken en wijzigen"), locks the werknemer, checks the conditions and every document by its
content, stores the application as a case for the operator (``aanvragen.service.ontvang``) with
its attachments, writes the audit row and raises the werkgever's data version. A refusal raises
``ValidationError`` naming what is wrong or missing; nothing is stored then.
"""

from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from verzuimportaal.aanvragen import bijlagen
from verzuimportaal.aanvragen import service as aanvragen
from verzuimportaal.aanvragen.models import Soort as ZaakSoort
from verzuimportaal.aanvragen.termijnen import compensatievenster, plus_maanden
from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.dossier import termijnen
from verzuimportaal.poortwachter import SamengesteldGeval
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.werkgevers.service import markeer_gegevens_gewijzigd
from verzuimportaal.werknemers.models import Werknemer
from verzuimportaal.werknemers.service import vergrendel_voor

from . import documenten
from .compensatie import bereken_compensatie
from .models import Compensatieaanvraag, Ontslagaanvraag, Ontslagroute, WijzeEinde

# DOMAIN §5: 104 weeks of sickness (the opzegverbod) are 728 counted sick days.
ZIEKTEDAGEN_104_WEKEN = 728
VERKLARING_MAX_MAANDEN = 3


def _d(datum: date) -> str:
    return datum.strftime("%d-%m-%Y")


def _vergrendel_werknemer(door: Actor, werknemer: Werknemer) -> Werknemer:
    if not door.heeft_recht(Dienst.ONTSLAGAANVRAAG, wijzigen=True):
        raise PermissionDenied(
            _(
                "Hiervoor is de machtiging 'Indienen ontslagaanvraag' met het niveau 'bekijken en "
                "wijzigen' nodig."
            )
        )
    werknemer = vergrendel_voor(door=door, werknemer_id=werknemer.pk)
    return werknemer


def _gevallen(werknemer: Werknemer) -> list[SamengesteldGeval]:
    """The employee's combined cases (DOMAIN §5.1), newest first."""
    gevallen = [t.geval for t in termijnen.bereken_voor_werknemers([werknemer.pk])]
    return sorted(gevallen, key=lambda g: g.eerste_ziektedag, reverse=True)


def _controleer_104_weken(werknemer: Werknemer, vandaag: date) -> None:
    """DOMAIN §7.6: an application for langdurig ziek only after 104 weeks of sickness (and any
    loonsanctie or agreed extension, which move the end of loondoorbetaling, DOMAIN §5)."""
    open_geval = next((g for g in _gevallen(werknemer) if g.is_open), None)
    if open_geval is None or open_geval.einde_loondoorbetaling is None:
        raise ValidationError(
            {
                "route": _(
                    "%(volledige_naam)s is nu niet ziek gemeld. Ontslag wegens langdurige "
                    "arbeidsongeschiktheid kan alleen na 104 weken ziekte."
                )
                % {"volledige_naam": werknemer.volledige_naam}
            }
        )
    if vandaag <= open_geval.einde_loondoorbetaling:
        raise ValidationError(
            {
                "route": _(
                    "De 104 weken ziekte (met een eventuele loonsanctie of verlenging) eindigen "
                    "op %(einde_loondoorbetaling)s. Tot die dag geldt het opzegverbod; u kunt de "
                    "ontslagvergunning aanvragen vanaf %(vanaf)s."
                )
                % {
                    "einde_loondoorbetaling": _d(open_geval.einde_loondoorbetaling),
                    "vanaf": _d(open_geval.einde_loondoorbetaling + timedelta(days=1)),
                }
            }
        )


def _controleer_verklaring(verklaring_op: date | None, vandaag: date) -> date:
    if verklaring_op is None:
        raise ValidationError(
            {
                "verklaring_bedrijfsarts_op": _(
                    "Vul de datum van de verklaring van de bedrijfsarts in."
                )
            }
        )
    if verklaring_op > vandaag:
        raise ValidationError(
            {"verklaring_bedrijfsarts_op": _("De datum van de verklaring ligt in de toekomst.")}
        )
    oudste = plus_maanden(vandaag, -VERKLARING_MAX_MAANDEN)
    if verklaring_op < oudste:
        raise ValidationError(
            {
                "verklaring_bedrijfsarts_op": _(
                    "De verklaring van de bedrijfsarts is van %(verklaring_op)s en daarmee ouder "
                    "dan 3 maanden (de oudste die past is van %(oudste)s). Vraag de "
                    "bedrijfsarts om een nieuwe verklaring."
                )
                % {"verklaring_op": _d(verklaring_op), "oudste": _d(oudste)}
            }
        )
    return verklaring_op


def _ontvang(
    door: Actor, werknemer: Werknemer, soort: str, onderwerp: str, stukken: list
) -> aanvragen.Zaak:
    zaak = aanvragen.ontvang(door=door, soort=soort, onderwerp=onderwerp, werknemer=werknemer)
    bijlagen.bewaar(zaak=zaak, stukken=stukken, door_naam=door.weergavenaam)
    return zaak


@transaction.atomic
def dien_ontslagaanvraag_in(
    *,
    door: Actor,
    werknemer: Werknemer,
    route: str,
    bestanden: Mapping[str, UploadedFile | None],
    verklaring_bedrijfsarts_op: date | None = None,
    iva: bool = False,
    afspiegeling_toegepast: bool = False,
    herplaatsing_onmogelijk: bool = False,
) -> Ontslagaanvraag:
    """Apply for a dismissal permit (DOMAIN §7.6 [23,24]) with the route's documents."""
    werknemer = _vergrendel_werknemer(door, werknemer)
    vandaag = timezone.localdate()
    fouten: dict[str, list[str]] = {}
    if route == Ontslagroute.LANGDURIG_ZIEK:
        _controleer_104_weken(werknemer, vandaag)
        verklaring_bedrijfsarts_op = _controleer_verklaring(verklaring_bedrijfsarts_op, vandaag)
    elif route == Ontslagroute.BEDRIJFSECONOMISCH:
        verklaring_bedrijfsarts_op, iva = None, False
        if not afspiegeling_toegepast:
            fouten["afspiegeling_toegepast"] = [
                "Bij ontslag om bedrijfseconomische redenen moet u het afspiegelingsbeginsel "
                "toepassen; bevestig dat u dat hebt gedaan."
            ]
        if not herplaatsing_onmogelijk:
            fouten["herplaatsing_onmogelijk"] = [
                "UWV geeft alleen toestemming als herplaatsing in een andere passende functie "
                "niet mogelijk is; bevestig dat."
            ]
    else:
        raise ValidationError({"route": _("Kies de reden van het ontslag.")})
    # Every missing or refused document at once, with the confirmations above.
    try:
        stukken = bijlagen.controleer(documenten.voor_ontslag(route=route, iva=iva), bestanden)
    except ValidationError as fout:
        fouten.update(fout.message_dict)
        stukken = []
    if fouten:
        raise ValidationError(fouten)
    zaak = _ontvang(
        door,
        werknemer,
        ZaakSoort.ONTSLAG,
        f"Ontslagaanvraag ({Ontslagroute(route).label.lower()}) voor {werknemer.volledige_naam}",
        stukken,
    )
    aanvraag = Ontslagaanvraag.objects.create(
        zaak=zaak,
        werknemer=werknemer,
        route=route,
        verklaring_bedrijfsarts_op=verklaring_bedrijfsarts_op,
        iva=iva,
        afspiegeling_toegepast=afspiegeling_toegepast,
        herplaatsing_onmogelijk=herplaatsing_onmogelijk,
        ingediend_op=vandaag,
    )
    audit.registreer(
        door=door,
        actie=Actie.AANMAKEN,
        onderwerp=aanvraag,
        omschrijving=f"ontslagaanvraag {zaak.zaaknummer} ({route})",
    )
    markeer_gegevens_gewijzigd(werkgever_ids=[door.werkgever.pk])
    return aanvraag


def _controleer_recht_op_compensatie(
    werknemer: Werknemer, laatste_dag: date, vandaag: date
) -> None:
    """DOMAIN §7.6: the contract ended after at least 104 weeks of sickness, and the employee
    was still sick on the last day (from the portal's sick reports)."""
    if laatste_dag > vandaag:
        raise ValidationError(
            {
                "laatste_dag_in_dienst": _(
                    "Het dienstverband is nog niet geëindigd. Compensatie "
                    "kunt u pas aanvragen na het einde en de betaling van de transitievergoeding."
                )
            }
        )
    einde = laatste_dag + timedelta(days=1)
    for geval in _gevallen(werknemer):
        ziek_op_einde = geval.eerste_ziektedag <= laatste_dag and (
            geval.einddatum is None or geval.einddatum > laatste_dag
        )
        if ziek_op_einde:
            if geval.ziektedagen_voor(datum=einde) >= ZIEKTEDAGEN_104_WEKEN:
                return
            raise ValidationError(
                {
                    "laatste_dag_in_dienst": _(
                        "%(volledige_naam)s was op de laatste dag in dienst %(einde)s dagen "
                        "ziek, minder dan 104 weken (728 dagen). Compensatie is er alleen bij "
                        "een einde na 104 weken ziekte."
                    )
                    % {
                        "volledige_naam": werknemer.volledige_naam,
                        "einde": geval.ziektedagen_voor(datum=einde),
                    }
                }
            )
    raise ValidationError(
        {
            "laatste_dag_in_dienst": _(
                "%(volledige_naam)s was volgens de ziekmeldingen op %(laatste_dag)s niet ziek. "
                "Compensatie is er alleen als de werknemer bij het einde van het dienstverband "
                "nog ziek was."
            )
            % {"volledige_naam": werknemer.volledige_naam, "laatste_dag": _d(laatste_dag)}
        }
    )


def _controleer_venster(betaald_op: date, vandaag: date) -> None:
    """DOMAIN §7.6: from the (last) payment to 6 months later (Atw); earlier is refused."""
    venster = compensatievenster(betaald_op=betaald_op)
    if vandaag < venster.van:
        raise ValidationError(
            {
                "betaald_op": _(
                    "U vraagt compensatie aan vóór de betaling van de transitievergoeding "
                    "(%(betaald_op)s). Dat is te vroeg: u kunt aanvragen van %(van)s tot en met "
                    "%(tot)s."
                )
                % {"betaald_op": _d(betaald_op), "van": _d(venster.van), "tot": _d(venster.tot)}
            }
        )
    if vandaag > venster.tot:
        raise ValidationError(
            {
                "betaald_op": _(
                    "De termijn voor deze aanvraag liep tot en met %(tot)s (6 maanden na de "
                    "betaling op %(betaald_op)s). Een latere aanvraag wordt niet in behandeling "
                    "genomen."
                )
                % {"tot": _d(venster.tot), "betaald_op": _d(betaald_op)}
            }
        )


@transaction.atomic
def dien_compensatie_in(
    *,
    door: Actor,
    werknemer: Werknemer,
    laatste_dag_in_dienst: date,
    wijze_einde: str,
    betaalde_transitievergoeding: Decimal,
    transitiekosten: Decimal,
    verschuldigd_na_opzegverbod: Decimal,
    loon_104_weken: Decimal,
    uitkeringen_104_weken: Decimal,
    betaald_op: date,
    bestanden: Mapping[str, UploadedFile | None],
) -> Compensatieaanvraag:
    """Apply for the compensatie transitievergoeding (DOMAIN §7.6 [25,26])."""
    werknemer = _vergrendel_werknemer(door, werknemer)
    vandaag = timezone.localdate()
    if wijze_einde not in WijzeEinde.values:
        raise ValidationError({"wijze_einde": _("Kies hoe het dienstverband is geëindigd.")})
    _controleer_recht_op_compensatie(werknemer, laatste_dag_in_dienst, vandaag)
    if betaalde_transitievergoeding <= 0 or verschuldigd_na_opzegverbod <= 0:
        raise ValidationError(
            {
                "betaalde_transitievergoeding": _(
                    "Compensatie is er alleen voor een "
                    "transitievergoeding die verschuldigd was en betaald is. Vul de bedragen in."
                )
            }
        )
    _controleer_venster(betaald_op, vandaag)
    try:
        berekening = bereken_compensatie(
            betaalde_transitievergoeding=betaalde_transitievergoeding,
            transitiekosten=transitiekosten,
            verschuldigd_na_opzegverbod=verschuldigd_na_opzegverbod,
            loon_104_weken=loon_104_weken,
            uitkeringen_104_weken=uitkeringen_104_weken,
        )
    except ValueError as fout:
        raise ValidationError(str(fout)) from fout
    if berekening.compensatie <= 0:
        raise ValidationError(
            {
                "uitkeringen_104_weken": _(
                    "Het loon over de 104 weken min de ontvangen uitkering "
                    "is 0; er is geen compensatie."
                )
            }
        )
    stukken = bijlagen.controleer(documenten.COMPENSATIE, bestanden)
    zaak = _ontvang(
        door,
        werknemer,
        ZaakSoort.COMPENSATIE,
        f"Compensatie transitievergoeding voor {werknemer.volledige_naam}",
        stukken,
    )
    aanvraag = Compensatieaanvraag.objects.create(
        zaak=zaak,
        werknemer=werknemer,
        laatste_dag_in_dienst=laatste_dag_in_dienst,
        wijze_einde=wijze_einde,
        betaalde_transitievergoeding=betaalde_transitievergoeding,
        transitiekosten=transitiekosten,
        verschuldigd_na_opzegverbod=verschuldigd_na_opzegverbod,
        loon_104_weken=loon_104_weken,
        uitkeringen_104_weken=uitkeringen_104_weken,
        betaald_op=betaald_op,
        compensatie=berekening.compensatie,
        ingediend_op=vandaag,
    )
    audit.registreer(
        door=door,
        actie=Actie.AANMAKEN,
        onderwerp=aanvraag,
        omschrijving=f"compensatie transitievergoeding {zaak.zaaknummer}",
    )
    markeer_gegevens_gewijzigd(werkgever_ids=[door.werkgever.pk])
    return aanvraag
