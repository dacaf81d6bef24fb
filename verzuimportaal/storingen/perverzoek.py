"""The notices shown in the banner, read at most once per request (ADR 0037).

The block check of the middleware reads them in the same query as its own lookup
(``utils.gebundeld``) and keeps them on the request; the banner uses that list. Never kept
across requests: a notice the operator publishes or ends counts from the next request on.
"""

from django.db.models import QuerySet
from django.http import HttpRequest

from .models import Storingsmelding

_ATTRIBUUT = "_storingsmeldingen"


def alle_zichtbare() -> QuerySet[Storingsmelding]:
    return Storingsmelding.objects.zichtbaar()


def bewaar(request: HttpRequest, gelezen: list[Storingsmelding]) -> None:
    setattr(request, _ATTRIBUUT, gelezen)


def zichtbaar(request: HttpRequest) -> list[Storingsmelding]:
    """The visible notices, in banner order, loaded at most once for ``request``."""
    bewaard = getattr(request, _ATTRIBUUT, None)
    if bewaard is None:
        bewaard = list(alle_zichtbare())
        bewaar(request, bewaard)
    return bewaard
