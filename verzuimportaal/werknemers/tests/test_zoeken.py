"""Werknemers list: BSN lookup (POST, exact, audited), personeelsnummer, filters, sorting, and
former employees out of the default list and of the "Ziek melden" picker (issue: what a new
user runs into)."""

from datetime import date

import pytest
from django.urls import reverse

from conftest import eherkenning_client
from tests.factories import LoonheffingennummerFactory, werknemer_bij
from tests.html import pagina, tekst
from verzuimportaal.audit.models import Auditregel
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.werknemers import selectors
from verzuimportaal.werknemers.models import Werknemer

pytestmark = [pytest.mark.django_db, pytest.mark.klok("2026-11-23")]
LIJST = "werknemers:lijst"


def namen(response) -> list[str]:
    return [a.text_content() for a in pagina(response).xpath("//tbody/tr/td[1]/a")]


@pytest.fixture
def personeel(werkgever_a):
    Werknemer.objects.filter(pk=werkgever_a.werknemer.pk).update(
        achternaam="Zuiderduin", datum_in_dienst=date(2020, 1, 1)
    )
    werkgever_a.werknemer.refresh_from_db()
    return {
        "anna": werknemer_bij(
            werkgever_a,
            voornaam="Anna",
            achternaam="Jansen",
            personeelsnummer="P-0042",
            datum_in_dienst=date(2024, 3, 1),
        ),
        "oud": werknemer_bij(
            werkgever_a,
            voornaam="Otto",
            achternaam="Oud",
            datum_in_dienst=date(2019, 1, 1),
            datum_uit_dienst=date(2026, 6, 30),
        ),
        "vertrekt": werknemer_bij(
            werkgever_a,
            voornaam="Vera",
            achternaam="Vertrek",
            datum_in_dienst=date(2021, 1, 1),
            datum_uit_dienst=date(2026, 12, 31),  # still in service today
        ),
    }


def test_bsn_zoeken_is_exact_via_post_en_vastgelegd(werkgever_a, eigenaar, personeel):
    oud = personeel["oud"]
    response = eigenaar.post(reverse(LIJST), {"bsn": f"{oud.bsn[:4]} {oud.bsn[4:]}"})
    assert namen(response) == ["Oud, Otto"]  # also a former employee, spaces allowed
    assert "gevonden met dit BSN" in tekst(response)
    regel = Auditregel.objects.filter(object_id=str(oud.uuid), omschrijving="gezocht op BSN").get()
    assert regel.werkgever_id == werkgever_a.werkgever.pk
    assert oud.bsn not in Auditregel.objects.values_list("omschrijving", flat=True)

    deel = eigenaar.post(reverse(LIJST), {"bsn": oud.bsn[:8]})
    assert namen(deel) == []
    assert "Dit is geen geldig BSN" in tekst(deel)


def test_bsn_van_een_andere_werkgever_vindt_niets(werkgever_a, werkgever_b, eigenaar):
    response = eigenaar.post(reverse(LIJST), {"bsn": werkgever_b.werknemer.bsn})
    assert namen(response) == []
    assert Auditregel.objects.filter(omschrijving="gezocht op BSN, niets gevonden").exists()


def test_personeelsnummer_exact(eigenaar, personeel):
    assert namen(eigenaar.get(reverse(LIJST), {"q": "p-0042"})) == ["Jansen, Anna"]
    assert namen(eigenaar.get(reverse(LIJST), {"q": "P-004"})) == []


def test_standaard_alleen_in_dienst_en_filters(werkgever_a, eigenaar, personeel):
    standaard = namen(eigenaar.get(reverse(LIJST)))
    assert standaard == ["Jansen, Anna", "Vertrek, Vera", werkgever_a.werknemer.sorteernaam]
    assert namen(eigenaar.get(reverse(LIJST), {"dienstverband": "uit_dienst"})) == ["Oud, Otto"]
    assert len(namen(eigenaar.get(reverse(LIJST), {"dienstverband": "alle"}))) == 4
    ziek = eigenaar.get(reverse(LIJST), {"ziek": "on", "dienstverband": "alle"})
    assert namen(ziek) == [werkgever_a.werknemer.sorteernaam]


def test_filter_op_loonheffingennummer(werkgever_a, eigenaar, personeel):
    ander = LoonheffingennummerFactory(werkgever=werkgever_a.werkgever)
    Werknemer.objects.filter(pk=personeel["anna"].pk).update(loonheffingennummer=ander)
    response = eigenaar.get(reverse(LIJST), {"loonheffingennummer": ander.pk})
    assert namen(response) == ["Jansen, Anna"]
    assert pagina(response).xpath("//select[@name='loonheffingennummer']")


def test_sorteren(werkgever_a, eigenaar, personeel):
    nieuwste = namen(eigenaar.get(reverse(LIJST), {"sorteer": "-in_dienst"}))
    assert nieuwste == ["Jansen, Anna", "Vertrek, Vera", werkgever_a.werknemer.sorteernaam]
    assert namen(eigenaar.get(reverse(LIJST), {"sorteer": "-naam"}))[0].startswith("Zuiderduin")
    assert namen(eigenaar.get(reverse(LIJST), {"sorteer": "onzin"})) == namen(
        eigenaar.get(reverse(LIJST))
    )


def test_ziek_melden_kiezer_zonder_oud_werknemers(werkgever_a, eigenaar, personeel):
    response = eigenaar.get(reverse(LIJST), {"actie": "ziekmelden", "dienstverband": "alle"})
    assert "Oud, Otto" not in namen(response)
    acties = pagina(response).xpath("//a[contains(@href, '/verzuim/ziek-melden/')]/@href")
    assert reverse("verzuim:ziek_melden", args=[personeel["vertrekt"].uuid]) in acties
    assert not pagina(response).xpath("//select[@name='dienstverband']")


def test_ziek_melden_kiezer_alleen_met_het_recht(werkgever_a, personeel):
    alleen_gegevens = eherkenning_client(
        werkgever_a.werkgever.kvk_nummer, Dienst.WERKNEMERSGEGEVENS
    )
    response = alleen_gegevens.get(reverse(LIJST), {"actie": "ziekmelden"})
    assert "Zoek de werknemer die u ziek wilt melden" not in tekst(response)
    assert not pagina(response).xpath("//a[contains(@href, '/verzuim/ziek-melden/')]")


@pytest.mark.parametrize("tekst", ["jan", "JANSEN anna", "p-0042", "oud", "xyzzy"])
def test_treffers_eerst_lezen_geeft_dezelfde_rijen(werkgever_a, werkgever_b, personeel, tekst):
    """ADR 0048: with few matches the search reads them first (trigram indexes, as an array),
    within the actor's scope; the rows and their order are the same as the plain filter's."""
    werknemer_bij(werkgever_b, voornaam="Anna", achternaam="Jansen")  # out of scope
    werknemer_bij(werkgever_a, voornaam="Jan", achternaam="Bos")
    scope = Werknemer.objects.filter(loonheffingennummer__werkgever=werkgever_a.werkgever)
    vraag = selectors.Zoekvraag(tekst=tekst, dienstverband="alle")
    gewoon = list(selectors.zoek(scope, vraag, date(2026, 11, 23)))

    eerst = list(selectors.zoek(scope, vraag, date(2026, 11, 23), aantal_treffers=len(gewoon)))

    assert eerst == gewoon
