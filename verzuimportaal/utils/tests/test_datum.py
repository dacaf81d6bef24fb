"""Dates as day / month / year (issue: the browser's date picker followed the browser's language,
mm/dd/yyyy in an English browser), and Dutch month names whatever the browser asks for."""

from datetime import date, timedelta

import pytest
from django import forms
from django.urls import reverse
from django.utils import timezone, translation

from conftest import ingelogde_client
from tests.html import pagina
from verzuimportaal.storingen import service as storingen
from verzuimportaal.toegang.actor import beheerder
from verzuimportaal.utils.forms import ONGELDIGE_DATUM, DatumInput, PortaalForm


class Formulier(PortaalForm):
    datum = forms.DateField(label="Eerste ziektedag", widget=DatumInput())
    optioneel = forms.DateField(label="Einde", widget=DatumInput(), required=False)


@pytest.mark.parametrize(
    ("gegevens", "verwacht"),
    [
        ({"datum_dag": "3", "datum_maand": "12", "datum_jaar": "2026"}, date(2026, 12, 3)),
        ({"datum_dag": " 03", "datum_maand": "02 ", "datum_jaar": "2028"}, date(2028, 2, 3)),
        ({"datum_dag": "29", "datum_maand": "2", "datum_jaar": "2028"}, date(2028, 2, 29)),
        ({"datum": "2026-12-03"}, date(2026, 12, 3)),  # one value (API, links, scripts)
        ({"datum": "03-12-2026"}, date(2026, 12, 3)),  # dd-mm-jjjj, parsed on the server
    ],
)
@pytest.mark.parametrize("taal", ["nl", "en"])
def test_dag_maand_jaar_wordt_een_datum(gegevens, verwacht, taal):
    """In both languages (ADR 0044): English date formats would refuse ``03-12-2026``."""
    with translation.override(taal):
        form = Formulier(gegevens)
        assert form.is_valid(), form.errors
    assert form.cleaned_data["datum"] == verwacht
    assert form.cleaned_data["optioneel"] is None


@pytest.mark.parametrize(
    "delen",
    [
        ("29", "2", "2027"),
        ("31", "4", "2026"),
        ("3", "12", "26"),
        ("3", "", "2026"),
        ("a", "b", "c"),
    ],
)
def test_geen_of_onvolledige_datum_zegt_wat_te_doen(delen):
    dag, maand, jaar = delen
    form = Formulier({"datum_dag": dag, "datum_maand": maand, "datum_jaar": jaar})
    assert not form.is_valid()
    assert form.errors["datum"] == [ONGELDIGE_DATUM]
    # What the user typed is shown again, in the same boxes.
    html = pagina_van(form)
    assert html.xpath("//input[@name='datum_dag']/@value") == ([dag] if dag else [])


def pagina_van(form):
    from lxml import html as lxml_html

    return lxml_html.fromstring(f"<div>{form['datum']}</div>")


def test_drie_vakjes_met_labels_in_een_fieldset_met_legenda():
    form = Formulier(initial={"datum": date(2026, 3, 27)})
    html = pagina_van(form)
    labels = html.xpath("//label/text()")
    assert labels == ["Dag", "Maand", "Jaar"]
    for label in html.xpath("//label"):
        invoer = html.xpath(f"//input[@id='{label.get('for')}']")
        assert invoer and invoer[0].get("inputmode") == "numeric"
    assert html.xpath("//input/@value") == ["27", "3", "2026"]
    assert not html.xpath("//input[@type='date']")


@pytest.mark.django_db
@pytest.mark.klok("2026-11-23 10:00:00")
def test_ziek_melden_toont_fieldset_en_nederlandse_maanden_in_een_engelse_browser(werkgever_a):
    client = ingelogde_client(werkgever_a.lidmaatschap, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    gezond = werkgever_a.werknemer  # has an open spell; the form page itself is what matters
    response = client.get(reverse("verzuim:ziek_melden", args=[gezond.uuid]))
    boom = pagina(response)
    veld = boom.get_element_by_id("id_eerste_ziektedag")
    assert veld.tag == "fieldset"
    assert "Eerste ziektedag" in veld.xpath("string(legend)")
    assert boom.xpath("//html/@lang") == ["nl"]
    storingen.meld_storing(
        door=beheerder(None), titel="Trage verwerking", begin=timezone.now() - timedelta(days=3)
    )
    tekst = pagina(client.get(reverse("portaal:dashboard"))).text_content()
    assert "Sinds 20 november 2026" in tekst  # not "20 November", whatever the browser asks
    assert client.get(reverse("portaal:dashboard"))["Content-Language"] == "nl"
