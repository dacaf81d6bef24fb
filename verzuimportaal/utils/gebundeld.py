"""Several small, independent reads in one round trip (every page ≤ 15 queries, ADR 0037).

Each page request asks the database a few questions that have nothing to do with each other
(is this party blocked, which terms versions exist, which notices are shown). Asked one by one
they cost a round trip each on every page. ``lees_samen`` sends them as one ``SELECT`` with a
scalar subquery per question; PostgreSQL returns each answer as a JSON array of rows, which are
turned back into model instances with the fields' own ``to_python`` (the same values the ORM
would give for the field types used here: text, numbers, booleans, dates and times).

Only plain querysets qualify: one model, its own concrete fields (``defer``/``only`` allowed),
filters, ordering and slicing, no ``select_related`` or annotations. On another database than
PostgreSQL each queryset is simply evaluated on its own.
"""

import json
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Model, QuerySet


def _velden(queryset: QuerySet[Any]) -> list[Any]:
    model = queryset.model
    uitgesteld, is_uitgesteld = queryset.query.deferred_loading
    velden = []
    for veld in model._meta.concrete_fields:
        genoemd = veld.attname in uitgesteld or veld.name in uitgesteld
        if veld.primary_key or genoemd != is_uitgesteld:
            velden.append(veld)
    return velden


def _controleer(queryset: QuerySet[Any]) -> None:
    query = queryset.query
    if query.select_related or query.annotation_select or query.extra_select or query.values_select:
        raise ValueError("lees_samen leest alleen gewone querysets van één model.")


def lees_samen(*querysets: QuerySet[Any]) -> list[list[Any]]:
    """The rows of each queryset, in its own order, read with a single query."""
    for queryset in querysets:
        _controleer(queryset)
    if not querysets:
        return []
    alias = querysets[0].db
    verbinding = connections[alias]
    if verbinding.vendor != "postgresql" or any(q.db != alias for q in querysets):
        return [list(q) for q in querysets]
    delen: list[str] = []
    parameters: list[Any] = []
    veldlijsten = []
    leeg: set[int] = set()
    for nummer, queryset in enumerate(querysets):
        velden = _velden(queryset)
        veldlijsten.append(velden)
        try:
            sql, params = (
                queryset.values_list(*(v.attname for v in velden))
                .query.get_compiler(using=alias)
                .as_sql()
            )
        except EmptyResultSet:  # e.g. ``pk__in=[]``: no rows, nothing to ask
            leeg.add(nummer)
            continue
        kolommen = ", ".join(
            f"s.{verbinding.ops.quote_name(v.column)} AS c{i}" for i, v in enumerate(velden)
        )
        rij = ", ".join(f"t.c{i}" for i in range(len(velden)))
        # The subquery is ordered; numbering its rows in scan order and aggregating by that
        # number keeps the order. Identifiers come from the model, values stay parameters.
        deel = (
            f"(SELECT coalesce(json_agg(json_build_array({rij}) ORDER BY t.volgorde), '[]'::json)"  # noqa: S608
            f" FROM (SELECT {kolommen}, row_number() OVER () AS volgorde FROM ({sql}) s) t)"
        )
        delen.append(deel)
        parameters.extend(params)
    antwoord: list[Any] = []
    if delen:
        with verbinding.cursor() as cursor:
            cursor.execute("SELECT " + ", ".join(delen), parameters)
            antwoord = list(cursor.fetchone() or ())
    gelezen = iter(antwoord)
    uitkomst: list[list[Any]] = []
    for nummer, (queryset, velden) in enumerate(zip(querysets, veldlijsten, strict=True)):
        rijen = [] if nummer in leeg else next(gelezen)
        if isinstance(rijen, str):  # a driver without JSON decoding
            rijen = json.loads(rijen)
        namen = [v.attname for v in velden]
        model: type[Model] = queryset.model
        uitkomst.append(
            [
                model.from_db(
                    alias, namen, [v.to_python(w) for v, w in zip(velden, rij, strict=True)]
                )
                for rij in rijen
            ]
        )
    return uitkomst
