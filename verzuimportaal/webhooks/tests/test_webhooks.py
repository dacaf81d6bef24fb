"""Webhooks: events from the use cases, signed deliveries with ids only, retries with backoff
for 24 hours, SSRF refusal, the delivery log, and only the werkgever's own (ADR 0023)."""

import json
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from conftest import ingelogde_client
from tests.factories import LidmaatschapFactory, WerknemerFactory
from verzuimportaal.berichten.models import Soort
from verzuimportaal.berichten.service import plaats_bericht
from verzuimportaal.toegang.actor import beheerder
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.verzuim import service as verzuim_service

from .. import ondertekening, service
from ..models import Abonnement, Gebeurtenis, Levering
from .factories import abonneer, ontvanger

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.klok("2026-11-23 10:00")]

SYSTEEM = beheerder(None)  # the portal itself, as the daily task runs the reminders


def _ziek(a):
    werknemer = WerknemerFactory(loonheffingennummer=a.loonheffingennummer)
    return verzuim_service.meld_ziek(
        door=a.actor, werknemer=werknemer, eerste_ziektedag=date(2026, 11, 20)
    )


def test_ziekmelding_geeft_ondertekende_levering_met_alleen_ids(werkgever_a):
    with ontvanger() as o:
        _, secret = abonneer(werkgever_a, o.url, [Gebeurtenis.MELDING_GEREGISTREERD])
        geval = _ziek(werkgever_a)
    [(headers, body)] = o.ontvangen
    nu = int(timezone.now().timestamp())
    assert ondertekening.verifieer(secret=secret, headers=headers, body=body, nu=nu)
    assert not ondertekening.verifieer(secret="ander", headers=headers, body=body, nu=nu)
    assert not ondertekening.verifieer(secret=secret, headers=headers, body=body + b" ", nu=nu)
    # Replay window: the same delivery ten minutes later is refused.
    assert not ondertekening.verifieer(secret=secret, headers=headers, body=body, nu=nu + 600)
    payload = json.loads(body)
    assert payload["type"] == "melding.geregistreerd"
    assert payload["object"] == {"type": "verzuimgeval", "id": str(geval.uuid)}
    assert set(payload) == {"id", "type", "aangemaakt_op", "object"}  # no personal data
    assert (
        geval.werknemer.bsn not in body.decode() and geval.werknemer.achternaam not in body.decode()
    )
    levering = Levering.objects.get()
    assert levering.status == Levering.Status.AFGELEVERD and str(levering.uuid) == payload["id"]


def test_herstel_en_bericht_en_alleen_gekozen_gebeurtenissen(werkgever_a, werkgever_b):
    with ontvanger() as o:
        abonneer(werkgever_a, o.url, [Gebeurtenis.MELDING_HERSTELD, Gebeurtenis.BERICHT_ONTVANGEN])
        geval = _ziek(werkgever_a)  # not subscribed: nothing
        verzuim_service.meld_volledig_hersteld(
            door=werkgever_a.actor, verzuimgeval=geval, hersteldatum=date(2026, 11, 23)
        )
        plaats_bericht(
            werkgever=werkgever_a.werkgever, soort=Soort.MEDEDELING, onderwerp="Test", tekst="x"
        )
        _ziek(werkgever_b)  # another werkgever: never delivered here
    soorten = [json.loads(body)["type"] for _, body in o.ontvangen]
    assert soorten == ["melding.hersteld", "bericht.ontvangen"]


