"""Writes on werkgevers and their numbers (operator side; DOMAIN §1, seed 003 art. 1).

The operator acts as ``Portaalactor.voor(werkgever)``: the change is in that werkgever's audit
log, in the service's transaction (ADR 0013).
"""

from collections.abc import Iterable
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.utils.taken import na_commit

from .models import Gegevenswijziging, Loonheffingennummer, Werkgever


def wijzig_postadres(*, door: Actor, adres: str, postcode: str, plaats: str) -> Werkgever:
    """The registered address of ``door.werkgever``, where letters with a verificatiecode go."""
    postcode = postcode.replace(" ", "").upper()
    if len(postcode) != 6 or not postcode[:4].isdigit() or not postcode[4:].isalpha():
        raise ValidationError(
            {"postcode": "Vul een Nederlandse postcode in, bijvoorbeeld 1234 AB."}
        )
    with transaction.atomic():
        werkgever = Werkgever.objects.select_for_update().get(pk=door.werkgever.pk)
        werkgever.adres = adres.strip()
        werkgever.postcode = f"{postcode[:4]} {postcode[4:]}"
        werkgever.plaats = plaats.strip()
        werkgever.full_clean()
        werkgever.save(update_fields=["adres", "postcode", "plaats"])
        audit.registreer(
            door=door, actie=Actie.WIJZIGEN, onderwerp=werkgever, omschrijving="postadres"
        )
        markeer_gegevens_gewijzigd(werkgever_ids=[werkgever.pk])
    return werkgever


def voeg_loonheffingennummer_toe(
    *, door: Actor, nummer: str, omschrijving: str = ""
) -> Loonheffingennummer:
    """A new number of ``door.werkgever``, not yet activated: users see it after the
    verificatiecode (seed 003)."""
    with transaction.atomic():
        werkgever = Werkgever.objects.select_for_update().get(pk=door.werkgever.pk)
        lhnr = Loonheffingennummer(
            werkgever=werkgever, nummer=nummer, omschrijving=omschrijving, geactiveerd_op=None
        )
        lhnr.full_clean()
        lhnr.save()
        audit.registreer(
            door=door,
            actie=Actie.AANMAKEN,
            onderwerp=lhnr,
            omschrijving=f"loonheffingennummer {lhnr.nummer} toegevoegd (nog niet geactiveerd)",
        )
        markeer_gegevens_gewijzigd(werkgever_ids=[werkgever.pk])
    return lhnr


def markeer_gegevens_gewijzigd(*, werkgever_ids: Iterable[int], vanaf: date | None = None) -> None:
    """Raise the data version of these werkgevers, inside the caller's transaction.

    Every write on a werkgever's werknemers, verzuim or dossiers calls this, so figures cached
    under the old version (dashboard, ADR 0011) are never shown after the change commits; a
    rolled-back write leaves the version as it was. After the commit a task computes the
    dashboard figures of the new version, so the first dashboard view finds them ready (ADR 0011).

    ``vanaf``: the first day whose figures the write can change (a melding: its ingangsdatum).
    Figures over periods that end before it stay valid (``toegang.scopecache.gecached_tot``,
    ADR 0047); without it every figure is recomputed. One statement: raise, log, prune.
    """
    ids = sorted(set(werkgever_ids))  # one lock order for every caller: no deadlocks
    if not ids:
        return
    nu = timezone.now()
    dag = date.min if vanaf is None else min(vanaf, timezone.localdate())
    oud = nu - timedelta(seconds=settings.DASHBOARD_CACHE_SECONDEN)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                """
                WITH verhoogd AS (
                    UPDATE werkgevers_werkgever SET gegevensversie = gegevensversie + 1
                    WHERE id = ANY(%s) RETURNING id, gegevensversie
                ), opgeruimd AS (
                    DELETE FROM werkgevers_gegevenswijziging
                    WHERE werkgever_id = ANY(%s) AND op < %s
                )
                INSERT INTO werkgevers_gegevenswijziging (werkgever_id, versie, vanaf, op)
                SELECT id, gegevensversie, %s, %s FROM verhoogd
                """,
                [ids, ids, oud, dag, nu],
            )
    else:  # SQLite (demo): the same in three statements
        Werkgever.objects.filter(pk__in=ids).update(gegevensversie=F("gegevensversie") + 1)
        Gegevenswijziging.objects.filter(werkgever_id__in=ids, op__lt=oud).delete()
        Gegevenswijziging.objects.bulk_create(
            Gegevenswijziging(werkgever_id=pk, versie=versie, vanaf=dag, op=nu)
            for pk, versie in Werkgever.objects.filter(pk__in=ids).values_list(
                "pk", "gegevensversie"
            )
        )
    if settings.DASHBOARD_VOORVERWARMEN:
        for werkgever_id in ids:
            na_commit("verzuimportaal.portaal.tasks.verwarm_dashboard", werkgever_id)
