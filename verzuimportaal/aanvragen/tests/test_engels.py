"""The case pages in English (ADR 0044): the werkgever's list and the behandelaar's list; the
decision letter to the werkgever stays in the portal's language whoever decides."""

from datetime import date

import pytest
from django.urls import reverse

from conftest import ingelogde_gebruiker
from tests.engels import in_het_engels, kop
from tests.factories import werknemer_bij
from tests.html import tekst
from verzuimportaal.aanvragen import service
from verzuimportaal.aanvragen.models import Besluit, Zaak
from verzuimportaal.toegang.actor import beheerder
from verzuimportaal.wazo import service as wazo

pytestmark = pytest.mark.klok("2025-04-20")


@pytest.fixture
def zaak(werkgever_a) -> Zaak:
    verlof = wazo.meld_zwangerschapsverlof(
        door=werkgever_a.actor,
        werknemer=werknemer_bij(werkgever_a, achternaam="Yilmaz"),
        uitgerekende_datum=date(2025, 6, 20),
        ingangsdatum=date(2025, 5, 10),
    )
    assert verlof.zaak is not None
    return verlof.zaak


def test_aanvragen_van_de_werkgever_in_het_engels(zaak, eigenaar):
    with in_het_engels(eigenaar) as client:
        response = client.get(reverse("aanvragen:lijst"))
    inhoud = tekst(response)
    assert kop(response) == "Applications"
    assert "1 application." in inhoud
    assert "Applications, newest first" in inhoud
    assert "Received" in inhoud  # the status, a model choice
    assert "Aanvragen, nieuwste eerst" not in inhoud
    assert "Wat u bij UWV hebt aangevraagd" not in inhoud


def test_behandelaar_werkt_in_het_engels(zaak, behandelaar):
    with in_het_engels(ingelogde_gebruiker(behandelaar)) as client:
        lijst = client.get(reverse("behandeling:lijst"))
        detail = client.get(reverse("behandeling:detail", args=[zaak.uuid]))
    assert kop(lijst) == "Cases in progress"
    assert "1 case." in tekst(lijst)
    assert "Zaken in behandeling" not in tekst(lijst)
    assert "Not assigned yet" in tekst(detail)
    assert "Nog niet toegewezen" not in tekst(detail)


def test_besluitbrief_in_de_taal_van_het_portaal(zaak, behandelaar, monkeypatch):
    gezien: list[str] = []
    echte = service.render_to_string

    def vang(*args, **kwargs):
        gezien.append(echte(*args, **kwargs))
        return gezien[-1]

    monkeypatch.setattr(service, "render_to_string", vang)
    with in_het_engels(ingelogde_gebruiker(behandelaar)):
        service.beslis(
            door=beheerder(behandelaar), zaak=zaak, besluit=Besluit.TOEGEKEND, toelichting=""
        )
    [brief] = gezien
    assert "Bent u het niet eens met dit besluit?" in brief
    assert "Do you disagree" not in brief
