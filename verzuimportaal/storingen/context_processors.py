from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from verzuimportaal.portaal import meldingen

from . import perverzoek
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


@dataclass(frozen=True)
class Banner:
    storing: Storingsmelding
    sleutel: str
    verbergbaar: bool  # an interruption in progress is never hidden


def _zichtbaar(request: HttpRequest) -> list[Banner]:
    verborgen = meldingen.verborgen(request.session) if hasattr(request, "session") else set()
    uitkomst = []
    for storing in perverzoek.zichtbaar(request):
        banner = Banner(
            storing=storing,
            sleutel=melding_sleutel(storing),
            verbergbaar=not (storing.onderbreking and storing.is_begonnen),
        )
        if not (banner.verbergbaar and banner.sleutel in verborgen):
            uitkomst.append(banner)
    return uitkomst


def storingen(request: HttpRequest) -> dict[str, Any]:
    """Active and announced notices for the banner on every page (lazy: queried when shown),
    without those the user hid for this session (``portaal.meldingen``)."""
    return {"storingsmeldingen": SimpleLazyObject(lambda: _zichtbaar(request))}
