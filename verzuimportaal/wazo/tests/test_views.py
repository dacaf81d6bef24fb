"""WAZO pages: melden, the birth later, the detail with the uitkering estimate (DOMAIN §7.1-7.2).

Access for every role is in the generated matrix (toegang/tests); here the behaviour.
"""

import json

import pytest
from django.urls import reverse

from conftest import eherkenning_client, ingelogde_client
from tests.factories import LidmaatschapFactory, werknemer_bij
from tests.html import pagina
from verzuimportaal.audit.models import Auditregel
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.wazo.models import Wazoverlof

pytestmark = pytest.mark.klok("2025-04-20")


@pytest.fixture
def werkneemster(werkgever_a):
    return werknemer_bij(werkgever_a, voornaam="Fatima", achternaam="Yilmaz")


def _meld(client, werkneemster, **extra):
    data = {
        "uitgerekende_datum": "2025-06-20",
        "ingangsdatum": "2025-05-10",
        "uitkering_aan": "werkgever",
    } | extra
    return client.post(reverse("wazo:zwangerschapsverlof_melden", args=[werkneemster.uuid]), data)


def test_melden_en_de_geboorte_later(werkgever_a, eigenaar, werkneemster, klok):
    response = _meld(eigenaar, werkneemster)
    verlof = Wazoverlof.objects.get()
    assert response["Location"] == reverse("wazo:detail", args=[verlof.uuid])
    detail = eigenaar.get(response["Location"])
    assert "10-05-2025 tot en met 29-08-2025" in detail.content.decode()
    assert "Nog niet gemeld" in detail.content.decode()
    klok.move_to("2025-07-01")
    eigenaar = ingelogde_client(werkgever_a.lidmaatschap)  # the old session timed out
    response = eigenaar.post(
        reverse("wazo:geboorte_melden", args=[verlof.uuid]), {"geboortedatum": "2025-06-30"}
    )
    assert response.status_code == 302
    detail = eigenaar.get(reverse("wazo:detail", args=[verlof.uuid]))
    periode = pagina(detail).xpath('//*[@data-testid="periode"]')[0].text_content()
    assert "10-05-2025 tot en met 08-09-2025" in periode
    assert Auditregel.objects.filter(object_type="wazoverlof", actie="inzien").count() == 2


def test_buiten_het_ingangsvenster_fout_bij_het_veld(eigenaar, werkneemster):
    response = _meld(eigenaar, werkneemster, ingangsdatum="2025-05-25")
    assert response.status_code == 200
    fout = pagina(response).get_element_by_id("id_ingangsdatum_error").text_content()
    assert "tussen 10-05-2025 en 24-05-2025" in fout
    assert not Wazoverlof.objects.exists()


def test_te_vroeg_aanvragen_noemt_de_datum(eigenaar, werkneemster):
    response = _meld(eigenaar, werkneemster, ingangsdatum="2025-05-24")  # opens 2025-04-26
    fout = pagina(response).get_element_by_id("id_ingangsdatum_error").text_content()
    assert "vraag het aan vanaf 26-04-2025" in fout


@pytest.mark.klok("2025-04-30")
def test_te_laat_geeft_een_waarschuwing(eigenaar, werkneemster):
    response = _meld(eigenaar, werkneemster)
    detail = eigenaar.get(response["Location"])
    inhoud = detail.content.decode()
    assert "na de aanvraagtermijn ingediend" in inhoud
    assert pagina(detail).xpath('//*[@data-testid="te-laat"]')


def test_uitkering_alleen_met_het_recht_uitkeringsgegevens(werkgever_a, eigenaar, werkneemster):
    _meld(eigenaar, werkneemster)
    verlof = Wazoverlof.objects.get()
    adres = reverse("wazo:detail", args=[verlof.uuid]) + "?dagloon=320"
    beide = eherkenning_client(
        werkgever_a.werkgever.kvk_nummer, Dienst.VERZUIM_MELDEN, Dienst.UITKERINGSGEGEVENS
    )
    tabel = pagina(beide.get(adres)).xpath('//*[@data-testid="uitkering"]//tbody/tr')
    # May 10-31 2025: 15 uitkeringsdagen × 290.67 (the maximum, DOMAIN §7.2).
    assert [" ".join(td.text_content().split()) for td in tabel[0]][2:] == ["15", "€ 4360,05"]
    alleen_verzuim = ingelogde_client(
        LidmaatschapFactory(werkgever=werkgever_a.werkgever, rechten=[Dienst.VERZUIM_MELDEN])
    )
    response = alleen_verzuim.get(adres)
    assert response.status_code == 200
    assert not pagina(response).xpath('//*[@data-testid="uitkering"]')


