"""DOMAIN §5.1: the bedrijfsarts's answer "zelfde oorzaak" recorded later, with history, moves
the samentelling around WAZO leave (never a diagnosis: only ja / nee / nog niet bekend)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories import VerzuimgevalFactory, werknemer_bij
from verzuimportaal.dossier import termijnen
from verzuimportaal.verzuim import service
from verzuimportaal.verzuim.models import CorrectieVeld, EindeReden, ZelfdeOorzaak

from .factories import zwangerschapsverlof

pytestmark = pytest.mark.klok("2025-07-01")


@pytest.fixture
def rond_verlof(werkgever_a):
    werknemer = werknemer_bij(werkgever_a)
    voor = VerzuimgevalFactory(
        werknemer=werknemer,
        eerste_ziektedag=date(2025, 1, 6),
        einddatum=date(2025, 2, 3),
        einde_reden=EindeReden.HERSTELD,
    )
    zwangerschapsverlof(werknemer, date(2025, 2, 10), date(2025, 6, 1))
    na = VerzuimgevalFactory(werknemer=werknemer, eerste_ziektedag=date(2025, 6, 9))
    return voor, na


def test_nee_splitst_het_geval_met_historie(werkgever_a, rond_verlof):
    voor, na = rond_verlof
    assert termijnen.voor_verzuimgeval(na).geval.periode_ids == (voor.pk, na.pk)
    service.leg_zelfde_oorzaak_vast(
        door=werkgever_a.actor, verzuimgeval=na, zelfde_oorzaak=ZelfdeOorzaak.NEE
    )
    assert termijnen.voor_verzuimgeval(na).geval.periode_ids == (na.pk,)
    correctie = na.correcties.get()
    assert correctie.veld == CorrectieVeld.ZELFDE_OORZAAK
    assert (correctie.oude_waarde, correctie.nieuwe_waarde) == ("Nog niet bekend", "Nee")
    with pytest.raises(ValidationError, match="staat er al"):
        service.leg_zelfde_oorzaak_vast(
            door=werkgever_a.actor, verzuimgeval=na, zelfde_oorzaak=ZelfdeOorzaak.NEE
        )


def test_pagina_legt_het_antwoord_vast(eigenaar, rond_verlof):
    _, na = rond_verlof
    adres = reverse("verzuim:zelfde_oorzaak", args=[na.uuid])
    response = eigenaar.post(adres, {"zelfde_oorzaak": "ja"})
    assert response.status_code == 302
    na.refresh_from_db()
    assert na.zelfde_oorzaak == ZelfdeOorzaak.JA
    detail = eigenaar.get(reverse("verzuim:detail", args=[na.uuid])).content.decode()
    assert "antwoord bedrijfsarts vastleggen" in detail
