"""Deeply nested JSON is a client error (400 with a Dutch message), never a 500."""

import pytest

from conftest import ingelogde_client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("diepte", [5_000, 100_000])
def test_diep_geneste_json_geeft_400(werkgever_a, diepte):
    client = ingelogde_client(werkgever_a.lidmaatschap, raise_request_exception=True)
    for inhoud in ("[" * diepte + "]" * diepte, '{"a":' * diepte + "1" + "}" * diepte):
        antwoord = client.post("/api/v1/ziekmeldingen/", inhoud, content_type="application/json")
        assert antwoord.status_code == 400
        assert "te diep genest" in antwoord.json()["detail"]


def test_gewone_json_blijft_werken(werkgever_a):
    client = ingelogde_client(werkgever_a.lidmaatschap)
    antwoord = client.post(
        "/api/v1/ziekmeldingen/", {"werknemer": "geen-uuid"}, content_type="application/json"
    )
    assert antwoord.status_code == 400
    assert "detail" not in antwoord.json() or "genest" not in antwoord.json()["detail"]
