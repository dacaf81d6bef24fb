"""The one way a fetcher turns "not there or not yours" into a 404 (deny by default)."""

from typing import Any

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db.models import Model, QuerySet
from django.http import Http404


def een_of_404[M: Model](objecten: QuerySet[M], wat: str, **filters: Any) -> M:
    """The object of the actor-scoped ``objecten`` matching ``filters``, else Http404.

    A malformed key (bad UUID or number) is a 404 too: the answer never tells an actor whether an
    object of another werkgever exists.
    """
    try:
        return objecten.get(**filters)
    except (ObjectDoesNotExist, ValueError, ValidationError) as exc:
        raise Http404(f"{wat} niet gevonden.") from exc
