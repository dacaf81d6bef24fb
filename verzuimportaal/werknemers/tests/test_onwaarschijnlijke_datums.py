"""Implausible dates are refused with a clear Dutch message (born in year 1, start in 2100)."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from freezegun import freeze_time

from tests.factories import LidmaatschapFactory, LoonheffingennummerFactory, actor_voor
from verzuimportaal.werknemers import service
from verzuimportaal.werknemers.models import Werknemer

BSN = "111222333"


@pytest.fixture
def klok():
    with freeze_time("2026-06-15"):
        yield


@pytest.fixture
def lhnr(klok, db):
    return LoonheffingennummerFactory()


def aanmelden(lhnr, **anders):
    gegevens = {
        "loonheffingennummer": lhnr,
        "bsn": BSN,
        "voornaam": "Anna",
        "tussenvoegsel": "",
        "achternaam": "Vries",
        "geboortedatum": date(1990, 5, 17),
        "datum_in_dienst": date(2025, 2, 1),
        "contracturen_per_week": Decimal("32"),
        "deeltijdfactor": None,
        **anders,
    }
    actor = actor_voor(LidmaatschapFactory(werkgever=lhnr.werkgever))
    return service.meld_werknemer_aan(door=actor, **gegevens)


@pytest.mark.parametrize(
    ("velden", "veld", "tekst"),
    [
        ({"geboortedatum": date(1, 1, 1)}, "geboortedatum", "meer dan 100 jaar geleden"),
        ({"geboortedatum": date(1925, 6, 1)}, "geboortedatum", "meer dan 100 jaar geleden"),
        (
            {"geboortedatum": date(2015, 1, 1), "datum_in_dienst": date(2026, 1, 1)},
            "geboortedatum",
            "jonger dan 13 jaar",
        ),
        ({"datum_in_dienst": date(2100, 1, 1)}, "datum_in_dienst", "meer dan een jaar"),
        ({"datum_in_dienst": date(2027, 6, 16)}, "datum_in_dienst", "meer dan een jaar"),
    ],
)
def test_onwaarschijnlijke_datum_geweigerd(lhnr, velden, veld, tekst):
    with pytest.raises(ValidationError) as fout:
        aanmelden(lhnr, **velden)
    assert tekst in fout.value.message_dict[veld][0]
    assert not Werknemer.objects.exists()


def test_grensgevallen_mogen(lhnr):
    assert aanmelden(lhnr, geboortedatum=date(1926, 6, 16), datum_in_dienst=date(2027, 6, 15)).pk


def test_wijzigen_naar_onwaarschijnlijke_datum_geweigerd(lhnr):
    werknemer = aanmelden(lhnr)
    actor = actor_voor(LidmaatschapFactory(werkgever=lhnr.werkgever))
    with pytest.raises(ValidationError) as fout:
        service.wijzig_werknemer(
            door=actor, werknemer=werknemer, gegevens={"geboortedatum": date(1, 1, 1)}
        )
    assert "geboortedatum" in fout.value.message_dict
    werknemer.refresh_from_db()
    assert werknemer.geboortedatum == date(1990, 5, 17)
