"""The employee import in English (ADR 0044): the page and the report follow the language; the
template's column names are the file format and stay the same in every language."""

import io

from django.urls import reverse
from openpyxl import load_workbook

from tests.engels import in_het_engels, kop
from tests.html import tekst


def test_start_in_het_engels_en_het_sjabloon_blijft_gelijk(eigenaar):
    with in_het_engels(eigenaar) as client:
        start = client.get(reverse("imports:start"))
        sjabloon = client.get(reverse("imports:sjabloon"))
    assert kop(start) == "Import employees"
    assert "Download the template (Excel)" in tekst(start)
    assert "Lees een export uit uw salarisadministratie in" not in tekst(start)
    blad = load_workbook(io.BytesIO(sjabloon.content)).active
    kolommen = [cel.value for cel in next(blad.iter_rows(max_row=1))]
    assert kolommen[:3] == ["loonheffingennummer", "bsn", "voorletters"]
    assert "laatste dag in dienst" in kolommen
