"""DOMAIN §5.1: the Poortwachter cases with WAZO leave give the same deadlines on the data path
(stored spells and leave, ``dossier.termijnen``: dossier, dashboard and reminders) as in the
engine (``poortwachter.bereken_termijnen``)."""

from datetime import date

import pytest

from tests.factories import VerzuimgevalFactory, werknemer_bij
from verzuimportaal import poortwachter
from verzuimportaal.dossier import termijnen
from verzuimportaal.poortwachter.tests.test_termijnen import RIJEN, Rij
from verzuimportaal.verzuim.models import EindeReden, Verzuimgeval, ZelfdeOorzaak

from .factories import zwangerschapsverlof

pytestmark = pytest.mark.django_db

MET_VERLOF = [rij for rij in RIJEN if rij.verlof and not rij.feiten]
ALTIJD = (date(1900, 1, 1), date(2200, 1, 1))


def _sla_op(rij: Rij, werkgever_a) -> tuple[int, dict[poortwachter.PeriodeId, int]]:
    werknemer = werknemer_bij(werkgever_a, datum_in_dienst=date(2020, 1, 1))
    ids: dict[poortwachter.PeriodeId, int] = {}
    for periode in rij.perioden:
        geval = VerzuimgevalFactory(
            werknemer=werknemer,
            eerste_ziektedag=periode.eerste_ziektedag,
            einddatum=periode.einddatum,
            einde_reden=periode.reden or "",
            zelfde_oorzaak=ZelfdeOorzaak.JA if periode.zelfde_oorzaak else ZelfdeOorzaak.NEE,
        )
        ids[periode.id] = geval.pk
    for verlof in rij.verlof:
        zwangerschapsverlof(werknemer, verlof.eerste_dag, verlof.laatste_dag)
    return werknemer.pk, ids


def test_er_zijn_gevallen_met_verlof() -> None:
    assert len(MET_VERLOF) >= 5


@pytest.mark.parametrize("rij", MET_VERLOF, ids=lambda rij: rij.naam)
def test_datapad_geeft_dezelfde_termijnen_als_de_engine(rij: Rij, werkgever_a) -> None:
    werknemer_id, ids = _sla_op(rij, werkgever_a)
    engine = poortwachter.bereken_termijnen(perioden=rij.perioden, verlof=rij.verlof)
    datapad = termijnen.bereken_voor_werknemers([werknemer_id])
    assert [d.geval.periode_ids for d in datapad] == [
        tuple(ids[i] for i in geval.periode_ids) for geval in engine
    ]
    for uit_data, uit_engine in zip(datapad, engine, strict=True):
        assert uit_data.geval.stappen == uit_engine.stappen
        assert uit_data.geval.einde_loondoorbetaling == uit_engine.einde_loondoorbetaling
        assert uit_data.geval.eerste_ziektedag == uit_engine.eerste_ziektedag


@pytest.mark.parametrize("rij", MET_VERLOF, ids=lambda rij: rij.naam)
def test_dashboard_en_herinneringen_rekenen_met_dezelfde_keten(rij: Rij, werkgever_a) -> None:
    """The open-case path (dashboard, reminders) uses the engine's one samentelling rule."""
    werknemer_id, ids = _sla_op(rij, werkgever_a)
    engine = poortwachter.bereken_termijnen(perioden=rij.perioden, verlof=rij.verlof)
    verwacht = sorted(
        (stap.deadline, stap.soort)
        for geval in engine
        if geval.is_open
        for stap in geval.stappen
        if not stap.informatief and stap.uitgevoerd_op is None
    )
    gevonden = termijnen.stappen_binnen(
        verzuimgevallen=Verzuimgeval.objects.filter(werknemer_id=werknemer_id),
        van=ALTIJD[0],
        tot=ALTIJD[1],
    )
    assert sorted((s.stap.deadline, s.stap.soort) for s in gevonden) == verwacht
    for stap in gevonden:
        assert stap.verzuimgeval.pk == ids[rij.perioden[-1].id]


def test_nee_houdt_gevallen_rond_verlof_apart_onbekend_telt_samen(werkgever_a) -> None:
    """DOMAIN §5.1 with the stored answer: 'nee' two cases; 'onbekend' combines (ADR 0026)."""
    werknemer = werknemer_bij(werkgever_a)
    voor = VerzuimgevalFactory(
        werknemer=werknemer,
        eerste_ziektedag=date(2025, 1, 6),
        einddatum=date(2025, 2, 3),
        einde_reden=EindeReden.HERSTELD,
    )
    zwangerschapsverlof(werknemer, date(2025, 2, 10), date(2025, 6, 1))
    na = VerzuimgevalFactory(
        werknemer=werknemer, eerste_ziektedag=date(2025, 6, 9), zelfde_oorzaak=ZelfdeOorzaak.NEE
    )
    assert [d.geval.periode_ids for d in termijnen.bereken_voor_werknemers([werknemer.pk])] == [
        (voor.pk,),
        (na.pk,),
    ]
    na.zelfde_oorzaak = ZelfdeOorzaak.ONBEKEND
    na.save()
    samen = termijnen.voor_verzuimgeval(na)
    assert samen.geval.periode_ids == (voor.pk, na.pk)
    # 7 + 7 gap days, 112 leave days skipped: every deadline 126 days later (DOMAIN §5.1).
    assert samen.geval.einde_loondoorbetaling == date(2027, 5, 9)
