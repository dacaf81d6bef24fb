"""/metrics: 404 without METRICS_TOKEN configured, 401 without the right bearer, else Prometheus."""

import pytest
from django.test import Client


def test_metrics_bestaat_niet_zonder_token(settings):
    settings.METRICS_TOKEN = ""

    assert Client().get("/metrics").status_code == 404
    assert Client().get("/metrics", HTTP_AUTHORIZATION="Bearer ").status_code == 404


@pytest.mark.parametrize(
    "kop", [None, "Bearer fout-token-van-32-tekens-lang-xxxxxxx", "geheim-token-" + "x" * 24]
)
def test_metrics_weigert_zonder_juiste_bearer(settings, kop):
    settings.METRICS_TOKEN = "geheim-token-" + "x" * 24
    extra = {"HTTP_AUTHORIZATION": kop} if kop else {}

    response = Client().get("/metrics", **extra)

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="metrics"'
    assert b"verzuimportaal_http" not in response.content


@pytest.mark.django_db
def test_metrics_telt_verzoeken_per_route(settings):
    settings.METRICS_TOKEN = "geheim-token-" + "x" * 24
    client = Client()
    client.get("/account/inloggen/")

    response = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {settings.METRICS_TOKEN}")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    inhoud = response.content.decode()
    assert (
        'verzuimportaal_http_verzoeken_total{methode="GET",route="accounts:login",status="200"}'
        in inhoud
    )
    assert 'verzuimportaal_http_verzoek_duur_seconden_bucket{le="0.01",route="accounts:login"}' in (
        inhoud
    )
