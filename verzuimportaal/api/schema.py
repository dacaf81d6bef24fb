"""The error answers of the API in the OpenAPI contract (drf-spectacular), so clients and
schemathesis know them. One place decides which operation can give which error:

- every operation: 401 (no verified login: second factor missing, or the eHerkenning login must be
  renewed), 403 (no right or machtiging for this part, no werkgever chosen, blocked), 404 (object
  not there or not the werkgever's; a page number beyond the list);
- writes (POST): 400 (invalid input or Idempotency-Key), 409 (same key still being processed),
  422 (same key, other payload) and 503 (interruption: the portal is read-only).

The API gives no 412 (no conditional requests) and no 429 (no rate limit on the API; login
lockout is on the login pages); add them here when that changes.
"""

from typing import Any

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers

from verzuimportaal.koppelingen import schema as koppelingen_schema  # noqa: F401 (registers)


class FoutSerializer(serializers.Serializer[Any]):
    detail = serializers.CharField(help_text="Wat er mis is en wat u kunt doen, in het Nederlands.")


VELDFOUTEN: dict[str, Any] = {
    "type": "object",
    "description": "Per veld (of non_field_errors) de Nederlandse meldingen; bij onleesbare "
    "JSON of een ongeldige Idempotency-Key één melding in detail.",
    "properties": {"detail": {"type": "string"}},
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}

ALTIJD: dict[str, str] = {
    "401": "Geen (geldig) token van een API-koppeling en niet (meer) ingelogd met tweede factor, "
    "of de eHerkenning-login moet worden vernieuwd. Vraag een nieuw token aan of log opnieuw in.",
    "403": "Geen recht of machtiging voor dit onderdeel, geen werkgever gekozen, of de toegang is "
    "geblokkeerd.",
    "404": "Niet gevonden, of niet van de werkgever waarvoor u werkt (ook: een paginanummer "
    "voorbij de lijst).",
}
SCHRIJVEN: dict[str, str] = {
    "409": "Een verzoek met dezelfde Idempotency-Key wordt nog verwerkt; probeer het zo opnieuw.",
    "422": "Deze Idempotency-Key is al gebruikt voor een verzoek met andere inhoud.",
    "503": "Storing of onderhoud: het portaal is tijdelijk alleen-lezen (zie Retry-After).",
}


class PortaalAutoSchema(AutoSchema):
    def _get_response_bodies(self, direction: Any = "response") -> dict[str, Any]:
        antwoorden: dict[str, Any] = super()._get_response_bodies(direction)
        fouten: dict[str, OpenApiResponse] = {
            code: OpenApiResponse(FoutSerializer, description=tekst)
            for code, tekst in ALTIJD.items()
        }
        if self.method not in ("GET", "HEAD", "OPTIONS"):
            fouten["400"] = OpenApiResponse(VELDFOUTEN, description="Ongeldige invoer.")
            fouten |= {
                code: OpenApiResponse(FoutSerializer, description=tekst)
                for code, tekst in SCHRIJVEN.items()
            }
        for code in sorted(fouten):
            if code not in antwoorden:
                antwoorden[code] = self._get_response_for_code(
                    fouten[code], code, direction=direction
                )
        return antwoorden
