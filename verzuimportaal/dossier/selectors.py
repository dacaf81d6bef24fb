"""Reads of the dossier: the timeline of one spell and the activities overview (seed 004, CAMAS).

Both take querysets from ``toegang.access`` / ``dossier.access``, so the actor's scope applies,
and use a fixed number of queries however many rows there are.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import QuerySet

from verzuimportaal import poortwachter
from verzuimportaal.berichten.models import Bericht, Soort
from verzuimportaal.toegang import access
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.utils.gebundeld import lees_samen
from verzuimportaal.verzuim.models import Verzuimgeval, Verzuimmutatie

from . import access as dossier_access
from . import termijnen
from .models import (
    Activiteit,
    ActiviteitType,
    Document,
    Termijnverlenging,
    Verantwoordelijke,
)

GEDAAN, TE_LAAT, OPEN, INFORMATIEF = "gedaan", "te_laat", "open", "informatief"
STATUSLABELS = {
    GEDAAN: "Afgewerkt",  # one word for done everywhere (action "Afwerken", filter "Afgewerkt")
    TE_LAAT: "Te laat",
    OPEN: "Te doen",
    INFORMATIEF: "Ter informatie",
}
_VERANTWOORDELIJKEN = {**dict(Verantwoordelijke.choices), "uwv": "UWV"}


def verantwoordelijken(stap: poortwachter.Stap) -> str:
    return ", ".join(str(_VERANTWOORDELIJKEN[v.value]) for v in stap.verantwoordelijken)


def stapstatus(stap: poortwachter.Stap, vandaag: date) -> str:
    if stap.uitgevoerd_op is not None:
        return GEDAAN
    if stap.informatief:
        return INFORMATIEF
    return TE_LAAT if stap.deadline < vandaag else OPEN


@dataclass(frozen=True)
class StapRegel:
    stap: poortwachter.Stap
    status: str

    @property
    def statuslabel(self) -> str:
        return STATUSLABELS[self.status]

    @property
    def naam(self) -> str:
        return str(ActiviteitType(self.stap.soort.value).label)

    @property
    def wie(self) -> str:
        return verantwoordelijken(self.stap)


@dataclass(frozen=True)
class Periode:
    """One spell of the combined case with the interruption before it (DOMAIN §5.1)."""

    verzuimgeval: Verzuimgeval
    # Gap days between the previous spell's end and this spell, WAZO leave not included
    # (DOMAIN §5.1: leave days count neither as sick days nor as gap days).
    onderbreking_dagen: int | None
    verlofdagen: int = 0  # zwangerschaps- en bevallingsverlof in between


@dataclass(frozen=True)
class Tijdlijn:
    verzuimgeval: Verzuimgeval
    termijnen: termijnen.Dossiertermijnen
    perioden: list[Periode]
    stappen: list[StapRegel]
    activiteiten: list[Activiteit]
    documenten: list[Document]
    brieven: list[Bericht]
    mutaties: list[Verzuimmutatie]
    verlengingen: list[Termijnverlenging]
    vorig_apart: Verzuimgeval | None  # the previous spell, when it does not count (gap >= 28)

    @property
    def samengesteld(self) -> poortwachter.SamengesteldGeval:
        return self.termijnen.geval

    @property
    def _latere_evaluaties(self) -> set[int]:
        """Positions of the open evaluations after the next one (seed: every 6 weeks up to
        two years, i.e. about 15 rows): folded away so the next step stands out."""
        open_evaluaties = [
            i
            for i, r in enumerate(self.stappen)
            if r.stap.soort == poortwachter.StapSoort.EVALUATIE and r.status in (OPEN, TE_LAAT)
        ]
        return set(open_evaluaties[1:])

    @property
    def stappen_nu(self) -> list[StapRegel]:
        later = self._latere_evaluaties
        return [r for i, r in enumerate(self.stappen) if i not in later]

    @property
    def stappen_later(self) -> list[StapRegel]:
        later = self._latere_evaluaties
        return [r for i, r in enumerate(self.stappen) if i in later]

    @property
    def te_laat(self) -> list[StapRegel]:
        """Steps past their deadline and not done, oldest first: shown above everything else."""
        return sorted(
            (r for r in self.stappen if r.status == TE_LAAT), key=lambda r: r.stap.deadline
        )


def _verlofdagen(verlof: tuple[poortwachter.WazoVerlof, ...], van: date, tot: date) -> int:
    """Days of ``verlof`` in ``van … tot − 1``."""
    return sum(
        max(0, (min(tot, stuk.laatste_dag + timedelta(days=1)) - max(van, stuk.eerste_dag)).days)
        for stuk in verlof
    )


def _perioden(dossier: termijnen.Dossiertermijnen) -> list[Periode]:
    gevallen, verlof = dossier.verzuimgevallen, dossier.verlof
    uitkomst: list[Periode] = []
    vorige: Verzuimgeval | None = None
    for geval in gevallen:
        onderbreking = None
        in_verlof = 0
        if vorige is not None and vorige.einddatum is not None:
            in_verlof = _verlofdagen(verlof, vorige.einddatum, geval.eerste_ziektedag)
            onderbreking = (geval.eerste_ziektedag - vorige.einddatum).days - in_verlof
        uitkomst.append(
            Periode(verzuimgeval=geval, onderbreking_dagen=onderbreking, verlofdagen=in_verlof)
        )
        vorige = geval
    return uitkomst


def tijdlijn(*, actor: Actor, verzuimgeval: Verzuimgeval, vandaag: date) -> Tijdlijn:
    """Everything of the combined case that ``verzuimgeval`` belongs to, as far as ``actor`` may
    see it: the steps with their status, activities, documents, letters and meldingen."""
    dossier = termijnen.voor_verzuimgeval(verzuimgeval)
    ids = [g.pk for g in dossier.verzuimgevallen]
    zichtbaar = access.verzuimgevallen(actor).filter(pk__in=ids)
    # Five independent lists in one round trip (ADR 0037); each row gets its spell (with the
    # employee) from the spells already read, instead of a join.
    activiteiten, documenten, brieven, mutaties, verlengingen = lees_samen(
        dossier_access.activiteiten(actor)
        .filter(verzuimgeval__in=zichtbaar)
        .select_related(None)
        .order_by("afgewerkt", "deadline", "uitgevoerd_op", "pk"),
        dossier_access.documenten(actor).filter(verzuimgeval__in=zichtbaar).select_related(None),
        Bericht.objects.filter(
            werkgever=actor.werkgever, soort=Soort.BRIEF, verzuimgeval__in=zichtbaar
        ).order_by("-aangemaakt_op", "-pk"),
        access.mutaties(actor)
        .filter(verzuimgeval__in=zichtbaar)
        .select_related(None)
        .order_by("ingangsdatum", "pk"),
        Termijnverlenging.objects.filter(verzuimgeval__in=zichtbaar).order_by("soort"),
    )
    per_id = {g.pk: g for g in dossier.verzuimgevallen}
    for rij in (*activiteiten, *documenten, *brieven, *mutaties, *verlengingen):
        rij.verzuimgeval = per_id[rij.verzuimgeval_id]
    eerste = dossier.verzuimgevallen[0]
    # The employee's spells are all read already, and visibility goes by the employee's number
    # (``toegang.access``): the same for every spell of one employee.
    eerdere = [
        g for g in dossier.alle_van_werknemer if g.eerste_ziektedag < eerste.eerste_ziektedag
    ]
    vorig_apart = max(eerdere, key=lambda g: (g.eerste_ziektedag, g.pk)) if eerdere else None
    return Tijdlijn(
        verzuimgeval=verzuimgeval,
        termijnen=dossier,
        perioden=_perioden(dossier),
        stappen=[
            StapRegel(stap=stap, status=stapstatus(stap, vandaag)) for stap in dossier.geval.stappen
        ],
        activiteiten=activiteiten,
        documenten=documenten,
        brieven=brieven,
        mutaties=mutaties,
        verlengingen=verlengingen,
        vorig_apart=vorig_apart,
    )


@dataclass(frozen=True)
class Overzichtsregel:
    """One row of the activities overview: a legal step to do or a stored activity."""

    verzuimgeval: Verzuimgeval
    type: str
    soort: str
    omschrijving: str
    wie: str
    deadline: date | None
    uitgevoerd_op: date | None
    afgewerkt: bool
    te_laat: bool
    activiteit: Activiteit | None = None

    @property
    def datum(self) -> date | None:
        return self.uitgevoerd_op if self.afgewerkt else self.deadline


@dataclass(frozen=True)
class Filters:
    afgewerkt: bool = False
    achternaam: str = ""
    verzuimnummer: str = ""
    type: str = ""
    van: date | None = None
    tot: date | None = None


def _gevallen(actor: Actor, filters: Filters) -> QuerySet[Verzuimgeval]:
    gevallen = access.verzuimgevallen(actor)
    if filters.achternaam:
        gevallen = gevallen.filter(werknemer__achternaam__icontains=filters.achternaam)
    if filters.verzuimnummer:
        gevallen = gevallen.filter(verzuimnummer__icontains=filters.verzuimnummer)
    return gevallen


def _regel(activiteit: Activiteit, vandaag: date) -> Overzichtsregel:
    return Overzichtsregel(
        verzuimgeval=activiteit.verzuimgeval,
        type=activiteit.type,
        soort=activiteit.get_type_display(),
        omschrijving=activiteit.omschrijving,
        wie=activiteit.get_verantwoordelijke_display(),
        deadline=activiteit.deadline,
        uitgevoerd_op=activiteit.uitgevoerd_op,
        afgewerkt=activiteit.afgewerkt,
        te_laat=(
            not activiteit.afgewerkt
            and activiteit.deadline is not None
            and activiteit.deadline < vandaag
        ),
        activiteit=activiteit,
    )


def activiteitenoverzicht(
    *, actor: Actor, filters: Filters, vandaag: date
) -> list[Overzichtsregel]:
    """The activities of every spell the actor may see (seed 004: "afgewerkt ja/nee").

    Not afgewerkt: the legal steps still to do of open cases (computed) plus the open manual
    activities, filtered on deadline. Afgewerkt: the stored activities done, filtered on the date
    done. Ordered by that date.
    """
    gevallen = _gevallen(actor, filters)
    activiteiten = dossier_access.activiteiten(actor).filter(
        verzuimgeval__in=gevallen, afgewerkt=filters.afgewerkt
    )
    if filters.type:
        activiteiten = activiteiten.filter(type=filters.type)
    datumveld = "uitgevoerd_op" if filters.afgewerkt else "deadline"
    if filters.van:
        activiteiten = activiteiten.filter(**{f"{datumveld}__gte": filters.van})
    if filters.tot:
        activiteiten = activiteiten.filter(**{f"{datumveld}__lte": filters.tot})
    regels = [_regel(a, vandaag) for a in activiteiten]
    if not filters.afgewerkt:
        for item in termijnen.stappen_binnen(
            verzuimgevallen=gevallen,
            van=filters.van or date.min,
            tot=filters.tot or date.max,
        ):
            if filters.type and item.stap.soort != filters.type:
                continue
            regels.append(
                Overzichtsregel(
                    verzuimgeval=item.verzuimgeval,
                    type=item.stap.soort.value,
                    soort=str(ActiviteitType(item.stap.soort.value).label),
                    omschrijving=item.stap.omschrijving,
                    wie=verantwoordelijken(item.stap),
                    deadline=item.stap.deadline,
                    uitgevoerd_op=None,
                    afgewerkt=False,
                    te_laat=item.stap.deadline < vandaag,
                )
            )
    regels.sort(
        key=lambda r: (r.datum or date.max, r.verzuimgeval.verzuimnummer, r.soort),
        reverse=False,
    )
    return regels
