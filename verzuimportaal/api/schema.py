"""The error answers of the API in the OpenAPI contract (drf-spectacular), so clients and
schemathesis know them. One place decides which operation can give which error:

- every operation: 401 (no verified login: second factor missing, or the eHerkenning login must be
  renewed), 403 (no right or machtiging for this part, no werkgever chosen, blocked), 404 (object
  not there or not the werkgever's; a page number beyond the list);
- every operation: 429 (an API client over its rate limit, with Retry-After);
- writes (POST, PATCH): 400 (invalid input or Idempotency-Key), 409 (same key still being
  processed), 422 (same key, other payload) and 503 (interruption: the portal is read-only);
- every operation: 400 (invalid input or parameters);
- PATCH declares 412 and 428 itself (If-Match).

All errors are RFC 9457 problem details (``application/problem+json``, api/fouten.py).
"""

from typing import Any

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers

from verzuimportaal.koppelingen import schema as koppelingen_schema  # noqa: F401 (registers)


class ProbleemSerializer(serializers.Serializer[Any]):
    """RFC 9457 problem details."""

    type = serializers.CharField(help_text="Altijd about:blank: de status zegt genoeg.")
    title = serializers.CharField(help_text="Korte omschrijving van de status, in het Nederlands.")
    status = serializers.IntegerField()
    detail = serializers.CharField(help_text="Wat er mis is en wat u kunt doen, in het Nederlands.")
    velden = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="Bij ongeldige invoer: per veld (of non_field_errors) de meldingen.",
    )


MEDIA_TYPE = "application/problem+json"

ALTIJD: dict[str, str] = {
    "401": "Geen (geldig) token van een API-koppeling en niet (meer) ingelogd met tweede factor, "
    "of de eHerkenning-login moet worden vernieuwd. Vraag een nieuw token aan of log opnieuw in.",
    "403": "Geen recht of machtiging voor dit onderdeel, geen werkgever gekozen, of de toegang is "
    "geblokkeerd.",
    "404": "Niet gevonden, of niet van de werkgever waarvoor u werkt (ook: een paginanummer "
    "voorbij de lijst).",
    "429": "Te veel verzoeken van deze API-koppeling; probeer het na Retry-After seconden opnieuw.",
}
SCHRIJVEN: dict[str, str] = {
    "415": "De inhoud is geen JSON: stuur Content-Type application/json.",
    "409": "Een verzoek met dezelfde Idempotency-Key wordt nog verwerkt; probeer het zo opnieuw.",
    "422": "Deze Idempotency-Key is al gebruikt voor een verzoek met andere inhoud.",
    "503": "Storing of onderhoud: het portaal is tijdelijk alleen-lezen (zie Retry-After).",
}


class PortaalAutoSchema(AutoSchema):
    def _get_response_bodies(self, direction: Any = "response") -> dict[str, Any]:
        antwoorden: dict[str, Any] = super()._get_response_bodies(direction)
        fouten: dict[str, OpenApiResponse] = {
            code: OpenApiResponse(ProbleemSerializer, description=tekst)
            for code, tekst in ALTIJD.items()
        }
        fouten["400"] = OpenApiResponse(ProbleemSerializer, description="Ongeldige invoer.")
        if self.method not in ("GET", "HEAD", "OPTIONS"):
            fouten |= {
                code: OpenApiResponse(ProbleemSerializer, description=tekst)
                for code, tekst in SCHRIJVEN.items()
            }
        for code in sorted(fouten):
            if code not in antwoorden:
                antwoorden[code] = self._get_response_for_code(
                    fouten[code], code, media_types=[MEDIA_TYPE], direction=direction
                )
        for code, antwoord in antwoorden.items():
            if code.startswith(("4", "5")) and "content" not in antwoord:
                antwoord["content"] = self._get_response_for_code(
                    ProbleemSerializer, code, media_types=[MEDIA_TYPE], direction=direction
                )["content"]
        return antwoorden
