"""The OAuth2 client-credentials scheme of API clients in the OpenAPI contract, with the scopes
an operation needs: one of the view's services, at "bekijken" to read and "wijzigen" to write."""

from typing import Any

from django.urls import reverse
from drf_spectacular.extensions import OpenApiAuthenticationExtension

from verzuimportaal.toegang.actor import Niveau

from .scopenamen import alle_scopes, scope


class KoppelingSchema(OpenApiAuthenticationExtension):
    target_class = "verzuimportaal.koppelingen.authenticatie.KoppelingAuthenticatie"
    name = "koppeling"

    def get_security_definition(self, auto_schema: Any) -> dict[str, Any]:
        return {
            "type": "oauth2",
            "description": "API-koppeling (client credentials). De rechtenbeheerder registreert "
            "de koppeling in het portaal; scopes per onderdeel en niveau.",
            "flows": {
                "clientCredentials": {
                    "tokenUrl": reverse("api:token"),
                    "scopes": alle_scopes(),
                }
            },
        }

    def get_security_requirement(self, auto_schema: Any) -> list[dict[str, list[str]]]:
        diensten: tuple[str, ...] = getattr(auto_schema.view, "diensten", ())
        niveau = Niveau.BEKIJKEN if auto_schema.method in ("GET", "HEAD") else Niveau.WIJZIGEN
        if niveau == Niveau.WIJZIGEN:
            diensten = getattr(auto_schema.view, "schrijfdiensten", diensten)
        return [{self.name: [scope(d, niveau)]} for d in diensten]
