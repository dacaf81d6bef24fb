"""Operator: the list of letters to send and the action that makes the PDF (seed 003 art. 1)."""

import pytest
from django.urls import reverse

from tests.factories import LoonheffingennummerFactory
from verzuimportaal.verificatie.tests.hulp import beheerder_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheerder(django_user_model):
    return beheerder_client(django_user_model)


def test_lijst_te_versturen_en_actie_geeft_de_pdf(beheerder, werkgever_a):
    werkgever = werkgever_a.werkgever
    werkgever.adres, werkgever.postcode, werkgever.plaats = "Dorpsstraat 1", "1234 AB", "Ede"
    werkgever.save()
    nieuw = LoonheffingennummerFactory(werkgever=werkgever, geactiveerd_op=None)
    lijst = reverse("admin:verificatie_nummervoorbrief_changelist")

    inhoud = beheerder.get(lijst + "?brief=te_versturen").content.decode()
    assert nieuw.nummer in inhoud
    assert werkgever_a.loonheffingennummer.nummer not in inhoud  # already activated

    response = beheerder.post(lijst, {"action": "maak_brief", "_selected_action": [nieuw.pk]})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert response.content.startswith(b"%PDF")
    assert nieuw.nummer not in beheerder.get(lijst + "?brief=te_versturen").content.decode()
    assert nieuw.verificatiecodes.count() == 1
