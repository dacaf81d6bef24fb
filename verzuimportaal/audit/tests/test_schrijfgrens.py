"""Every write service is one write boundary (ADR 0013).

For each public function in every ``service.py`` this module knows whether it writes for a
werkgever. Each such function is called here and must, in its own transaction:

- write exactly one audit row, with the actor's IP and browser, in the acting werkgever's log;
- raise the werkgever's data version;
- put its follow-up tasks in the outbox, in the same transaction, handed to the broker only
  after the commit;
- roll everything back when the audit row cannot be written.

A new public service function fails ``test_elke_servicefunctie_is_ingedeeld`` until it is listed
here, so no write can forget its audit row.
"""

import importlib
import inspect
import json
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_email.models import EmailDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

import verzuimportaal
from tests.factories import (
    GebruikerFactory,
    LidmaatschapFactory,
    LoonheffingennummerFactory,
    VerzuimgevalFactory,
    geldig_bsn,
    werknemer_bij,
)
from verzuimportaal.aanvragen import service as aanvragen
from verzuimportaal.aanvragen.models import Soort as ZaakSoort
from verzuimportaal.accounts import service as accounts
from verzuimportaal.audit.models import Actie, Auditregel
from verzuimportaal.berichten import service as berichten
from verzuimportaal.berichten.models import Soort as BerichtSoort
from verzuimportaal.bewaartermijnen import service as bewaartermijnen
from verzuimportaal.bezwaar import service as bezwaar
from verzuimportaal.blokkades import service as blokkades
from verzuimportaal.blokkades.models import Blokkade, MeldingSoort, MeldingStatus, Misbruikmelding
from verzuimportaal.blokkades.models import Soort as BlokkadeSoort
from verzuimportaal.doelgroepregister import service as doelgroepregister
from verzuimportaal.doelgroepregister.models import Registerimport
from verzuimportaal.dossier import service as dossier
from verzuimportaal.dossier import termijnen
from verzuimportaal.dossier.models import (
    ActiviteitType,
    DocumentSoort,
    Verantwoordelijke,
    VerlengingSoort,
)
from verzuimportaal.dossier.tests.factories import ActiviteitFactory, bestand, casemanager
from verzuimportaal.eherkenning import service as eherkenning
from verzuimportaal.eherkenning.assertie import Assertie
from verzuimportaal.eherkenning.models import EHerkenningProfiel
from verzuimportaal.eherkenning.views import persoon_bij_login
from verzuimportaal.eigenrisicodragers import service as eigenrisicodragers
from verzuimportaal.eigenrisicodragers.models import Erdimport, Importsoort
from verzuimportaal.eigenrisicodragers.tests.factories import DOCUMENTKOP, voorbeeldregels
from verzuimportaal.facturen import service as facturen
from verzuimportaal.fusies import service as fusies
from verzuimportaal.herinneringen import service as herinneringen
from verzuimportaal.imports import service as imports
from verzuimportaal.koppelingen import service as koppelingen
from verzuimportaal.koppelingen.models import ApiClient
from verzuimportaal.koppelingen.scopenamen import KOPPELBARE_DIENSTEN
from verzuimportaal.lonen import service as lonen
from verzuimportaal.lonen.models import Loonactualisatie
from verzuimportaal.machtigingen import service as machtigingen
from verzuimportaal.machtigingen.models import Adviseurtoegang
from verzuimportaal.machtigingen.tests.factories import AdviseurFactory, AdviseurtoegangFactory
from verzuimportaal.ontslag import documenten as ontslagdocumenten
from verzuimportaal.ontslag import service as ontslag
from verzuimportaal.polissen import service as polissen
from verzuimportaal.polissen.uitvoerder import Uitvoerder
from verzuimportaal.reintegratiekosten import service as reintegratiekosten
from verzuimportaal.reintegratiekosten.tests.factories import aangevraagd as declaratie_aangevraagd
from verzuimportaal.reintegratiekosten.tests.factories import (
    gedeclareerd as declaratie_gedeclareerd,
)
from verzuimportaal.reintegratiekosten.tests.factories import goedgekeurd as declaratie_goedgekeurd
from verzuimportaal.reintegratiekosten.tests.factories import nota as declaratienota
from verzuimportaal.reintegratieverslag import service as reintegratieverslag
from verzuimportaal.runtime import uitgaand
from verzuimportaal.runtime.models import Uitgaand
from verzuimportaal.storingen import service as storingen
from verzuimportaal.storingen.models import Storingsmelding
from verzuimportaal.toegang.actor import Actor, Niveau, Portaalactor, accounthouder, beheerder
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.toegang.models import Lidmaatschap
from verzuimportaal.uitkeringen import service as uitkeringen
from verzuimportaal.uitkeringen.tests.factories import loon as geld_loon
from verzuimportaal.uitkeringen.tests.factories import polis as geld_polis
from verzuimportaal.verificatie import service as verificatie
from verzuimportaal.verzamelspecificaties import service as verzamelspecificaties
from verzuimportaal.verzamelspecificaties.models import Vangnetuitkering
from verzuimportaal.verzuim import service as verzuim
from verzuimportaal.verzuim.models import HerstelSoort, Verzuimgeval, ZelfdeOorzaak
from verzuimportaal.voorwaarden import service as voorwaarden
from verzuimportaal.voorwaarden.models import Voorwaardenversie
from verzuimportaal.voorwaarden.service import Persoon
from verzuimportaal.wazo import service as wazo
from verzuimportaal.wazo.models import Soort as WazoSoort
from verzuimportaal.wazo.tests.factories import zwangerschapsverlof
from verzuimportaal.webhooks import service as webhooks
from verzuimportaal.werkgevers import service as werkgevers
from verzuimportaal.werkgevers.models import Werkgever
from verzuimportaal.werknemers import service as werknemers

pytestmark = [pytest.mark.klok("2026-11-23"), pytest.mark.usefixtures("prive_opslag")]

BEVESTIGING = "verzuimportaal.dossier.tasks.maak_ontvangstbevestiging"
DASHBOARD = "verzuimportaal.portaal.tasks.verwarm_dashboard"
WEBHOOK_BESLUIT = "verzuimportaal.webhooks.tasks.publiceer_besluit_task"

Aanroep = Callable[[], object]


@dataclass(frozen=True)
class Schrijfactie:
    """``voorbereiden(omgeving, door)`` sets up what the call needs and returns the call."""

    voorbereiden: Callable[[Any, Actor], Aanroep]
    volgtaken: frozenset[str] = frozenset({DASHBOARD})
    # One row per object the use case creates or changes (a WAZO melding also opens its UWV
    # application, with a row of its own).
    auditsoorten: tuple[str, ...] | None = None
    # Why the werkgever's data version stays as it is: the use case changes no data of the
    # werkgever (a login, a second factor, an API client's rights). Still one audit row.
    zonder_gegevensversie: str = ""
    # The row is in the portal's own log (no werkgever): a ``Portaalactor`` acted (ADR 0013).
    portaallog: bool = False


def _zonder_versie(
    reden: str,
    voorbereiden: Callable[[Any, Actor], Aanroep],
    *,
    volgtaken: frozenset[str] = frozenset(),
    portaallog: bool = False,
) -> Schrijfactie:
    """A write that changes no werkgever data: one audit row, the data version unchanged."""
    return Schrijfactie(voorbereiden, volgtaken, zonder_gegevensversie=reden, portaallog=portaallog)


def _als_accounthouder(o: Any, door: Actor) -> Portaalactor:
    """The account of werkgever A's owner, acting on itself, with the test's IP and browser."""
    return accounthouder(o.lidmaatschap.gebruiker, ip=door.ip, user_agent=door.user_agent)


def _als_beheerder(o: Any, door: Actor) -> Portaalactor:
    """The operator (here the same account), with the test's IP and browser."""
    return beheerder(o.lidmaatschap.gebruiker, ip=door.ip, user_agent=door.user_agent)


def _portaal(
    voorbereiden: Callable[[Any, Portaalactor], Aanroep],
    *,
    als: Callable[[Any, Actor], Portaalactor] = _als_accounthouder,
    volgtaken: frozenset[str] = frozenset(),
    reden: str = "portaalbreed of het eigen account, geen gegevens van een werkgever",
) -> Schrijfactie:
    """A write by a ``Portaalactor`` (an account on itself, the operator): portal log only."""
    return _zonder_versie(
        reden,
        lambda o, door: voorbereiden(o, als(o, door)),
        volgtaken=volgtaken,
        portaallog=True,
    )


def _beheer_voor_werkgever(voorbereiden: Callable[[Any, Actor], Aanroep]) -> Schrijfactie:
    """The operator acting on werkgever A's data: a row in A's log, a new data version."""
    return Schrijfactie(lambda o, door: voorbereiden(o, _als_beheerder(o, door).voor(o.werkgever)))


def _storing(o: Any, door: Portaalactor) -> Storingsmelding:
    return storingen.meld_storing(
        door=door, titel="Trage verwerking", begin=datetime(2026, 11, 22, 20, tzinfo=UTC)
    )


def _koppeling(o: Any, door: Actor) -> ApiClient:
    client, _secret = koppelingen.registreer_client(
        door=door, naam="Salarispakket", niveaus={KOPPELBARE_DIENSTEN[0]: Niveau.BEKIJKEN}
    )
    return client


