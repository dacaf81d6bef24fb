"""``Idempotency-Key`` for API writes (DOMAIN §9).

A retry with the same key and payload gets the stored response (nothing is done twice); the same
key with another payload gets 422; a retry while the first request still runs gets 409.

One transaction per request (ADR 0019): a transaction-scoped advisory lock on (werkgever, key)
tells a concurrent request at once that the key is in use (409, on any node: the lock lives in
PostgreSQL); the write and its stored answer commit together, so a crash in between leaves
neither. The unique constraint on (werkgever, key) stays as the last guard. The use case joins
this transaction without a savepoint (ADR 0049); when it refuses, the transaction is rolled back
and the refusal is stored under the key in a second one.
"""

import hashlib
import json
from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from verzuimportaal.toegang.actor import Actor
from verzuimportaal.utils.transactie import zonder_savepoint

from .fouten import probleem
from .models import Idempotentiesleutel

HEADER = "Idempotency-Key"
MAX_LENGTE = 255


def _vingerafdruk(request: Request) -> str:
    inhoud = json.dumps(request.data, sort_keys=True, default=str)
    return hashlib.sha256(f"{request.method} {request.path}\n{inhoud}".encode()).hexdigest()


def _vergrendel(werkgever_id: int, sleutel: str) -> tuple[bool, bool]:
    """(got the lock, key already stored), in one round trip.

    The advisory lock of this key lasts until the end of the transaction (PostgreSQL); other
    databases (the SQLite demo) serialise every write anyway. A key committed by another node
    between this statement's snapshot and its lock is caught by the unique constraint.
    """
    bestaat = Idempotentiesleutel.objects.filter(werkgever_id=werkgever_id, sleutel=sleutel)
    if connection.vendor != "postgresql":
        return True, bestaat.exists()
    getal = int.from_bytes(
        hashlib.sha256(f"idempotentie:{werkgever_id}:{sleutel}".encode()).digest()[:8],
        "big",
        signed=True,
    )
    tabel = connection.ops.quote_name(Idempotentiesleutel._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT pg_try_advisory_xact_lock(%s), EXISTS (SELECT 1 FROM {tabel} "  # noqa: S608
            "WHERE werkgever_id = %s AND sleutel = %s)",
            [getal, werkgever_id, sleutel],
        )
        gelukt, gevonden = cursor.fetchone()
    return bool(gelukt), bool(gevonden)


def _bezig() -> Response:
    return probleem(
        status.HTTP_409_CONFLICT,
        "Een verzoek met deze sleutel wordt nog verwerkt. Probeer het zo opnieuw.",
        headers={"Retry-After": "1"},
    )


class _Geweigerd(Exception):
    """The write boundary refused inside the key's transaction, which can only roll back now."""

    def __init__(self, response: Response) -> None:
        super().__init__()
        self.response = response


def met_idempotentie(request: Request, actor: Actor, uitvoeren: Callable[[], Response]) -> Response:
    sleutel = request.headers.get(HEADER)
    if sleutel is None:
        return uitvoeren()
    if not sleutel or len(sleutel) > MAX_LENGTE or not sleutel.isprintable():
        return probleem(
            status.HTTP_400_BAD_REQUEST,
            f"De header {HEADER} moet 1 tot en met {MAX_LENGTE} leesbare tekens zijn.",
        )
    vingerafdruk = _vingerafdruk(request)
    try:
        with transaction.atomic():
            vergrendeld, bestaat = _vergrendel(actor.werkgever.pk, sleutel)
            if not vergrendeld:
                return _bezig()
            if bestaat:
                return _eerder(actor, sleutel, vingerafdruk)
            # The use case joins this transaction without a savepoint (ADR 0049): all or nothing.
            with zonder_savepoint():
                response = uitvoeren()
            if response.status_code >= 500:
                transaction.set_rollback(True)
                return response
            if transaction.get_rollback():
                raise _Geweigerd(response)
            _bewaar(actor, sleutel, vingerafdruk, response)
            return response
    except _Geweigerd as geweigerd:
        return _bewaar_weigering(actor, sleutel, vingerafdruk, geweigerd.response)
    except IntegrityError:
        # The other request committed the key just before this one took the lock (or there is no
        # advisory lock): everything of this one is rolled back; answer as a retry.
        return _eerder(actor, sleutel, vingerafdruk)


def _bewaar(actor: Actor, sleutel: str, vingerafdruk: str, response: Response) -> None:
    Idempotentiesleutel.objects.create(
        werkgever=actor.werkgever,
        sleutel=sleutel,
        vingerafdruk=vingerafdruk,
        status=Idempotentiesleutel.Status.KLAAR,
        statuscode=response.status_code,
        antwoord=json.loads(json.dumps(response.data, default=str)),
    )


def _bewaar_weigering(
    actor: Actor, sleutel: str, vingerafdruk: str, response: Response
) -> Response:
    """The refusal of a use case that ran without a savepoint: its transaction is rolled back (it
    wrote nothing that stays), so the answer is stored in a transaction of its own, under the
    key's lock again. A request with the same key that took the lock in between runs the use case
    itself and stores its own answer: this one is returned unstored (it did nothing twice)."""
    try:
        with transaction.atomic():
            vergrendeld, bestaat = _vergrendel(actor.werkgever.pk, sleutel)
            if not vergrendeld:
                return response
            if bestaat:
                return _eerder(actor, sleutel, vingerafdruk)
            _bewaar(actor, sleutel, vingerafdruk, response)
            return response
    except IntegrityError:
        return _eerder(actor, sleutel, vingerafdruk)


def _eerder(actor: Actor, sleutel: str, vingerafdruk: str) -> Response:
    eerder = Idempotentiesleutel.objects.get(werkgever=actor.werkgever, sleutel=sleutel)
    if eerder.vingerafdruk != vingerafdruk:
        return probleem(
            status.HTTP_422_UNPROCESSABLE_ENTITY,
            f"Deze {HEADER} is al gebruikt voor een ander verzoek. Gebruik voor een nieuw "
            "verzoek een nieuwe sleutel.",
        )
    if eerder.status == Idempotentiesleutel.Status.BEZIG:
        return _bezig()
    assert eerder.statuscode is not None
    headers = {"Idempotent-Replayed": "true"}
    if eerder.statuscode >= 400:
        return Response(
            eerder.antwoord,
            status=eerder.statuscode,
            headers=headers,
            content_type="application/problem+json",
        )
    return Response(eerder.antwoord, status=eerder.statuscode, headers=headers)


def ruim_op(*, nu: datetime) -> int:
    """Delete keys older than ``API_IDEMPOTENTIE_UREN``: their stored answers hold employee data
    and should not outlive the retry window, and a claim left "bezig" by a crashed worker frees
    its key. A retry after the window is a new request. Returns the number deleted."""
    grens = nu - timedelta(hours=settings.API_IDEMPOTENTIE_UREN)
    aantal, _ = Idempotentiesleutel.objects.filter(aangemaakt_op__lt=grens).delete()
    return aantal
