"""Writes for WAZO leave (DOMAIN §7.1): the meldingen and the birth reported later.

Every function runs in one transaction: it locks the werknemer, checks the rules (``wazo.periode``),
stores the facts with the computed period, writes the audit row and raises the werkgever's data
version (the Poortwachter deadlines and the dashboard read the leave). Refusals raise
``ValidationError`` with a Dutch message per field; nothing is stored then.
"""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from verzuimportaal.aanvragen import service as aanvragen
from verzuimportaal.aanvragen.models import Soort as ZaakSoort
from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.dossier import termijnstand
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.verzuim.models import EindeReden, Verzuimgeval
from verzuimportaal.werkgevers.service import markeer_gegevens_gewijzigd
from verzuimportaal.werknemers.models import Werknemer
from verzuimportaal.werknemers.service import vergrendel_voor

from . import periode as regels
from .models import Soort, UitkeringAan, Wazoverlof
from .periode import Aanvraagvenster, Tijdigheid, Verlofperiode, Verlofsoort, WazoFout


def _d(datum: date) -> str:
    return datum.strftime("%d-%m-%Y")


def _vergrendel_werknemer(door: Actor, werknemer: Werknemer) -> Werknemer:
    werknemer = vergrendel_voor(door=door, werknemer_id=werknemer.pk)
    if not werknemer.loonheffingennummer.actief:
        raise PermissionDenied(_("Het loonheffingennummer van deze werknemer is niet actief."))
    return werknemer


def _audit(door: Actor, actie: str, verlof: Wazoverlof, omschrijving: str) -> None:
    audit.registreer(door=door, actie=actie, onderwerp=verlof, omschrijving=omschrijving)


def _gewijzigd(werknemer: Werknemer) -> None:
    markeer_gegevens_gewijzigd(werkgever_ids=[werknemer.loonheffingennummer.werkgever_id])


def _melding(fout: ValueError) -> str:
    """A refusal of the period rules in the active language (``WazoFout`` carries its msgid)."""
    if isinstance(fout, WazoFout):
        tekst = _(fout.melding)
        return tekst % fout.waarden if fout.waarden else tekst
    return str(fout)


def _fout(veld: str, fout: WazoFout) -> ValidationError:
    return ValidationError({veld: _melding(fout)})


def _aanvraagdatum(aangevraagd_op: date | None) -> date:
    """The day the application was made: today, or earlier for one made on paper."""
    vandaag = timezone.localdate()
    if aangevraagd_op is None:
        return vandaag
    if aangevraagd_op > vandaag:
        raise ValidationError(
            {
                "aangevraagd_op": _(
                    "De aanvraagdatum ligt in de toekomst. Vul de dag van de aanvraag in."
                )
            }
        )
    return aangevraagd_op


def _controleer_venster(venster: Aanvraagvenster, wat: str, aangevraagd_op: date) -> bool:
    """Refuse an application before the window (with the date it opens); return whether it is
    late. A late application is accepted and marked (ADR 0026)."""
    tijdigheid = venster.tijdigheid(aangevraagd_op)
    if tijdigheid is Tijdigheid.TE_VROEG:
        raise ValidationError(
            {
                "ingangsdatum": _(
                    "%(wat)s kunt u aanvragen van %(van)s tot en met %(tot)s. Op "
                    "%(aangevraagd_op)s is dat nog te vroeg; vraag het aan vanaf %(van)s."
                )
                % {
                    "wat": wat,
                    "van": _d(venster.van),
                    "tot": _d(venster.tot),
                    "aangevraagd_op": _d(aangevraagd_op),
                }
            }
        )
    return tijdigheid is Tijdigheid.TE_LAAT


