from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from . import perverzoek


def voorwaarden(request: HttpRequest) -> dict[str, Any]:
    """The announcement banner; lazy, so only pages that show it query for it (and then share
    the versions the middleware already read for this request)."""
    return {
        "voorwaarden_aankondiging": SimpleLazyObject(
            lambda: perverzoek.aankondiging(
                perverzoek.versies(request), vandaag=timezone.localdate()
            )
        )
    }