KOPPELING = "een API-koppeling is een recht, geen gegeven van de werkgever (ADR 0022)"


def _zwangerschapsverlof(o: Any, door: Actor) -> Any:
    return wazo.meld_zwangerschapsverlof(
        door=door,
        werknemer=o.nieuwe_werknemer,
        uitgerekende_datum=date(2026, 11, 20),
        ingangsdatum=date(2026, 10, 10),
    )


def _melding(voorbereiden: Callable[[Any, Actor], Aanroep]) -> Schrijfactie:
    """A melding: its ontvangstbevestiging follows on commit too (DOMAIN §9)."""
    return Schrijfactie(voorbereiden, frozenset({DASHBOARD, BEVESTIGING}))


def _hersteld(o: Any, door: Actor) -> None:
    verzuim.meld_volledig_hersteld(
        door=door, verzuimgeval=o.verzuimgeval, hersteldatum=date(2026, 11, 20)
    )


def _heropen_voorbereiden(o: Any, door: Actor) -> Aanroep:
    _hersteld(o, door)
    return lambda: verzuim.heropen_verzuimgeval(
        door=door, verzuimgeval=o.verzuimgeval, reden="herstel was onjuist gemeld"
    )


def _corrigeer_hersteldatum(o: Any, door: Actor) -> Aanroep:
    _hersteld(o, door)
    return lambda: verzuim.corrigeer_hersteldatum(
        door=door, verzuimgeval=o.verzuimgeval, hersteldatum=date(2026, 11, 19), reden="typefout"
    )


def _werk_stap_af(o: Any, door: Actor) -> Aanroep:
    stap = dossier.afvinkbare_stappen(termijnen.voor_verzuimgeval(o.verzuimgeval))[0]
    return lambda: dossier.werk_stap_af(
        door=door, verzuimgeval=o.verzuimgeval, soort=stap.soort, uitgevoerd_op=date(2026, 11, 20)
    )


def _importeer(o: Any, door: Actor) -> Aanroep:
    """A checked and started import of one new and one changed werknemer; the call is the
    commit (the Celery task's body), which acts as the starter."""
    lhnr = o.loonheffingennummer.nummer
    w = o.werknemer
    inhoud = (
        "loonheffingennummer;bsn;achternaam;geboortedatum;datum in dienst;uren\n"
        f"{lhnr};{geldig_bsn()};Nieuw;01-01-1990;01-01-2026;32\n"
        f"{lhnr};{w.bsn};Gewijzigd;{w.geboortedatum:%d-%m-%Y};{w.datum_in_dienst:%d-%m-%Y};"
        f"{w.contracturen_per_week}\n"
    ).encode()
    imp = imports.lees_in(door=door, bestandsnaam="salaris.csv", inhoud=inhoud)
    imp = imports.controleer(door=door, imp=imp, koppeling=imp.koppeling)
    assert imp.aantallen == {"aanmaken": 1, "wijzigen": 1}, imp.uitkomsten
    imports.start(door=door, imp=imp)
    return lambda: imports.voer_uit(import_uuid=str(imp.uuid))


def _stop_webhook(o: Any, door: Actor) -> Aanroep:
    abonnement, _ = webhooks.abonneer(
        door=door, url="https://ontvanger.example.nl/webhook", gebeurtenissen=["bericht.ontvangen"]
    )
    return lambda: webhooks.stop(door=door, abonnement=abonnement)


def _beheerder(door: Actor) -> Uitvoerder:
    """A staff member of the operator with the polis permission, from the test's address."""
    gebruiker = GebruikerFactory(is_staff=True)
    gebruiker.user_permissions.add(Permission.objects.get(codename="add_polis"))
    gebruiker = type(gebruiker).objects.get(pk=gebruiker.pk)  # fresh permission cache
    return Uitvoerder.medewerker(gebruiker, ip=door.ip, user_agent=door.user_agent)


def _polis(o: Any, door: Actor) -> Aanroep:
    beheerder = _beheerder(door).actor_voor(o.werkgever)
    return lambda: polissen.leg_polis_vast(
        door=beheerder,
        polisnummer="VZ-1",
        ingangsdatum=date(2026, 1, 1),
        premiepercentage=Decimal("3.25"),
        arbotarief=Decimal("12.50"),
    )


def _verzekerd(o: Any) -> None:
    """A polis for werkgever A and a werknemer sick since September with a wage (DOMAIN §7.3)."""
    geld_polis(o.werkgever, ingangsdatum=date(2026, 1, 1))
    geld_loon(o.nieuwe_werknemer, Decimal(52200))
    VerzuimgevalFactory(werknemer=o.nieuwe_werknemer, eerste_ziektedag=date(2026, 9, 1))


def _maandrun(o: Any, door: Actor) -> Aanroep:
    _verzekerd(o)
    planning = Uitvoerder(ip=door.ip, user_agent=door.user_agent)
    return lambda: uitkeringen.voer_maandrun_uit(door=planning, maand=date(2026, 10, 1))


def _vangnetuitkering(o: Any, door: Actor) -> Aanroep:
    beheerder = _beheerder(door)
    return lambda: verzamelspecificaties.leg_vangnetuitkering_vast(
        door=beheerder, verzuimgeval=o.verzuimgeval, grondslag="zw"
    )


def _specificaties(o: Any, door: Actor) -> Aanroep:
    """A vangnet ZW case since September with a wage: October's line (DOMAIN §7.2)."""
    geld_loon(o.nieuwe_werknemer, Decimal(52200))
    geval = VerzuimgevalFactory(werknemer=o.nieuwe_werknemer, eerste_ziektedag=date(2026, 9, 1))
    Vangnetuitkering.objects.create(
        verzuimgeval=geval, grondslag="zw", percentage=Decimal(70), vastgelegd_op=timezone.now()
    )
    planning = Uitvoerder(ip=door.ip, user_agent=door.user_agent)
    return lambda: verzamelspecificaties.stel_specificaties_op(
        door=planning, maand=date(2026, 10, 1)
    )


def _arbofacturen(o: Any, door: Actor) -> Aanroep:
    _verzekerd(o)
    planning = Uitvoerder(ip=door.ip, user_agent=door.user_agent)
    return lambda: facturen.maak_arbofacturen(door=planning, maand=date(2026, 11, 1))


def _declaratie_aangevraagd(o: Any, door: Actor) -> Aanroep:
    return lambda: reintegratiekosten.vraag_goedkeuring_aan(
        door=door,
        verzuimgeval=o.verzuimgeval,
        omschrijving="Coaching",
        aanbieder="Coach B.V.",
        begroot_bedrag=Decimal(1500),
    )


def _als_casemanager(door: Actor) -> Actor:
    return replace(casemanager(door.werkgever), ip=door.ip, user_agent=door.user_agent)


def _beoordeel(o: Any, door: Actor) -> Aanroep:
    declaratie = declaratie_aangevraagd(o, door=door)
    return lambda: reintegratiekosten.beoordeel(
        door=_als_casemanager(door), declaratie=declaratie, goedgekeurd_bedrag=Decimal(1200)
    )


def _declareer(o: Any, door: Actor) -> Aanroep:
    declaratie = declaratie_goedgekeurd(o, door=door)
    return lambda: reintegratiekosten.declareer(
        door=door,
        declaratie=declaratie,
        notabedrag=Decimal(1350),
        nota_ontvangen_op=date(2026, 11, 20),
        nota=declaratienota(),
    )


def _betaal(o: Any, door: Actor) -> Aanroep:
    declaratie = declaratie_gedeclareerd(o, door=door)
    return lambda: reintegratiekosten.leg_betaling_vast(
        door=_als_casemanager(door), declaratie=declaratie, betaald_op=date(2026, 11, 23)
    )


def _sluit_bij_verlof(o: Any, door: Actor) -> Aanroep:
    """The open spell (from 2026-11-02) runs into leave that began yesterday (ADR 0026)."""
    verlof = zwangerschapsverlof(o.verzuimgeval.werknemer, date(2026, 11, 22), date(2027, 3, 1))
    return lambda: wazo.sluit_verzuim_bij_begin_verlof(door=door, verlof=verlof)


NOTIFICATIE = "verzuimportaal.berichten.tasks.verstuur_notificatie"


def _januari(o: Any, *, uiterlijk: date = date(2026, 2, 28)) -> Loonactualisatie:
    """Werkgever A insured, both werknemers with a wage, and its January update of 2026."""
    _verzekerd(o)
    geld_loon(o.werknemer, Decimal(48000))
    return Loonactualisatie.objects.create(
        werkgever=o.werkgever, jaar=2026, geopend_op=timezone.now(), uiterlijk=uiterlijk
    )


def _open_januari(o: Any, door: Actor) -> Aanroep:
    _verzekerd(o)
    planning = Uitvoerder(ip=door.ip, user_agent=door.user_agent)
    return lambda: lonen.open_loonactualisaties(door=planning, jaar=2027)


def _herinner(o: Any, door: Actor) -> Aanroep:
    _januari(o, uiterlijk=date(2026, 11, 30))
    planning = Uitvoerder(ip=door.ip, user_agent=door.user_agent)
    return lambda: lonen.herinner_loonactualisaties(door=planning)


