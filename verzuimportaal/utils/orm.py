"""Small additions to the ORM."""

from collections.abc import Iterable

from django.db.models import Model


def bekend_als_opgehaald(instantie: Model, relatie: str, objecten: Iterable[Model]) -> None:
    """Let ``instantie.<relatie>.all()`` return ``objecten`` without a query, as after
    ``prefetch_related(relatie)``: for a write that has just created every related row itself
    (a new spell and its first mutation). ``relatie`` is a reverse foreign key's accessor.
    Filters and other querysets on the relation still query the database; ``refresh_from_db``
    forgets it, as it forgets a prefetch."""
    gerelateerd = getattr(instantie, relatie).all()
    gerelateerd._result_cache = list(objecten)
    gerelateerd._prefetch_done = True
    cache = instantie.__dict__.setdefault("_prefetched_objects_cache", {})
    cache[relatie] = gerelateerd  # a reverse relation's prefetch cache has its accessor's name
