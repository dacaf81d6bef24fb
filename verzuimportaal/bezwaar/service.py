"""Writes for a bezwaar (DOMAIN §7.6 [27]).

One transaction: checks the right (Bezwaar maken, level "bekijken en wijzigen"), the decision
(own, decided), the loonheffingennummer and the BSN of the employee concerned, computes the
deadline (6 weeks, 2 for a Ziektewet fitness decision, from the day after the decision date,
Algemene termijnenwet), and stores the objection as a case for the operator. A late objection is
accepted, but only with the reason for the delay.
"""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from verzuimportaal.aanvragen import service as aanvragen
from verzuimportaal.aanvragen.models import Soort as ZaakSoort
from verzuimportaal.aanvragen.models import Status, Zaak
from verzuimportaal.aanvragen.termijnen import bezwaartermijn
from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.utils.elfproef import is_bsn
from verzuimportaal.werkgevers.models import Loonheffingennummer
from verzuimportaal.werkgevers.service import markeer_gegevens_gewijzigd
from verzuimportaal.werknemers.models import Werknemer

from .models import Bezwaar


def _d(datum: date) -> str:
    return datum.strftime("%d-%m-%Y")


def _werknemer_met_bsn(loonheffingennummer: Loonheffingennummer, bsn: str) -> Werknemer | None:
    bsn = bsn.strip()
    if not bsn:
        return None
    if not is_bsn(bsn):
        raise ValidationError(
            {"bsn": _("Dit is geen geldig BSN (9 cijfers die de elfproef doorstaan).")}
        )
    werknemer = Werknemer.objects.filter(loonheffingennummer=loonheffingennummer, bsn=bsn).first()
    if werknemer is None:
        raise ValidationError(
            {
                "bsn": _(
                    "Bij loonheffingennummer %(nummer)s is geen werknemer met dit BSN bekend. "
                    "Controleer het BSN of het loonheffingennummer."
                )
                % {"nummer": loonheffingennummer.nummer}
            }
        )
    return werknemer


@transaction.atomic
def dien_bezwaar_in(
    *,
    door: Actor,
    gronden: str,
    besluit_zaak: Zaak | None = None,
    loonheffingennummer: Loonheffingennummer | None = None,
    besluitdatum: date | None = None,
    kenmerk: str = "",
    zw_geschiktheid: bool = False,
    bsn: str = "",
    reden_te_laat: str = "",
) -> Bezwaar:
    """Object to a decided case in the portal (``besluit_zaak``: date, kenmerk and employee come
    from it) or to another decision (loonheffingennummer, date, kenmerk and BSN entered)."""
    if not door.heeft_recht(Dienst.BEZWAAR, wijzigen=True):
        raise PermissionDenied(
            _(
                "Hiervoor is de machtiging 'Bezwaar maken' met het niveau 'bekijken en wijzigen' "
                "nodig."
            )
        )
    vandaag = timezone.localdate()
    werknemer: Werknemer | None
    if besluit_zaak is not None:
        besluit_zaak = (
            Zaak.objects.select_for_update(of=("self",))
            .select_related("werknemer__loonheffingennummer")
            .get(pk=besluit_zaak.pk)
        )
        if besluit_zaak.werkgever_id != door.werkgever.pk:
            raise PermissionDenied(_("Dit besluit hoort niet bij de werkgever waarvoor u werkt."))
        if besluit_zaak.status != Status.BESLUIT or besluit_zaak.besluit_op is None:
            raise ValidationError(
                _(
                    "Over zaak %(zaaknummer)s is nog geen besluit genomen; bezwaar kan pas tegen "
                    "een besluit."
                )
                % {"zaaknummer": besluit_zaak.zaaknummer}
            )
        if besluit_zaak.werknemer is None:
            raise ValidationError(
                _(
                    "Bij dit besluit hoort geen werknemer; maak bezwaar via 'ander besluit' met "
                    "het loonheffingennummer."
                )
            )
        werknemer = besluit_zaak.werknemer
        loonheffingennummer = werknemer.loonheffingennummer
        besluitdatum, kenmerk, zw_geschiktheid = (
            besluit_zaak.besluit_op,
            besluit_zaak.zaaknummer,
            False,
        )
    else:
        if loonheffingennummer is None or loonheffingennummer.werkgever_id != door.werkgever.pk:
            raise ValidationError({"loonheffingennummer": _("Kies een eigen loonheffingennummer.")})
        if besluitdatum is None:
            raise ValidationError({"besluitdatum": _("Vul de datum van het besluit in.")})
        kenmerk = kenmerk.strip()
        if not kenmerk:
            raise ValidationError(
                {
                    "kenmerk": _(
                        "Vul het kenmerk in; het staat bovenaan in de brief met het besluit."
                    )
                }
            )
        werknemer = _werknemer_met_bsn(loonheffingennummer, bsn)
    if besluitdatum > vandaag:
        raise ValidationError({"besluitdatum": _("De datum van het besluit ligt in de toekomst.")})
    gronden = gronden.strip()
    if not gronden:
        raise ValidationError(
            {"gronden": _("Schrijf waarom u het niet eens bent met het besluit (de gronden).")}
        )
    termijn_tot = bezwaartermijn(besluitdatum=besluitdatum, zw_geschiktheid=zw_geschiktheid)
    te_laat = vandaag > termijn_tot
    reden_te_laat = reden_te_laat.strip()
    if te_laat and not reden_te_laat:
        raise ValidationError(
            {
                "reden_te_laat": _(
                    "De bezwaartermijn liep tot en met %(termijn_tot)s. U kunt nog bezwaar "
                    "maken, maar schrijf dan waarom het later is. UWV beoordeelt of de reden "
                    "verschoonbaar is."
                )
                % {"termijn_tot": _d(termijn_tot)}
            }
        )
    zaak = aanvragen.ontvang(
        door=door,
        soort=ZaakSoort.BEZWAAR,
        onderwerp=f"Bezwaar tegen het besluit {kenmerk} van {_d(besluitdatum)}",
        werknemer=werknemer,
    )
    bezwaar = Bezwaar.objects.create(
        zaak=zaak,
        besluit_zaak=besluit_zaak,
        loonheffingennummer=loonheffingennummer,
        werknemer=werknemer,
        besluitdatum=besluitdatum,
        kenmerk=kenmerk[:50],
        zw_geschiktheid=zw_geschiktheid,
        gronden=gronden,
        termijn_tot=termijn_tot,
        te_laat=te_laat,
        reden_te_laat=reden_te_laat if te_laat else "",
        ingediend_op=vandaag,
    )
    audit.registreer(
        door=door,
        actie=Actie.AANMAKEN,
        onderwerp=bezwaar,
        omschrijving=f"bezwaar {zaak.zaaknummer} tegen {kenmerk}"
        + (" (te laat)" if te_laat else ""),
    )
    markeer_gegevens_gewijzigd(werkgever_ids=[door.werkgever.pk])
    return bezwaar