def test_mislukte_levering_opnieuw_met_backoff_en_opgegeven_na_24_uur(werkgever_a, klok):
    with ontvanger(status=500) as o:
        abonneer(werkgever_a, o.url, [Gebeurtenis.MELDING_GEREGISTREERD])
        _ziek(werkgever_a)
        levering = Levering.objects.get()
        assert levering.status == Levering.Status.WACHTEND and levering.pogingen == 1
        assert levering.volgende_poging_op == levering.aangemaakt_op + timedelta(minutes=1)
        assert service.verstuur_openstaande() == 0  # not due yet: nothing sent
        assert len(o.ontvangen) == 1
        klok.tick(timedelta(minutes=1))
        service.verstuur_openstaande()
        levering.refresh_from_db()
        assert levering.pogingen == 2
        assert levering.volgende_poging_op - timezone.now() == timedelta(minutes=2)
        for _ in range(40):
            klok.move_to(levering.volgende_poging_op)
            service.verstuur_openstaande()
            levering.refresh_from_db()
            if levering.status != Levering.Status.WACHTEND:
                break
        assert levering.status == Levering.Status.MISLUKT
        assert timezone.now() - levering.aangemaakt_op <= timedelta(hours=24)
        assert len(o.ontvangen) == levering.pogingen
        # The same id on every attempt: the receiver recognises a retry.
        assert len({h["Webhook-Id"] for h, _ in o.ontvangen}) == 1
        o.status = 204
        klok.tick(timedelta(hours=5))
        assert service.verstuur_openstaande() == 0  # given up: never sent again


def test_herstelde_ontvanger_krijgt_de_levering_alsnog(werkgever_a, klok):
    with ontvanger(status=503) as o:
        abonneer(werkgever_a, o.url, [Gebeurtenis.MELDING_GEREGISTREERD])
        _ziek(werkgever_a)
        o.status = 200
        klok.tick(timedelta(minutes=1))
        assert service.verstuur_openstaande() == 1
    assert Levering.objects.get().status == Levering.Status.AFGELEVERD


def test_intern_adres_en_http_geweigerd_in_productie(werkgever_a, settings):
    settings.WEBHOOKS_PRIVE_ADRESSEN_TOESTAAN = False
    for url in ("http://ontvanger.example.nl/x", "https://127.0.0.1/x", "https://10.1.2.3/x"):
        with pytest.raises(ValidationError):
            abonneer(werkgever_a, url)
    assert not Abonnement.objects.exists()


def test_verzuimgebeurtenissen_alleen_met_recht_op_verzuim(werkgever_a):
    beheerder = LidmaatschapFactory(
        werkgever=werkgever_a.werkgever, rechten=[Dienst.RECHTENBEHEER, Dienst.OVERZICHTEN]
    )
    client = ingelogde_client(beheerder)
    response = client.post(
        reverse("webhooks:nieuw"),
        {"url": "https://ontvanger.example.nl/x", "gebeurtenissen": ["melding.geregistreerd"]},
    )
    assert "alleen rechten toekennen" in response.content.decode()
    response = client.post(
        reverse("webhooks:nieuw"),
        {"url": "https://ontvanger.example.nl/x", "gebeurtenissen": ["bericht.ontvangen"]},
    )
    assert "secret" in response.context
    assert Abonnement.objects.get().gebeurtenissen == ["bericht.ontvangen"]


def test_pagina_s_en_alleen_eigen_abonnementen(werkgever_a, werkgever_b, eigenaar, buitenstaander):
    with ontvanger() as o:
        response = eigenaar.post(
            reverse("webhooks:nieuw"), {"url": o.url, "gebeurtenissen": ["melding.geregistreerd"]}
        )
        assert response.context["secret"].startswith("whsec_")
        abonnement = Abonnement.objects.get()
        _ziek(werkgever_a)
    log = eigenaar.get(reverse("webhooks:leveringen", args=[abonnement.uuid]))
    assert "Afgeleverd" in log.content.decode()
    assert (
        buitenstaander.get(reverse("webhooks:leveringen", args=[abonnement.uuid])).status_code
        == 404
    )
    assert (
        buitenstaander.post(reverse("webhooks:stoppen", args=[abonnement.uuid])).status_code == 404
    )
    assert o.url not in buitenstaander.get(reverse("webhooks:overzicht")).content.decode()
    assert eigenaar.post(reverse("webhooks:stoppen", args=[abonnement.uuid])).status_code == 302
    abonnement.refresh_from_db()
    assert not abonnement.actief


