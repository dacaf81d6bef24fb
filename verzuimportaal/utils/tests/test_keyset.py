"""Keyset pagination (``utils.keyset``, ADR 0048): walking a list page by page sees every row
once, in the list's order, also while rows are added and removed between the requests."""

from datetime import date

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import werknemer_bij
from verzuimportaal.utils import keyset
from verzuimportaal.werknemers.forms import SORTERINGEN
from verzuimportaal.werknemers.models import Werknemer

pytestmark = pytest.mark.django_db

# Ties, case and diacritics on purpose: the database's collation decides, in the order and in
# the comparison with the position alike.
NAMEN = st.sampled_from(["Aalders", "bakker", "Bakker", "de Vries", "Öztürk", "Zee"])
DATUMS = st.sampled_from([date(2019, 1, 1), date(2020, 1, 1), date(2021, 6, 1)])
WERKNEMER = st.tuples(NAMEN, NAMEN, DATUMS)
# Between two requests: add a werknemer, remove the n-th existing one, or nothing.
STAP = st.one_of(
    st.tuples(st.just("erbij"), WERKNEMER),
    st.tuples(st.just("eraf"), st.integers(min_value=0, max_value=50)),
    st.tuples(st.just("niets"), st.none()),
)


def _lijst(omgeving, sorteer):
    return Werknemer.objects.filter(loonheffingennummer=omgeving.loonheffingennummer).order_by(
        *SORTERINGEN[sorteer][1]
    )


def _maak(omgeving, gegevens) -> Werknemer:
    achternaam, voornaam, in_dienst = gegevens
    return werknemer_bij(
        omgeving, achternaam=achternaam, voornaam=voornaam, datum_in_dienst=in_dienst
    )


def _wandel(omgeving, sorteer, per_pagina, stappen, *, achteruit):
    """Walk the whole list (from the end when ``achteruit``), doing one step of ``stappen``
    between requests. Returns the pks seen, in the order shown, and the pks removed."""
    lijst = _lijst(omgeving, sorteer)
    cursor = keyset.laatste_pagina(lijst, naam="test") if achteruit else None
    gezien: list[int] = []
    weg: set[int] = set()
    for stap, gegevens in [*stappen, *[("niets", None)] * 200]:
        pagina = keyset.pagina(lijst, cursor=cursor, per_pagina=per_pagina, naam="test")
        assert len(pagina) <= per_pagina
        pks = [w.pk for w in pagina]
        gezien = pks + gezien if achteruit else gezien + pks
        cursor = pagina.vorige if achteruit else pagina.volgende
        if cursor is None:
            assert pagina.is_eerste if achteruit else pagina.is_laatste
            return gezien, weg
        if stap == "erbij":
            _maak(omgeving, gegevens)
        elif stap == "eraf":
            # (the fixture's werknemer has a spell, which protects it)
            bestaand = list(lijst.exclude(pk=omgeving.werknemer.pk).values_list("pk", flat=True))
            if bestaand:
                pk = bestaand[gegevens % len(bestaand)]
                Werknemer.objects.filter(pk=pk).delete()
                weg.add(pk)
    raise AssertionError("the walk did not end")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    begin=st.lists(WERKNEMER, max_size=14),
    stappen=st.lists(STAP, max_size=8),
    per_pagina=st.integers(min_value=1, max_value=4),
    sorteer=st.sampled_from(sorted(SORTERINGEN)),
    achteruit=st.booleans(),
)
def test_elke_rij_precies_een_keer_in_volgorde_ook_als_er_rijen_bijkomen(
    werkgever_a, begin, stappen, per_pagina, sorteer, achteruit
):
    with transaction.atomic():
        oorspronkelijk = {werkgever_a.werknemer.pk} | {_maak(werkgever_a, g).pk for g in begin}

        gezien, weg = _wandel(werkgever_a, sorteer, per_pagina, stappen, achteruit=achteruit)

        assert len(gezien) == len(set(gezien)), "a row was shown twice"
        assert oorspronkelijk - weg <= set(gezien), "a row that was there throughout is missing"
        nog_er = [pk for pk in gezien if pk not in weg]
        in_volgorde = list(
            _lijst(werkgever_a, sorteer).filter(pk__in=nog_er).values_list("pk", flat=True)
        )
        assert nog_er == in_volgorde, "the rows were not shown in the list's order"
        transaction.set_rollback(True)


def test_pagina_is_een_query_op_elke_diepte(werkgever_a):
    for i in range(12):
        werknemer_bij(werkgever_a, achternaam=f"Naam{i:02d}")
    lijst = _lijst(werkgever_a, "naam")
    cursor = None
    for _ in range(3):
        with CaptureQueriesContext(connection) as queries:
            pagina = keyset.pagina(lijst, cursor=cursor, per_pagina=4, naam="test")
        assert len(queries) == 1
        cursor = pagina.volgende


def test_vorige_na_verwijderde_rijen_is_een_kortere_eerste_pagina(werkgever_a):
    for i in range(6):
        werknemer_bij(werkgever_a, achternaam=f"Naam{i}")
    lijst = _lijst(werkgever_a, "naam").filter(achternaam__startswith="Naam")
    tweede = keyset.pagina(
        lijst,
        cursor=keyset.pagina(lijst, cursor=None, per_pagina=3, naam="t").volgende,
        per_pagina=3,
        naam="t",
    )
    Werknemer.objects.filter(achternaam__in=["Naam0", "Naam1"]).delete()

    terug = keyset.pagina(lijst, cursor=tweede.vorige, per_pagina=3, naam="t")

    assert terug.is_eerste and terug.vorige is None
    assert [w.achternaam for w in terug] == ["Naam2"]  # never again a row of the later page
    assert terug.volgende == keyset.pagina(lijst, cursor=None, per_pagina=1, naam="t").volgende


def test_laatste_pagina_is_vol_en_heeft_geen_volgende(werkgever_a):
    for i in range(6):
        werknemer_bij(werkgever_a, achternaam=f"Naam{i}")
    lijst = _lijst(werkgever_a, "naam")  # 7 rows with the fixture's werknemer ("Achternaam…")

    laatste = keyset.pagina(
        lijst, cursor=keyset.laatste_pagina(lijst, naam="t"), per_pagina=3, naam="t"
    )

    assert [w.achternaam for w in laatste] == ["Naam3", "Naam4", "Naam5"]
    assert laatste.is_laatste and laatste.volgende is None and not laatste.is_eerste


@pytest.mark.parametrize(
    "cursor",
    [
        "onzin",
        keyset.laatste_pagina(Werknemer.objects.order_by("achternaam", "pk"), naam="andere"),
        keyset.laatste_pagina(Werknemer.objects.order_by("-achternaam", "-pk"), naam="t"),
    ],
    ids=["geknoeid", "andere-lijst", "andere-sortering"],
)
def test_vreemde_cursor_wordt_geweigerd(cursor):
    with pytest.raises(keyset.OngeldigeCursor):
        keyset.pagina(
            Werknemer.objects.order_by("achternaam", "pk"), cursor=cursor, per_pagina=3, naam="t"
        )


def test_volgorde_moet_op_de_sleutel_eindigen():
    with pytest.raises(ValueError, match="primary key"):
        keyset.pagina(Werknemer.objects.order_by("achternaam"), cursor=None, per_pagina=3, naam="t")
    with pytest.raises(ValueError, match="NULL"):
        keyset.pagina(
            Werknemer.objects.order_by("datum_uit_dienst", "pk"),
            cursor=None,
            per_pagina=3,
            naam="t",
        )
