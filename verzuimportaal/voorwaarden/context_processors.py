from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from verzuimportaal.portaal import meldingen

from . import perverzoek
from .models import Voorwaardenversie


def melding_sleutel(versie: Voorwaardenversie) -> str:
    return meldingen.sleutel("voorwaarden", versie.pk, versie.nummer, versie.ingangsdatum)


def _zichtbare_aankondiging(request: HttpRequest) -> Voorwaardenversie | None:
    versie = perverzoek.aankondiging(perverzoek.versies(request), vandaag=timezone.localdate())
    if versie is None:
        return None
    versie.melding_sleutel = melding_sleutel(versie)  # type: ignore[attr-defined]
    if hasattr(request, "session") and versie.melding_sleutel in meldingen.verborgen(  # type: ignore[attr-defined]
        request.session
    ):
        return None
    return versie


def voorwaarden(request: HttpRequest) -> dict[str, Any]:
    """The announcement banner; lazy, so only pages that show it query for it (and then share
    the versions the middleware already read for this request). Hidden for the session once the
    user chose "Verbergen" (``portaal.meldingen``)."""
    return {"voorwaarden_aankondiging": SimpleLazyObject(lambda: _zichtbare_aankondiging(request))}
