from typing import Any

from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from .models import WEIGERTERMIJN, Voorwaardenversie


def _aankondiging() -> Voorwaardenversie | None:
    """A changed version from its publication until it is in force and the six-week rejection
    term has passed (art. 6.1, 6.2). The very first version is not a change."""
    vandaag = timezone.localdate()
    eerste = Voorwaardenversie.objects.order_by("ingangsdatum").values("ingangsdatum")[:1]
    return (
        Voorwaardenversie.objects.filter(
            Q(gepubliceerd_op__gte=vandaag - WEIGERTERMIJN) | Q(ingangsdatum__gt=vandaag),
            gepubliceerd_op__lte=vandaag,
        )
        .exclude(ingangsdatum=eerste)
        .order_by("-ingangsdatum")
        .first()
    )


def voorwaarden(request: HttpRequest) -> dict[str, Any]:
    """The announcement banner; lazy, so only pages that show it query for it."""
    return {"voorwaarden_aankondiging": SimpleLazyObject(_aankondiging)}
