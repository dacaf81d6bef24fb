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
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission
from django.urls import reverse

import verzuimportaal
from tests.factories import GebruikerFactory, VerzuimgevalFactory, geldig_bsn, werknemer_bij
from verzuimportaal.audit.models import Actie, Auditregel
from verzuimportaal.dossier import service as dossier
from verzuimportaal.dossier import termijnen
from verzuimportaal.dossier.models import (
    ActiviteitType,
    DocumentSoort,
    Verantwoordelijke,
    VerlengingSoort,
)
from verzuimportaal.dossier.tests.factories import ActiviteitFactory, bestand, casemanager
from verzuimportaal.facturen import service as facturen
from verzuimportaal.lonen import service as lonen
from verzuimportaal.polissen import service as polissen
from verzuimportaal.polissen.uitvoerder import Uitvoerder
from verzuimportaal.reintegratiekosten import service as reintegratiekosten
from verzuimportaal.reintegratiekosten.tests.factories import aangevraagd as declaratie_aangevraagd
from verzuimportaal.reintegratiekosten.tests.factories import (
    gedeclareerd as declaratie_gedeclareerd,
)
from verzuimportaal.reintegratiekosten.tests.factories import goedgekeurd as declaratie_goedgekeurd
from verzuimportaal.reintegratiekosten.tests.factories import nota as declaratienota
from verzuimportaal.runtime import uitgaand
from verzuimportaal.runtime.models import Uitgaand
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.uitkeringen import service as uitkeringen
from verzuimportaal.uitkeringen.tests.factories import loon as geld_loon
from verzuimportaal.uitkeringen.tests.factories import polis as geld_polis
from verzuimportaal.verzuim import service as verzuim
from verzuimportaal.verzuim.models import HerstelSoort, Verzuimgeval, ZelfdeOorzaak
from verzuimportaal.wazo import service as wazo
from verzuimportaal.werkgevers.models import Werkgever
from verzuimportaal.werknemers import service as werknemers

pytestmark = [pytest.mark.klok("2026-11-23"), pytest.mark.usefixtures("prive_opslag")]

BEVESTIGING = "verzuimportaal.dossier.tasks.maak_ontvangstbevestiging"
DASHBOARD = "verzuimportaal.portaal.tasks.verwarm_dashboard"

Aanroep = Callable[[], object]


@dataclass(frozen=True)
class Schrijfactie:
    """``voorbereiden(omgeving, door)`` sets up what the call needs and returns the call."""

    voorbereiden: Callable[[Any, Actor], Aanroep]
    volgtaken: frozenset[str] = frozenset({DASHBOARD})
    # One row per object the use case creates or changes (a WAZO melding also opens its UWV
    # application, with a row of its own).
    auditsoorten: tuple[str, ...] | None = None


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