def _controleer_overlap(
    werknemer: Werknemer, verlof: Verlofperiode, *, behalve: Wazoverlof | None = None
) -> None:
    bestaand = werknemer.wazoverloven.filter(
        eerste_dag__lte=verlof.laatste_dag, laatste_dag__gte=verlof.eerste_dag
    )
    if behalve is not None:
        bestaand = bestaand.exclude(pk=behalve.pk)
    ander = bestaand.first()
    if ander is not None:
        raise ValidationError(
            {
                "ingangsdatum": _(
                    "Deze werknemer heeft al %(soort)s van %(eerste_dag)s tot en met "
                    "%(laatste_dag)s; verlof mag niet overlappen. Pas de ingangsdatum aan of "
                    "wijzig het bestaande verlof."
                )
                % {
                    "soort": ander.get_soort_display().lower(),
                    "eerste_dag": _d(ander.eerste_dag),
                    "laatste_dag": _d(ander.laatste_dag),
                }
            }
        )


def _controleer_ziekmeldingen(werknemer: Werknemer, verlof: Verlofperiode) -> None:
    """DOMAIN §7.1: during zwangerschaps- en bevallingsverlof nothing is reported, so no spell
    may start inside the leave."""
    binnen = (
        Verzuimgeval.objects.filter(
            werknemer=werknemer,
            eerste_ziektedag__gt=verlof.eerste_dag,
            eerste_ziektedag__lte=verlof.laatste_dag,
        )
        .order_by("eerste_ziektedag")
        .first()
    )
    if binnen is not None:
        raise ValidationError(
            _(
                "Er is een ziekmelding (verzuimnummer %(verzuimnummer)s) met eerste ziektedag "
                "%(eerste_ziektedag)s, binnen dit verlof (%(eerste_dag)s tot en met "
                "%(laatste_dag)s). Tijdens het verlof wordt geen ziekte gemeld; corrigeer eerst "
                "die ziekmelding."
            )
            % {
                "verzuimnummer": binnen.verzuimnummer,
                "eerste_ziektedag": _d(binnen.eerste_ziektedag),
                "eerste_dag": _d(verlof.eerste_dag),
                "laatste_dag": _d(verlof.laatste_dag),
            },
            code="ziek_tijdens_verlof",
        )


def _ziektedagen_voor_ingang(
    werknemer: Werknemer, *, uitgerekende_datum: date, ingangsdatum: date, meerling: bool
) -> int:
    """DOMAIN §7.1 k: sick days in the flex period A−N … S−1; they count as leave (ADR 0026)."""
    vroegst, _ = regels.ingangsvenster(uitgerekende_datum=uitgerekende_datum, meerling=meerling)
    if ingangsdatum <= vroegst:
        return 0
    perioden = Verzuimgeval.objects.filter(
        Q(einddatum__isnull=True) | Q(einddatum__gt=vroegst),
        werknemer=werknemer,
        eerste_ziektedag__lt=ingangsdatum,
    ).values_list("eerste_ziektedag", "einddatum")
    return regels.dagen_in(perioden, van=vroegst, tot=ingangsdatum - timedelta(days=1))


def _sluit_verzuim_bij_verlof(door: Actor, verlof: Wazoverlof) -> list[Verzuimgeval]:
    """DOMAIN §5.1, §7.1 (ADR 0026): a spell that runs into zwangerschaps- en bevallingsverlof
    ends at the leave start, once the leave has begun (before that the employee is still sick).
    One audit row per spell it ends; the caller holds the werknemer's lock."""
    if verlof.soort != Soort.ZWANGERSCHAP or verlof.eerste_dag > timezone.localdate():
        return []
    gevallen = list(
        Verzuimgeval.objects.select_for_update().filter(
            werknemer_id=verlof.werknemer_id,
            einddatum__isnull=True,
            eerste_ziektedag__lt=verlof.eerste_dag,
        )
    )
    for geval in gevallen:
        geval.einddatum = verlof.eerste_dag
        geval.einde_reden = EindeReden.VERLOF
        geval.save(update_fields=["einddatum", "einde_reden"])
        audit.registreer(
            door=door,
            actie=Actie.WIJZIGEN,
            onderwerp=geval,
            omschrijving=f"verzuim {geval.verzuimnummer} eindigt op {_d(verlof.eerste_dag)}: "
            f"begin {verlof.get_soort_display().lower()}",
        )
    return gevallen


