"""Deadlines from stored spells and dossier facts (DOMAIN §5, §5.1, §4.6)."""

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import VerzuimgevalFactory, WerknemerFactory
from verzuimportaal.dossier import service, termijnen
from verzuimportaal.dossier.models import ActiviteitType
from verzuimportaal.poortwachter import StapSoort
from verzuimportaal.verzuim.models import Verzuimgeval

pytestmark = pytest.mark.django_db

D = date(2025, 1, 6)  # the worked example of DOMAIN §5


def _stap(geval, soort, n=0):
    stappen = [s for s in termijnen.voor_verzuimgeval(geval).geval.stappen if s.soort == soort]
    return stappen[n]


@pytest.fixture
def geval(werkgever_a):
    werkgever_a.verzuimgeval.delete()
    return VerzuimgevalFactory(werknemer=werkgever_a.werknemer, eerste_ziektedag=D)


def test_uitgewerkt_voorbeeld_zonder_feiten(geval):
    assert _stap(geval, StapSoort.PROBLEEMANALYSE).deadline == date(2025, 2, 16)
    assert _stap(geval, StapSoort.PLAN_VAN_AANPAK).deadline == date(2025, 3, 2)
    assert _stap(geval, StapSoort.EVALUATIE).deadline == date(2025, 4, 13)
    assert termijnen.voor_verzuimgeval(geval).geval.einde_loondoorbetaling == date(2027, 1, 3)


@pytest.mark.klok("2025-03-01")
def test_probleemanalyse_afwerken_verschuift_plan_van_aanpak(geval, werkgever_a):
    """DOMAIN §5: plan van aanpak = min(probleemanalyse + 14, D+55)."""
    service.werk_stap_af(
        door=werkgever_a.actor,
        verzuimgeval=geval,
        soort=StapSoort.PROBLEEMANALYSE,
        uitgevoerd_op=date(2025, 1, 31),
    )
    assert _stap(geval, StapSoort.PROBLEEMANALYSE).uitgevoerd_op == date(2025, 1, 31)
    assert _stap(geval, StapSoort.PLAN_VAN_AANPAK).deadline == date(2025, 2, 14)
    # A late probleemanalyse never pushes the plan past D+55.
    act = geval.activiteiten.get()
    service.heropen_activiteit(door=werkgever_a.actor, activiteit=act)
    service.werk_stap_af(
        door=werkgever_a.actor,
        verzuimgeval=geval,
        soort=StapSoort.PROBLEEMANALYSE,
        uitgevoerd_op=date(2025, 2, 25),
    )
    assert _stap(geval, StapSoort.PLAN_VAN_AANPAK).deadline == date(2025, 3, 2)


@pytest.mark.klok("2025-06-01")
def test_plan_en_evaluatie_afwerken_verschuiven_de_volgende_evaluatie(geval, werkgever_a):
    for soort, dag in (
        (StapSoort.PLAN_VAN_AANPAK, date(2025, 2, 20)),
        (StapSoort.EVALUATIE, date(2025, 4, 1)),
    ):
        service.werk_stap_af(
            door=werkgever_a.actor, verzuimgeval=geval, soort=soort, uitgevoerd_op=dag
        )
    eerste = _stap(geval, StapSoort.EVALUATIE, 0)
    assert eerste.deadline == date(2025, 4, 3) and eerste.uitgevoerd_op == date(2025, 4, 1)
    assert _stap(geval, StapSoort.EVALUATIE, 1).deadline == date(2025, 5, 13)  # 2025-04-01 + 42


@pytest.mark.klok("2025-01-20")
def test_afgewerkte_stap_zonder_feit_staat_niet_meer_open(geval, werkgever_a):
    service.werk_stap_af(
        door=werkgever_a.actor,
        verzuimgeval=geval,
        soort=StapSoort.ZIEKMELDING_ARBODIENST,
        uitgevoerd_op=date(2025, 1, 7),
    )
    assert _stap(geval, StapSoort.ZIEKMELDING_ARBODIENST).uitgevoerd_op == date(2025, 1, 7)
    open_ = termijnen.stappen_binnen(
        verzuimgevallen=Verzuimgeval.objects.all(), van=date.min, tot=date.max
    )
    assert StapSoort.ZIEKMELDING_ARBODIENST not in {s.stap.soort for s in open_}
    assert StapSoort.PROBLEEMANALYSE in {s.stap.soort for s in open_}


@pytest.mark.klok("2025-03-01")
def test_loonsanctie_verschuift_einde_en_wia_stappen(geval, werkgever_a):
    service.leg_verlenging_vast(
        door=werkgever_a.actor, verzuimgeval=geval, soort="loonsanctie", weken=52
    )
    assert termijnen.voor_verzuimgeval(geval).geval.einde_loondoorbetaling == date(2028, 1, 2)
    assert _stap(geval, StapSoort.WIA_AANVRAAG).deadline == date(2026, 10, 18) + timedelta(weeks=52)


def test_correctie_eerste_ziektedag_geeft_geen_oude_termijnen(geval):
    """DOMAIN §4.6: a corrected first sick day recalculates every deadline (nothing is stored)."""
    assert _stap(geval, StapSoort.PROBLEEMANALYSE).deadline == date(2025, 2, 16)
    Verzuimgeval.objects.filter(pk=geval.pk).update(eerste_ziektedag=date(2025, 1, 13))
    geval.refresh_from_db()
    assert _stap(geval, StapSoort.PROBLEEMANALYSE).deadline == date(2025, 2, 23)
    assert termijnen.voor_verzuimgeval(geval).geval.einde_loondoorbetaling == date(2027, 1, 10)


