"""Pages to correct a melding and to change the percentage; the history on the detail page.

DOMAIN §4.6, ADR 0009. The fixture spell of werkgever A is open since 2026-11-02.
"""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import ingelogde_client, ingelogde_gebruiker
from tests.factories import LidmaatschapFactory
from tests.html import pagina, tekst
from verzuimportaal.audit.models import Auditregel
from verzuimportaal.machtigingen.tests.factories import (
    AdviseurMedewerkerFactory,
    AdviseurtoegangFactory,
)
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.verzuim import service
from verzuimportaal.verzuim.models import Correctie, MutatieSoort, Verzuimgeval, Verzuimmutatie
from verzuimportaal.verzuim.tests.test_views import assert_fout_bij_veld


def stand() -> tuple[list[tuple], ...]:
    return (
        list(Verzuimgeval.objects.order_by("pk").values_list()),
        list(Verzuimmutatie.objects.order_by("pk").values_list()),
        list(Correctie.objects.order_by("pk").values_list()),
    )


def adres(naam: str, geval: Verzuimgeval) -> str:
    return reverse(naam, args=[geval.uuid])


def herstel(omgeving, dag: date = date(2026, 11, 10)) -> Verzuimgeval:
    return service.meld_volledig_hersteld(
        door=omgeving.actor, verzuimgeval=omgeving.verzuimgeval, hersteldatum=dag
    )


# --- corrigeren ------------------------------------------------------------------------------


@pytest.mark.klok("2026-11-23")
def test_corrigeren_bij_lopend_verzuim_biedt_alleen_eerste_ziektedag(werkgever_a, eigenaar):
    response = eigenaar.get(adres("verzuim:corrigeren", werkgever_a.verzuimgeval))

    assert response.status_code == 200
    keuzes = pagina(response).xpath('//input[@name="wat"]/@value')
    assert keuzes == ["eerste_ziektedag"]
    assert "Geen medische gegevens invullen" in tekst(response)


@pytest.mark.klok("2026-11-23")
def test_corrigeren_bij_hersteld_verzuim_biedt_ook_hersteldatum_en_intrekken(werkgever_a, eigenaar):
    herstel(werkgever_a)
    response = eigenaar.get(adres("verzuim:corrigeren", werkgever_a.verzuimgeval))
    keuzes = pagina(response).xpath('//input[@name="wat"]/@value')
    assert keuzes == ["eerste_ziektedag", "hersteldatum", "herstel_intrekken"]
    assert "10-11-2026" in tekst(response)


@pytest.mark.klok("2026-11-23 10:15:00")
def test_eerste_ziektedag_corrigeren_slaat_op_logt_en_toont_historie(werkgever_a, eigenaar):
    geval = werkgever_a.verzuimgeval

    response = eigenaar.post(
        adres("verzuim:corrigeren", geval),
        {"wat": "eerste_ziektedag", "datum": "2026-10-30", "reden": "Verkeerde dag gekozen"},
    )

    assert response.status_code == 302
    assert response["Location"] == adres("verzuim:detail", geval)
    geval.refresh_from_db()
    assert geval.eerste_ziektedag == date(2026, 10, 30)
    regel = Auditregel.objects.filter(object_id=str(geval.uuid), actie="wijzigen").get()
    assert regel.omschrijving == "correctie eerste ziektedag: 02-11-2026 → 30-10-2026"
    detail = eigenaar.get(response["Location"])
    assert "De eerste ziektedag is gecorrigeerd naar 30-10-2026." in tekst(detail)
    [rij] = pagina(detail).xpath('//table[@data-testid="correcties"]/tbody/tr')
    cellen = [" ".join(td.text_content().split()) for td in rij.xpath("./td")]
    naam = werkgever_a.lidmaatschap.gebruiker.get_full_name()
    assert cellen == [
        "23-11-2026 11:15",  # Europe/Amsterdam
        f"{naam} (lokaal account)",
        "Eerste ziektedag",
        "02-11-2026",
        "30-10-2026",
        "Verkeerde dag gekozen",
    ]


