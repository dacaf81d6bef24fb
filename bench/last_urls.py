"""Bench-only URLconf of the load run: the portal's routes plus two references.

- ``/bench/triviaal/``: logged in, one query (the chosen werkgever's name), no template. It passes
  the same middleware as every page, so its latency is the floor of the portal under that load.
- ``/bench/minimaal/`` (POST): session auth and CSRF as the API, one INSERT in a transaction,
  a small JSON answer. The fastest write Django can do here; API ziekmeldingen are compared to it.
"""

from django.contrib.auth.decorators import login_required
from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import path
from django.views.decorators.http import require_POST

from verzuimportaal.toegang.acterend import SESSIE_WERKGEVER
from verzuimportaal.urls import handler500 as handler500
from verzuimportaal.urls import urlpatterns as portaal
from verzuimportaal.werkgevers.models import Werkgever

TABEL = "bench_minimaal"


@login_required
def triviaal(request: HttpRequest) -> HttpResponse:
    werkgever_id: int = request.session[SESSIE_WERKGEVER]
    naam = Werkgever.objects.filter(pk=werkgever_id).values_list("naam", flat=True).first()
    return HttpResponse(f"<p>{naam}</p>", content_type="text/html; charset=utf-8")


@require_POST
@login_required
def minimaal(request: HttpRequest) -> HttpResponse:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {TABEL} (gebruiker_id, werkgever_id, aangemaakt_op) "
            "VALUES (%s, %s, now()) RETURNING id",
            [request.user.pk, request.session[SESSIE_WERKGEVER]],
        )
        (nieuw_id,) = cursor.fetchone()
    return JsonResponse({"id": nieuw_id}, status=201)


urlpatterns = [
    path("bench/triviaal/", triviaal),
    path("bench/minimaal/", minimaal),
    *portaal,
]
