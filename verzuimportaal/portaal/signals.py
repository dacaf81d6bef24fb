"""After a write on a werkgever's data commits, refresh its dashboard figures in the background.

The first dashboard view after a change then finds the figures ready instead of computing them
(ADR 0011). The task goes into the outbox of the writing transaction (ADR 0019). Nothing here
can fail the write; while the broker is away the dashboard computes missing figures itself.
"""

from typing import Any

from django.conf import settings

from verzuimportaal.utils.taken import na_commit
from verzuimportaal.werkgevers.service import gegevens_gewijzigd


def na_wijziging(sender: Any, werkgever_ids: list[int], **kwargs: Any) -> None:
    if settings.DASHBOARD_VOORVERWARMEN:
        from .tasks import verwarm_dashboard

        for werkgever_id in werkgever_ids:
            na_commit(
                verwarm_dashboard,
                werkgever_id,
                omschrijving=f"Dashboard van werkgever {werkgever_id}",
            )


def verbind() -> None:
    gegevens_gewijzigd.connect(na_wijziging, dispatch_uid="portaal_dashboard_verwarmen")
