"""After a melding is stored, enqueue its ontvangstbevestiging (never inside the melding itself).

The verzuim services stay unaware of letters: a ``post_save`` receiver on ``Verzuimmutatie``
puts the task in the outbox of the melding's transaction (ADR 0019). Nothing here can fail the
melding, and a broker outage only delays the letter.
"""

from typing import Any

from django.conf import settings
from django.db.models.signals import post_save

from verzuimportaal.utils.taken import na_commit
from verzuimportaal.verzuim.models import Verzuimmutatie


def na_melding(
    sender: Any, instance: Verzuimmutatie, created: bool, raw: bool, **kwargs: Any
) -> None:
    if created and not raw and settings.DOSSIER_ONTVANGSTBEVESTIGINGEN:
        from .tasks import maak_ontvangstbevestiging

        na_commit(
            maak_ontvangstbevestiging,
            instance.pk,
            omschrijving=f"Ontvangstbevestiging {instance.pk}",
        )


def verbind() -> None:
    post_save.connect(
        na_melding, sender=Verzuimmutatie, dispatch_uid="dossier_ontvangstbevestiging"
    )