@transaction.atomic
def sluit_verzuim_bij_begin_verlof(*, door: Actor, verlof: Wazoverlof) -> list[Verzuimgeval]:
    """The daily run on the first day of leave reported in advance (``wazo.tasks``): the spells
    still open end at the leave start, with the same rule as a melding of leave that has begun."""
    werknemer = _vergrendel_werknemer(door, verlof.werknemer)
    verlof = Wazoverlof.objects.get(pk=verlof.pk)
    gesloten = _sluit_verzuim_bij_verlof(door, verlof)
    if gesloten:
        _gewijzigd(werknemer)
    termijnstand.werk_bij(werknemer_ids=[werknemer.pk])  # ADR 0047: leave moves the steps
    return gesloten


def _zwangerschapsperiode(werknemer: Werknemer, verlof: Wazoverlof) -> Verlofperiode:
    assert verlof.uitgerekende_datum is not None
    k = _ziektedagen_voor_ingang(
        werknemer,
        uitgerekende_datum=verlof.uitgerekende_datum,
        ingangsdatum=verlof.ingangsdatum,
        meerling=verlof.meerling,
    )
    verlof.ziektedagen_voor_ingang = k
    opnames = []
    if verlof.ziekenhuis_van is not None and verlof.ziekenhuis_tot is not None:
        opnames.append((verlof.ziekenhuis_van, verlof.ziekenhuis_tot))
    try:
        return regels.zwangerschaps_en_bevallingsverlof(
            uitgerekende_datum=verlof.uitgerekende_datum,
            ingangsdatum=verlof.ingangsdatum,
            meerling=verlof.meerling,
            geboortedatum=verlof.geboortedatum,
            ziektedagen_voor_ingang=k,
            ziekenhuisopnames=opnames,
        )
    except WazoFout as fout:
        raise _fout("ingangsdatum", fout) from fout


def _neem_over(verlof: Wazoverlof, periode: Verlofperiode) -> None:
    verlof.eerste_dag = periode.eerste_dag
    verlof.laatste_dag = periode.laatste_dag
    verlof.bevallingsverlof_dagen = periode.bevallingsverlof_dagen
    verlof.verlenging_ziekenhuis = periode.verlenging_ziekenhuis


def _nieuw(door: Actor, werknemer: Werknemer, **velden: object) -> Wazoverlof:
    nu = timezone.now()
    return Wazoverlof(
        werknemer=werknemer,
        aangemaakt_op=nu,
        aangemaakt_door=door.gebruiker,
        gewijzigd_op=nu,
        **velden,
    )


def _bewaar_nieuw(door: Actor, verlof: Wazoverlof, periode: Verlofperiode) -> Wazoverlof:
    _controleer_overlap(verlof.werknemer, periode)
    _neem_over(verlof, periode)
    verlof.full_clean(exclude=["zaak"])
    # The application goes to the operator as a case (ADR 0027).
    verlof.zaak = aanvragen.ontvang(
        door=door,
        soort=ZaakSoort.WAZO,
        onderwerp=f"{verlof.get_soort_display()} van {verlof.werknemer.volledige_naam}, "
        f"{_d(verlof.eerste_dag)} tot en met {_d(verlof.laatste_dag)}",
        werknemer=verlof.werknemer,
    )
    verlof.save()
    _audit(
        door,
        Actie.AANMAKEN,
        verlof,
        f"{verlof.get_soort_display()} gemeld: {_d(verlof.eerste_dag)} t/m "
        f"{_d(verlof.laatste_dag)}" + (" (na de aanvraagtermijn)" if verlof.te_laat else ""),
    )
    _gewijzigd(verlof.werknemer)
    return verlof


