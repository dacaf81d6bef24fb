"""The transaction of a write boundary (ADR 0013, ADR 0049).

``schrijfgrens`` is ``transaction.atomic`` for a use case, with two differences that save round
trips without changing what is stored:

- The follow-up tasks it registers (``utils.taken.na_commit``) are written to the outbox with one
  ``INSERT`` at the end of the use case, still inside its transaction, instead of one per task.
  A use case that fails writes none of them (as before: its rows were rolled back).
- Called inside ``zonder_savepoint()``, it joins the enclosing transaction without a savepoint.
  The caller of ``zonder_savepoint`` promises that the enclosing transaction is all or nothing:
  when the use case fails, the whole transaction is rolled back (Django marks it so). The
  API's Idempotency-Key transaction (``api.idempotentie``) is such a caller: its only other write
  is the stored answer, which it then stores in a transaction of its own.

A use case called from inside another use case always gets its savepoint: the outer one may
catch the inner one's refusal and carry on.
"""

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction

_ZONDER_SAVEPOINT: ContextVar[bool] = ContextVar("zonder_savepoint", default=False)


@contextmanager
def zonder_savepoint() -> Iterator[None]:
    """The next ``schrijfgrens`` called in here joins the current transaction without a savepoint;
    if it fails, the current transaction can only be rolled back (``transaction.get_rollback``)."""
    token = _ZONDER_SAVEPOINT.set(True)
    try:
        yield
    finally:
        _ZONDER_SAVEPOINT.reset(token)


def schrijfgrens[**P, R](functie: Callable[P, R]) -> Callable[P, R]:
    """Run ``functie`` as one write boundary: one transaction, its outbox rows in one INSERT."""
    from .taken import gebundeld

    @functools.wraps(functie)
    def binnen(*args: P.args, **kwargs: P.kwargs) -> R:
        savepoint = not _ZONDER_SAVEPOINT.get()
        token = _ZONDER_SAVEPOINT.set(False)  # use cases called by this one keep their savepoint
        try:
            with transaction.atomic(savepoint=savepoint), gebundeld():
                return functie(*args, **kwargs)
        finally:
            _ZONDER_SAVEPOINT.reset(token)

    return binnen