@pytest.mark.klok("2026-11-23")
def test_hersteldatum_corrigeren_via_formulier(werkgever_a, eigenaar):
    herstel(werkgever_a)
    geval = werkgever_a.verzuimgeval
    response = eigenaar.post(
        adres("verzuim:corrigeren", geval),
        {"wat": "hersteldatum", "datum": "2026-11-12", "reden": "Later weer begonnen"},
    )
    assert response.status_code == 302
    geval.refresh_from_db()
    assert geval.einddatum == date(2026, 11, 12)
    assert Correctie.objects.get().veld == "hersteldatum"


@pytest.mark.klok("2026-11-23")
def test_herstelmelding_intrekken_via_formulier_zonder_datum(werkgever_a, eigenaar):
    herstel(werkgever_a)
    geval = werkgever_a.verzuimgeval
    response = eigenaar.post(
        adres("verzuim:corrigeren", geval),
        {"wat": "herstel_intrekken", "datum": "", "reden": "Werknemer is nog ziek"},
    )
    assert response.status_code == 302
    geval.refresh_from_db()
    assert geval.is_open
    detail = eigenaar.get(adres("verzuim:detail", geval))
    assert "De herstelmelding is ingetrokken. Het verzuim loopt weer." in tekst(detail)
    assert "Herstelmelding ingetrokken" in tekst(detail)


@pytest.mark.klok("2026-11-23")
def test_hersteldatum_corrigeren_bij_lopend_verzuim_is_geen_keuze(werkgever_a, eigenaar):
    voor = stand()
    response = eigenaar.post(
        adres("verzuim:corrigeren", werkgever_a.verzuimgeval),
        {"wat": "hersteldatum", "datum": "2026-11-12", "reden": "x"},
    )
    assert_fout_bij_veld(response, "wat", "Selecteer een geldige keuze")
    assert stand() == voor


@pytest.mark.klok("2026-11-23")
def test_geweigerde_correctie_toont_fout_bij_datum_en_slaat_niets_op(werkgever_a, eigenaar):
    voor = stand()
    response = eigenaar.post(
        adres("verzuim:corrigeren", werkgever_a.verzuimgeval),
        {"wat": "eerste_ziektedag", "datum": "2026-11-24", "reden": "Verkeerde datum"},
    )
    assert_fout_bij_veld(response, "datum", "mag niet in de toekomst liggen")
    assert stand() == voor
    assert not Auditregel.objects.filter(actie="wijzigen").exists()


@pytest.mark.klok("2026-11-23")
def test_correctie_zonder_reden_of_datum_toont_fouten_bij_de_velden(werkgever_a, eigenaar):
    voor = stand()
    response = eigenaar.post(
        adres("verzuim:corrigeren", werkgever_a.verzuimgeval),
        {"wat": "eerste_ziektedag", "datum": "", "reden": ""},
    )
    assert_fout_bij_veld(response, "datum", "Vul de juiste datum in")
    assert_fout_bij_veld(response, "reden", "Vul in waarom u dit corrigeert")
    assert stand() == voor


@pytest.mark.klok("2026-11-23")
def test_intrekken_met_later_verzuim_toont_algemene_fout(werkgever_a, eigenaar):
    herstel(werkgever_a)
    service.meld_ziek(
        door=werkgever_a.actor,
        werknemer=werkgever_a.werknemer,
        eerste_ziektedag=date(2026, 11, 20),
    )
    voor = stand()
    response = eigenaar.post(
        adres("verzuim:corrigeren", werkgever_a.verzuimgeval),
        {"wat": "herstel_intrekken", "reden": "Nog ziek"},
    )
    assert response.status_code == 200
    samenvatting = pagina(response).get_element_by_id("foutsamenvatting").text_content()
    assert "al een lopend verzuim" in samenvatting
    assert stand() == voor


# --- percentage wijzigen ---------------------------------------------------------------------


@pytest.mark.klok("2026-11-23")
def test_percentage_wijzigen_toont_huidig_percentage(werkgever_a, eigenaar):
    response = eigenaar.get(adres("verzuim:percentage_wijzigen", werkgever_a.verzuimgeval))
    assert response.status_code == 200
    assert "Nu 100 % arbeidsongeschikt, sinds 02-11-2026." in tekst(response)
    assert "Geen medische gegevens invullen" in tekst(response)


