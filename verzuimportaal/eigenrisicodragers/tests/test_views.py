"""ERD pages and letters (DOMAIN §3 services 4, 5, 7): each service shows its own documents."""

import pytest
from django.urls import reverse

from conftest import eherkenning_client
from verzuimportaal.audit.models import Actie, Auditregel
from verzuimportaal.eigenrisicodragers.models import DIENST_PER_SOORT, Documentsoort
from verzuimportaal.toegang.diensten import Dienst

from .factories import documenten_van, status_van

pytestmark = pytest.mark.klok("2026-11-23")


@pytest.fixture
def documenten(werkgever_a):
    return {d.soort: d for d in documenten_van(werkgever_a)}


@pytest.mark.parametrize(
    ("route", "dienst"),
    [
        ("eigenrisicodragers:controle", Dienst.CONTROLE_ERD),
        ("eigenrisicodragers:financieel", Dienst.FINANCIEEL_ERD),
        ("eigenrisicodragers:reintegratie_ww", Dienst.REINTEGRATIE_ERD_WW),
    ],
)
def test_elke_dienst_toont_alleen_zijn_eigen_documenten(werkgever_a, documenten, route, dienst):
    client = eherkenning_client(werkgever_a.werkgever.kvk_nummer, dienst)
    inhoud = client.get(reverse(route)).content.decode()
    for soort, document in documenten.items():
        link = reverse("eigenrisicodragers:document", args=[document.uuid])
        assert (link in inhoud) == (DIENST_PER_SOORT[soort] == dienst), soort
    assert Auditregel.objects.filter(
        werkgever=werkgever_a.werkgever, actie=Actie.INZIEN, object_type="erddocument"
    ).exists()


def test_brief_als_pdf_met_auditregel_downloaden(werkgever_a, documenten):
    document = documenten[Documentsoort.RECHT_HOOGTE_DUUR]
    client = eherkenning_client(werkgever_a.werkgever.kvk_nummer, Dienst.FINANCIEEL_ERD)
    response = client.get(reverse("eigenrisicodragers:document", args=[document.uuid]))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"].startswith("attachment;")
    regel = Auditregel.objects.get(object_type="erddocument", object_id=str(document.uuid))
    assert regel.actie == Actie.DOWNLOADEN and document.bsn not in regel.omschrijving


def test_brief_van_een_andere_dienst_of_werkgever_is_404(werkgever_a, werkgever_b, documenten):
    controle = documenten[Documentsoort.CONTROLE]
    alleen_financieel = eherkenning_client(werkgever_a.werkgever.kvk_nummer, Dienst.FINANCIEEL_ERD)
    adres = reverse("eigenrisicodragers:document", args=[controle.uuid])
    assert alleen_financieel.get(adres).status_code == 404
    ander = eherkenning_client(werkgever_b.werkgever.kvk_nummer, *DIENST_PER_SOORT.values())
    assert ander.get(adres).status_code == 404
    assert not Auditregel.objects.filter(object_id=str(controle.uuid), actie=Actie.DOWNLOADEN)


def test_status_per_loonheffingennummer_alleen_eigen_nummers(werkgever_a, werkgever_b):
    status_van(werkgever_a)
    status_van(werkgever_b)
    client = eherkenning_client(werkgever_a.werkgever.kvk_nummer, Dienst.CONTROLE_ERD)
    inhoud = client.get(reverse("eigenrisicodragers:status")).content.decode()
    assert werkgever_a.loonheffingennummer.nummer in inhoud
    assert werkgever_b.loonheffingennummer.nummer not in inhoud
    assert "01-01-2024" in inhoud and "31-12-2025" in inhoud
    # Only the links to the pages of the services held.
    assert reverse("eigenrisicodragers:controle") in inhoud
    assert reverse("eigenrisicodragers:financieel") not in inhoud
