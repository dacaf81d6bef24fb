"""DOMAIN §5.1, §7.1 (ADR 0026): a spell that runs into zwangerschaps- en bevallingsverlof ends
at the leave start in the data, inside the wazo service's transaction and audited, or by the
daily task when the leave was reported in advance. The data path then gives the same deadlines as
the engine, whose sick period runs through the leave without counting it."""

from datetime import date

import pytest
from django.urls import reverse

from conftest import ingelogde_client
from tests.factories import werknemer_bij
from verzuimportaal import poortwachter
from verzuimportaal.audit.models import Actie, Auditregel
from verzuimportaal.dossier import termijnen
from verzuimportaal.verzuim import service as verzuim_service
from verzuimportaal.verzuim.models import EindeReden, Verzuimgeval, ZelfdeOorzaak
from verzuimportaal.wazo import service
from verzuimportaal.wazo.tasks import SYSTEEMNAAM, sluit_verzuim_bij_begin_verlof_task

pytestmark = pytest.mark.django_db

E = date(2025, 6, 20)  # DOMAIN §7.1 example: S = 05-10, born on E → leave 05-10 … 08-29
S = date(2025, 5, 10)


@pytest.fixture
def werkneemster(werkgever_a):
    return werknemer_bij(werkgever_a, voornaam="Fatima", datum_in_dienst=date(2020, 1, 1))


def _ziek(werkgever_a, werkneemster, dag: date, **extra) -> Verzuimgeval:
    return verzuim_service.meld_ziek(
        door=werkgever_a.actor, werknemer=werkneemster, eerste_ziektedag=dag, **extra
    )


def _verlof(werkgever_a, werkneemster):
    return service.meld_zwangerschapsverlof(
        door=werkgever_a.actor, werknemer=werkneemster, uitgerekende_datum=E, ingangsdatum=S
    )


@pytest.mark.klok("2025-01-06")
def test_vooraf_gemeld_verlof_sluit_het_verzuim_op_de_eerste_verlofdag(
    werkgever_a, werkneemster, klok
):
    geval = _ziek(werkgever_a, werkneemster, date(2025, 1, 6))
    klok.move_to("2025-04-20")
    _verlof(werkgever_a, werkneemster)
    geval.refresh_from_db()
    assert geval.einddatum is None  # still sick until the leave begins

    klok.move_to("2025-05-09")
    assert sluit_verzuim_bij_begin_verlof_task() == 0
    klok.move_to("2025-05-10")
    assert sluit_verzuim_bij_begin_verlof_task() == 1
    assert sluit_verzuim_bij_begin_verlof_task() == 0  # idempotent

    geval.refresh_from_db()
    assert (geval.einddatum, geval.einde_reden) == (S, EindeReden.VERLOF)
    assert geval.hersteldatum is None  # no recovery
    regel = Auditregel.objects.get(object_type="verzuimgeval", object_id=str(geval.uuid),
                                   actie=Actie.WIJZIGEN)  # fmt: skip
    assert regel.weergavenaam == SYSTEEMNAAM and regel.werkgever == werkgever_a.werkgever
    assert "eindigt op 10-05-2025" in regel.omschrijving


@pytest.mark.klok("2025-01-06")
def test_verlof_gemeld_na_de_ingang_sluit_het_verzuim_in_dezelfde_transactie(
    werkgever_a, werkneemster, klok
):
    geval = _ziek(werkgever_a, werkneemster, date(2025, 1, 6))
    klok.move_to("2025-05-12")
    verlof = _verlof(werkgever_a, werkneemster)  # late, accepted and marked
    assert verlof.te_laat
    geval.refresh_from_db()
    assert (geval.einddatum, geval.einde_reden) == (S, EindeReden.VERLOF)
    assert Auditregel.objects.filter(
        object_type="verzuimgeval", object_id=str(geval.uuid), actie=Actie.WIJZIGEN,
        gebruiker=werkgever_a.lidmaatschap.gebruiker,
    ).exists()  # fmt: skip


@pytest.mark.klok("2025-01-06")
def test_datapad_via_de_services_geeft_dezelfde_termijnen_als_de_engine(
    werkgever_a, werkneemster, klok
):
    """Sick from 01-06 into the leave (05-10 … 08-29), sick again from 08-30, same cause: the
    engine's one period through the leave and the two stored spells give the same deadlines."""
    voor = _ziek(werkgever_a, werkneemster, date(2025, 1, 6))
    klok.move_to("2025-04-20")
    _verlof(werkgever_a, werkneemster)
    klok.move_to("2025-05-10")
    sluit_verzuim_bij_begin_verlof_task()
    klok.move_to("2025-08-30")
    na = _ziek(werkgever_a, werkneemster, date(2025, 8, 30), zelfde_oorzaak=ZelfdeOorzaak.JA)

    [engine] = poortwachter.bereken_termijnen(
        perioden=[poortwachter.Ziekteperiode(id="x", eerste_ziektedag=date(2025, 1, 6))],
        verlof=[poortwachter.WazoVerlof(eerste_dag=S, laatste_dag=date(2025, 8, 29))],
    )
    datapad = termijnen.voor_verzuimgeval(na)
    assert datapad.geval.periode_ids == (voor.pk, na.pk)
    assert [(s.soort, s.deadline) for s in datapad.geval.stappen] == [
        (s.soort, s.deadline) for s in engine.stappen
    ]
    assert datapad.geval.einde_loondoorbetaling == engine.einde_loondoorbetaling


@pytest.mark.klok("2025-01-06")
def test_tijdlijn_telt_verlofdagen_niet_als_onderbreking(werkgever_a, werkneemster, klok):
    _ziek(werkgever_a, werkneemster, date(2025, 1, 6))
    klok.move_to("2025-05-12")
    _verlof(werkgever_a, werkneemster)
    klok.move_to("2025-09-05")
    na = _ziek(werkgever_a, werkneemster, date(2025, 9, 5), zelfde_oorzaak=ZelfdeOorzaak.JA)

    eigenaar = ingelogde_client(werkgever_a.lidmaatschap)  # logged in now (session timeouts)
    response = eigenaar.get(reverse("dossier:tijdlijn", args=[na.uuid]))
    assert response.status_code == 200
    inhoud = response.content.decode()

    # 05-10 → 09-05 is 118 days: 112 leave days (05-10 … 08-29) and 6 gap days.
    assert "6 dagen (en 112 dagen WAZO-verlof, tellen niet mee)" in inhoud
    assert "118 dagen" not in inhoud
