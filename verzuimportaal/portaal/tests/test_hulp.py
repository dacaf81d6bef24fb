"""Help per section (issue: a new user missed what the portal expects and whom to contact)."""

import pytest
from django.test import Client
from django.urls import reverse

from conftest import ingelogde_client
from tests.html import pagina, tekst

pytestmark = [pytest.mark.django_db, pytest.mark.klok("2026-11-23")]


def test_hulp_per_onderdeel_zonder_inloggen():
    response = Client().get(reverse("portaal:hulp"))
    assert response.status_code == 200
    boom = pagina(response)
    kopjes = [" ".join(h.text_content().split()) for h in boom.xpath("//section/h2")]
    assert kopjes == [
        "Ziek en hersteld melden",
        "De wettelijke stappen (Wet verbetering poortwachter)",
        "Werknemers",
        "Overzichten en statistieken",
        "Toegang, rechten en inloggen",
        "Wie neemt u waarvoor in de arm?",
    ]
    for anker in boom.xpath("//nav[@aria-labelledby='hulp-inhoud']//a/@href"):
        assert boom.get_element_by_id(anker.removeprefix("#")) is not None
    inhoud = tekst(response)
    assert "Week 42" in inhoud and "loonsanctie" in inhoud
    assert "binnen vier werkdagen" in inhoud  # seed 004


def test_hulp_staat_onderaan_elke_pagina(werkgever_a):
    response = ingelogde_client(werkgever_a.lidmaatschap).get(reverse("portaal:dashboard"))
    assert pagina(response).xpath(f"//footer//a[@href='{reverse('portaal:hulp')}']")
