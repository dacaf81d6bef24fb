"""Transactional outbox for follow-up tasks (ADR 0019).

``plaats`` writes the task into the caller's transaction: it exists exactly when the change that
caused it was committed. ``verstuur`` (the beat task ``verstuur_uitgaand``, every second) hands
the rows to the broker in order and deletes them in the same transaction; while the broker is
unreachable it stops and keeps them, so letters, e-mails and dashboard refreshes catch up when
it returns. Delivery is at least once (a crash between publish and commit publishes again); every
task behind it is idempotent (DOMAIN §9).

Under ``CELERY_TASK_ALWAYS_EAGER`` (tests, the demo) there is no broker: the outbox is emptied
right after the commit, which runs the tasks in the process, as ``delay`` would. With
``TAKEN_NA_HET_ANTWOORD`` (the demo) that happens once the response has been sent
(``request_finished``): otherwise the user waited for the receipt pdf, the e-mails and the
dashboard figures, about 2.3 s per ziekmelding, which a real worker never adds to a request.
Rows placed outside a request (a management command) go with the next finished request.
"""

import logging
import time
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.signals import request_finished
from django.db import transaction

from .models import Uitgaand

logger = logging.getLogger(__name__)

PARTIJ = 200


def plaats(taak: Any, *args: object, omschrijving: str) -> None:
    plaats_alle([(taak, args, omschrijving)])


def plaats_alle(taken: Sequence[tuple[Any, Sequence[object], str]]) -> None:
    """Several follow-ups ``(taak, args, omschrijving)`` with one INSERT, in this order."""
    Uitgaand.objects.bulk_create(
        [
            Uitgaand(taak=taak.name, argumenten=list(args), omschrijving=omschrijving[:200])
            for taak, args, omschrijving in taken
        ]
    )
    if getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False):
        if getattr(settings, "TAKEN_NA_HET_ANTWOORD", False):
            request_finished.connect(_na_het_antwoord, dispatch_uid=_NA_HET_ANTWOORD)
        else:
            transaction.on_commit(verstuur)


_NA_HET_ANTWOORD = "verzuimportaal.runtime.uitgaand.na_het_antwoord"


def _na_het_antwoord(**kwargs: Any) -> None:
    request_finished.disconnect(dispatch_uid=_NA_HET_ANTWOORD)
    while verstuur():  # tasks may place follow-ups of their own (the letter's e-mail)
        pass
    request_finished.disconnect(dispatch_uid=_NA_HET_ANTWOORD)  # those were sent just now


def _publiceer(rij: Uitgaand) -> None:
    from verzuimportaal.celery import app

    taak = app.tasks.get(rij.taak)
    if taak is None:
        app.send_task(rij.taak, args=rij.argumenten)
    else:
        taak.apply_async(args=rij.argumenten)


def verstuur(*, maximum_seconden: float = 5.0) -> int:
    """Hand waiting tasks to the broker, oldest first; returns how many. Parallel runs skip each
    other's rows (SKIP LOCKED); identical tasks in one batch are sent once."""
    totaal = 0
    einde = time.monotonic() + maximum_seconden
    while time.monotonic() < einde:
        with transaction.atomic():
            rijen = list(
                Uitgaand.objects.select_for_update(skip_locked=True).order_by("pk")[:PARTIJ]
            )
            if not rijen:
                break
            verstuurd: list[int] = []
            gezien: set[tuple[str, str]] = set()
            for rij in rijen:
                sleutel = (rij.taak, repr(rij.argumenten))
                if sleutel not in gezien:
                    try:
                        _publiceer(rij)
                    except Exception:
                        logger.warning(
                            "Broker onbereikbaar; %d taken wachten in de outbox",
                            len(rijen) - len(verstuurd),
                            exc_info=True,
                        )
                        Uitgaand.objects.filter(pk=rij.pk).update(pogingen=rij.pogingen + 1)
                        Uitgaand.objects.filter(pk__in=verstuurd).delete()
                        return totaal + len(verstuurd)
                    gezien.add(sleutel)
                verstuurd.append(rij.pk)
            Uitgaand.objects.filter(pk__in=verstuurd).delete()
            totaal += len(verstuurd)
        if len(rijen) < PARTIJ:
            break
    return totaal
