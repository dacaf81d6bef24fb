"""Responses are never stored by browsers or shared caches (DOMAIN §9, ASVS 5.0 14.3.2).

Almost every page and API answer carries personal data, and the few that do not (login, errors)
gain nothing from caching; so every response without its own ``Cache-Control`` gets Django's
never-cache headers (``no-store``, ``private``). Static files are served by the web server.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.utils import translation
from django.utils.cache import add_never_cache_headers


class GeenCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if not response.has_header("Cache-Control"):
            add_never_cache_headers(response)
        return response


class TaalMiddleware:
    """Dutch unless the user chose another language (the language cookie), never the browser's
    Accept-Language: an English browser otherwise got "20 November 2026" and English form
    errors in a Dutch page. Replaces Django's ``LocaleMiddleware``."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        gekozen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        taal = gekozen if gekozen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(taal)
        request.LANGUAGE_CODE = taal
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", taal)
        return response
