"""The stored open Poortwachter steps (ADR 0047) equal a full recomputation after any sequence of
writes through the services: meldingen, corrections, dossier steps, extensions (DOMAIN §5)."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import (
    LidmaatschapFactory,
    LoonheffingennummerFactory,
    WerknemerFactory,
    actor_voor,
)
from verzuimportaal import poortwachter
from verzuimportaal.dossier import service as dossier
from verzuimportaal.dossier import termijnstand
from verzuimportaal.dossier.models import Activiteit, Openstap
from verzuimportaal.dossier.termijnen import open_stappen_van
from verzuimportaal.verzuim import service as verzuim
from verzuimportaal.verzuim.models import Verzuimgeval

pytestmark = pytest.mark.klok("2026-11-23")
VANDAAG = date(2026, 11, 23)
BEGIN = VANDAAG - timedelta(days=700)


def opgeslagen(werknemer_ids: list[int]) -> list[tuple[object, ...]]:
    return [
        (r.verzuimgeval_id, r.volgorde, r.soort, r.deadline, r.venster_begin, r.verantwoordelijken)
        for r in Openstap.objects.filter(verzuimgeval__werknemer_id__in=werknemer_ids).order_by(
            "verzuimgeval_id", "volgorde"
        )
    ]


def herberekend(werknemer_ids: list[int]) -> list[tuple[object, ...]]:
    rijen = []
    volgorde: dict[int, int] = {}
    for geval_id, stap in open_stappen_van(werknemer_ids):
        plaats = volgorde.get(geval_id, 0)
        volgorde[geval_id] = plaats + 1
        verantwoordelijken = ",".join(str(v) for v in stap.verantwoordelijken)
        rijen.append(
            (
                geval_id,
                plaats,
                str(stap.soort),
                stap.deadline,
                stap.venster_begin,
                verantwoordelijken,
            )
        )
    return sorted(rijen)


def _laatste(werknemer_id: int) -> Verzuimgeval | None:
    return (
        Verzuimgeval.objects.filter(werknemer_id=werknemer_id)
        .order_by("-eerste_ziektedag", "-pk")
        .first()
    )


def _voer_uit(actor, werknemer, soort: str, dagen: int, keuze: int) -> None:
    dag = BEGIN + timedelta(days=dagen)
    geval = _laatste(werknemer.pk)
    if soort == "ziek":
        verzuim.meld_ziek(door=actor, werknemer=werknemer, eerste_ziektedag=dag)
    elif geval is None:
        return
    elif soort == "herstel":
        verzuim.meld_volledig_hersteld(door=actor, verzuimgeval=geval, hersteldatum=dag)
    elif soort == "eerste_ziektedag":
        verzuim.corrigeer_eerste_ziektedag(
            door=actor, verzuimgeval=geval, eerste_ziektedag=dag, reden="typefout"
        )
    elif soort == "hersteldatum":
        verzuim.corrigeer_hersteldatum(
            door=actor, verzuimgeval=geval, hersteldatum=dag, reden="typefout"
        )
    elif soort == "heropen":
        verzuim.heropen_verzuimgeval(door=actor, verzuimgeval=geval, reden="toch niet hersteld")
    elif soort == "zelfde_oorzaak":
        verzuim.leg_zelfde_oorzaak_vast(
            door=actor, verzuimgeval=geval, zelfde_oorzaak=("ja", "nee", "onbekend")[keuze % 3]
        )
    elif soort == "stap":
        stap = (poortwachter.StapSoort.PROBLEEMANALYSE, poortwachter.StapSoort.PLAN_VAN_AANPAK)
        dossier.werk_stap_af(
            door=actor, verzuimgeval=geval, soort=stap[keuze % 2], uitgevoerd_op=dag
        )
    elif soort == "stap_heropenen":
        activiteit = Activiteit.objects.filter(verzuimgeval=geval, afgewerkt=True).first()
        if activiteit is not None:
            dossier.heropen_activiteit(door=actor, activiteit=activiteit)
    elif soort == "loonsanctie":
        dossier.leg_verlenging_vast(
            door=actor, verzuimgeval=geval, soort="loonsanctie", weken=keuze % 53
        )


SOORTEN = (
    "ziek",
    "herstel",
    "eerste_ziektedag",
    "hersteldatum",
    "heropen",
    "zelfde_oorzaak",
    "stap",
    "stap_heropenen",
    "loonsanctie",
)
stappen = st.lists(
    st.tuples(
        st.sampled_from(SOORTEN),
        st.integers(0, 1),  # which werknemer
        st.integers(0, 700),  # day after BEGIN
        st.integers(0, 60),  # choice within the kind
    ),
    min_size=1,
    max_size=14,
)


@pytest.fixture
def omgeving(db):
    lhnr = LoonheffingennummerFactory()
    return lhnr, actor_voor(LidmaatschapFactory(werkgever=lhnr.werkgever))


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(reeks=stappen)
def test_opgeslagen_stappen_gelijk_aan_herberekening_na_elke_reeks(omgeving, reeks):
    lhnr, actor = omgeving
    try:
        with transaction.atomic():  # each example starts from the same empty state
            werknemers = [
                WerknemerFactory(loonheffingennummer=lhnr, datum_in_dienst=BEGIN) for _ in range(2)
            ]
            ids = [w.pk for w in werknemers]
            for soort, wie, dagen, keuze in reeks:
                try:
                    with transaction.atomic():
                        _voer_uit(actor, werknemers[wie], soort, dagen, keuze)
                except (ValidationError, PermissionDenied):
                    pass  # a refusal changes nothing, stored or not
                assert opgeslagen(ids) == herberekend(ids), soort
            raise _Terug
    except _Terug:
        pass


class _Terug(Exception):
    """Rolls an example back."""


def test_vul_alles_herstelt_wat_buiten_de_services_om_veranderde(omgeving):
    lhnr, actor = omgeving
    werknemer = WerknemerFactory(loonheffingennummer=lhnr, datum_in_dienst=BEGIN)
    geval = verzuim.meld_ziek(door=actor, werknemer=werknemer, eerste_ziektedag=VANDAAG)
    assert opgeslagen([werknemer.pk]) == herberekend([werknemer.pk]) != []
    # A bulk load outside the services (bench, database console) leaves the rows behind ...
    Verzuimgeval.objects.filter(pk=geval.pk).update(eerste_ziektedag=VANDAAG - timedelta(days=90))
    assert opgeslagen([werknemer.pk]) != herberekend([werknemer.pk])
    # ... until the command recomputes them.
    termijnstand.vul_alles()
    assert opgeslagen([werknemer.pk]) == herberekend([werknemer.pk])
    Verzuimgeval.objects.filter(pk=geval.pk).update(einddatum=VANDAAG, einde_reden="hersteld")
    termijnstand.vul_alles()
    assert opgeslagen([werknemer.pk]) == []


def test_geweigerde_schrijfactie_laat_de_rijen_staan(omgeving):
    lhnr, actor = omgeving
    werknemer = WerknemerFactory(loonheffingennummer=lhnr, datum_in_dienst=BEGIN)
    verzuim.meld_ziek(door=actor, werknemer=werknemer, eerste_ziektedag=VANDAAG - timedelta(days=9))
    voor = opgeslagen([werknemer.pk])
    with pytest.raises(ValidationError):
        verzuim.meld_ziek(door=actor, werknemer=werknemer, eerste_ziektedag=VANDAAG)
    assert opgeslagen([werknemer.pk]) == voor