# The services that write a werkgever's data, by dotted name (module.function).
SCHRIJFGRENS: dict[str, Schrijfactie] = {
    "verzuim.service.meld_ziek": _melding(
        lambda o, door: (
            lambda: verzuim.meld_ziek(
                door=door,
                werknemer=o.nieuwe_werknemer,
                eerste_ziektedag=date(2026, 11, 22),
            )
        )
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
    "dossier.service.leg_verlenging_vast": Schrijfactie(
        lambda o, door: (
            lambda: dossier.leg_verlenging_vast(
                door=door, verzuimgeval=o.verzuimgeval, soort=VerlengingSoort.VERLENGING, weken=13
            )
        )
    ),
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

# Public service functions that write nothing of a werkgever themselves, and why.
GEEN_SCHRIJFACTIE: dict[str, str] = {
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
    "polissen.service.controleer_voorwaarden": "controle van invoer",
    "polissen.service.mag_polis_vastleggen": "leest de rechten van de beheerder",
    "reintegratiekosten.service.is_casemanager": "leest de route van de actor",
    "reintegratiekosten.service.mag_declareren": "leest de rechten van de actor",
    "uitkeringen.service.dagregels": "rekenregel",
    "uitkeringen.service.laatste_afgesloten_maand": "rekenregel",
    "webhooks.service.controleer_adres": "controle van invoer",
    "webhooks.service.wachttijd": "rekenregel",
    "werknemers.service.datumfouten": "controle van invoer",
    "werkgevers.service.markeer_gegevens_gewijzigd": "deel van elke schrijfactie",
    "verzuim.service.volgend_verzuimnummer": "deel van meld_ziek",
    "verzuim.service.op_datumveld": "zet een weigering op het formulierveld 'datum'",
    "werknemers.service.bereken_deeltijdfactor": "rekenregel",
    "dossier.service.afvinkbare_stappen": "leest de open wettelijke stappen",
    "accounts.service.normaliseer_telefoon": "controle van invoer",
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
    "machtigingen.service.token_hash": "rekenregel",
    "machtigingen.service.controleer_token": "controle van een bevestigingslink",
    "machtigingen.service.casemanagerverlener": "leest wie casemanagers toewijst",
    "fusies.service.over_te_zetten": "leest de over te zetten werknemers",
}

# Writes this test does not call (yet): account and login actions (no werkgever actor), operator
# actions, the werkgever's management of accounts and advisors (audit row still written by the
# page), and the services of the newer apps (aanvragen, imports,
# webhooks), which test their own audit rows. Moving one into SCHRIJFGRENS proves the boundary.
BUITEN_DE_SCHRIJFGRENS: frozenset[str] = frozenset(
    {
        "accounts.service.tijdelijk_wachtwoord",
        "accounts.service.maak_hoofdcontactpersoon",
        "accounts.service.maak_account",
        "accounts.service.wijzig_rechten",
        "accounts.service.deactiveer",
        "accounts.service.wachtwoord_gewijzigd",
        "accounts.service.stel_wachtwoord_in",
        "accounts.service.herstel_wachtwoord",
        "accounts.service.inlog_voltooid",
        "accounts.service.zorg_voor_email_apparaat",
        "accounts.service.wijzig_contactgegevens",
        "accounts.service.begin_totp",
        "accounts.service.bevestig_totp",
        "accounts.service.verwijder_totp",
        "accounts.service.onthoud_apparaat",
        "accounts.service.trek_apparaat_in",
        "accounts.service.trek_apparaten_in",
        "berichten.service.plaats_bericht",
        "berichten.service.markeer_gelezen",
        "blokkades.service.blokkeer",
        "blokkades.service.hef_op",
        "blokkades.service.meld_misbruik",
        "blokkades.service.behandel_melding",
        "fusies.service.draag_meldingen_over",
        "herinneringen.service.verstuur_herinneringen",
        "herinneringen.service.verstuur_mail",
        "machtigingen.service.vraag_toegang_aan",
        "machtigingen.service.maak_aanvraag",
        "machtigingen.service.bevestig",
        "machtigingen.service.wijzig_niveau",
        "machtigingen.service.trek_in",
        "machtigingen.service.wijs_casemanager_toe",
        "storingen.service.meld_storing",
        "storingen.service.hef_op",
        "storingen.service.wijzig_storing",
        "verificatie.service.maak_verificatiebrief",
        "verificatie.service.markeer_verstuurd",
        "verificatie.service.activeer",
        "voorwaarden.service.publiceer_versie",
        "voorwaarden.service.accepteer",
        "voorwaarden.service.weiger",
        "voorwaarden.service.beeindig_sessies",
        "werkgevers.service.wijzig_postadres",
        "werkgevers.service.voeg_loonheffingennummer_toe",
        "bewaartermijnen.service.schoon_op",
        # API clients are rights, not werkgever data: audited in their transaction, no new
        # data version.
        "koppelingen.service.registreer_client",
        "koppelingen.service.vernieuw_secret",
        "koppelingen.service.trek_in",
        # WAZO: the same audit helper as meld_zwangerschapsverlof above, no call here yet.
        "wazo.service.meld_geboorte",
        "wazo.service.meld_aanvullend_geboorteverlof",
        "wazo.service.meld_adoptieverlof",
        "aanvragen.service.beslis",
        "aanvragen.service.ontvang",
        "aanvragen.service.vraag_informatie",
        "aanvragen.service.wijs_toe",
        "imports.service.lees_in",
        "imports.service.proefdraai",
        "imports.service.start",
        "imports.service.voer_uit",
        "webhooks.service.abonneer",
        "webhooks.service.lever_af",
        "webhooks.service.publiceer",
        "webhooks.service.stop",
        "webhooks.service.verstuur_openstaande",
    }
)


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
    ingedeeld = [set(SCHRIJFGRENS), set(GEEN_SCHRIJFACTIE), set(BUITEN_DE_SCHRIJFGRENS)]
    assert not (ingedeeld[0] & ingedeeld[1] or ingedeeld[0] & ingedeeld[2])
    assert not ingedeeld[1] & ingedeeld[2]
    bekend = set().union(*ingedeeld)
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
        assert regel.werkgever == werkgever_a.werkgever
        assert (regel.ip_adres, regel.user_agent) == ("192.0.2.7", "Schrijfgrenstest/1.0")
        assert regel.object_id
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
