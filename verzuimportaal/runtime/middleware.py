"""First middleware of every request: request id, health endpoints, metrics.

``/health/live``, ``/health/ready`` and ``/metrics`` are answered here, before sessions, login
and the governance middleware: a load balancer or Prometheus has no session, and a liveness probe
must not depend on the database. Everything else passes through and is counted per route.
"""

import hmac
import re
import time
import uuid
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.utils.cache import add_never_cache_headers

from . import gezondheid, metrics
from .logboek import VERZOEK_ID

KOPTEKST = "X-Request-ID"
# A well-formed id from the proxy is kept (its logs and ours then match); anything else replaced.
_GELDIG_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


def _verzoek_id(request: HttpRequest) -> str:
    meegegeven = request.headers.get(KOPTEKST, "")
    return meegegeven if _GELDIG_ID.match(meegegeven) else uuid.uuid4().hex


def _live() -> HttpResponse:
    return JsonResponse({"status": "ok"})


def _ready() -> HttpResponse:
    controles = gezondheid.controleer()
    ok = all(c["ok"] for c in controles.values())
    return JsonResponse(
        {"status": "ok" if ok else "niet gereed", "controles": controles},
        status=200 if ok else 503,
    )


def _metrics(request: HttpRequest) -> HttpResponse:
    token = settings.METRICS_TOKEN
    if not token:
        # Not configured: the endpoint does not exist.
        return HttpResponse(status=404)
    ontvangen = request.headers.get("Authorization", "")
    if not hmac.compare_digest(ontvangen.encode(), f"Bearer {token}".encode()):
        response = HttpResponse(status=401)
        response["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return response
    inhoud, soort = metrics.exposition()
    return HttpResponse(inhoud, content_type=soort)


EINDPUNTEN: dict[str, Callable[[HttpRequest], HttpResponse]] = {
    "/health/live": lambda request: _live(),
    "/health/ready": lambda request: _ready(),
    "/metrics": _metrics,
}


def _route(request: HttpRequest) -> str:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "onbekend"
    return match.view_name or match.route or "onbekend"


class RuntimeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        verzoek_id = _verzoek_id(request)
        token = VERZOEK_ID.set(verzoek_id)
        try:
            eindpunt = EINDPUNTEN.get(request.path.rstrip("/"))
            if eindpunt is not None and request.method in ("GET", "HEAD"):
                response: HttpResponseBase = eindpunt(request)
                add_never_cache_headers(response)
            else:
                begin = time.perf_counter()
                response = self.get_response(request)
                route = _route(request)
                metrics.DUUR.labels(route).observe(time.perf_counter() - begin)
                metrics.VERZOEKEN.labels(route, request.method, str(response.status_code)).inc()
            response[KOPTEKST] = verzoek_id
            return response
        finally:
            VERZOEK_ID.reset(token)
