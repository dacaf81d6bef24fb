"""The marker ``klok`` freezes the fixtures and the test body on one day (ADR 0012)."""

import ast
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from tests.factories import VerzuimgevalFactory


@pytest.fixture
def vandaag_in_fixture() -> date:
    return timezone.localdate()


@pytest.fixture
def geval_van_vandaag(db):
    return VerzuimgevalFactory(eerste_ziektedag=timezone.localdate())


@pytest.mark.klok("2028-02-29 12:00")
def test_fixtures_en_test_zien_dezelfde_dag(vandaag_in_fixture, geval_van_vandaag):
    assert vandaag_in_fixture == date(2028, 2, 29)
    assert geval_van_vandaag.eerste_ziektedag == date(2028, 2, 29)
    assert timezone.localdate() == date(2028, 2, 29)


@pytest.mark.klok("2026-12-31 22:59")
def test_klok_verzetten_in_de_test(klok, vandaag_in_fixture):
    assert vandaag_in_fixture == date(2026, 12, 31)  # 23:59 in Amsterdam
    klok.tick(timedelta(minutes=2))
    assert timezone.localdate() == date(2027, 1, 1)


def test_zonder_marker_de_klok_van_de_machine(klok):
    assert klok is None


def _freeze_time_decorators(bron: str) -> list[str]:
    """Test functions decorated with ``@freeze_time(...)``: it would freeze the body only."""
    gevonden = []
    for knoop in ast.walk(ast.parse(bron)):
        if isinstance(knoop, ast.FunctionDef) and knoop.name.startswith("test_"):
            for decorator in knoop.decorator_list:
                functie = decorator.func if isinstance(decorator, ast.Call) else decorator
                naam = functie.attr if isinstance(functie, ast.Attribute) else ast.unparse(functie)
                if naam == "freeze_time":
                    gevonden.append(f"{knoop.name} (regel {knoop.lineno})")
    return gevonden


def test_herkent_een_freeze_time_decorator():
    bron = (
        "@freeze_time('2026-11-23')\ndef test_a(werkgever_a): ...\n"
        "@freezegun.freeze_time('2026-11-23')\ndef test_b(): ...\n"
        "@pytest.mark.klok('2026-11-23')\ndef test_c(werkgever_a): ...\n"
        "def test_d():\n    with freeze_time('2026-11-23'):\n        pass\n"
    )
    assert _freeze_time_decorators(bron) == ["test_a (regel 2)", "test_b (regel 4)"]


def test_geen_test_bevriest_alleen_zijn_eigen_body():
    """A ``@freeze_time`` decorator leaves the fixtures on the real date: use the marker."""
    wortel = Path(__file__).resolve().parent.parent
    fouten = [
        f"{pad.relative_to(wortel)}: {test}"
        for map_ in ("verzuimportaal", "eherkenning_simulator", "tests")
        for pad in sorted((wortel / map_).rglob("test_*.py"))
        for test in _freeze_time_decorators(pad.read_text(encoding="utf-8"))
    ]
    assert not fouten, "Gebruik @pytest.mark.klok(...) in plaats van @freeze_time:\n" + "\n".join(
        fouten
    )