@pytest.mark.klok("2026-11-23")
def test_percentage_verhogen_na_gedeeltelijk_herstel_via_formulier(werkgever_a, eigenaar):
    geval = werkgever_a.verzuimgeval
    service.meld_gedeeltelijk_hersteld(
        door=werkgever_a.actor,
        verzuimgeval=geval,
        ingangsdatum=date(2026, 11, 10),
        percentage_arbeidsongeschikt=50,
    )

    response = eigenaar.post(
        adres("verzuim:percentage_wijzigen", geval),
        {"ingangsdatum": "2026-11-16", "percentage_arbeidsongeschikt": "80", "reden": "Advies"},
    )

    assert response.status_code == 302
    mutatie = geval.mutaties.order_by("ingangsdatum").last()
    assert (mutatie.soort, mutatie.percentage_arbeidsongeschikt) == (MutatieSoort.WIJZIGING, 80)
    regel = Auditregel.objects.filter(object_id=str(geval.uuid), actie="wijzigen").latest("pk")
    assert regel.omschrijving == "percentage gewijzigd naar 80 % per 16-11-2026"
    detail = eigenaar.get(response["Location"])
    rijen = [
        " ".join(r.text_content().split())
        for r in pagina(detail).xpath('//table[@data-testid="mutaties"]/tbody/tr')
    ]
    assert rijen[-1].startswith("16-11-2026 Wijziging percentage (Advies) 80 %")


@pytest.mark.klok("2026-11-23")
def test_percentage_wijzigen_naar_0_toont_fout_bij_percentage(werkgever_a, eigenaar):
    voor = stand()
    response = eigenaar.post(
        adres("verzuim:percentage_wijzigen", werkgever_a.verzuimgeval),
        {"ingangsdatum": "2026-11-16", "percentage_arbeidsongeschikt": "0"},
    )
    assert_fout_bij_veld(response, "percentage_arbeidsongeschikt", "1 tot en met 100")
    assert stand() == voor


@pytest.mark.klok("2026-11-23")
def test_gedeeltelijk_herstel_met_hoger_percentage_verwijst_naar_percentage_wijzigen(
    werkgever_a, eigenaar
):
    geval = werkgever_a.verzuimgeval
    service.meld_gedeeltelijk_hersteld(
        door=werkgever_a.actor,
        verzuimgeval=geval,
        ingangsdatum=date(2026, 11, 10),
        percentage_arbeidsongeschikt=50,
    )
    voor = stand()
    response = eigenaar.post(
        adres("verzuim:hersteld_melden", geval),
        {"soort": "gedeeltelijk", "datum": "2026-11-16", "percentage_arbeidsongeschikt": "80"},
    )
    assert_fout_bij_veld(response, "percentage_arbeidsongeschikt", "'percentage wijzigen'")
    assert stand() == voor


# --- detail: links and queries ---------------------------------------------------------------


@pytest.mark.klok("2026-11-23")
def test_detail_toont_links_naar_corrigeren_en_percentage_wijzigen(werkgever_a, eigenaar):
    geval = werkgever_a.verzuimgeval
    response = eigenaar.get(adres("verzuim:detail", geval))
    boom = pagina(response)
    assert boom.xpath(f'//a[@href="{adres("verzuim:corrigeren", geval)}"]')
    assert boom.xpath(f'//a[@href="{adres("verzuim:percentage_wijzigen", geval)}"]')
    assert "Er zijn geen gegevens van dit verzuim gecorrigeerd." in tekst(response)

    herstel(werkgever_a)
    boom = pagina(eigenaar.get(adres("verzuim:detail", geval)))
    assert boom.xpath(f'//a[@href="{adres("verzuim:corrigeren", geval)}"]')
    assert not boom.xpath(f'//a[@href="{adres("verzuim:percentage_wijzigen", geval)}"]')