def test_uitkering_rekent_met_het_maximumdagloon_van_de_beheerder(
    werkgever_a, eigenaar, werkneemster
):
    """DOMAIN §7.2, ADR 0045: the estimate on the page uses the operator's dated table, the same
    one the UWV lines use, not a copy in the code."""
    from datetime import date
    from decimal import Decimal

    from django.utils import timezone

    from verzuimportaal.verzamelspecificaties.models import Maximumdagloon

    Maximumdagloon.objects.update_or_create(
        ingangsdatum=date(2025, 1, 1),
        defaults={"bedrag": Decimal("280.00"), "vastgelegd_op": timezone.now()},
    )
    _meld(eigenaar, werkneemster)
    verlof = Wazoverlof.objects.get()
    adres = reverse("wazo:detail", args=[verlof.uuid]) + "?dagloon=320"
    beide = eherkenning_client(
        werkgever_a.werkgever.kvk_nummer, Dienst.VERZUIM_MELDEN, Dienst.UITKERINGSGEGEVENS
    )
    tabel = pagina(beide.get(adres)).xpath('//*[@data-testid="uitkering"]//tbody/tr')
    # May 10-31 2025: 15 uitkeringsdagen × 280.00, the operator's maximum.
    assert [" ".join(td.text_content().split()) for td in tabel[0]][2:] == ["15", "€ 4200,00"]


def test_werknemerpagina_toont_verlof_en_meldknoppen(eigenaar, werkneemster):
    _meld(eigenaar, werkneemster)
    response = eigenaar.get(reverse("werknemers:detail", args=[werkneemster.uuid]))
    boom = pagina(response)
    assert "10-05-2025" in boom.xpath('//*[@data-testid="werknemer-verloven"]')[0].text_content()
    assert boom.xpath('//*[@data-testid="zwangerschapsverlof-melden"]')


def test_overzicht_toont_alleen_eigen_verlof(eigenaar, buitenstaander, werkneemster):
    _meld(eigenaar, werkneemster)
    assert "Yilmaz" in eigenaar.get(reverse("wazo:overzicht")).content.decode()
    assert "Yilmaz" not in buitenstaander.get(reverse("wazo:overzicht")).content.decode()


def test_inzage_bevat_het_verlof(eigenaar, werkneemster):
    """AVG art. 15 (ADR 0021): the leave is data about the person too."""
    _meld(eigenaar, werkneemster)
    response = eigenaar.get(reverse("inzage:json", args=[werkneemster.uuid]))
    gegevens = json.loads(
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    assert [v["eerste_dag"] for v in gegevens["wazo_verlof"]] == ["2025-05-10"]
    assert any(r["soort_gegeven"] == "wazoverlof" for r in gegevens["audit"])


def test_verlof_in_het_engels(eigenaar, werkneemster):
    """ADR 0044: the overview, the detail and a validation error of the pure rules in English."""
    from tests.engels import in_het_engels, kop

    with in_het_engels(eigenaar) as client:
        response = _meld(client, werkneemster)
        detail = client.get(response["Location"])
        overzicht = client.get(reverse("wazo:overzicht"))
    assert kop(overzicht) == "WAZO leave"
    assert "1 leave report." in pagina(overzicht).text_content()
    inhoud = " ".join(pagina(detail).text_content().split())
    assert kop(detail) == "Pregnancy and maternity leave"
    assert "10-05-2025 up to and including 29-08-2025" in inhoud
    assert "Not reported yet" in inhoud
    assert "Nog niet gemeld" not in inhoud


def test_fout_van_de_verlofregels_in_het_engels(eigenaar, werkneemster):
    """The pure rules carry their msgid: the service shows the refusal in the active language."""
    from tests.engels import in_het_engels

    with in_het_engels(eigenaar) as client:
        response = _meld(client, werkneemster, ingangsdatum="2025-05-25")
    fout = pagina(response).get_element_by_id("id_ingangsdatum_error").text_content()
    assert "Pregnancy leave must start between 10-05-2025 and 24-05-2025" in fout
    assert "(6 to 4 weeks before the day after the due date)" in fout
    assert "tussen" not in fout
    assert not Wazoverlof.objects.exists()
