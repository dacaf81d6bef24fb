"""The steps still to do of every open combined case, kept up to date by the writes (ADR 0047).

Pages that list deadlines across all open cases (dashboard, lopende verzuimen, reminders,
activities overview) read ``Openstap`` rows instead of running the Poortwachter engine over every
open chain. The rows are a pure function of the werknemer's spells, zwangerschaps- en
bevallingsverlof and dossier facts, so every service that writes one of those calls ``werk_bij``
for the werknemer at the end of its transaction: the engine recomputes that werknemer's chain
(``termijnen.open_stappen_van``, the one implementation of the rules) and the rows are replaced.
A rolled-back write leaves the old rows. The engine takes no date of today, so rows never go
stale by the calendar alone.

Lock order: the caller already holds the werknemer lock (verzuim, wazo and dossier services lock
the werknemer first); ``werk_bij`` takes it again (a no-op then), so two writes for one werknemer
never interleave their delete and insert.
"""

from collections.abc import Iterable

from django.db import transaction

from verzuimportaal.verzuim.models import Verzuimgeval
from verzuimportaal.werknemers.models import Werknemer

from .models import Openstap
from .termijnen import open_stappen_van

BATCH = 2000  # werknemers per engine run when filling everything


def _rijen(werknemer_ids: list[int]) -> list[Openstap]:
    rijen: list[Openstap] = []
    volgorde: dict[int, int] = {}
    for verzuimgeval_id, stap in open_stappen_van(werknemer_ids):
        plaats = volgorde.get(verzuimgeval_id, 0)
        volgorde[verzuimgeval_id] = plaats + 1
        rijen.append(
            Openstap(
                verzuimgeval_id=verzuimgeval_id,
                volgorde=plaats,
                soort=str(stap.soort),
                omschrijving=stap.omschrijving[:255],
                deadline=stap.deadline,
                venster_begin=stap.venster_begin,
                verantwoordelijken=",".join(str(v) for v in stap.verantwoordelijken),
            )
        )
    return rijen


def werk_bij(*, werknemer_ids: Iterable[int]) -> None:
    """Recompute the open steps of these werknemers, inside the caller's transaction."""
    ids = sorted(set(werknemer_ids))  # one lock order for every caller
    if not ids:
        return
    # Part of the caller's use case, never rolled back on its own: no savepoint (ADR 0049).
    with transaction.atomic(savepoint=False):
        list(Werknemer.objects.select_for_update().filter(pk__in=ids).values_list("pk"))
        Openstap.objects.filter(verzuimgeval__werknemer_id__in=ids).delete()
        Openstap.objects.bulk_create(_rijen(ids))


def vul_alles() -> int:
    """Recompute the rows of every werknemer with an open spell (after loading data outside the
    services, or to repair); returns the number of rows. Each batch is its own transaction."""
    ids = sorted(
        set(
            Verzuimgeval.objects.filter(einddatum__isnull=True).values_list(
                "werknemer_id", flat=True
            )
        )
    )
    with transaction.atomic():
        Openstap.objects.filter(verzuimgeval__einddatum__isnull=False).delete()
    aantal = 0
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        with transaction.atomic():
            list(Werknemer.objects.select_for_update().filter(pk__in=batch).values_list("pk"))
            Openstap.objects.filter(verzuimgeval__werknemer_id__in=batch).delete()
            aantal += len(Openstap.objects.bulk_create(_rijen(batch)))
    return aantal