def test_wachttijd_verdubbelt_tot_vier_uur():
    assert [service.wachttijd(n).total_seconds() / 60 for n in (1, 2, 3, 4)] == [1, 2, 4, 8]
    assert service.wachttijd(30) == timedelta(hours=4)


def test_alle_gebeurtenissen_uit_de_koppelingsafspraak_bestaan():
    """Issue: melding geregistreerd, hersteld, termijn nadert / verlopen, bericht, besluit."""
    assert set(Gebeurtenis.values) == {
        "melding.geregistreerd",
        "melding.hersteld",
        "termijn.nadert",
        "termijn.verlopen",
        "bericht.ontvangen",
        "besluit.genomen",
    }


def test_termijn_nadert_en_verlopen_uit_de_herinneringen(werkgever_a):
    """DOMAIN §5: the probleemanalyse is due on D+41; a reminder in advance is 'nadert', one
    the day after is 'verlopen'; both are delivered with the spell's id only."""
    from tests.factories import VerzuimgevalFactory
    from verzuimportaal.herinneringen.service import verstuur_herinneringen

    peildatum = date(2026, 11, 23)
    nadert = VerzuimgevalFactory(
        werknemer=WerknemerFactory(loonheffingennummer=werkgever_a.loonheffingennummer),
        eerste_ziektedag=peildatum - timedelta(days=41 - 3),
    )
    verlopen = VerzuimgevalFactory(
        werknemer=WerknemerFactory(loonheffingennummer=werkgever_a.loonheffingennummer),
        eerste_ziektedag=peildatum - timedelta(days=41 + 1),
    )
    with ontvanger() as o:
        abonneer(werkgever_a, o.url, [Gebeurtenis.TERMIJN_NADERT, Gebeurtenis.TERMIJN_VERLOPEN])
        verstuur_herinneringen(door=SYSTEEM, peildatum=peildatum)
        verstuur_herinneringen(
            door=SYSTEEM, peildatum=peildatum
        )  # a second run sends nothing twice
    ontvangen = {(json.loads(b)["type"], json.loads(b)["object"]["id"]) for _, b in o.ontvangen}
    assert ontvangen >= {
        ("termijn.nadert", str(nadert.uuid)),
        ("termijn.verlopen", str(verlopen.uuid)),
    }
    assert len(o.ontvangen) == len(ontvangen)


def test_besluit_op_een_zaak_na_de_commit_en_eenmaal(werkgever_a, behandelaar, prive_opslag):
    """aanvragen.service.beslis registers the event as a follow-up; the receiver gets the case's
    id only, once, also when the follow-up runs twice."""
    from verzuimportaal.aanvragen import service as aanvragen
    from verzuimportaal.aanvragen.models import Besluit
    from verzuimportaal.aanvragen.tests.factories import zaak_van

    zaak = zaak_van(werkgever_a)
    with ontvanger() as o:
        abonneer(werkgever_a, o.url, [Gebeurtenis.BESLUIT_GENOMEN])
        aanvragen.beslis(
            door=beheerder(behandelaar), zaak=zaak, besluit=Besluit.TOEGEKEND, toelichting=""
        )
        service.publiceer_besluit(zaak_uuid=str(zaak.uuid))  # the follow-up again: no new one
    [(_, body)] = o.ontvangen
    payload = json.loads(body)
    assert payload["type"] == "besluit.genomen"
    assert payload["object"] == {"type": "zaak", "id": str(zaak.uuid)}
    assert Levering.objects.get().status == Levering.Status.AFGELEVERD


def test_geen_besluit_voor_een_zaak_zonder_besluit(werkgever_a):
    from verzuimportaal.aanvragen.tests.factories import zaak_van

    zaak = zaak_van(werkgever_a)
    with ontvanger() as o:
        abonneer(werkgever_a, o.url, [Gebeurtenis.BESLUIT_GENOMEN])
        service.publiceer_besluit(zaak_uuid=str(zaak.uuid))
    assert o.ontvangen == [] and not Levering.objects.exists()