@transaction.atomic
def meld_zwangerschapsverlof(
    *,
    door: Actor,
    werknemer: Werknemer,
    uitgerekende_datum: date,
    ingangsdatum: date,
    meerling: bool = False,
    uitkering_aan: str = UitkeringAan.WERKGEVER,
    aangevraagd_op: date | None = None,
) -> Wazoverlof:
    """DOMAIN §7.1: zwangerschaps- en bevallingsverlof with the chosen start S.

    S must lie 6 to 4 weeks (meerling 10 to 8) before the day after the expected date; the
    application is made in S−28 … S−14: earlier is refused with the date it opens, later is
    accepted and marked late (UWV decides on it; the employee should have told the employer by
    S−21). Until the birth is reported the period assumes the child is born on the expected date.
    """
    werknemer = _vergrendel_werknemer(door, werknemer)
    try:
        regels.controleer_ingangsdatum(
            uitgerekende_datum=uitgerekende_datum, ingangsdatum=ingangsdatum, meerling=meerling
        )
    except WazoFout as fout:
        raise _fout("ingangsdatum", fout) from fout
    aanvraag = _aanvraagdatum(aangevraagd_op)
    te_laat = _controleer_venster(
        regels.aanvraagvenster_zwangerschap(ingangsdatum=ingangsdatum),
        _("Zwangerschaps- en bevallingsverlof met deze ingangsdatum"),
        aanvraag,
    )
    verlof = _nieuw(
        door,
        werknemer,
        soort=Soort.ZWANGERSCHAP,
        uitgerekende_datum=uitgerekende_datum,
        ingangsdatum=ingangsdatum,
        meerling=meerling,
        uitkering_aan=uitkering_aan,
        te_laat=te_laat,
        aangevraagd_op=aanvraag,
    )
    periode = _zwangerschapsperiode(werknemer, verlof)
    _controleer_ziekmeldingen(werknemer, periode)
    verlof = _bewaar_nieuw(door, verlof, periode)
    _sluit_verzuim_bij_verlof(door, verlof)
    termijnstand.werk_bij(werknemer_ids=[werknemer.pk])  # ADR 0047: leave moves the steps
    return verlof


@transaction.atomic
def meld_geboorte(
    *,
    door: Actor,
    verlof: Wazoverlof,
    geboortedatum: date,
    ziekenhuis_van: date | None = None,
    ziekenhuis_tot: date | None = None,
) -> Wazoverlof:
    """DOMAIN §7.1: the birth (and a hospital admission of the child) reported later; the period
    is recomputed (bevallingsverlof from B+1, untaken zwangerschapsverlof added, the extension)."""
    werknemer = _vergrendel_werknemer(door, verlof.werknemer)
    verlof = Wazoverlof.objects.select_for_update().get(pk=verlof.pk)
    if verlof.soort != Soort.ZWANGERSCHAP:
        raise ValidationError(
            _("Een geboorte meldt u alleen bij zwangerschaps- en bevallingsverlof.")
        )
    vandaag = timezone.localdate()
    if geboortedatum > vandaag:
        raise ValidationError(
            {
                "geboortedatum": _(
                    "De geboortedatum ligt in de toekomst. Meld de geboorte als het "
                    "kind geboren is."
                )
            }
        )
    if (ziekenhuis_van is None) != (ziekenhuis_tot is None):
        raise ValidationError(
            {
                "ziekenhuis_tot": _(
                    "Vul bij een ziekenhuisopname zowel de eerste als de laatste dag "
                    "in, of laat beide leeg."
                )
            }
        )
    if ziekenhuis_van is not None and ziekenhuis_tot is not None:
        if ziekenhuis_tot < ziekenhuis_van:
            raise ValidationError(
                {
                    "ziekenhuis_tot": _(
                        "De laatste dag van de opname ligt voor de eerste; draai de data om."
                    )
                }
            )
        if ziekenhuis_van < geboortedatum:
            raise ValidationError(
                {
                    "ziekenhuis_van": _(
                        "De opname begint voor de geboorte (%(geboortedatum)s). Controleer de data."
                    )
                    % {"geboortedatum": _d(geboortedatum)}
                }
            )
    oud = (verlof.eerste_dag, verlof.laatste_dag)
    verlof.geboortedatum = geboortedatum
    verlof.ziekenhuis_van = ziekenhuis_van
    verlof.ziekenhuis_tot = ziekenhuis_tot
    periode = _zwangerschapsperiode(werknemer, verlof)
    _controleer_overlap(werknemer, periode, behalve=verlof)
    _controleer_ziekmeldingen(werknemer, periode)
    _neem_over(verlof, periode)
    verlof.gewijzigd_op = timezone.now()
    verlof.full_clean()
    verlof.save()
    _audit(
        door,
        Actie.WIJZIGEN,
        verlof,
        f"geboorte gemeld op {_d(geboortedatum)}; verlof {_d(oud[0])} t/m {_d(oud[1])} → "
        f"{_d(verlof.eerste_dag)} t/m {_d(verlof.laatste_dag)}",
    )
    # A birth before S moves the leave start earlier, maybe to a day already past.
    _sluit_verzuim_bij_verlof(door, verlof)
    _gewijzigd(werknemer)
    termijnstand.werk_bij(werknemer_ids=[werknemer.pk])  # ADR 0047: leave moves the steps
    return verlof


