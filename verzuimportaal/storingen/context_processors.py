from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from verzuimportaal.portaal import meldingen

from .models import Storingsmelding


def melding_sleutel(storing: Storingsmelding) -> str:
    return meldingen.sleutel(
        "storing",
        storing.pk,
        storing.titel,
        storing.tekst,
        storing.begin,
        storing.einde,
        storing.verwacht_einde,
        storing.onderbreking,
    )


def _zichtbaar(request: HttpRequest) -> list[Storingsmelding]:
    verborgen = meldingen.verborgen(request.session) if hasattr(request, "session") else set()
    uitkomst = []
    for storing in Storingsmelding.objects.zichtbaar():
        storing.melding_sleutel = melding_sleutel(storing)
        storing.verbergbaar = not (storing.onderbreking and storing.is_begonnen)
        if storing.verbergbaar and storing.melding_sleutel in verborgen:
            continue
        uitkomst.append(storing)
    return uitkomst


def storingen(request: HttpRequest) -> dict[str, Any]:
    """Active and announced notices for the banner on every page (lazy: queried when shown),
    without those the user hid for this session (``portaal.meldingen``)."""
    return {"storingsmeldingen": SimpleLazyObject(lambda: _zichtbaar(request))}
