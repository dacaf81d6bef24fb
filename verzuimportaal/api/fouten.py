"""Error answers of the API as RFC 9457 problem details (``application/problem+json``), in Dutch.

Every refusal has ``type``, ``title``, ``status`` and ``detail`` (what is wrong and what to do);
input errors add ``velden``: per field (or ``non_field_errors``) the Dutch messages of the
serializer or the service. DRF's own errors (401/403/404/405/415/429, parse errors) go through
``probleem_handler``; views and the idempotency layer answer with ``probleem``.
"""

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.defaults import page_not_found
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler

MEDIA_TYPE = "application/problem+json"

TITELS: dict[int, str] = {
    400: "Ongeldig verzoek",
    401: "Niet geauthenticeerd",
    403: "Geen toegang",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    406: "Antwoordformaat niet beschikbaar",
    409: "Conflict",
    412: "Gegevens zijn intussen gewijzigd",
    415: "Formaat niet ondersteund",
    422: "Verzoek niet te verwerken",
    428: "Voorwaarde ontbreekt",
    429: "Te veel verzoeken",
    503: "Tijdelijk niet beschikbaar",
}
ONGELDIGE_INVOER = "Een of meer velden zijn niet goed ingevuld. Zie velden voor wat er mis is."


def probleem(
    statuscode: int,
    detail: str,
    *,
    velden: dict[str, list[str]] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": TITELS.get(statuscode, "Fout"),
        "status": statuscode,
        "detail": detail,
    }
    if velden:
        body["velden"] = velden
    return Response(body, status=statuscode, headers=headers, content_type=MEDIA_TYPE)


def _als_lijst(waarde: Any) -> list[str]:
    if isinstance(waarde, list):
        return [str(w) for w in waarde]
    if isinstance(waarde, dict):  # nested serializer: flatten to "veld.sub: melding"
        return [f"{k}: {m}" for k, v in waarde.items() for m in _als_lijst(v)]
    return [str(waarde)]


def ongeldige_invoer(velden: dict[str, Any]) -> Response:
    return probleem(
        status.HTTP_400_BAD_REQUEST,
        ONGELDIGE_INVOER,
        velden={veld: _als_lijst(fouten) for veld, fouten in velden.items()},
    )


def dienstfout(fout: DjangoValidationError) -> Response:
    """A refusal of a service (Dutch messages per field) as a 400 problem."""
    if hasattr(fout, "error_dict"):
        return ongeldige_invoer(fout.message_dict)
    return ongeldige_invoer({"non_field_errors": fout.messages})


def probleem_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    response = exception_handler(exc, context)
    if response is None:
        return None
    data = response.data
    headers = {k: v for k, v in response.items() if k in ("WWW-Authenticate", "Retry-After")}
    if isinstance(data, dict) and set(data) == {"detail"}:
        nieuw = probleem(response.status_code, str(data["detail"]), headers=headers)
    elif isinstance(data, dict):
        nieuw = ongeldige_invoer(data)
        nieuw.status_code = response.status_code
        nieuw.data["status"] = response.status_code
        nieuw.data["title"] = TITELS.get(response.status_code, "Fout")
    else:
        nieuw = probleem(
            response.status_code,
            ONGELDIGE_INVOER,
            velden={"non_field_errors": _als_lijst(data)},
            headers=headers,
        )
    for naam, waarde in headers.items():
        nieuw[naam] = waarde
    return nieuw


def niet_gevonden(request: HttpRequest, exception: Exception) -> HttpResponse:
    """``handler404``: under ``/api/`` a problem detail (also for a malformed id in the path,
    which the URL resolver refuses before DRF), elsewhere the portal's 404 page."""
    if request.path.startswith("/api/"):
        return JsonResponse(
            {
                "type": "about:blank",
                "title": TITELS[404],
                "status": 404,
                "detail": "Dit adres bestaat niet in de API. Controleer het pad en het kenmerk "
                "(een UUID) aan de hand van het contract.",
            },
            status=404,
            content_type=MEDIA_TYPE,
        )
    return page_not_found(request, exception)
