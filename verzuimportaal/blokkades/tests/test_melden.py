"""Reporting suspected misuse (seed 003 art. 4.5): stored in the operator's queue."""

from django.urls import reverse

from tests.factories import geldig_bsn
from tests.html import tekst
from verzuimportaal.blokkades.models import MeldingStatus, Misbruikmelding

ADRES = "/misbruik/melden/"


def test_route_heet_blokkades_melden():
    assert reverse("blokkades:melden") == ADRES


def test_melding_wordt_opgeslagen_in_de_wachtrij(werkgever_a, eigenaar):
    pagina = eigenaar.get(ADRES)
    assert pagina.status_code == 200
    assert "Geen gegevens van werknemers invullen" in tekst(pagina)

    response = eigenaar.post(
        ADRES,
        {
            "soort": "onbevoegd",
            "omschrijving": "Een oud-collega logt nog in met haar account.",
            "waargenomen_op": "2026-01-05",
        },
    )

    assert response.status_code == 302
    melding = Misbruikmelding.objects.get()
    assert melding.status == MeldingStatus.NIEUW
    assert melding.werkgever_kvk_nummer == werkgever_a.werkgever.kvk_nummer
    assert melding.gemeld_door == werkgever_a.lidmaatschap.gebruiker
    assert "Uw melding is ontvangen" in tekst(eigenaar.get(response["Location"]))


def test_bsn_in_de_melding_wordt_geweigerd(werkgever_a, eigenaar):
    response = eigenaar.post(
        ADRES, {"soort": "gegevens", "omschrijving": f"Werknemer {geldig_bsn()} staat er dubbel"}
    )
    assert response.status_code == 200
    assert "burgerservicenummer" in tekst(response)
    assert not Misbruikmelding.objects.exists()


def test_melding_van_buitenstaander_komt_op_eigen_naam(werkgever_a, werkgever_b, buitenstaander):
    buitenstaander.post(ADRES, {"soort": "anders", "omschrijving": "Vreemde e-mail ontvangen"})
    assert Misbruikmelding.objects.get().werkgever_kvk_nummer == werkgever_b.werkgever.kvk_nummer
