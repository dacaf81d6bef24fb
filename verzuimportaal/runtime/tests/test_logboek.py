"""JSON logs with the request id; BSN-like numbers and tokens never reach a log line."""

import json
import logging

import pytest
from django.test import Client

from verzuimportaal.runtime.logboek import (
    GEMASKEERD,
    VERZOEK_ID,
    JsonFormatter,
    MaskeerFilter,
    VerzoekIdFilter,
    maskeer,
)


@pytest.mark.parametrize(
    ("invoer", "verwacht"),
    [
        ("werknemer 123456782 ziek", f"werknemer {GEMASKEERD} ziek"),
        ("bsn=123.456.782", f"bsn={GEMASKEERD}"),
        ("BSN 123 456 782.", f"BSN {GEMASKEERD}."),
        ("Authorization: Bearer abcdef0123456789xyz", f"Authorization: Bearer {GEMASKEERD}"),
        ("/reset/?token=8f3a9c2d1e", f"/reset/?token={GEMASKEERD}"),
        ('{"password": "Geheim123"}', f'{{"password": "{GEMASKEERD}"}}'),
        ("api_key=sk_live_123&x=1", f"api_key={GEMASKEERD}&x=1"),
        ("sessionid=abc123def", f"sessionid={GEMASKEERD}"),
        # A sole trader's loonheffingennummer starts with the owner's BSN.
        ("loonheffingennummer 123456782L01", f"loonheffingennummer {GEMASKEERD}L01"),
    ],
)
def test_maskeer_verbergt_bsn_en_tokens(invoer, verwacht):
    assert maskeer(invoer) == verwacht


@pytest.mark.parametrize(
    "invoer",
    [
        "verzuimnummer 2026-00042",
        "1234567890 (tien cijfers)",
        "12345678 (acht cijfers)",
        "duur 12.5 ms, status 200",
        "bedrag 1.234.567,89",
    ],
)
def test_maskeer_laat_andere_getallen_staan(invoer):
    assert maskeer(invoer) == invoer


def _record(bericht: str, *args: object, exc_info: object = None) -> logging.LogRecord:
    return logging.LogRecord(
        "verzuimportaal.test", logging.WARNING, __file__, 1, bericht, args, exc_info
    )


def test_filter_maskeert_ook_argumenten_en_tracebacks():
    try:
        raise ValueError("ongeldige BSN 111222333")
    except ValueError:
        import sys

        record = _record("werknemer %s niet gevonden", "123456782", exc_info=sys.exc_info())

    MaskeerFilter().filter(record)
    VerzoekIdFilter().filter(record)
    regel = json.loads(JsonFormatter().format(record))

    assert regel["bericht"] == f"werknemer {GEMASKEERD} niet gevonden"
    assert "111222333" not in regel["uitzondering"]
    assert GEMASKEERD in regel["uitzondering"]
    assert regel["niveau"] == "WARNING"
    assert regel["logger"] == "verzuimportaal.test"
    assert regel["verzoek_id"] == "-"


def test_json_regel_draagt_het_verzoek_id():
    token = VERZOEK_ID.set("abc123def456")
    try:
        record = _record("iets")
        VerzoekIdFilter().filter(record)
    finally:
        VERZOEK_ID.reset(token)

    assert json.loads(JsonFormatter().format(record))["verzoek_id"] == "abc123def456"


def test_verzoek_id_van_de_proxy_blijft_ongeldig_wordt_vervangen():
    client = Client()

    eigen = client.get("/health/live", HTTP_X_REQUEST_ID="lb-7f3e2a9c-0001")
    ongeldig = client.get("/health/live", HTTP_X_REQUEST_ID="<script>alert(1)</script>")

    assert eigen["X-Request-ID"] == "lb-7f3e2a9c-0001"
    assert ongeldig["X-Request-ID"] != "<script>alert(1)</script>"
    assert len(ongeldig["X-Request-ID"]) == 32


def test_logregels_tijdens_een_verzoek_dragen_zijn_id():
    from django.http import HttpResponse
    from django.test import RequestFactory

    from verzuimportaal.runtime.middleware import RuntimeMiddleware

    regels: list[str] = []

    class Vanger(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            VerzoekIdFilter().filter(record)
            MaskeerFilter().filter(record)
            regels.append(f"{record.verzoek_id} {record.getMessage()}")

    def view(request: object) -> HttpResponse:
        logging.getLogger("verzuimportaal.test").warning("melding voor BSN %s", "123456782")
        return HttpResponse("ok")

    logger = logging.getLogger("verzuimportaal.test")
    handler = Vanger()
    logger.addHandler(handler)
    try:
        verzoek = RequestFactory().get("/ergens/", HTTP_X_REQUEST_ID="verzoek-0000000042")
        response = RuntimeMiddleware(view)(verzoek)
    finally:
        logger.removeHandler(handler)

    assert response["X-Request-ID"] == "verzoek-0000000042"
    assert regels == [f"verzoek-0000000042 melding voor BSN {GEMASKEERD}"]
    assert VERZOEK_ID.get() == "-"  # reset after the request
