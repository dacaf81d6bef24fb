"""Bench-only URLconf: the portal's routes plus ``/bench/triviaal/`` (never in the product).

The trivial view is the reference of (d): it passes the same middleware as every portal page
(session, authentication, second factor, terms, blocks, session save) and runs one query of its
own — the name of the werkgever chosen in the session — and renders no template.
"""

import time
from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.urls import path

from verzuimportaal.toegang.acterend import SESSIE_WERKGEVER
from verzuimportaal.urls import urlpatterns as portaal
from verzuimportaal.werkgevers.models import Werkgever


@login_required
def triviaal(request: HttpRequest) -> HttpResponse:
    werkgever_id: int = request.session[SESSIE_WERKGEVER]
    naam = Werkgever.objects.filter(pk=werkgever_id).values_list("naam", flat=True).first()
    return HttpResponse(f"<p>{naam}</p>", content_type="text/html; charset=utf-8")


urlpatterns = [path("bench/triviaal/", triviaal), *portaal]


class QueryTeller:
    """Headers ``X-Bench-Queries`` and ``X-Bench-Db-Ms``: queries of the whole request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        teller = {"aantal": 0, "tijd": 0.0}

        def meet(
            execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any
        ) -> Any:
            start = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                teller["aantal"] += 1
                teller["tijd"] += time.perf_counter() - start

        with connection.execute_wrapper(meet):
            response = self.get_response(request)
        response["X-Bench-Queries"] = str(teller["aantal"])
        response["X-Bench-Db-Ms"] = f"{teller['tijd'] * 1000:.1f}"
        return response
