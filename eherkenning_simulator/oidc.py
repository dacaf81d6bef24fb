"""The django-oauth-toolkit validator: puts the eHerkenning assertion into ID token and userinfo.

The browser part (authorize) chooses the context and hands it to ``save_authorization_code``
via the oauthlib request; it is stored as an ``Aanmelding`` keyed by the code. The token
endpoint (server to server, no browser session) reads it back through the code, userinfo
through the access token. Claim names: README.md and ``service.EHERKENNING_CLAIMS``.
"""

from typing import Any

from oauth2_provider.models import AccessToken
from oauth2_provider.oauth2_validators import OAuth2Validator
from oauthlib.oauth2.rfc6749 import errors

from . import service
from .models import Aanmelding

# Extra attributes the authorize view sets on the oauthlib request (credentials).
VERZOEK_PERSOON = "eherkenning_persoon"
VERZOEK_VERTEGENWOORDIGING = "eherkenning_vertegenwoordiging"
VERZOEK_AUTH_TIME = "eherkenning_auth_time"
_VERZOEK_AANMELDING = "eherkenning_aanmelding"


class SimulatorValidator(OAuth2Validator):
    # ``sub`` and ``acr`` come with ``openid``; the eHerkenning attributes need ``eherkenning``.
    oidc_claim_scope = {
        "sub": "openid",
        "acr": "openid",
        **dict.fromkeys(service.EHERKENNING_CLAIMS, "eherkenning"),
    }

    def save_authorization_code(
        self, client_id: str, code: dict[str, Any], request: Any, *args: Any, **kwargs: Any
    ) -> None:
        persoon = getattr(request, VERZOEK_PERSOON, None)
        vertegenwoordiging = getattr(request, VERZOEK_VERTEGENWOORDIGING, None)
        if persoon is None or vertegenwoordiging is None:
            # Only the simulator's authorize view issues codes, and it always sets both.
            raise errors.AccessDeniedError(
                description="Geen eHerkenning-context bij dit verzoek.", request=request
            )
        super().save_authorization_code(client_id, code, request, *args, **kwargs)
        service.registreer_aanmelding(
            code=code["code"],
            client_id=request.client.client_id,
            persoon=persoon,
            vertegenwoordiging=vertegenwoordiging,
            auth_time=getattr(request, VERZOEK_AUTH_TIME),
        )

    def validate_code(
        self, client_id: str, code: str, client: Any, request: Any, *args: Any, **kwargs: Any
    ) -> bool:
        if not super().validate_code(client_id, code, client, request, *args, **kwargs):
            return False
        aanmelding = service.ongebruikte_aanmelding(code=code, client_id=client.client_id)
        if aanmelding is None:
            return False
        setattr(request, _VERZOEK_AANMELDING, aanmelding)
        return True

    def invalidate_authorization_code(
        self, client_id: str, code: str, request: Any, *args: Any, **kwargs: Any
    ) -> None:
        super().invalidate_authorization_code(client_id, code, request, *args, **kwargs)
        service.markeer_aanmelding_gebruikt(code=code)

    def validate_silent_authorization(self, request: Any) -> bool:
        # prompt=none: brokers never ask consent.
        return True

    def validate_silent_login(self, request: Any) -> bool:
        # prompt=none: the authorize view only gets here with a completed simulator login
        # (anonymous prompt=none requests get login_required from DOT before validation).
        return True

    def validate_refresh_token(
        self, refresh_token: str, client: Any, request: Any, *args: Any, **kwargs: Any
    ) -> bool:
        # A broker assertion is one-shot: new attributes need a new login, never a refresh.
        return False

    def _create_access_token(
        self, expires: Any, request: Any, token: Any, source_refresh_token: Any = None
    ) -> AccessToken:
        access_token = super()._create_access_token(expires, request, token, source_refresh_token)
        aanmelding = getattr(request, _VERZOEK_AANMELDING, None)
        if aanmelding is not None:
            service.koppel_access_token(
                aanmelding=aanmelding, token_checksum=access_token.token_checksum
            )
        return access_token

    def _aanmelding(self, request: Any) -> Aanmelding:
        aanmelding = getattr(request, _VERZOEK_AANMELDING, None)
        if aanmelding is None:
            access_token = getattr(request, "access_token", None)
            if isinstance(access_token, AccessToken):
                aanmelding = service.aanmelding_voor_token(
                    token_checksum=access_token.token_checksum
                )
        if aanmelding is None:
            raise errors.InvalidTokenError(description="Geen aanmelding bij dit token.")
        return aanmelding

    def get_additional_claims(self, request: Any) -> dict[str, Any]:
        return service.claims_voor(aanmelding=self._aanmelding(request))

    def get_discovery_claims(self, request: Any) -> list[str]:
        return ["sub", "acr", "auth_time", *service.EHERKENNING_CLAIMS]

    def get_id_token_dictionary(
        self, token: Any, token_handler: Any, request: Any
    ) -> tuple[dict[str, Any], Any]:
        claims, verloopt = super().get_id_token_dictionary(token, token_handler, request)
        claims["auth_time"] = int(self._aanmelding(request).auth_time.timestamp())
        return claims, verloopt
