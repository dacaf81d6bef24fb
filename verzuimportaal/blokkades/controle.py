"""Is the party behind this request or login blocked? (seed 003 art. 4.6; DOMAIN §8)

One indexed query in the usual case (a chosen werkgever or an eHerkenning login). Only a local
account that has not chosen a werkgever yet needs a second query over its memberships: it is
blocked when every werkgever it could act for is blocked.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone

from verzuimportaal.eherkenning import sessie as eherkenning_sessie
from verzuimportaal.toegang.acterend import SESSIE_WERKGEVER
from verzuimportaal.toegang.models import Lidmaatschap
from verzuimportaal.werkgevers.models import Werkgever

from .models import Blokkade, Soort


@dataclass(frozen=True)
class Partij:
    """Who is behind a session: the account, and for eHerkenning the person and the KvKs."""

    gebruiker_id: int | None
    pseudoniem: str = ""
    vertegenwoordigd_kvk: str = ""  # eHerkenning: the represented organisation
    intermediair_kvk: str = ""  # eHerkenning with ketenmachtiging
    werkgever_id: int | None = None  # local account: the werkgever chosen in the session

    @property
    def via_eherkenning(self) -> bool:
        return bool(self.pseudoniem)


def partij_uit_sessie(request: HttpRequest) -> Partij:
    # The werkgever chosen in the session: a local account's, or the one a route-B advisor
    # (eHerkenning for its own KvK) acts for.
    werkgever_id = request.session.get(SESSIE_WERKGEVER)
    gekozen = werkgever_id if type(werkgever_id) is int else None
    context = eherkenning_sessie.lees(request.session)
    if context is not None:
        return Partij(
            gebruiker_id=request.user.pk,
            pseudoniem=context.pseudoniem,
            vertegenwoordigd_kvk=context.kvk_nummer,
            intermediair_kvk=context.intermediair_kvk_nummer or "",
            werkgever_id=gekozen,
        )
    return Partij(gebruiker_id=request.user.pk, werkgever_id=gekozen)


def partij_bij_inloggen(gebruiker: Any) -> Partij:
    """At login the eHerkenning backends put the checked assertion on the user object."""
    assertie = getattr(gebruiker, "eherkenning_assertie", None)
    if assertie is not None:
        return Partij(
            gebruiker_id=gebruiker.pk,
            pseudoniem=assertie.pseudoniem,
            vertegenwoordigd_kvk=assertie.kvk_nummer,
            intermediair_kvk=assertie.intermediair_kvk_nummer or "",
        )
    return Partij(gebruiker_id=gebruiker.pk)


def blokkades_van(partij: Partij, *, op: datetime | None = None) -> QuerySet[Blokkade]:
    """Active blocks aimed at ``partij`` directly, the longest-running first."""
    moment = op or timezone.now()
    doelen = Q(soort=Soort.ACCOUNT, gebruiker_id=partij.gebruiker_id)
    if partij.via_eherkenning:
        doelen |= Q(soort=Soort.PSEUDONIEM, pseudoniem=partij.pseudoniem) & (
            Q(kvk_nummer="") | Q(kvk_nummer=partij.vertegenwoordigd_kvk)
        )
        kvks = [k for k in (partij.vertegenwoordigd_kvk, partij.intermediair_kvk) if k]
        doelen |= Q(soort=Soort.WERKGEVER, kvk_nummer__in=kvks)
    if partij.werkgever_id is not None:
        doelen |= Q(
            soort=Soort.WERKGEVER,
            kvk_nummer__in=Werkgever.objects.filter(pk=partij.werkgever_id).values("kvk_nummer"),
        )
    return (
        Blokkade.objects.actief(op=moment)
        .filter(doelen)
        .order_by(F("tot").desc(nulls_first=True), "pk")
    )


def actieve_blokkade(
    partij: Partij, *, op: datetime | None = None, gevonden: list[Blokkade] | None = None
) -> Blokkade | None:
    """The active block that applies to ``partij`` (the longest-running one), or None.

    ``gevonden``: ``blokkades_van(partij)[:1]`` already read by the caller (the middleware reads
    it together with the other per-request lookups, ``utils.gebundeld``)."""
    moment = op or timezone.now()
    if gevonden is None:
        gevonden = list(blokkades_van(partij, op=moment)[:1])
    blokkade = gevonden[0] if gevonden else None
    if blokkade is not None or partij.via_eherkenning or partij.werkgever_id is not None:
        return blokkade
    return _alle_werkgevers_geblokkeerd(partij, moment)


def _alle_werkgevers_geblokkeerd(partij: Partij, moment: datetime) -> Blokkade | None:
    geblokkeerd = (
        Blokkade.objects.actief(op=moment).filter(soort=Soort.WERKGEVER).values("kvk_nummer")
    )
    lidmaatschappen = Lidmaatschap.objects.filter(gebruiker_id=partij.gebruiker_id, actief=True)
    telling = lidmaatschappen.aggregate(
        totaal=Count("pk"),
        geblokkeerd=Count("pk", filter=Q(werkgever__kvk_nummer__in=geblokkeerd)),
    )
    if not telling["totaal"] or telling["geblokkeerd"] < telling["totaal"]:
        return None
    return (
        Blokkade.objects.actief(op=moment)
        .filter(
            soort=Soort.WERKGEVER,
            kvk_nummer__in=lidmaatschappen.values("werkgever__kvk_nummer"),
        )
        .order_by(F("tot").desc(nulls_first=True), "pk")
        .first()
    )