def _werk_januarilonen_bij(o: Any, door: Actor) -> Aanroep:
    actualisatie = _januari(o)
    regel = lonen.Loonregel(
        werknemer=o.werknemer,
        bruto_jaarloon=Decimal(50000),
        vakantiegeld_percentage=Decimal(8),
        vaste_onderdelen=Decimal(0),
    )
    return lambda: lonen.werk_januarilonen_bij(door=door, actualisatie=actualisatie, regels=[regel])


def _rond_januari_af(o: Any, door: Actor) -> Aanroep:
    actualisatie = _januari(o)
    return lambda: lonen.rond_loonactualisatie_af(door=door, actualisatie=actualisatie)


def _premiefacturen(o: Any, door: Actor) -> Aanroep:
    _januari(o)
    return lambda: facturen.maak_premiefacturen(door=door, jaar=2026)


# --- cases at the operator (ADR 0027, 0028) ---------------------------------------------------


def _zaak(o: Any, door: Actor) -> Any:
    return aanvragen.ontvang(
        door=door, soort=ZaakSoort.WAZO, onderwerp="Verlof", werknemer=o.werknemer
    )


def _behandelaar() -> Any:
    from django.contrib.auth.models import Permission

    from tests.factories import GebruikerFactory

    gebruiker = GebruikerFactory(is_staff=True)
    gebruiker.user_permissions.add(
        Permission.objects.get(codename="behandelen", content_type__app_label="aanvragen")
    )
    return gebruiker


def _als_behandelaar(actie: Callable[..., Any], **velden: Any) -> Callable[[Any, Actor], Aanroep]:
    """An operator step on a fresh case, with the request's address and browser."""

    def voorbereiden(o: Any, door: Actor) -> Aanroep:
        zaak, behandelaar = _zaak(o, door), _behandelaar()
        extra = {"behandelaar": behandelaar} if actie is aanvragen.wijs_toe else {}
        als = beheerder(behandelaar, ip=door.ip, user_agent=door.user_agent)
        return lambda: actie(door=als, zaak=zaak, **extra, **velden)

    return voorbereiden


def _beantwoord(o: Any, door: Actor) -> Aanroep:
    zaak = aanvragen.vraag_informatie(
        door=beheerder(_behandelaar()), zaak=_zaak(o, door), vraag="Welke datum?"
    )
    return lambda: aanvragen.beantwoord(door=door, zaak=zaak, antwoord="De 10e.")


def _pdfs(checklist: Any) -> dict[str, Any]:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from verzuimportaal.aanvragen.tests.factories import PDF

    return {s.code: SimpleUploadedFile(f"{s.code}.pdf", PDF) for s in checklist}


def _met(door: Actor, dienst: str) -> Actor:
    return replace(door, rechten=door.rechten | {dienst})


def _compensatie(o: Any, door: Actor) -> Aanroep:
    from tests.factories import VerzuimgevalFactory

    VerzuimgevalFactory(werknemer=o.nieuwe_werknemer, eerste_ziektedag=date(2024, 6, 3))
    return lambda: ontslag.dien_compensatie_in(
        door=_met(door, Dienst.ONTSLAGAANVRAAG),
        werknemer=o.nieuwe_werknemer,
        laatste_dag_in_dienst=date(2026, 9, 30),
        wijze_einde="opzegging",
        betaalde_transitievergoeding=Decimal("9000.00"),
        transitiekosten=Decimal("0.00"),
        verschuldigd_na_opzegverbod=Decimal("9500.00"),
        loon_104_weken=Decimal("70000.00"),
        uitkeringen_104_weken=Decimal("0.00"),
        betaald_op=date(2026, 10, 1),
        bestanden=_pdfs(ontslagdocumenten.COMPENSATIE),
    )


def _reintegratieverslag(o: Any, door: Actor) -> Aanroep:

    geval = VerzuimgevalFactory(werknemer=o.nieuwe_werknemer, eerste_ziektedag=date(2025, 1, 6))
    for soort, op in (
        ("plan_van_aanpak", date(2025, 3, 1)),
        ("evaluatie", date(2025, 4, 12)),
        ("eerstejaarsevaluatie", date(2025, 12, 1)),
        ("bezoek_bedrijfsarts", date(2026, 9, 20)),
        ("eindevaluatie", date(2026, 10, 1)),
    ):
        ActiviteitFactory(verzuimgeval=geval, type=soort, afgewerkt=True, uitgevoerd_op=op)
    return lambda: reintegratieverslag.dien_reintegratieverslag_in(
        door=_met(door, Dienst.REINTEGRATIE_WIA), verzuimgeval=geval, mening_werknemer="Eens."
    )


ZAAKACTIES: dict[str, Schrijfactie] = {
    "reintegratieverslag.service.dien_reintegratieverslag_in": Schrijfactie(
        _reintegratieverslag, auditsoorten=("zaak", "reintegratieverslag")
    ),
    "aanvragen.service.ontvang": Schrijfactie(lambda o, door: lambda: _zaak(o, door)),
    "aanvragen.service.wijs_toe": Schrijfactie(_als_behandelaar(aanvragen.wijs_toe)),
    # The question and the letter land in the inbox: its notification follows on commit.
    "aanvragen.service.vraag_informatie": Schrijfactie(
        _als_behandelaar(aanvragen.vraag_informatie, vraag="Welke datum?"),
        frozenset({DASHBOARD, NOTIFICATIE}),
    ),
    "aanvragen.service.beslis": Schrijfactie(
        _als_behandelaar(aanvragen.beslis, besluit="toegekend", toelichting=""),
        frozenset({DASHBOARD, NOTIFICATIE, WEBHOOK_BESLUIT}),
    ),
    "aanvragen.service.beantwoord": Schrijfactie(_beantwoord),
    "ontslag.service.dien_ontslagaanvraag_in": Schrijfactie(
        lambda o, door: (
            lambda: ontslag.dien_ontslagaanvraag_in(
                door=_met(door, Dienst.ONTSLAGAANVRAAG),
                werknemer=o.nieuwe_werknemer,
                route="bedrijfseconomisch",
                afspiegeling_toegepast=True,
                herplaatsing_onmogelijk=True,
                bestanden=_pdfs(ontslagdocumenten.BEDRIJFSECONOMISCH),
            )
        ),
        auditsoorten=("zaak", "ontslagaanvraag"),
    ),
    "ontslag.service.dien_compensatie_in": Schrijfactie(
        _compensatie, auditsoorten=("zaak", "compensatieaanvraag")
    ),
    "bezwaar.service.dien_bezwaar_in": Schrijfactie(
        lambda o, door: (
            lambda: bezwaar.dien_bezwaar_in(
                door=_met(door, Dienst.BEZWAAR),
                loonheffingennummer=o.loonheffingennummer,
                besluitdatum=date(2026, 11, 20),
                kenmerk="K-2026-1",
                gronden="Oneens.",
            )
        ),
        auditsoorten=("zaak", "bezwaar"),
    ),
}