def test_samentelling_gat_korter_dan_28_dagen(werkgever_a):
    werkgever_a.verzuimgeval.delete()
    w = werkgever_a.werknemer
    eerste = VerzuimgevalFactory(
        werknemer=w, eerste_ziektedag=D, einddatum=date(2025, 1, 20), einde_reden="hersteld"
    )
    tweede = VerzuimgevalFactory(werknemer=w, eerste_ziektedag=date(2025, 2, 16))  # gap 27 days
    dossier = termijnen.voor_verzuimgeval(tweede)
    assert [g.pk for g in dossier.verzuimgevallen] == [eerste.pk, tweede.pk]
    assert dossier.geval.einde_loondoorbetaling == date(2027, 1, 3) + timedelta(days=27)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    perioden=st.lists(
        st.tuples(st.integers(min_value=0, max_value=60), st.integers(min_value=1, max_value=120)),
        min_size=1,
        max_size=4,
    ),
    open_einde=st.booleans(),
)
def test_elke_termijn_van_een_open_geval_ligt_op_of_na_de_eerste_ziektedag(
    werkgever_a, perioden, open_einde
):
    """Invariant through ``bereken_voor_werknemers`` on stored spells."""
    werknemer = WerknemerFactory(loonheffingennummer=werkgever_a.loonheffingennummer)
    dag = date(2024, 1, 1)
    for index, (gat, duur) in enumerate(perioden):
        begin = dag + timedelta(days=gat)
        laatste = index == len(perioden) - 1
        einde = None if laatste and open_einde else begin + timedelta(days=duur)
        VerzuimgevalFactory(
            werknemer=werknemer,
            eerste_ziektedag=begin,
            einddatum=einde,
            einde_reden="hersteld" if einde else "",
        )
        dag = einde or begin
    for dossier in termijnen.bereken_voor_werknemers([werknemer.pk]):
        if dossier.geval.is_open:
            for stap in dossier.geval.stappen:
                assert stap.deadline >= dossier.geval.eerste_ziektedag
                assert stap.deadline >= dossier.verzuimgevallen[0].eerste_ziektedag
    Verzuimgeval.objects.filter(werknemer=werknemer).delete()


def test_alle_stapsoorten_zijn_activiteittypes():
    assert {s.value for s in StapSoort} <= set(ActiviteitType.values)


def _gesloten(werknemer, begin: date, einde: date, reden: str = "hersteld") -> Verzuimgeval:
    return VerzuimgevalFactory(
        werknemer=werknemer, eerste_ziektedag=begin, einddatum=einde, einde_reden=reden
    )


def test_snelle_weg_voor_open_gevallen_geeft_hetzelfde_als_de_volledige_berekening(werkgever_a):
    """The dashboard/reminder path (only each open spell's chain, DOMAIN §5.1) must report the
    same steps as computing every employee's full history and keeping the open cases."""
    lhnr = werkgever_a.loonheffingennummer
    werkgever_a.verzuimgeval.delete()
    # Gap 10 days (< 28): combined; before that a gap of 40 days: not combined.
    a = WerknemerFactory(loonheffingennummer=lhnr)
    _gesloten(a, date(2024, 1, 8), date(2024, 3, 1))
    _gesloten(a, date(2024, 4, 10), date(2024, 6, 3))
    VerzuimgevalFactory(werknemer=a, eerste_ziektedag=date(2024, 6, 13))
    # Gap of exactly 27 days combines, 28 does not (DOMAIN §5.1).
    b = WerknemerFactory(loonheffingennummer=lhnr)
    _gesloten(b, date(2025, 1, 6), date(2025, 2, 3))
    VerzuimgevalFactory(werknemer=b, eerste_ziektedag=date(2025, 3, 2))
    c = WerknemerFactory(loonheffingennummer=lhnr)
    _gesloten(c, date(2025, 1, 6), date(2025, 2, 3))
    VerzuimgevalFactory(werknemer=c, eerste_ziektedag=date(2025, 3, 3))
    # Ended by leaving employment: a new employment starts a new case whatever the gap.
    d = WerknemerFactory(loonheffingennummer=lhnr)
    _gesloten(d, date(2025, 1, 6), date(2025, 2, 3), reden="uit_dienst")
    VerzuimgevalFactory(werknemer=d, eerste_ziektedag=date(2025, 2, 10))
    # Only closed spells: nothing open to report.
    e = WerknemerFactory(loonheffingennummer=lhnr)
    _gesloten(e, date(2025, 5, 5), date(2025, 6, 2))
    gevallen = Verzuimgeval.objects.filter(werknemer__loonheffingennummer=lhnr)
    van, tot = date(2024, 1, 1), date(2027, 12, 31)

    snel = termijnen.stappen_binnen(verzuimgevallen=gevallen, van=van, tot=tot)
    volledig = [
        s
        for s in termijnen.stappen_binnen(
            verzuimgevallen=gevallen, van=van, tot=tot, alleen_open=False
        )
        if s.geval.is_open
    ]

    def sleutel(s):
        return (s.verzuimgeval.pk, s.stap)

    # The open steps are read from the rows stored by the writes (ADR 0047).
    assert [sleutel(s) for s in snel] == [sleutel(s) for s in volledig]
    assert {s.verzuimgeval.werknemer_id for s in snel} == {a.pk, b.pk, c.pk, d.pk}
    samengeteld = {s.verzuimgeval.werknemer_id: len(s.geval.periode_ids) for s in volledig}
    assert samengeteld == {a.pk: 2, b.pk: 2, c.pk: 1, d.pk: 1}
