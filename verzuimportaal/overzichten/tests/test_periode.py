"""The period of an overview: arithmetic and the form's Dutch validation."""

from datetime import date

import pytest
from django.http import QueryDict
from hypothesis import given
from hypothesis import strategies as st

from verzuimportaal.overzichten.periode import Periode, PeriodeForm, plus_jaren

VANDAAG = date(2025, 6, 15)


def test_dagen_inclusief_beide_einden():
    assert Periode(begin=date(2025, 4, 1), einde=date(2025, 4, 30)).dagen == 30
    assert Periode(begin=date(2024, 1, 1), einde=date(2024, 12, 31)).dagen == 366
    assert Periode(begin=date(2025, 1, 1), einde=date(2025, 1, 1)).dagen == 1


def test_vorige_periode_even_lang_direct_ervoor():
    april = Periode(begin=date(2025, 4, 1), einde=date(2025, 4, 30))
    assert april.vorige() == Periode(begin=date(2025, 3, 2), einde=date(2025, 3, 31))


@given(
    begin=st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 1, 1)),
    lengte=st.integers(min_value=0, max_value=4000),
)
def test_vorige_sluit_aan_en_is_even_lang(begin, lengte):
    periode = Periode(begin=begin, einde=date.fromordinal(begin.toordinal() + lengte))
    vorige = periode.vorige()
    assert vorige.dagen == periode.dagen
    assert vorige.einde_exclusief == periode.begin


def test_einde_voor_begin_onmogelijk():
    with pytest.raises(ValueError, match="vóór het begin"):
        Periode(begin=date(2025, 2, 1), einde=date(2025, 1, 31))


def test_label():
    assert Periode(begin=date(2025, 1, 1), einde=date(2025, 3, 31)).label == (
        "01-01-2025 t/m 31-03-2025"
    )
    assert Periode(begin=date(2025, 1, 1), einde=date(2025, 3, 31)).bestandslabel == (
        "20250101-20250331"
    )


def _form(**waarden):
    return PeriodeForm(QueryDict(mutable=True) | waarden, vandaag=VANDAAG)


def test_zonder_invoer_jaar_tot_vandaag():
    form = PeriodeForm(QueryDict(), vandaag=VANDAAG)
    assert form.is_valid()
    assert form.periode == Periode(begin=date(2025, 1, 1), einde=VANDAAG)
    html = form.as_div()  # day, month and year boxes (utils.forms.DatumInput)
    assert all(f'name="begin_{d}" value="{w}"' in html for d, w in [("dag", 1), ("maand", 1)])
    assert 'name="begin_jaar" value="2025"' in html


def test_geldige_periode():
    form = _form(begin="2024-01-01", einde="2024-12-31")
    assert form.is_valid(), form.errors
    assert form.periode.dagen == 366


def test_einde_voor_begin_geweigerd():
    form = _form(begin="2025-03-01", einde="2025-02-28")
    assert not form.is_valid()
    assert form.errors["einde"] == [
        "De einddatum ligt vóór de begindatum. Kies een einddatum op of na 01-03-2025."
    ]


def test_langer_dan_tien_jaar_geweigerd():
    assert _form(begin="2015-06-15", einde="2025-06-14").is_valid()
    form = _form(begin="2015-06-14", einde="2025-06-14")
    assert not form.is_valid()
    assert "langer dan 10 jaar" in form.non_field_errors()[0]


def test_plus_jaren_ook_vanaf_29_februari():
    assert plus_jaren(date(2025, 6, 15), 10) == date(2035, 6, 15)
    assert plus_jaren(date(2028, 2, 29), -10) == date(2018, 2, 28)
    assert plus_jaren(date(2028, 2, 29), 4) == date(2032, 2, 29)
    assert plus_jaren(date(2020, 2, 29), 10) == date(2030, 2, 28)


def test_langer_dan_tien_jaar_vanaf_29_februari():
    form = PeriodeForm(
        QueryDict(mutable=True) | {"begin": "2020-02-29", "einde": "2030-02-27"},
        vandaag=date(2030, 6, 1),
    )
    assert form.is_valid(), form.errors
    form = PeriodeForm(
        QueryDict(mutable=True) | {"begin": "2020-02-29", "einde": "2030-02-28"},
        vandaag=date(2030, 6, 1),
    )
    assert not form.is_valid()
    assert "langer dan 10 jaar" in form.non_field_errors()[0]


def test_in_de_toekomst_geweigerd():
    assert _form(begin="2025-06-01", einde="2025-06-15").is_valid()
    form = _form(begin="2025-06-01", einde="2025-06-16")
    assert not form.is_valid()
    assert "ligt in de toekomst" in form.errors["einde"][0]
    assert "15-06-2025" in form.foutmelding()


def test_ongeldige_datum_en_half_ingevuld():
    form = _form(begin="31-02-2025", einde="2025-03-01")
    assert not form.is_valid()
    assert form.errors["begin"] == ["Vul een geldige datum in, bijvoorbeeld 01-01-2025."]
    form = _form(begin="2025-01-01")
    assert not form.is_valid()
    assert form.errors["einde"] == ["Vul de laatste dag van de periode in."]


def test_periode_alleen_na_geldige_invoer():
    form = _form(begin="2025-03-01", einde="2025-02-01")
    form.is_valid()
    with pytest.raises(ValueError):
        _ = form.periode


def test_jaar_eerder_zelfde_kalenderdagen_en_schrikkeldag():
    """Issue: statistics for 2025 compared with "02-01-2024 t/m 31-12-2024"."""
    jaar = Periode(begin=date(2025, 1, 1), einde=date(2025, 12, 31))
    assert jaar.jaar_eerder() == Periode(begin=date(2024, 1, 1), einde=date(2024, 12, 31))
    schrikkel = Periode(begin=date(2028, 2, 1), einde=date(2028, 2, 29))
    assert schrikkel.jaar_eerder() == Periode(begin=date(2027, 2, 1), einde=date(2027, 2, 28))
