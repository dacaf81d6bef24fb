"""Responses are never stored by browsers or shared caches (DOMAIN §9, ASVS 5.0 14.3.2).

Almost every page and API answer carries personal data, and the few that do not (login, errors)
gain nothing from caching; so every response without its own ``Cache-Control`` gets Django's
never-cache headers (``no-store``, ``private``). Static files are served by the web server.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase
from django.utils.cache import add_never_cache_headers


class GeenCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if not response.has_header("Cache-Control"):
            add_never_cache_headers(response)
        return response
