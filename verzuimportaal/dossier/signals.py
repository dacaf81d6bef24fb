"""After a melding is stored, enqueue its ontvangstbevestiging (never inside the melding itself).

The verzuim services stay unaware of letters: a ``post_save`` receiver on ``Verzuimmutatie``
enqueues the task on commit. Nothing here can fail the melding: a broker outage is logged.
"""

from functools import partial
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save

from verzuimportaal.utils.taken import plan
from verzuimportaal.verzuim.models import Verzuimmutatie


def _plan_bevestiging(mutatie_id: int) -> None:
    from .tasks import maak_ontvangstbevestiging

    plan(maak_ontvangstbevestiging, mutatie_id, omschrijving=f"Ontvangstbevestiging {mutatie_id}")


def na_melding(
    sender: Any, instance: Verzuimmutatie, created: bool, raw: bool, **kwargs: Any
) -> None:
    if created and not raw and settings.DOSSIER_ONTVANGSTBEVESTIGINGEN:
        transaction.on_commit(partial(_plan_bevestiging, instance.pk))


def verbind() -> None:
    post_save.connect(
        na_melding, sender=Verzuimmutatie, dispatch_uid="dossier_ontvangstbevestiging"
    )