# The services that write a werkgever's data, by dotted name (module.function).
SCHRIJFGRENS: dict[str, Schrijfactie] = {
    "verzuim.service.meld_ziek": Schrijfactie(
        lambda o, door: (
            lambda: verzuim.meld_ziek(
                door=door,
                werknemer=o.nieuwe_werknemer,
                eerste_ziektedag=date(2026, 11, 22),
            )
        ),
        # Seed 004: a new ziekmelding also goes to the arbodienst and the casemanager; the
        # test werkgever has neither, so nothing is planned for them.
        frozenset({DASHBOARD, BEVESTIGING}),
    ),
    "verzuim.service.meld_gedeeltelijk_hersteld": _melding(
        lambda o, door: (
            lambda: verzuim.meld_gedeeltelijk_hersteld(
                door=door,
                verzuimgeval=o.verzuimgeval,
                ingangsdatum=date(2026, 11, 10),
                percentage_arbeidsongeschikt=50,
            )
        )
    ),
    "verzuim.service.meld_volledig_hersteld": _melding(
        lambda o, door: (
            lambda: verzuim.meld_volledig_hersteld(
                door=door, verzuimgeval=o.verzuimgeval, hersteldatum=date(2026, 11, 20)
            )
        )
    ),
    "verzuim.service.meld_ziek_uit_dienst": _melding(
        lambda o, door: (
            lambda: verzuim.meld_ziek_uit_dienst(
                door=door, verzuimgeval=o.verzuimgeval, laatste_dag_in_dienst=date(2026, 11, 20)
            )
        )
    ),
    "verzuim.service.meld_herstel": _melding(
        lambda o, door: (
            lambda: verzuim.meld_herstel(
                door=door,
                verzuimgeval=o.verzuimgeval,
                soort=HerstelSoort.VOLLEDIG,
                datum=date(2026, 11, 20),
            )
        )
    ),
    "verzuim.service.wijzig_percentage": _melding(
        lambda o, door: (
            lambda: verzuim.wijzig_percentage(
                door=door,
                verzuimgeval=o.verzuimgeval,
                ingangsdatum=date(2026, 11, 10),
                percentage_arbeidsongeschikt=60,
            )
        )
    ),
    "verzuim.service.corrigeer_eerste_ziektedag": Schrijfactie(
        lambda o, door: (
            lambda: verzuim.corrigeer_eerste_ziektedag(
                door=door,
                verzuimgeval=o.verzuimgeval,
                eerste_ziektedag=date(2026, 11, 3),
                reden="typefout",
            )
        )
    ),
    "verzuim.service.corrigeer_hersteldatum": Schrijfactie(_corrigeer_hersteldatum),
    "verzuim.service.heropen_verzuimgeval": Schrijfactie(_heropen_voorbereiden),
    "werknemers.service.meld_werknemer_aan": Schrijfactie(
        lambda o, door: (
            lambda: werknemers.meld_werknemer_aan(
                door=door,
                loonheffingennummer=o.loonheffingennummer,
                bsn=geldig_bsn(),
                achternaam="Nieuw",
                geboortedatum=date(1990, 1, 1),
                datum_in_dienst=date(2026, 1, 1),
                contracturen_per_week=Decimal("32"),
            )
        )
    ),
    "werknemers.service.wijzig_werknemer": Schrijfactie(
        lambda o, door: (
            lambda: werknemers.wijzig_werknemer(
                door=door, werknemer=o.werknemer, gegevens={"functie": "Planner"}
            )
        )
    ),
    "dossier.service.voeg_activiteit_toe": Schrijfactie(
        lambda o, door: (
            lambda: dossier.voeg_activiteit_toe(
                door=door,
                verzuimgeval=o.verzuimgeval,
                type=ActiviteitType.GESPREK,
                deadline=date(2026, 11, 30),
                verantwoordelijke=Verantwoordelijke.WERKGEVER,
            )
        )
    ),
    "dossier.service.wijzig_activiteit": Schrijfactie(
        lambda o, door: (
            lambda: dossier.wijzig_activiteit(
                door=door,
                activiteit=o.activiteit,
                deadline=date(2026, 12, 1),
                verantwoordelijke=Verantwoordelijke.WERKGEVER,
            )
        )
    ),
    "dossier.service.werk_activiteit_af": Schrijfactie(
        lambda o, door: (
            lambda: dossier.werk_activiteit_af(
                door=door, activiteit=o.activiteit, uitgevoerd_op=date(2026, 11, 20)
            )
        )
    ),
    "dossier.service.heropen_activiteit": Schrijfactie(
        lambda o, door: (
            lambda: dossier.heropen_activiteit(door=door, activiteit=o.afgewerkte_activiteit)
        )
    ),
    "dossier.service.werk_stap_af": Schrijfactie(_werk_stap_af),
    "dossier.service.upload_document": Schrijfactie(
        lambda o, door: (
            lambda: dossier.upload_document(
                door=door,
                verzuimgeval=o.verzuimgeval,
                soort=DocumentSoort.OVERIG,
                bestand=bestand("plan.pdf"),
            )
        )
    ),
    "verzuim.service.leg_zelfde_oorzaak_vast": Schrijfactie(
        lambda o, door: (
            lambda: verzuim.leg_zelfde_oorzaak_vast(
                door=door, verzuimgeval=o.verzuimgeval, zelfde_oorzaak=ZelfdeOorzaak.NEE
            )
        )
    ),
    "wazo.service.meld_zwangerschapsverlof": Schrijfactie(
        lambda o, door: (
            lambda: wazo.meld_zwangerschapsverlof(
                door=door,
                werknemer=o.nieuwe_werknemer,
                uitgerekende_datum=date(2027, 1, 23),
                ingangsdatum=date(2026, 12, 13),
            )
        ),
        auditsoorten=("wazoverlof", "zaak"),
    ),
    "wazo.service.sluit_verzuim_bij_begin_verlof": Schrijfactie(_sluit_bij_verlof),
    "dossier.service.leg_verlenging_vast": Schrijfactie(
        lambda o, door: (
            lambda: dossier.leg_verlenging_vast(
                door=door, verzuimgeval=o.verzuimgeval, soort=VerlengingSoort.VERLENGING, weken=13
            )
        )
    ),
    "imports.service.voer_uit": Schrijfactie(_importeer),
    "webhooks.service.abonneer": Schrijfactie(
        lambda o, door: (
            lambda: webhooks.abonneer(
                door=door,
                url="https://ontvanger.example.nl/webhook",
                gebeurtenissen=["melding.geregistreerd"],
            )
        )
    ),
    "webhooks.service.stop": Schrijfactie(_stop_webhook),
}

SCHRIJFGRENS |= {
    "werkgevers.service.wijzig_postadres": _beheer_voor_werkgever(
        lambda o, door: (
            lambda: werkgevers.wijzig_postadres(
                door=door, adres="Molenstraat 12", postcode="3811hk", plaats="Amersfoort"
            )
        )
    ),
    "werkgevers.service.voeg_loonheffingennummer_toe": _beheer_voor_werkgever(
        lambda o, door: (
            lambda: werkgevers.voeg_loonheffingennummer_toe(
                door=door, nummer=f"{o.loonheffingennummer.nummer[:9]}L77"
            )
        )
    ),
    "storingen.service.meld_storing": _portaal(
        lambda o, door: lambda: _storing(o, door), als=_als_beheerder
    ),
    "storingen.service.wijzig_storing": _portaal(
        lambda o, door: (
            lambda melding: (
                lambda: storingen.wijzig_storing(
                    door=door, melding=melding, verwachte_duur="twee uur"
                )
            )
        )(_storing(o, door)),
        als=_als_beheerder,
    ),
    "storingen.service.hef_op": _portaal(
        lambda o, door: (lambda melding: lambda: storingen.hef_op(door=door, melding=melding))(
            _storing(o, door)
        ),
        als=_als_beheerder,
    ),
    "koppelingen.service.registreer_client": _zonder_versie(
        KOPPELING, lambda o, door: lambda: _koppeling(o, door)
    ),
    "koppelingen.service.vernieuw_secret": _zonder_versie(
        KOPPELING,
        lambda o, door: (
            lambda client: lambda: koppelingen.vernieuw_secret(door=door, client=client)
        )(_koppeling(o, door)),
    ),
    "koppelingen.service.trek_in": _zonder_versie(
        KOPPELING,
        lambda o, door: (lambda client: lambda: koppelingen.trek_in(door=door, client=client))(
            _koppeling(o, door)
        ),
    ),
    "wazo.service.meld_geboorte": Schrijfactie(
        lambda o, door: (
            lambda verlof: (
                lambda: wazo.meld_geboorte(
                    door=door, verlof=verlof, geboortedatum=date(2026, 11, 19)
                )
            )
        )(_zwangerschapsverlof(o, door))
    ),
    "wazo.service.meld_aanvullend_geboorteverlof": Schrijfactie(
        lambda o, door: (
            lambda: wazo.meld_aanvullend_geboorteverlof(
                door=door,
                werknemer=o.nieuwe_werknemer,
                geboortedatum=date(2026, 11, 15),
                einde_geboorteverlof=date(2026, 11, 22),
                ingangsdatum=date(2026, 11, 26),
                weken=5,
            )
        ),
        auditsoorten=("wazoverlof", "zaak"),
    ),
    "wazo.service.meld_adoptieverlof": Schrijfactie(
        lambda o, door: (
            lambda: wazo.meld_adoptieverlof(
                door=door,
                werknemer=o.nieuwe_werknemer,
                soort=WazoSoort.ADOPTIE,
                datum_komst=date(2027, 1, 18),
                ingangsdatum=date(2026, 12, 21),
                weken=6,
            )
        ),
        auditsoorten=("wazoverlof", "zaak"),
    ),
}


def _blokkade(o: Any, door: Portaalactor) -> Blokkade:
    return blokkades.blokkeer(
        door=door, soort=BlokkadeSoort.PSEUDONIEM, pseudoniem="pseudo-misbruik", reden="misbruik"
    )


def _misbruikmelding(door: Actor) -> Misbruikmelding:
    return blokkades.meld_misbruik(
        door=door, soort=MeldingSoort.values[0], omschrijving="Vreemde inlog gezien"
    )


def _voorwaarden(door: Portaalactor, nummer: str, op: date, ingang: date) -> Voorwaardenversie:
    return voorwaarden.publiceer_versie(
        door=door,
        nummer=nummer,
        titel="Gebruiksvoorwaarden",
        tekst="## Artikel 1",
        gepubliceerd_op=op,
        ingangsdatum=ingang,
    )


def _persoon(o: Any) -> Persoon:
    return Persoon(gebruiker_id=o.lidmaatschap.gebruiker_id)


def _weiger(o: Any, door: Portaalactor) -> Aanroep:
    beheer = beheerder(None)
    oud = _voorwaarden(beheer, "1.0", date(2026, 1, 1), date(2026, 1, 15))
    nieuw = _voorwaarden(beheer, "2.0", date(2026, 11, 20), date(2026, 12, 7))
    voorwaarden.accepteer(
        door=door,
        persoon=_persoon(o),
        versie=oud,
        notificatie_email="hr@example.nl",
        op=date(2026, 2, 1),
    )
    return lambda: voorwaarden.weiger(door=door, persoon=_persoon(o), versie=nieuw)


