"""Poortwachter deadlines for stored spells: the bridge between the verzuim models and the engine.

The engine (``verzuimportaal.poortwachter``) is pure; this module feeds it an employee's spells
(DOMAIN §5.1: samentelling over all of them) and what the dossier knows was done (``Gevalfeiten``),
and maps the combined cases back to ``Verzuimgeval`` rows. Deadlines are recomputed from the
current data on every call, except the steps to do of open cases: every write that can move them
stores them again in its own transaction (``termijnstand``, ADR 0047), and the lists of open
steps read those rows.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from django.db.models import Count, QuerySet, Window

from verzuimportaal import poortwachter
from verzuimportaal.verzuim.models import Verzuimgeval, ZelfdeOorzaak
from verzuimportaal.wazo.models import Soort as WazoSoort
from verzuimportaal.wazo.models import Wazoverlof

from .models import Openstap

# Supplies the known facts (done dates, loonsanctie, verlenging) per spell id; the dossier app
# registers its own through ``registreer_feitenbron`` so this module needs no dossier models.
type Feitenbron = Callable[[Iterable[int]], Iterable[poortwachter.Gevalfeiten]]
_feitenbronnen: list[Feitenbron] = []


def registreer_feitenbron(bron: Feitenbron) -> None:
    if bron not in _feitenbronnen:
        _feitenbronnen.append(bron)


# Supplies (spell id, step kind, date done) for steps the engine takes no facts for (ziekmelding
# arbodienst, 42e-weeksmelding, eerstejaarsevaluatie, ...): marking those done moves no deadline,
# but they must not show up as to do (or overdue) any more.
type Uitvoeringsbron = Callable[[Iterable[int]], Iterable[tuple[int, str, date]]]
_uitvoeringsbronnen: list[Uitvoeringsbron] = []

# The engine itself sets ``uitgevoerd_op`` for these, from ``Gevalfeiten``.
_UIT_FEITEN = frozenset(
    {
        poortwachter.StapSoort.PROBLEEMANALYSE,
        poortwachter.StapSoort.PLAN_VAN_AANPAK,
        poortwachter.StapSoort.EVALUATIE,
    }
)


def registreer_uitvoeringsbron(bron: Uitvoeringsbron) -> None:
    if bron not in _uitvoeringsbronnen:
        _uitvoeringsbronnen.append(bron)


# Supplies both at once, when one query answers both (the dossier's finished activities): a
# page that computes a combined case then reads the activities table once, not twice.
type Dossierbron = Callable[
    [Iterable[int]],
    tuple[Iterable[poortwachter.Gevalfeiten], Iterable[tuple[int, str, date]]],
]
_dossierbronnen: list[Dossierbron] = []


def registreer_dossierbron(bron: Dossierbron) -> None:
    if bron not in _dossierbronnen:
        _dossierbronnen.append(bron)


def _bronnen(
    geval_ids: list[int],
) -> tuple[list[poortwachter.Gevalfeiten], dict[int, dict[str, date]]]:
    """The facts per spell, and per spell id: step kind -> earliest date done."""
    feiten = [feit for bron in _feitenbronnen for feit in bron(geval_ids)]
    gedaan = [rij for bron in _uitvoeringsbronnen for rij in bron(geval_ids)]
    for bron in _dossierbronnen:
        eigen_feiten, eigen_gedaan = bron(geval_ids)
        feiten.extend(eigen_feiten)
        gedaan.extend(eigen_gedaan)
    per_geval: dict[int, dict[str, date]] = defaultdict(dict)
    for geval_id, soort, datum in gedaan:
        eerder = per_geval[geval_id].get(soort)
        per_geval[geval_id][soort] = datum if eerder is None else min(eerder, datum)
    return feiten, per_geval


def _markeer_uitgevoerd(
    geval: poortwachter.SamengesteldGeval, uitgevoerd: dict[int, dict[str, date]]
) -> poortwachter.SamengesteldGeval:
    gedaan: dict[str, date] = {}
    for periode_id in geval.periode_ids:
        for soort, datum in uitgevoerd.get(int(periode_id), {}).items():
            gedaan[soort] = min(gedaan.get(soort, datum), datum)
    if not gedaan:
        return geval
    stappen = tuple(
        replace(stap, uitgevoerd_op=gedaan[stap.soort])
        if stap.uitgevoerd_op is None and stap.soort not in _UIT_FEITEN and stap.soort in gedaan
        else stap
        for stap in geval.stappen
    )
    return replace(geval, stappen=stappen)


@dataclass(frozen=True)
class Dossiertermijnen:
    """The combined case a spell belongs to, with the spells (rows) that make it up."""

    geval: poortwachter.SamengesteldGeval
    verzuimgevallen: tuple[Verzuimgeval, ...]
    # The employee's zwangerschaps- en bevallingsverlof the engine counted with (DOMAIN §5.1).
    verlof: tuple[poortwachter.WazoVerlof, ...] = ()
    # Every spell of the employee, oldest first (those of other combined cases too).
    alle_van_werknemer: tuple[Verzuimgeval, ...] = ()

    @property
    def laatste(self) -> Verzuimgeval:
        return self.verzuimgevallen[-1]


# pk, werknemer, begin, einde, reden, zelfde oorzaak
type _Rij = tuple[int, int, date, date | None, str, str]
_RIJVELDEN = (
    "pk",
    "werknemer_id",
    "eerste_ziektedag",
    "einddatum",
    "einde_reden",
    "zelfde_oorzaak",
)


_ENGINE_REDEN = {reden.value: reden for reden in poortwachter.EindeReden}


def _periode_uit(rij: _Rij) -> poortwachter.Ziekteperiode:
    pk, _, begin, einde, reden, zelfde_oorzaak = rij
    return poortwachter.Ziekteperiode(
        id=pk,
        eerste_ziektedag=begin,
        einddatum=einde,
        # A spell ended by WAZO leave ends like a recovery for the engine; the leave days
        # between it and the next spell count neither as sick nor as gap days (DOMAIN §5.1).
        einde_reden=_ENGINE_REDEN.get(reden) if einde else None,
        # DOMAIN §5.1: only an explicit "nee" keeps spells around WAZO leave apart (ADR 0026).
        zelfde_oorzaak=zelfde_oorzaak != ZelfdeOorzaak.NEE,
    )


def _periode(geval: Verzuimgeval) -> poortwachter.Ziekteperiode:
    return _periode_uit(
        (
            geval.pk,
            geval.werknemer_id,
            geval.eerste_ziektedag,
            geval.einddatum,
            geval.einde_reden,
            geval.zelfde_oorzaak,
        )
    )


def verlof_van(werknemer_ids: Iterable[int]) -> dict[int, list[poortwachter.WazoVerlof]]:
    """Per employee the zwangerschaps- en bevallingsverlof (DOMAIN §4.4, §5.1), one query.

    Only that leave interrupts the 104 weeks (BW 7:629 lid 10); the other WAZO leave is no
    sickness either, but a spell never runs through it in the data (ADR 0026).
    """
    per_werknemer: dict[int, list[poortwachter.WazoVerlof]] = defaultdict(list)
    for werknemer_id, eerste, laatste in Wazoverlof.objects.filter(
        werknemer_id__in=list(werknemer_ids), soort=WazoSoort.ZWANGERSCHAP
    ).values_list("werknemer_id", "eerste_dag", "laatste_dag"):
        per_werknemer[werknemer_id].append(
            poortwachter.WazoVerlof(eerste_dag=eerste, laatste_dag=laatste)
        )
    return per_werknemer


def bereken_voor_werknemers(werknemer_ids: Iterable[int]) -> list[Dossiertermijnen]:
    """All combined cases of these employees, in one query plus those of the fact sources."""
    per_werknemer: dict[int, list[Verzuimgeval]] = defaultdict(list)
    alle = Verzuimgeval.objects.filter(werknemer_id__in=list(werknemer_ids)).select_related(
        "werknemer", "werknemer__loonheffingennummer"
    )
    for rij in alle.order_by("eerste_ziektedag", "pk"):
        per_werknemer[rij.werknemer_id].append(rij)
    geval_ids = [g.pk for rijen in per_werknemer.values() for g in rijen]
    verlof = verlof_van(per_werknemer)
    feiten, uitgevoerd = _bronnen(geval_ids)
    feiten_per_geval = {feit.periode_id: feit for feit in feiten}
    resultaat: list[Dossiertermijnen] = []
    for rijen in per_werknemer.values():
        per_id: dict[poortwachter.PeriodeId, Verzuimgeval] = {g.pk: g for g in rijen}
        eigen_feiten = [feiten_per_geval[g.pk] for g in rijen if g.pk in feiten_per_geval]
        for samengesteld in poortwachter.bereken_termijnen(
            perioden=[_periode(g) for g in rijen],
            verlof=verlof.get(rijen[0].werknemer_id, ()),
            feiten=eigen_feiten,
        ):
            resultaat.append(
                Dossiertermijnen(
                    geval=_markeer_uitgevoerd(samengesteld, uitgevoerd),
                    verzuimgevallen=tuple(per_id[i] for i in samengesteld.periode_ids),
                    verlof=tuple(verlof.get(rijen[0].werknemer_id, ())),
                    alle_van_werknemer=tuple(rijen),
                )
            )
    return resultaat


def voor_verzuimgeval(geval: Verzuimgeval) -> Dossiertermijnen:
    """The combined case (DOMAIN §5.1) that contains ``geval``."""
    for termijnen in bereken_voor_werknemers([geval.werknemer_id]):
        if geval.pk in termijnen.geval.periode_ids:
            return termijnen
    raise LookupError(f"Verzuimgeval {geval.pk} hoort bij geen enkel samengesteld geval.")


@dataclass(frozen=True)
class StapInDossier:
    """A due step of an open combined case, with the spell it is shown on (the latest one)."""

    stap: poortwachter.Stap
    verzuimgeval: Verzuimgeval
    # The combined case; only ``alleen_open=False`` fills it (open steps are read from storage).
    geval: poortwachter.SamengesteldGeval | None = None


def stappen_binnen(
    *, verzuimgevallen: QuerySet[Verzuimgeval], van: date, tot: date, alleen_open: bool = True
) -> list[StapInDossier]:
    """Steps not known to be done with a deadline in ``van`` … ``tot`` (inclusive).

    ``verzuimgevallen`` must come from ``toegang.access`` so the caller's scope applies; the
    combined cases are computed over each employee's full history (samentelling may reach back
    into a spell outside the scope, but only spells in scope are reported).
    """
    if alleen_open:
        return _open_stappen_binnen(verzuimgevallen=verzuimgevallen, van=van, tot=tot)
    rijen = list(verzuimgevallen.values_list("pk", "werknemer_id"))
    in_scope = {pk for pk, _ in rijen}
    werknemer_ids = {werknemer_id for _, werknemer_id in rijen}
    uitkomst: list[StapInDossier] = []
    for termijnen in bereken_voor_werknemers(werknemer_ids):
        if termijnen.laatste.pk not in in_scope:
            continue
        uitkomst.extend(
            StapInDossier(stap=stap, verzuimgeval=termijnen.laatste, geval=termijnen.geval)
            for stap in _te_doen(termijnen.geval, van, tot)
        )
    uitkomst.sort(key=lambda s: (s.stap.deadline, s.verzuimgeval.verzuimnummer))
    return uitkomst


def te_late_stappen(
    *, verzuimgevallen: QuerySet[Verzuimgeval], vandaag: date
) -> list[StapInDossier]:
    """Steps of open cases not known to be done whose deadline has passed, oldest first: the
    steps that risk a loonsanctie, shown before anything else ("Te laat")."""
    return stappen_binnen(
        verzuimgevallen=verzuimgevallen, van=date.min, tot=vandaag - timedelta(days=1)
    )


def _te_doen(
    geval: poortwachter.SamengesteldGeval, van: date, tot: date
) -> Iterable[poortwachter.Stap]:
    return (
        stap
        for stap in geval.stappen
        if not stap.informatief and stap.uitgevoerd_op is None and van <= stap.deadline <= tot
    )


def _open_keten(
    rijen: list[_Rij], verlof: list[poortwachter.WazoVerlof]
) -> list[poortwachter.Ziekteperiode]:
    """The open spell (the employee's latest) and the earlier spells that count together with
    it, by the engine's one samentelling rule (DOMAIN §5.1, WAZO leave included)."""
    return poortwachter.laatste_keten(perioden=[_periode_uit(r) for r in rijen], verlof=verlof)


def open_stappen_van(werknemer_ids: Iterable[int]) -> list[tuple[int, poortwachter.Stap]]:
    """The steps still to do of the open combined cases of these employees, each with the id
    of the open spell it is shown on, in the engine's order: the engine runs on each open
    spell's chain only, with plain rows (one query plus those of the fact sources).

    ``termijnstand`` stores this per werknemer at every write that can move it (ADR 0047).
    """
    per_werknemer: dict[int, list[_Rij]] = defaultdict(list)
    for rij in (
        Verzuimgeval.objects.filter(werknemer_id__in=list(werknemer_ids))
        .order_by("eerste_ziektedag", "pk")
        .values_list(*_RIJVELDEN)
    ):
        per_werknemer[rij[1]].append(rij)
    verlof = verlof_van(per_werknemer)
    ketens = [
        (_open_keten(rijen, verlof.get(werknemer_id, [])), verlof.get(werknemer_id, []))
        for werknemer_id, rijen in per_werknemer.items()
        if rijen[-1][3] is None
    ]
    ids = [int(periode.id) for keten, _ in ketens for periode in keten]
    feiten, uitgevoerd = _bronnen(ids)
    feiten_per_geval = {feit.periode_id: feit for feit in feiten}
    gevonden: list[tuple[int, poortwachter.Stap]] = []
    for keten, eigen_verlof in ketens:
        eigen_feiten = [feiten_per_geval[p.id] for p in keten if p.id in feiten_per_geval]
        for samengesteld in poortwachter.bereken_termijnen(
            perioden=keten, verlof=eigen_verlof, feiten=eigen_feiten
        ):
            if samengesteld.is_open:
                geval = _markeer_uitgevoerd(samengesteld, uitgevoerd)
                laatste = int(keten[-1].id)
                gevonden.extend((laatste, stap) for stap in _te_doen(geval, date.min, date.max))
    return gevonden


def _open_stappen_binnen(
    *, verzuimgevallen: QuerySet[Verzuimgeval], van: date, tot: date
) -> list[StapInDossier]:
    """Only open cases: read from the steps stored per open spell (``termijnstand``, ADR 0047),
    one query whatever the number of open cases (dashboard, lopende verzuimen, reminders)."""
    return [
        StapInDossier(stap=stap_uit(rij), verzuimgeval=rij.verzuimgeval)
        for rij in _opgeslagen(verzuimgevallen, van, tot)
    ]


def open_stappen_eerste(
    *, verzuimgevallen: QuerySet[Verzuimgeval], van: date, tot: date, aantal: int
) -> tuple[int, list[StapInDossier]]:
    """How many steps of open cases fall in ``van`` … ``tot``, and the first ``aantal`` of them
    in the order of ``stappen_binnen``: one query on the stored rows (ADR 0047), the count as a
    window over all of them, whatever the number of open cases or steps (the dashboard shows a
    count and the first few)."""
    rijen = _opgeslagen(verzuimgevallen, van, tot).annotate(totaal=Window(Count("pk")))
    eerste = list(rijen[:aantal])
    aantal_totaal: int = getattr(eerste[0], "totaal") if eerste else 0  # noqa: B009 - annotation
    return aantal_totaal, [
        StapInDossier(stap=stap_uit(rij), verzuimgeval=rij.verzuimgeval) for rij in eerste
    ]


def _opgeslagen(
    verzuimgevallen: QuerySet[Verzuimgeval], van: date, tot: date
) -> QuerySet[Openstap]:
    return (
        Openstap.objects.filter(
            verzuimgeval__in=verzuimgevallen.filter(einddatum__isnull=True).values("pk"),
            deadline__gte=van,
            deadline__lte=tot,
        )
        .select_related("verzuimgeval__werknemer__loonheffingennummer")
        .order_by("deadline", "verzuimgeval__verzuimnummer", "verzuimgeval_id", "volgorde")
    )


def stap_uit(rij: Openstap) -> poortwachter.Stap:
    """The engine's step back from a stored row (``termijnstand`` stores only steps to do)."""
    return poortwachter.Stap(
        soort=poortwachter.StapSoort(rij.soort),
        omschrijving=rij.omschrijving,
        deadline=rij.deadline,
        verantwoordelijken=tuple(
            poortwachter.Verantwoordelijke(v) for v in rij.verantwoordelijken.split(",") if v
        ),
        venster_begin=rij.venster_begin,
    )