@transaction.atomic
def meld_aanvullend_geboorteverlof(
    *,
    door: Actor,
    werknemer: Werknemer,
    geboortedatum: date,
    einde_geboorteverlof: date,
    ingangsdatum: date,
    weken: int,
    uitkering_aan: str = UitkeringAan.WERKGEVER,
    aangevraagd_op: date | None = None,
) -> Wazoverlof:
    """DOMAIN §7.1 [9]: 1–5 weeks for the partner within 6 months after the birth; apply from 4
    weeks before the start up to 4 weeks after the last day. Later is accepted and marked late:
    UWV then pays only for the year before the application."""
    werknemer = _vergrendel_werknemer(door, werknemer)
    try:
        periode = regels.aanvullend_geboorteverlof(
            geboortedatum=geboortedatum,
            einde_geboorteverlof=einde_geboorteverlof,
            ingangsdatum=ingangsdatum,
            weken=weken,
        )
    except WazoFout as fout:
        raise _fout("ingangsdatum", fout) from fout
    aanvraag = _aanvraagdatum(aangevraagd_op)
    te_laat = _controleer_venster(
        regels.aanvraagvenster_aanvullend_geboorteverlof(periode=periode),
        _("Aanvullend geboorteverlof met deze ingangsdatum"),
        aanvraag,
    )
    verlof = _nieuw(
        door,
        werknemer,
        soort=Soort.AANVULLEND_GEBOORTEVERLOF,
        geboortedatum=geboortedatum,
        einde_geboorteverlof=einde_geboorteverlof,
        ingangsdatum=ingangsdatum,
        weken=weken,
        uitkering_aan=uitkering_aan,
        te_laat=te_laat,
        aangevraagd_op=aanvraag,
    )
    return _bewaar_nieuw(door, verlof, periode)


@transaction.atomic
def meld_adoptieverlof(
    *,
    door: Actor,
    werknemer: Werknemer,
    soort: str,
    datum_komst: date,
    ingangsdatum: date,
    weken: int,
    uitkering_aan: str = UitkeringAan.WERKGEVER,
    aangevraagd_op: date | None = None,
) -> Wazoverlof:
    """DOMAIN §7.1 [10]: adoptie- of pleegzorgverlof, at most 6 weeks from 4 weeks before to 22
    weeks after the arrival; apply 4 to 2 weeks before the start (the proof goes with it)."""
    werknemer = _vergrendel_werknemer(door, werknemer)
    try:
        periode = regels.adoptieverlof(
            soort=Verlofsoort(soort),
            datum_komst=datum_komst,
            ingangsdatum=ingangsdatum,
            weken=weken,
        )
    except (WazoFout, ValueError) as fout:
        raise ValidationError({"ingangsdatum": _melding(fout)}) from fout
    aanvraag = _aanvraagdatum(aangevraagd_op)
    te_laat = _controleer_venster(
        regels.aanvraagvenster_adoptie(ingangsdatum=ingangsdatum),
        _("Adoptie- of pleegzorgverlof met deze ingangsdatum"),
        aanvraag,
    )
    verlof = _nieuw(
        door,
        werknemer,
        soort=soort,
        datum_komst=datum_komst,
        ingangsdatum=ingangsdatum,
        weken=weken,
        uitkering_aan=uitkering_aan,
        te_laat=te_laat,
        aangevraagd_op=aanvraag,
    )
    return _bewaar_nieuw(door, verlof, periode)