MISBRUIK = "een melding aan de beheerder, geen gegevens van de werkgever (seed 003 art. 4.5)"

SCHRIJFGRENS |= {
    "blokkades.service.blokkeer": _portaal(
        lambda o, door: lambda: _blokkade(o, door), als=_als_beheerder
    ),
    "blokkades.service.hef_op": _portaal(
        lambda o, door: (
            lambda blokkade: lambda: blokkades.hef_op(door=door, blokkade=blokkade, reden="klaar")
        )(_blokkade(o, door)),
        als=_als_beheerder,
    ),
    "blokkades.service.meld_misbruik": _zonder_versie(
        MISBRUIK, lambda o, door: lambda: _misbruikmelding(door)
    ),
    "blokkades.service.behandel_melding": _portaal(
        lambda o, door: (
            lambda melding: (
                lambda: blokkades.behandel_melding(
                    door=door, melding=melding, status=MeldingStatus.AFGEHANDELD
                )
            )
        )(_misbruikmelding(o.actor)),
        als=_als_beheerder,
    ),
    "voorwaarden.service.publiceer_versie": _portaal(
        lambda o, door: lambda: _voorwaarden(door, "1.0", date(2026, 11, 23), date(2026, 11, 23)),
        als=_als_beheerder,
    ),
    "voorwaarden.service.accepteer": _portaal(
        lambda o, door: (
            lambda versie: (
                lambda: voorwaarden.accepteer(
                    door=door, persoon=_persoon(o), versie=versie, notificatie_email="hr@example.nl"
                )
            )
        )(_voorwaarden(beheerder(None), "1.0", date(2026, 11, 1), date(2026, 11, 15)))
    ),
    "voorwaarden.service.weiger": _portaal(_weiger),
    "lonen.service.leg_loon_vast": Schrijfactie(
        lambda o, door: (
            lambda: lonen.leg_loon_vast(
                door=door,
                werknemer=o.werknemer,
                ingangsdatum=date(2026, 1, 1),
                bruto_jaarloon=Decimal(48000),
            )
        )
    ),
    "polissen.service.leg_polis_vast": Schrijfactie(_polis),
    # Runs over all werkgevers: one row per werkgever that gets lines or an invoice (ADR 0030).
    "uitkeringen.service.voer_maandrun_uit": Schrijfactie(
        _maandrun, auditsoorten=("uitkeringsrun",)
    ),
    "facturen.service.maak_arbofacturen": Schrijfactie(
        _arbofacturen, auditsoorten=("arbofactuur",)
    ),
    # DOMAIN §7.2 (ADR 0045): the UWV's vangnet decision and the month's computed lines.
    "verzamelspecificaties.service.leg_vangnetuitkering_vast": Schrijfactie(_vangnetuitkering),
    "verzamelspecificaties.service.stel_specificaties_op": Schrijfactie(
        _specificaties, auditsoorten=("specificatieregel",)
    ),
    "reintegratiekosten.service.vraag_goedkeuring_aan": Schrijfactie(_declaratie_aangevraagd),
    "reintegratiekosten.service.beoordeel": Schrijfactie(_beoordeel),
    "reintegratiekosten.service.declareer": Schrijfactie(_declareer),
    "reintegratiekosten.service.leg_betaling_vast": Schrijfactie(_betaal),
    "reintegratiekosten.service.meld_loonsanctie": Schrijfactie(
        lambda o, door: (
            lambda: reintegratiekosten.meld_loonsanctie(
                door=door,
                verzuimgeval=o.verzuimgeval,
                besluit_ontvangen_op=date(2026, 11, 20),
                weken=12,
                advies_opgevolgd="ja",
            )
        )
    ),
}


def _verificatiebrief(o: Any, door: Actor) -> Any:
    o.werkgever.adres, o.werkgever.postcode, o.werkgever.plaats = "Dorpsstraat 1", "1234 AB", "Ede"
    o.werkgever.save()
    nummer = LoonheffingennummerFactory(werkgever=o.werkgever, geactiveerd_op=None)
    return nummer


def _activeer(o: Any, door: Actor) -> Aanroep:
    nummer = _verificatiebrief(o, door)
    verificatie._maak_brief(door=beheerder(None), loonheffingennummer=nummer, code="ABCD-EFGH-JK23")
    return lambda: verificatie.activeer(
        door=door, loonheffingennummer=nummer, code="ABCD-EFGH-JK23"
    )


BRIEF = "de code is pas zichtbaar na het activeren, dat de gegevensversie verhoogt"
GELEZEN = "lezen verandert geen gegevens van de werkgever (leesstatus en auditregel van de inzage)"

SCHRIJFGRENS |= {
    "verificatie.service.maak_verificatiebrief": _zonder_versie(
        BRIEF,
        lambda o, door: (
            lambda nummer: (
                lambda: verificatie.maak_verificatiebrief(
                    door=_als_beheerder(o, door), loonheffingennummer=nummer
                )
            )
        )(_verificatiebrief(o, door)),
    ),
    "verificatie.service.markeer_verstuurd": _zonder_versie(
        BRIEF,
        lambda o, door: (
            lambda code: (
                lambda: verificatie.markeer_verstuurd(
                    door=_als_beheerder(o, door), verificatiecode=code
                )
            )
        )(
            verificatie.maak_verificatiebrief(
                door=beheerder(None), loonheffingennummer=_verificatiebrief(o, door)
            )[0]
        ),
    ),
    "verificatie.service.activeer": Schrijfactie(_activeer),
    "berichten.service.markeer_gelezen": _zonder_versie(
        GELEZEN,
        lambda o, door: (
            lambda bericht: lambda: berichten.markeer_gelezen(door=door, bericht=bericht)
        )(
            berichten.plaats_bericht(
                werkgever=o.werkgever,
                soort=BerichtSoort.BRIEF,
                onderwerp="Brief",
                tekst="Zie bijlage",
                verzuimgeval=o.verzuimgeval,
                notificeren=False,
            )
        ),
    ),
    # The January update (ADR 0042): the task and reminders post a message (e-mail on commit).
    "lonen.service.open_loonactualisaties": Schrijfactie(
        _open_januari, frozenset({DASHBOARD, NOTIFICATIE}), auditsoorten=("loonactualisatie",)
    ),
    "lonen.service.herinner_loonactualisaties": Schrijfactie(
        _herinner, frozenset({DASHBOARD, NOTIFICATIE}), auditsoorten=("loonactualisatie",)
    ),
    "lonen.service.werk_januarilonen_bij": Schrijfactie(_werk_januarilonen_bij),
    "lonen.service.rond_loonactualisatie_af": Schrijfactie(
        _rond_januari_af, auditsoorten=("loonactualisatie", "premiefactuur")
    ),
    "facturen.service.maak_premiefacturen": Schrijfactie(
        _premiefacturen, auditsoorten=("premiefactuur",)
    ),
}

SCHRIJFGRENS.update(ZAAKACTIES)

TOEGANG = "toegang is een recht, geen gegeven van de werkgever (zoals een API-koppeling)"


def _aanvraag(door: Actor, adviseur: Any) -> tuple[Adviseurtoegang, str, str]:
    return machtigingen.maak_aanvraag(
        door=door, kvk_nummer=adviseur.kvk_nummer, niveau=Niveau.BEKIJKEN, email="hr@example.nl"
    )


def _actieve_toegang(o: Any) -> Adviseurtoegang:
    return AdviseurtoegangFactory(werkgever=o.werkgever)


def _casemanager(o: Any, door: Actor) -> Aanroep:
    operator = GebruikerFactory(is_staff=True, is_superuser=True)
    casemanager = GebruikerFactory()
    als = beheerder(operator, ip=door.ip, user_agent=door.user_agent)
    return lambda: machtigingen.wijs_casemanager_toe(
        door=als, casemanager=casemanager, werkgever=o.werkgever
    )


SCHRIJFGRENS |= {
    "machtigingen.service.vraag_toegang_aan": _zonder_versie(
        TOEGANG,
        lambda o, door: (
            lambda adviseur: (
                lambda: machtigingen.vraag_toegang_aan(
                    door=door,
                    kvk_nummer=adviseur.kvk_nummer,
                    niveau=Niveau.BEKIJKEN,
                    email="hr@example.nl",
                )
            )
        )(AdviseurFactory()),
    ),
    "machtigingen.service.maak_aanvraag": _zonder_versie(
        TOEGANG,
        lambda o, door: (lambda adviseur: lambda: _aanvraag(door, adviseur))(AdviseurFactory()),
    ),
    "machtigingen.service.bevestig": _zonder_versie(
        TOEGANG,
        lambda o, door: (
            lambda aanvraag: lambda: machtigingen.bevestig(door=door, token=aanvraag[1])
        )(_aanvraag(door, AdviseurFactory())),
    ),
    "machtigingen.service.wijzig_niveau": _zonder_versie(
        TOEGANG,
        lambda o, door: (
            lambda toegang: (
                lambda: machtigingen.wijzig_niveau(
                    door=door, toegang=toegang, niveau=Niveau.WIJZIGEN
                )
            )
        )(_actieve_toegang(o)),
    ),
    "machtigingen.service.trek_in": _zonder_versie(
        TOEGANG,
        lambda o, door: (lambda toegang: lambda: machtigingen.trek_in(door=door, toegang=toegang))(
            _actieve_toegang(o)
        ),
    ),
    "machtigingen.service.wijs_casemanager_toe": _zonder_versie(TOEGANG, _casemanager),
}


