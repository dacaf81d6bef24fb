"""Follow-up work of a write: Celery tasks that run only once the write has committed.

A write service registers its follow-ups with ``na_commit("app.tasks.naam", *args)`` inside its
own transaction (ADR 0013). The task is named by its dotted path, so a service never imports a
tasks module (which imports the service again): no import loops. The task goes into the
transactional outbox (``runtime.uitgaand``, ADR 0019): it exists exactly when the write commits,
and a broker outage delays it instead of losing it (DOMAIN §9: a melding never waits for letters
or e-mail).
"""

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db import connection
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

type _Taken = list[tuple[Any, tuple[object, ...], str]]

# The follow-ups of the write boundary that is running (``gebundeld``) and the savepoints open
# when it started, or None outside one.
_BUNDEL: ContextVar[tuple[int, _Taken] | None] = ContextVar("na_commit_bundel", default=None)


def _diepte() -> int:
    """How many savepoints are open: a block that can be rolled back on its own has one."""
    return sum(1 for sid in connection.savepoint_ids if sid is not None)


def na_commit(taak: str, *args: object, omschrijving: str = "") -> None:
    """Follow-up ``taak(*args)`` (dotted path) of the write in the current transaction."""
    from verzuimportaal.runtime import uitgaand

    # A wrong name is a programming error and raises here, inside the write.
    gevonden = import_string(taak)
    tekst = omschrijving or f"{taak}{args}"
    bundel = _BUNDEL.get()
    if bundel is not None and bundel[0] == _diepte():
        bundel[1].append((gevonden, args, tekst))
    else:
        # Outside a write boundary, or in an atomic block nested in it that may be rolled back
        # on its own: written now, so it goes with that block.
        uitgaand.plaats(gevonden, *args, omschrijving=tekst)


@contextmanager
def gebundeld() -> Iterator[None]:
    """The follow-ups registered in here go into the outbox together, with one INSERT, when the
    block ends without an error (inside the caller's transaction: ``utils.transactie``). After an
    error none are written, just as the rolled-back transaction would have dropped them."""
    from verzuimportaal.runtime import uitgaand

    bundel: _Taken = []
    token = _BUNDEL.set((_diepte(), bundel))
    try:
        yield
    finally:
        _BUNDEL.reset(token)
    if bundel:
        uitgaand.plaats_alle(bundel)


def plan(taak: Any, *args: object, omschrijving: str) -> None:
    """``taak.delay(*args)`` now; a broker outage is logged and never breaks the caller."""
    try:
        taak.delay(*args)
    except Exception:
        logger.exception("%s niet ingepland", omschrijving)
