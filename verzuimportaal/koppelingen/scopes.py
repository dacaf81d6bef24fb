"""The scopes backend of the authorization server (django-oauth-toolkit).

An API client may ask only for the scopes registered on it; a token request without ``scope``
gets all of them. Other applications on the same provider (the eHerkenning simulator in demo and
tests) keep the scopes from the settings.
"""

from typing import Any

from oauth2_provider.scopes import SettingsScopes

from .models import ApiClient
from .scopenamen import alle_scopes


def _client(application: Any) -> ApiClient | None:
    if application is None or application.pk is None:
        return None
    return ApiClient.objects.actief().filter(applicatie_id=application.pk).first()


class KoppelingScopes(SettingsScopes):
    def get_all_scopes(self) -> dict[str, str]:
        return {**super().get_all_scopes(), **alle_scopes()}

    def get_available_scopes(
        self, application: Any = None, request: Any = None, *args: Any, **kwargs: Any
    ) -> list[str]:
        client = _client(application)
        if client is None:
            return list(super().get_available_scopes(application, request, *args, **kwargs))
        return list(client.scopes)

    def get_default_scopes(
        self, application: Any = None, request: Any = None, *args: Any, **kwargs: Any
    ) -> list[str]:
        client = _client(application)
        if client is None:
            return list(super().get_default_scopes(application, request, *args, **kwargs))
        return list(client.scopes)