ACCOUNT = "accounts en rechten zijn geen gegevens van de werkgever (zoals een API-koppeling)"
WACHTWOORD = "Sterk-Wacht-26!"


def _lid(o: Any) -> Lidmaatschap:
    return LidmaatschapFactory(werkgever=o.werkgever, rechten=[Dienst.VERZUIM_MELDEN])


def _collega_van_hoofdcontactpersoon(o: Any) -> Lidmaatschap:
    o.lidmaatschap.hoofdcontactpersoon = True
    o.lidmaatschap.save(update_fields=["hoofdcontactpersoon"])
    return _lid(o)


def _eigen_account(o: Any) -> Any:
    return o.lidmaatschap.gebruiker


def _totp(o: Any, door: Portaalactor) -> TOTPDevice:
    return accounts.begin_totp(door=door)


def _totp_code(apparaat: TOTPDevice) -> str:
    klok = TOTP(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits, apparaat.drift)
    return str(klok.token()).zfill(apparaat.digits)


def _email_apparaat(o: Any) -> EmailDevice:
    apparaat, _ = EmailDevice.objects.get_or_create(
        user=_eigen_account(o), defaults={"name": "E-mail", "confirmed": True}
    )
    return apparaat


def _geen_email_apparaat(o: Any) -> int:
    aantal, _ = EmailDevice.objects.filter(user=_eigen_account(o)).delete()
    return aantal


SCHRIJFGRENS |= {
    "accounts.service.maak_hoofdcontactpersoon": _zonder_versie(
        ACCOUNT,
        lambda o, door: (
            lambda: accounts.maak_hoofdcontactpersoon(
                door=_als_beheerder(o, door),
                werkgever=o.werkgever,
                polisnummer="MVO-778899",
                bedrijfsnaam=o.werkgever.naam,
                aanhef="",
                voornaam="Noor",
                tussenvoegsels="",
                achternaam="Bouzid",
                email="noor@bedrijf.example",
                telefoonnummer="0612345677",
            )
        ),
    ),
    "accounts.service.maak_account": _zonder_versie(
        ACCOUNT,
        lambda o, door: (
            lambda: accounts.maak_account(
                door=door,
                voornaam="Sem",
                achternaam="Visser",
                email="sem@bedrijf.example",
                telefoonnummer="",
                rechten=[Dienst.VERZUIM_MELDEN],
            )
        ),
    ),
    "accounts.service.wijzig_rechten": _zonder_versie(
        ACCOUNT,
        lambda o, door: (
            lambda lid: (
                lambda: accounts.wijzig_rechten(
                    door=door, lidmaatschap=lid, rechten=[Dienst.WERKNEMERSGEGEVENS]
                )
            )
        )(_lid(o)),
    ),
    "accounts.service.wijzig_email_collega": _zonder_versie(
        ACCOUNT,
        lambda o, door: (
            lambda lid: (
                lambda: accounts.wijzig_email_collega(
                    door=door, lidmaatschap=lid, email="collega@bedrijf.example"
                )
            )
        )(_collega_van_hoofdcontactpersoon(o)),
    ),
    "accounts.service.deactiveer": _zonder_versie(
        ACCOUNT,
        lambda o, door: (lambda lid: lambda: accounts.deactiveer(door=door, lidmaatschap=lid))(
            _lid(o)
        ),
    ),
    "accounts.service.stel_wachtwoord_in": _portaal(
        lambda o, door: lambda: accounts.stel_wachtwoord_in(door=door, wachtwoord=WACHTWOORD)
    ),
    "accounts.service.herstel_wachtwoord": _portaal(
        lambda o, door: lambda: accounts.herstel_wachtwoord(door=door, wachtwoord=WACHTWOORD)
    ),
    "accounts.service.inlog_voltooid": _portaal(
        lambda o, door: (
            lambda apparaat: lambda: accounts.inlog_voltooid(door=door, apparaat=apparaat)
        )(_email_apparaat(o))
    ),
    "accounts.service.zorg_voor_email_apparaat": _portaal(
        lambda o, door: (lambda _: lambda: accounts.zorg_voor_email_apparaat(door=door))(
            _geen_email_apparaat(o)
        )
    ),
    "accounts.service.wijzig_contactgegevens": _portaal(
        lambda o, door: (
            lambda: accounts.wijzig_contactgegevens(
                door=door, email="nieuw@bedrijf.example", telefoonnummer="0612345678"
            )
        )
    ),
    "accounts.service.kies_taal": _portaal(
        lambda o, door: lambda: accounts.kies_taal(door=door, taal="en")
    ),
    "accounts.service.begin_totp": _portaal(lambda o, door: lambda: accounts.begin_totp(door=door)),
    "accounts.service.bevestig_totp": _portaal(
        lambda o, door: (
            lambda apparaat: (
                lambda: accounts.bevestig_totp(
                    door=door, apparaat=apparaat, code=_totp_code(apparaat)
                )
            )
        )(_totp(o, door))
    ),
    "accounts.service.verwijder_totp": _portaal(
        lambda o, door: (lambda _: lambda: accounts.verwijder_totp(door=door))(_totp(o, door))
    ),
    "accounts.service.onthoud_apparaat": _portaal(
        lambda o, door: (
            lambda apparaat: (
                lambda: accounts.onthoud_apparaat(
                    door=door, otp_apparaat=apparaat, omschrijving="Firefox"
                )
            )
        )(_email_apparaat(o))
    ),
    "accounts.service.trek_apparaat_in": _portaal(
        lambda o, door: (
            lambda onthouden: (
                lambda: accounts.trek_apparaat_in(door=door, apparaat_id=onthouden[0].pk)
            )
        )(accounts.onthoud_apparaat(door=door, otp_apparaat=_email_apparaat(o), omschrijving="x"))
    ),
    "accounts.service.trek_apparaten_in": _portaal(
        lambda o, door: (lambda _: lambda: accounts.trek_apparaten_in(door=door))(
            accounts.onthoud_apparaat(door=door, otp_apparaat=_email_apparaat(o), omschrijving="x")
        )
    ),
}


def _overname(o: Any, door: Actor) -> Aanroep:
    van = o.loonheffingennummer
    van.actief = False
    van.save(update_fields=["actief"])
    naar = LoonheffingennummerFactory(werkgever=o.werkgever)
    als = _als_beheerder(o, door)
    return lambda: fusies.draag_meldingen_over(door=als, van=van, naar=naar)


def _verlopen_auditregel(o: Any, door: Actor) -> Aanroep:
    Auditregel.objects.create(
        werkgever=o.werkgever,
        tijdstip=datetime(2020, 11, 2, 9, tzinfo=UTC),
        weergavenaam="Oud",
        actie=Actie.INZIEN,
        object_type="werknemer",
    )
    als = bewaartermijnen.systeemactor()
    return lambda: bewaartermijnen.schoon_op(
        door=replace(als, ip=door.ip, user_agent=door.user_agent)
    )


def _erdproef(o: Any, door: Portaalactor) -> Erdimport:
    regels = "\n".join([DOCUMENTKOP, *voorbeeldregels(o, "S")])
    return eigenrisicodragers.lees_in(
        door=door, soort=Importsoort.DOCUMENTEN, bestandsnaam="erd.csv", inhoud=regels.encode()
    )


def _registerproef(o: Any, door: Portaalactor) -> Registerimport:
    return doelgroepregister.lees_in(
        door=door,
        bestandsnaam="register.csv",
        inhoud=f"bsn\n{geldig_bsn()}\n".encode(),
        peildatum=date(2026, 11, 1),
    )


def _specificatieproef(o: Any, door: Portaalactor) -> Any:
    nummer = o.nieuwe_werknemer.loonheffingennummer.nummer
    regel = f"{o.nieuwe_werknemer.bsn};{nummer};zw;2025-03-17;2025-03-31;200,00;70;140,00;1540,00"
    kop = "bsn;loonheffingennummer;grondslag;van;tot_en_met;dagloon;percentage;dagbedrag;bruto"
    return verzamelspecificaties.lees_in(
        door=door, bestandsnaam="zw.csv", inhoud=f"{kop}\n{regel}\n".encode()
    )


EHERKENNING_ASSERTIE = Assertie(
    pseudoniem="pseudo-schrijfgrens",
    kvk_nummer="69201843",
    intermediair_kvk_nummer=None,
    niveau="EH3",
    diensten=frozenset({Dienst.VERZUIM_MELDEN}),
)


def _eherkenning_persoon(o: Any, door: Actor) -> Portaalactor:
    """An eHerkenning person on its own details, with the test's IP and browser."""
    gebruiker = GebruikerFactory(username="eh:69201843:schrijfgrens")
    return persoon_bij_login(
        EHERKENNING_ASSERTIE, gebruiker, ip=door.ip, user_agent=door.user_agent
    )