@pytest.mark.klok("2026-11-23")
def test_detail_zonder_wijzigrecht_toont_historie_maar_geen_links(werkgever_a):
    """A confirmed advisor with 'bekijken' (route B, seed 002) sees the history only."""
    geval = werkgever_a.verzuimgeval
    service.corrigeer_eerste_ziektedag(
        door=werkgever_a.actor,
        verzuimgeval=geval,
        eerste_ziektedag=date(2026, 11, 1),
        reden="Typfout",
    )
    medewerker = AdviseurMedewerkerFactory()
    AdviseurtoegangFactory(
        werkgever=werkgever_a.werkgever, adviseur=medewerker.adviseur, wijzigen=False
    )
    client = ingelogde_gebruiker(medewerker.gebruiker)
    client.post(reverse("toegang:kies_werkgever"), {"werkgever": werkgever_a.werkgever.pk})

    response = client.get(adres("verzuim:detail", geval))

    assert response.status_code == 200
    assert "Typfout" in tekst(response)
    for naam in ("verzuim:corrigeren", "verzuim:percentage_wijzigen", "verzuim:hersteld_melden"):
        assert not pagina(response).xpath(f'//a[@href="{adres(naam, geval)}"]'), naam
        assert client.get(adres(naam, geval)).status_code == 403, naam


def _correcties(omgeving, aantal: int) -> None:
    geval = omgeving.verzuimgeval
    for i in range(aantal):
        service.corrigeer_eerste_ziektedag(
            door=omgeving.actor,
            verzuimgeval=geval,
            eerste_ziektedag=date(2026, 10, 1 + i % 2),
            reden=f"Correctie {i}",
        )


@pytest.mark.klok("2026-11-23")
def test_detail_aantal_queries_hangt_niet_af_van_aantal_correcties(
    werkgever_a, werkgever_b, eigenaar, buitenstaander
):
    _correcties(werkgever_a, 1)
    _correcties(werkgever_b, 10)
    eigenaar.get(adres("verzuim:detail", werkgever_a.verzuimgeval))  # warm up caches
    buitenstaander.get(adres("verzuim:detail", werkgever_b.verzuimgeval))

    with CaptureQueriesContext(connection) as een:
        response = eigenaar.get(adres("verzuim:detail", werkgever_a.verzuimgeval))
    assert len(pagina(response).xpath('//table[@data-testid="correcties"]/tbody/tr')) == 1
    with CaptureQueriesContext(connection) as tien:
        response = buitenstaander.get(adres("verzuim:detail", werkgever_b.verzuimgeval))
    assert len(pagina(response).xpath('//table[@data-testid="correcties"]/tbody/tr')) == 10

    assert len(tien) == len(een)


# --- toegang ---------------------------------------------------------------------------------

POSTS = {
    "verzuim:corrigeren": {"wat": "eerste_ziektedag", "datum": "2026-11-03", "reden": "Typfout"},
    "verzuim:percentage_wijzigen": {
        "ingangsdatum": "2026-11-20",
        "percentage_arbeidsongeschikt": "50",
    },
}


@pytest.mark.parametrize("naam", POSTS)
@pytest.mark.klok("2026-11-23")
def test_buitenstaander_krijgt_404_en_account_zonder_recht_403_zonder_iets_op_te_slaan(
    werkgever_a, buitenstaander, naam
):
    zonder_recht = ingelogde_client(
        LidmaatschapFactory(werkgever=werkgever_a.werkgever, rechten=[Dienst.OVERZICHTEN])
    )
    doel = adres(naam, werkgever_a.verzuimgeval)
    voor = stand()
    for client, status in ((buitenstaander, 404), (zonder_recht, 403)):
        for response in (client.get(doel), client.post(doel, POSTS[naam])):
            assert response.status_code == status
            assert werkgever_a.verzuimgeval.verzuimnummer not in response.content.decode()
    assert stand() == voor
    # Control: the same POST does work for the owner.
    eigenaar = ingelogde_client(werkgever_a.lidmaatschap)
    assert eigenaar.post(doel, POSTS[naam]).status_code == 302
    assert stand() != voor
