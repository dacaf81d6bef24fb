from typing import Any

from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from verzuimportaal.portaal import meldingen

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


def melding_sleutel(versie: Voorwaardenversie) -> str:
    return meldingen.sleutel("voorwaarden", versie.pk, versie.nummer, versie.ingangsdatum)


def _zichtbare_aankondiging(request: HttpRequest) -> Voorwaardenversie | None:
    versie = _aankondiging()
    if versie is None:
        return None
    versie.melding_sleutel = melding_sleutel(versie)  # type: ignore[attr-defined]
    if hasattr(request, "session") and versie.melding_sleutel in meldingen.verborgen(  # type: ignore[attr-defined]
        request.session
    ):
        return None
    return versie


def voorwaarden(request: HttpRequest) -> dict[str, Any]:
    """The announcement banner; lazy, so only pages that show it query for it. Hidden for the
    session once the user chose "Verbergen" (``portaal.meldingen``)."""
    return {"voorwaarden_aankondiging": SimpleLazyObject(lambda: _zichtbare_aankondiging(request))}