def _met_profiel(door: Portaalactor, *, code: str = "") -> Portaalactor:
    profiel = EHerkenningProfiel.objects.create(
        gebruiker=door.gebruiker, kvk_nummer="69201843", diensten=[Dienst.VERZUIM_MELDEN]
    )
    if code:
        profiel.nieuw_email = "jan@bakkerij.example"
        profiel.code_hash = eherkenning._code_hash(profiel, code)
        profiel.code_geldig_tot = timezone.now() + timedelta(minutes=5)
        profiel.save()
    return door


def _herinneringen(o: Any, door: Actor) -> Aanroep:
    """A probleemanalyse due in a week (DOMAIN §5: day 42) at werkgever A: one reminder run."""
    VerzuimgevalFactory(
        werknemer=o.nieuwe_werknemer, eerste_ziektedag=date(2026, 11, 23) - timedelta(days=34)
    )
    systeem = replace(beheerder(None), ip=door.ip, user_agent=door.user_agent)
    return lambda: herinneringen.verstuur_herinneringen(door=systeem, peildatum=date(2026, 11, 23))


# The daily reminder run (the portal itself): the portal's log and a new data version for the
# werkgevers whose inbox got a reminder (its e-mails through the outbox: herinneringen tests).
SCHRIJFGRENS |= {
    "herinneringen.service.verstuur_herinneringen": Schrijfactie(
        _herinneringen, frozenset({DASHBOARD}), portaallog=True
    ),
}


# An eHerkenning person on itself (ADR 0025): the portal's log, no werkgever data.
SCHRIJFGRENS |= {
    "eherkenning.service.leg_login_vast": _portaal(
        lambda o, door: (
            lambda: eherkenning.leg_login_vast(door=door, assertie=EHERKENNING_ASSERTIE)
        ),
        als=_eherkenning_persoon,
    ),
    "eherkenning.service.geef_gegevens": _portaal(
        lambda o, door: (
            lambda persoon: (
                lambda: eherkenning.geef_gegevens(
                    door=persoon, weergavenaam="Jan Jansen", email="jan@bakkerij.example"
                )
            )
        )(_met_profiel(door)),
        als=_eherkenning_persoon,
    ),
    "eherkenning.service.bevestig_email": _portaal(
        lambda o, door: (
            lambda persoon: lambda: eherkenning.bevestig_email(door=persoon, code="424242")
        )(_met_profiel(door, code="424242")),
        als=_eherkenning_persoon,
    ),
}


# Operator imports (ADR 0040, 0045): the operator's own log; loading ERD data or UWV specifications
# raises the data version of the werkgevers they name; the doelgroepregister and the maximumdagloon
# table belong to no werkgever.
SCHRIJFGRENS |= {
    "eigenrisicodragers.service.lees_in": _portaal(
        lambda o, door: lambda: _erdproef(o, door),
        als=_als_beheerder,
        reden="proefdraai van de beheerder: niets van een werkgever verandert",
    ),
    "eigenrisicodragers.service.leg_vast": Schrijfactie(
        lambda o, door: (
            lambda beheer: (
                lambda proef: lambda: eigenrisicodragers.leg_vast(door=beheer, erdimport=proef)
            )(_erdproef(o, beheer))
        )(_als_beheerder(o, door)),
        portaallog=True,
    ),
    "verzamelspecificaties.service.lees_in": _portaal(
        lambda o, door: lambda: _specificatieproef(o, door),
        als=_als_beheerder,
        reden="proefdraai van de beheerder: niets van een werkgever verandert",
    ),
    "verzamelspecificaties.service.leg_vast": Schrijfactie(
        lambda o, door: (
            lambda beheer: (
                lambda proef: (
                    lambda: verzamelspecificaties.leg_vast(door=beheer, specificatieimport=proef)
                )
            )(_specificatieproef(o, beheer))
        )(_als_beheerder(o, door)),
        portaallog=True,
    ),
    "verzamelspecificaties.service.leg_maximumdagloon_vast": _portaal(
        lambda o, door: (
            lambda: verzamelspecificaties.leg_maximumdagloon_vast(
                door=door, ingangsdatum=date(2027, 1, 1), bedrag=Decimal("310.00")
            )
        ),
        als=_als_beheerder,
        reden="de maximumdagloontabel hoort bij geen werkgever",
    ),
    "doelgroepregister.service.lees_in": _portaal(
        lambda o, door: lambda: _registerproef(o, door),
        als=_als_beheerder,
        reden="proefdraai van de beheerder: niets van een werkgever verandert",
    ),
    "doelgroepregister.service.leg_vast": _portaal(
        lambda o, door: (
            lambda proef: lambda: doelgroepregister.leg_vast(door=door, registerimport=proef)
        )(_registerproef(o, door)),
        als=_als_beheerder,
        reden="het doelgroepregister van UWV hoort bij geen werkgever",
    ),
}

SCHRIJFGRENS |= {
    "fusies.service.draag_meldingen_over": Schrijfactie(_overname),
    "bewaartermijnen.service.schoon_op": _zonder_versie(
        "alleen verlopen auditregels verwijderd: geen gegevens van de werkgever gewijzigd",
        _verlopen_auditregel,
    ),
}

SCHRIJFGRENS.update(ZAAKACTIES)

# Public service functions that write nothing of a werkgever themselves, and why.
GEEN_SCHRIJFACTIE: dict[str, str] = {
    "berichten.service.plaats_bericht": "bouwsteen: plaatst een bericht in de transactie van de "
    "dienst die het bericht stuurt (besluit, brief, herinnering), die de auditregel schrijft",
    "audit.service.registreer": "schrijft de auditregel zelf, binnen de transactie van de dienst",
    "audit.service.registreer_overzicht": "auditregel voor een lijst of export",
    "audit.service.registreer_voor": "auditregel zonder actor uit een verzoek",
    "audit.service.registreer_inzage": "schrijft de inzage van een verzoek aan het eind ervan",
    "bewaartermijnen.service.anoniem_bsn": "rekenregel",
    "bewaartermijnen.service.audit_grens": "rekenregel",
    "bewaartermijnen.service.omschrijving": "maakt de tekst van een auditregel",
    "bewaartermijnen.service.systeemactor": "de actor van de opschoontaak",
    "koppelingen.service.markeer_gebruikt": "houdt bij wanneer een koppeling het laatst werkte",
    "aanvragen.service.besluitbrief_pdf": "maakt de pdf van een besluit",
    "aanvragen.service.operator_actor": "de actor van de beheerder",
    "imports.service.automatische_koppeling": "stelt een kolomindeling voor",
    "imports.service.controleer": "controle van invoer",
    "imports.service.voortgangsleutel": "sleutel van de voortgang in de cache",
    "lonen.service.loon_op": "leest het loon op een dag",
    "lonen.service.uiterlijk_afronden": "rekenregel",
    "lonen.service.in_dienst_op": "leest de werknemers in dienst op een dag",
    "lonen.service.januari_peildatum": "leest de open loonactualisatie",
    "lonen.service.leg_lonen_uit_import_vast": "deel van imports.service.voer_uit",
    "facturen.service.januariloonsom": "rekenregel",
    "polissen.service.controleer_voorwaarden": "controle van invoer",
    "polissen.service.mag_polis_vastleggen": "leest de rechten van de beheerder",
    "reintegratiekosten.service.is_casemanager": "leest de route van de actor",
    "reintegratiekosten.service.mag_declareren": "leest de rechten van de actor",
    "uitkeringen.service.dagregels": "rekenregel",
    "uitkeringen.service.laatste_afgesloten_maand": "rekenregel",
    "webhooks.service.controleer_adres": "controle van invoer",
    "webhooks.service.wachttijd": "rekenregel",
    "imports.service.lees_in": "leest een bestand in; werknemers schrijft pas voer_uit",
    "imports.service.proefdraai": "controle van invoer",
    "imports.service.start": "zet de import in de wachtrij; voer_uit schrijft en auditeert",
    "webhooks.service.publiceer": "deel van de schrijfactie die de gebeurtenis veroorzaakt",
    "webhooks.service.publiceer_besluit": "volgtaak van aanvragen.service.beslis",
    "webhooks.service.lever_af": "aflevering aan de ontvanger; schrijft alleen het leveringslog",
    "webhooks.service.verstuur_openstaande": "aflevering aan de ontvanger (herhaling)",
    "werknemers.service.datumfouten": "controle van invoer",
    "werkgevers.service.markeer_gegevens_gewijzigd": "deel van elke schrijfactie",
    "verzuim.service.volgend_verzuimnummer": "deel van meld_ziek",
    "verzuim.service.op_datumveld": "zet een weigering op het formulierveld 'datum'",
    "werknemers.service.bereken_deeltijdfactor": "rekenregel",
    "werknemers.service.vergrendel_voor": "vergrendelt de werknemer, deel van de schrijfactie",
    "dossier.service.afvinkbare_stappen": "leest de open wettelijke stappen",
    "accounts.service.normaliseer_telefoon": "controle van invoer",
    "accounts.service.is_hoofdcontactpersoon": "leest of het account hoofdcontactpersoon is",
    "eherkenning.service.controleer_weergavenaam": "controle van invoer",
    "accounts.service.tijdelijk_wachtwoord": "bedenkt een wachtwoord, schrijft niets",
    "accounts.service.controleer_email_uniek": "controle van invoer",
    "accounts.service.moet_wachtwoord_wijzigen": "leest de accountstatus",
    "accounts.service.apparaten": "leest de tweede factoren van een account",
    "accounts.service.apparaten_voor_inlog": "leest de tweede factoren van een account",
    "accounts.service.vertrouwd_apparaat": "leest een cookie van een onthouden apparaat",
    "blokkades.service.valideer_blokkade": "controle van invoer",
    "blokkades.service.bevat_bsn": "controle van invoer",
    "storingen.service.valideer_storing": "controle van invoer",
    "voorwaarden.service.valideer_versie": "controle van invoer",
    "voorwaarden.service.versie_van_kracht": "leest de geldende versie",
    "voorwaarden.service.aangekondigde_versie": "leest de aangekondigde versie",
    "voorwaarden.service.heeft_aanvaard": "leest een aanvaarding",
    "voorwaarden.service.weigerbare_versie": "leest de versie die nog geweigerd kan worden",
    "herinneringen.service.vensters": "rekenregel",
    "herinneringen.service.ontvangers": "leest de ontvangers van een herinnering",
    "herinneringen.service.tekst": "maakt de tekst van een herinnering",
    "herinneringen.service.onderwerp": "maakt het onderwerp van een herinnering",
    "machtigingen.service.token_hash": "rekenregel",
    "machtigingen.service.controleer_token": "controle van een bevestigingslink",
    "machtigingen.service.casemanagerverlener": "leest wie casemanagers toewijst",
    "fusies.service.over_te_zetten": "leest de over te zetten werknemers",
    "doelgroepregister.service.controleer": "controle van invoer",
    "eigenrisicodragers.service.controleer": "controle van invoer",
    "eigenrisicodragers.service.lees_datum": "controle van invoer",
    "eigenrisicodragers.service.lees_bedrag": "controle van invoer",
    "verzamelspecificaties.service.controleer": "controle van invoer",
    "verzamelspecificaties.service.maximumdagloontabel": "leest de maximumdagloontabel",
}


