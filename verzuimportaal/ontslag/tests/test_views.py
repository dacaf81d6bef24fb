"""The ontslag pages as thin adapters: the start page chooses the employee, the compensatie form
posts the facts and the documents to the service (DOMAIN §7.6)."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from conftest import eherkenning_client
from tests.factories import VerzuimgevalFactory, werknemer_bij
from verzuimportaal.ontslag import documenten
from verzuimportaal.ontslag.models import Compensatieaanvraag
from verzuimportaal.ontslag.tests.test_service import PDF
from verzuimportaal.toegang.diensten import Dienst

pytestmark = pytest.mark.klok("2025-12-01")


@pytest.fixture
def client(werkgever_a):
    return eherkenning_client(werkgever_a.werkgever.kvk_nummer, Dienst.ONTSLAGAANVRAAG)


def test_start_kiest_werknemer_en_soort(client, werkgever_a, werkgever_b):
    pagina = client.get(reverse("ontslag:start")).content.decode()
    assert werkgever_a.werknemer.achternaam in pagina
    assert werkgever_b.werknemer.achternaam not in pagina
    response = client.get(
        reverse("ontslag:start"), {"werknemer": werkgever_a.werknemer.uuid, "soort": "compensatie"}
    )
    assert response["Location"] == reverse("ontslag:compensatie", args=[werkgever_a.werknemer.uuid])
    andermans = client.get(
        reverse("ontslag:start"), {"werknemer": werkgever_b.werknemer.uuid, "soort": "compensatie"}
    )
    assert andermans.status_code == 404


def test_compensatie_via_het_formulier(client, werkgever_a):
    werknemer = werknemer_bij(werkgever_a)
    VerzuimgevalFactory(werknemer=werknemer, eerste_ziektedag=date(2023, 6, 5))
    gegevens = {
        "laatste_dag_in_dienst": "30-06-2025",
        "wijze_einde": "vso",
        "betaalde_transitievergoeding": "10000,00",
        "transitiekosten": "0",
        "verschuldigd_na_opzegverbod": "9000,00",
        "loon_104_weken": "70000",
        "uitkeringen_104_weken": "0",
        "betaald_op": "31-08-2025",
        **{s.code: SimpleUploadedFile(f"{s.code}.pdf", PDF) for s in documenten.COMPENSATIE},
    }
    response = client.post(reverse("ontslag:compensatie", args=[werknemer.uuid]), gegevens)
    assert response.status_code == 302, response.context["form"].errors
    aanvraag = Compensatieaanvraag.objects.get()
    assert str(aanvraag.compensatie) == "9000.00"
    detail = client.get(response["Location"]).content.decode()
    assert "9000,00" in detail and "Compensatie transitievergoeding" in detail
