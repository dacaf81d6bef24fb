"""The activation page (seed 003 art. 1, 2.6): rights, tenant, messages, no data for outsiders."""

import pytest
from django.urls import reverse

from conftest import eherkenning_client
from tests.factories import GebruikerFactory, LoonheffingennummerFactory
from verzuimportaal.toegang.actor import beheerder
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.verificatie import codes, service

pytestmark = pytest.mark.django_db
ADRES = reverse("verificatie:activeren")


@pytest.fixture
def brief(werkgever_a, monkeypatch):
    """A non-activated number of A with a letter; returns (number, plain code)."""
    werkgever = werkgever_a.werkgever
    werkgever.adres, werkgever.postcode, werkgever.plaats = "Dorpsstraat 1", "1234 AB", "Ede"
    werkgever.save()
    nummer = LoonheffingennummerFactory(werkgever=werkgever, geactiveerd_op=None)
    gezien: list[str] = []
    echt = codes.nieuwe_code

    def vastleggen() -> str:
        gezien.append(echt())
        return gezien[-1]

    monkeypatch.setattr(codes, "nieuwe_code", vastleggen)
    service.maak_verificatiebrief(
        door=beheerder(GebruikerFactory(is_staff=True)), loonheffingennummer=nummer
    )
    return nummer, gezien[0]


def test_eigenaar_ziet_het_nummer_en_activeert_het(brief, eigenaar):
    nummer, code = brief
    inhoud = eigenaar.get(ADRES).content.decode()
    assert nummer.nummer in inhoud
    assert "Rechtenbeheer" in inhoud

    response = eigenaar.post(ADRES, {"loonheffingennummer": nummer.pk, "code": code}, follow=True)

    assert "is geactiveerd" in response.content.decode()
    nummer.refresh_from_db()
    assert nummer.geactiveerd_op is not None


def test_foute_code_toont_de_melding_en_telt(brief, eigenaar):
    nummer, _code = brief
    response = eigenaar.post(ADRES, {"loonheffingennummer": nummer.pk, "code": "AAAA-AAAA-AAAA"})
    assert response.status_code == 200
    assert "U kunt het nog 4 keer proberen" in response.content.decode()
    assert nummer.verificatiecodes.get().foute_pogingen == 1


def test_buitenstaander_ziet_het_nummer_niet_en_kan_het_niet_activeren(brief, buitenstaander):
    nummer, code = brief
    assert nummer.nummer not in buitenstaander.get(ADRES).content.decode()
    response = buitenstaander.post(ADRES, {"loonheffingennummer": nummer.pk, "code": code})
    assert response.status_code == 200  # form error: not a choice for this werkgever
    nummer.refresh_from_db()
    assert nummer.geactiveerd_op is None
    assert nummer.verificatiecodes.get().foute_pogingen == 0


def test_zonder_rechtenbeheer_403(brief, werkgever_a):
    nummer, code = brief
    client = eherkenning_client(werkgever_a.werkgever.kvk_nummer, Dienst.VERZUIM_MELDEN)
    assert client.get(ADRES).status_code == 403
    assert client.post(ADRES, {"loonheffingennummer": nummer.pk, "code": code}).status_code == 403
    nummer.refresh_from_db()
    assert nummer.geactiveerd_op is None


def test_met_rechtenbeheer_via_eherkenning_mag_het_wel(brief, werkgever_a):
    nummer, code = brief
    client = eherkenning_client(werkgever_a.werkgever.kvk_nummer, Dienst.RECHTENBEHEER)
    client.post(ADRES, {"loonheffingennummer": nummer.pk, "code": code})
    nummer.refresh_from_db()
    assert nummer.geactiveerd_op is not None