def _servicefuncties() -> set[str]:
    namen: set[str] = set()
    for app in pkgutil.iter_modules(verzuimportaal.__path__):
        try:
            module = importlib.import_module(f"verzuimportaal.{app.name}.service")
        except ModuleNotFoundError:
            continue
        for naam, functie in inspect.getmembers(module, inspect.isfunction):
            if not naam.startswith("_") and functie.__module__ == module.__name__:
                namen.add(f"{app.name}.service.{naam}")
    return namen


def test_elke_servicefunctie_is_ingedeeld():
    """Every public service function either is a write boundary (called and proven below) or
    writes nothing of its own; there is no third group of writes outside the boundary."""
    assert not set(SCHRIJFGRENS) & set(GEEN_SCHRIJFACTIE)
    bekend = set(SCHRIJFGRENS) | set(GEEN_SCHRIJFACTIE)
    functies = _servicefuncties()
    assert functies - bekend == set(), (
        "Nieuwe servicefuncties: voeg ze toe aan SCHRIJFGRENS (met een aanroep) of, als ze niets "
        "van een werkgever schrijven, aan GEEN_SCHRIJFACTIE met de reden."
    )
    assert bekend - functies == set(), "Deze functies bestaan niet meer; haal ze hier weg."


class _Omgeving:
    """Werkgever A of the conftest plus what the calls need, all made before the call."""

    def __init__(self, basis: Any) -> None:
        self.__dict__.update(basis.__dict__)
        self.actor = basis.actor
        self.nieuwe_werknemer = werknemer_bij(basis)
        self.activiteit = ActiviteitFactory(verzuimgeval=basis.verzuimgeval)
        self.afgewerkte_activiteit = ActiviteitFactory(
            verzuimgeval=basis.verzuimgeval, afgewerkt=True, uitgevoerd_op=date(2026, 11, 18)
        )


@pytest.fixture
def ingepland(monkeypatch: pytest.MonkeyPatch, settings: Any) -> list[str]:
    """The names of the tasks handed to the broker from the outbox (follow-ups on)."""
    settings.DOSSIER_ONTVANGSTBEVESTIGINGEN = True
    settings.DASHBOARD_VOORVERWARMEN = True
    namen: list[str] = []
    monkeypatch.setattr(uitgaand, "_publiceer", lambda rij: namen.append(rij.taak))
    return namen


def _door(werkgever_a: Any) -> Actor:
    return replace(werkgever_a.actor, ip="192.0.2.7", user_agent="Schrijfgrenstest/1.0")


def _versie(werkgever: Werkgever) -> int:
    return Werkgever.objects.values_list("gegevensversie", flat=True).get(pk=werkgever.pk)


@pytest.mark.parametrize("naam", sorted(SCHRIJFGRENS))
def test_een_auditregel_nieuwe_gegevensversie_en_volgtaken_na_commit(
    naam, werkgever_a, ingepland, django_capture_on_commit_callbacks
):
    actie = SCHRIJFGRENS[naam]
    door = _door(werkgever_a)
    aanroep = actie.voorbereiden(_Omgeving(werkgever_a), door)
    laatste = Auditregel.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    uitgaand_voor = set(Uitgaand.objects.values_list("pk", flat=True))
    versie = _versie(werkgever_a.werkgever)
    ingepland.clear()

    with django_capture_on_commit_callbacks(execute=False) as na_commit:
        aanroep()
    assert ingepland == [], "volgtaken pas na de commit"
    # The follow-ups are in the outbox, in the same transaction as the change (ADR 0019).
    nieuw = Uitgaand.objects.exclude(pk__in=uitgaand_voor).values_list("taak", flat=True)
    assert set(nieuw) == actie.volgtaken

    regels = list(Auditregel.objects.filter(pk__gt=laatste).order_by("pk"))
    if actie.auditsoorten is None:
        assert len(regels) == 1, [str(r) for r in regels]
    else:
        assert sorted(r.object_type for r in regels) == sorted(actie.auditsoorten)
    for regel in regels:
        assert regel.werkgever == (None if actie.portaallog else werkgever_a.werkgever)
        assert (regel.ip_adres, regel.user_agent) == ("192.0.2.7", "Schrijfgrenstest/1.0")
        assert regel.object_id
    if actie.zonder_gegevensversie:
        assert _versie(werkgever_a.werkgever) == versie
    else:
        assert _versie(werkgever_a.werkgever) > versie

    for callback in na_commit:
        callback()
    assert set(ingepland) >= actie.volgtaken


class _AuditMislukt(Exception):
    pass


def _momentopname() -> dict[str, list[dict[str, Any]]]:
    """Every row of every table of the portal (the test database is small)."""
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values())
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy and model is not Auditregel
    }


@pytest.mark.parametrize("naam", sorted(SCHRIJFGRENS))
def test_mislukte_auditregel_draait_de_wijziging_terug(
    naam, werkgever_a, ingepland, monkeypatch, django_capture_on_commit_callbacks
):
    aanroep = SCHRIJFGRENS[naam].voorbereiden(_Omgeving(werkgever_a), _door(werkgever_a))
    voor = _momentopname()

    def mislukt(**kwargs: object) -> None:
        raise _AuditMislukt

    monkeypatch.setattr(Auditregel.objects, "create", mislukt)
    with (
        django_capture_on_commit_callbacks(execute=False) as na_commit,
        pytest.raises(_AuditMislukt),
    ):
        aanroep()

    assert na_commit == []
    assert _momentopname() == voor


def _ziekmelding_per_kanaal(kanaal: str, client: Any, werknemer: Any) -> None:
    if kanaal == "pagina":
        response = client.post(
            reverse("verzuim:ziek_melden", args=[werknemer.uuid]),
            {"eerste_ziektedag": "2026-11-22", "vangnet": "nee"},
            REMOTE_ADDR="192.0.2.9",
            HTTP_USER_AGENT="Browser/2.0",
        )
        assert response.status_code == 302
    else:
        response = client.post(
            "/api/v1/ziekmeldingen/",
            json.dumps({"werknemer": str(werknemer.uuid), "eerste_ziektedag": "2026-11-22"}),
            content_type="application/json",
            REMOTE_ADDR="192.0.2.9",
            HTTP_USER_AGENT="Browser/2.0",
        )
        assert response.status_code == 201, response.content


@pytest.mark.parametrize("kanaal", ["pagina", "api"])
def test_pagina_en_api_schrijven_dezelfde_ene_auditregel(kanaal, werkgever_a, eigenaar):
    werknemer = werknemer_bij(werkgever_a)
    laatste = Auditregel.objects.order_by("-pk").values_list("pk", flat=True).first() or 0

    _ziekmelding_per_kanaal(kanaal, eigenaar, werknemer)

    geval = Verzuimgeval.objects.get(werknemer=werknemer)
    regels = list(Auditregel.objects.filter(pk__gt=laatste, actie=Actie.AANMAKEN))
    assert [(r.object_type, r.object_id, r.omschrijving) for r in regels] == [
        ("verzuimgeval", str(geval.uuid), "ziekmelding")
    ]
    assert (regels[0].ip_adres, regels[0].user_agent) == ("192.0.2.9", "Browser/2.0")
