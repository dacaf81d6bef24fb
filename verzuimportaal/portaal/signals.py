"""After a write on a werkgever's data commits, refresh its dashboard figures in the background.

The first dashboard view after a change then finds the figures ready instead of computing them
(ADR 0011). Nothing here can fail the write: a broker outage is logged, and the dashboard
computes the figures itself when they are missing.
"""

from functools import partial
from typing import Any

from django.conf import settings
from django.db import transaction

from verzuimportaal.utils.taken import plan
from verzuimportaal.werkgevers.service import gegevens_gewijzigd


def _plan(werkgever_id: int) -> None:
    from .tasks import verwarm_dashboard

    plan(verwarm_dashboard, werkgever_id, omschrijving=f"Dashboard van werkgever {werkgever_id}")


def na_wijziging(sender: Any, werkgever_ids: list[int], **kwargs: Any) -> None:
    if settings.DASHBOARD_VOORVERWARMEN:
        for werkgever_id in werkgever_ids:
            transaction.on_commit(partial(_plan, werkgever_id))


def verbind() -> None:
    gegevens_gewijzigd.connect(na_wijziging, dispatch_uid="portaal_dashboard_verwarmen")
