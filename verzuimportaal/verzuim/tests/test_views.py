"""Verzuim pages: lopende verzuimen, detail, ziek melden and hersteld melden.

Successful ziekmeldingen here fall in 2025: VerzuimgevalFactory numbers the fixture spells
``2026-NNNNN`` without the Nummerreeks counter, so a service-made 2026 number could collide.
"""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import Omgeving
from tests.factories import VerzuimgevalFactory, WerknemerFactory
from tests.html import pagina, tekst
from verzuimportaal.verzuim.models import EindeReden, MutatieSoort, Verzuimgeval, Verzuimmutatie
from verzuimportaal.werknemers.models import Werknemer


def assert_fout_bij_veld(response, veld: str, melding: str) -> None:
    """The error is announced at the field (WCAG 3.3.1) and linked from the summary."""
    assert response.status_code == 200
    boom = pagina(response)
    element = boom.get_element_by_id(f"id_{veld}")
    invoer = element.xpath(".//input") if element.tag == "fieldset" else [element]
    for el in [element, *invoer]:
        assert f"id_{veld}_error" in el.get("aria-describedby", "").split(), el.tag
    for el in invoer:
        assert el.get("aria-invalid") == "true"
    assert melding in boom.get_element_by_id(f"id_{veld}_error").text_content()
    links = boom.xpath(f'//*[@id="foutsamenvatting"]//a[@href="#id_{veld}"]')
    assert links and melding in links[0].text_content()


def gegevens(response) -> dict[str, str]:
    """The <dl> of a detail page as {term: description}."""
    return {
        dt.text_content().strip(): " ".join(dt.getnext().text_content().split())
        for dt in pagina(response).xpath("//dl/dt")
    }


def stand() -> tuple[list[tuple], ...]:
    return (
        list(Verzuimgeval.objects.order_by("pk").values_list()),
        list(Verzuimmutatie.objects.order_by("pk").values_list()),
        list(Werknemer.objects.order_by("pk").values_list()),
    )


@pytest.fixture
def gezond(werkgever_a: Omgeving) -> Werknemer:
    return WerknemerFactory(loonheffingennummer=werkgever_a.loonheffingennummer)


# --- lopende verzuimen -----------------------------------------------------------------------


@pytest.mark.klok("2026-11-05")
def test_lopende_verzuimen_toont_open_gevallen_langst_lopend_eerst(werkgever_a, eigenaar, gezond):
    lhnr = werkgever_a.loonheffingennummer
    ouder = VerzuimgevalFactory(
        werknemer=WerknemerFactory(loonheffingennummer=lhnr), eerste_ziektedag=date(2026, 11, 1)
    )
    afgesloten = VerzuimgevalFactory(
        werknemer=gezond,
        eerste_ziektedag=date(2026, 8, 1),
        einddatum=date(2026, 8, 5),
        einde_reden=EindeReden.HERSTELD,
    )

    response = eigenaar.get(reverse("verzuim:lopend"))

    assert response.status_code == 200
    assert "Lopende verzuimen" in tekst(response)
    assert "2 lopende verzuimen." in tekst(response)  # no step overdue yet on 5 November
    nummers = pagina(response).xpath("//tbody/tr/td[2]/a/text()")
    assert nummers == [ouder.verzuimnummer, werkgever_a.verzuimgeval.verzuimnummer]
    assert str(afgesloten.verzuimnummer) not in tekst(response)
    herstel = reverse("verzuim:hersteld_melden", args=[ouder.uuid])
    assert pagina(response).xpath(f'//a[@href="{herstel}"]')


@pytest.mark.klok("2026-11-05")
def test_lopende_verzuimen_met_een_te_late_stap_eerst(werkgever_a, eigenaar):
    """Issue: overdue legal steps were hidden. A spell with a step past its deadline (loonsanctie
    risk, DOMAIN §5) is listed before longer running spells that are on schedule."""
    lhnr = werkgever_a.loonheffingennummer
    op_schema = VerzuimgevalFactory(  # 1 November: nothing due before 5 November
        werknemer=WerknemerFactory(loonheffingennummer=lhnr), eerste_ziektedag=date(2026, 11, 1)
    )
    te_laat = VerzuimgevalFactory(  # 1 October: ziekmelding arbodienst was due in week 1
        werknemer=WerknemerFactory(loonheffingennummer=lhnr), eerste_ziektedag=date(2026, 10, 1)
    )
    ouder_afgesloten = VerzuimgevalFactory(
        werknemer=WerknemerFactory(loonheffingennummer=lhnr),
        eerste_ziektedag=date(2026, 1, 5),
        einddatum=date(2026, 2, 5),
        einde_reden=EindeReden.HERSTELD,
    )

    response = eigenaar.get(reverse("verzuim:lopend"))

    assert "3 lopende verzuimen, waarvan 1 met een wettelijke stap te laat." in tekst(response)
    rijen = pagina(response).xpath("//tbody/tr")
    nummers = [r.xpath("string(td[2])").strip() for r in rijen]
    assert nummers == [
        te_laat.verzuimnummer,
        op_schema.verzuimnummer,
        werkgever_a.verzuimgeval.verzuimnummer,
    ]
    assert str(ouder_afgesloten.verzuimnummer) not in tekst(response)
    eerste = " ".join(str(rijen[0].xpath("string(td[@data-testid='te-laat'])")).split())
    assert eerste.startswith("Te laat Ziekmelding aan de arbodienst") and "-10-2026)" in eerste
    assert " ".join(str(rijen[1].xpath("string(td[@data-testid='te-laat'])")).split()) == "–"


@pytest.mark.klok("2026-11-05")
def test_lopende_verzuimen_pagineert(werkgever_a, eigenaar, settings):
    settings.WERKNEMERS_PER_PAGINA = 2
    for _ in range(3):
        VerzuimgevalFactory(werknemer__loonheffingennummer=werkgever_a.loonheffingennummer)

    eerste = eigenaar.get(reverse("verzuim:lopend"))
    laatste = eigenaar.get(reverse("verzuim:lopend"), {"pagina": 2})

    assert "Pagina 1 van 2" in tekst(eerste)
    assert pagina(eerste).xpath('//a[@rel="next" and @href="?pagina=2"]')
    assert len(pagina(eerste).xpath("//tbody/tr")) == 2
    assert len(pagina(laatste).xpath("//tbody/tr")) == 2
    assert "4 lopende verzuimen." in tekst(laatste)


def test_lopende_verzuimen_aantal_queries_hangt_niet_af_van_aantal_verzuimen(
    werkgever_a, eigenaar, settings
):
    settings.WERKNEMERS_PER_PAGINA = 100
    lhnr = werkgever_a.loonheffingennummer
    adres = reverse("verzuim:lopend")
    eigenaar.get(adres)  # the first request chooses the werkgever
    VerzuimgevalFactory.create_batch(2, werknemer__loonheffingennummer=lhnr)
    with CaptureQueriesContext(connection) as drie:
        assert len(pagina(eigenaar.get(adres)).xpath("//tbody/tr")) == 3
    VerzuimgevalFactory.create_batch(27, werknemer__loonheffingennummer=lhnr)
    with CaptureQueriesContext(connection) as dertig:
        assert len(pagina(eigenaar.get(adres)).xpath("//tbody/tr")) == 30

    assert len(dertig) == len(drie), [q["sql"] for q in dertig.captured_queries]


# --- detail ----------------------------------------------------------------------------------


@pytest.mark.klok("2026-11-23")
def test_verzuimdetail_toont_gegevens_en_verloop(werkgever_a, eigenaar):
    geval = werkgever_a.verzuimgeval
    Verzuimmutatie.objects.create(
        verzuimgeval=geval,
        soort=MutatieSoort.GEDEELTELIJK_HERSTELD,
        ingangsdatum=date(2026, 11, 10),
        percentage_arbeidsongeschikt=40,
        loonwaarde_percentage=25,
        geregistreerd_op=geval.gemeld_op,
        geregistreerd_door_naam="Piet Planner",
    )

    response = eigenaar.get(reverse("verzuim:detail", args=[geval.uuid]))

    assert response.status_code == 200
    inhoud = tekst(response)
    assert f"Verzuim {geval.verzuimnummer}" in inhoud
    assert werkgever_a.werknemer.volledige_naam in inhoud
    assert "02-11-2026" in inhoud
    rijen = [" ".join(r.text_content().split()) for r in pagina(response).xpath("//tbody/tr")]
    assert rijen[0].startswith("02-11-2026 Ziekmelding 100 %")
    assert rijen[1].startswith("10-11-2026 Gedeeltelijk hersteld 40 % 25 %")
    assert "Piet Planner" in rijen[1]
    herstel = reverse("verzuim:hersteld_melden", args=[geval.uuid])
    assert pagina(response).xpath(f'//a[@href="{herstel}"]')


# --- ziek melden -----------------------------------------------------------------------------


def test_ziek_melden_toont_formulier_zonder_medische_vragen(werkgever_a, eigenaar, gezond):
    response = eigenaar.get(reverse("verzuim:ziek_melden", args=[gezond.uuid]))

    assert response.status_code == 200
    assert f"{gezond.volledige_naam} ziek melden" in tekst(response)
    assert "Geen medische gegevens invullen." in tekst(response)
    namen = set(pagina(response).xpath("//main//form[@method='post']//*[@name]/@name"))
    assert namen == {
        "csrfmiddlewaretoken",
        "eerste_ziektedag_dag",  # day, month, year (utils.forms.DatumInput)
        "eerste_ziektedag_maand",
        "eerste_ziektedag_jaar",
        "arbeidsconflict",
        "bedrijfsongeval",
        "aansprakelijke_derde",
        "vangnet",
        "verwachte_duur_dagen",
        "bereikbaar_telefoon",
        "verblijfadres",
        "zelfde_oorzaak",  # DOMAIN §5.1: ja / nee / onbekend only, never the cause
    }
    assert not pagina(response).xpath("//textarea")  # no free text inviting medical details


@pytest.mark.klok("2026-11-23")
def test_ziek_melden_slaat_op_en_toont_verzuimnummer(werkgever_a, eigenaar, gezond):
    response = eigenaar.post(
        reverse("verzuim:ziek_melden", args=[gezond.uuid]),
        {
            "eerste_ziektedag": "2025-11-20",
            "vangnet": "nee",
            "bedrijfsongeval": "on",
            "verwachte_duur_dagen": "10",
            "bereikbaar_telefoon": "0612345678",
        },
    )

    geval = Verzuimgeval.objects.get(werknemer=gezond)
    assert response.status_code == 302
    assert response["Location"] == reverse("verzuim:detail", args=[geval.uuid])
    assert (geval.eerste_ziektedag, geval.vangnet, geval.bedrijfsongeval) == (
        date(2025, 11, 20),
        "nee",
        True,
    )
    assert (geval.verwachte_duur_dagen, geval.bereikbaar_telefoon) == (10, "0612345678")
    assert geval.gemeld_door == werkgever_a.lidmaatschap.gebruiker
    vervolg = eigenaar.get(response["Location"])
    assert f"is ziek gemeld. Verzuimnummer: {geval.verzuimnummer}." in tekst(vervolg)
    # Seed 004: what happens next, so nobody calls the arbodienst themselves the next day.
    assert "de verzuimconsultant neemt binnen vier werkdagen contact met u op" in tekst(vervolg)


@pytest.mark.klok("2026-11-23")
def test_ziek_melden_in_de_toekomst_toont_fout_bij_het_veld(werkgever_a, eigenaar, gezond):
    voor = stand()
    response = eigenaar.post(
        reverse("verzuim:ziek_melden", args=[gezond.uuid]),
        {"eerste_ziektedag": "2026-11-24", "vangnet": "onbekend"},
    )
    assert_fout_bij_veld(response, "eerste_ziektedag", "mag niet in de toekomst liggen")
    assert stand() == voor


def test_ziek_melden_zonder_verplichte_velden_toont_fouten_bij_de_velden(
    werkgever_a, eigenaar, gezond
):
    # what a browser sends for an untouched form: the empty text input, no radio choice
    response = eigenaar.post(
        reverse("verzuim:ziek_melden", args=[gezond.uuid]), {"eerste_ziektedag": ""}
    )
    assert_fout_bij_veld(response, "eerste_ziektedag", "")
    assert_fout_bij_veld(response, "vangnet", "")  # a radio group: linked on the fieldset
    assert not Verzuimgeval.objects.filter(werknemer=gezond).exists()


@pytest.mark.klok("2026-11-23")
def test_ziek_melden_terwijl_al_ziek_toont_algemene_fout(werkgever_a, eigenaar):
    voor = stand()
    response = eigenaar.post(
        reverse("verzuim:ziek_melden", args=[werkgever_a.werknemer.uuid]),
        {"eerste_ziektedag": "2026-11-20", "vangnet": "onbekend"},
    )
    assert response.status_code == 200
    samenvatting = pagina(response).get_element_by_id("foutsamenvatting").text_content()
    assert "is al ziek gemeld sinds 02-11-2026" in samenvatting
    assert stand() == voor


# --- hersteld melden -------------------------------------------------------------------------


def herstel(client, geval: Verzuimgeval, **data: str):
    return client.post(reverse("verzuim:hersteld_melden", args=[geval.uuid]), data)


def test_hersteld_melden_toont_formulier(werkgever_a, eigenaar):
    geval = werkgever_a.verzuimgeval
    response = eigenaar.get(reverse("verzuim:hersteld_melden", args=[geval.uuid]))
    assert response.status_code == 200
    assert f"{werkgever_a.werknemer.volledige_naam} hersteld melden" in tekst(response)
    assert f"Verzuimnummer {geval.verzuimnummer}, ziek sinds 02-11-2026." in tekst(response)


@pytest.mark.klok("2026-11-23")
def test_volledig_hersteld_melden_sluit_verzuim(werkgever_a, eigenaar):
    geval = werkgever_a.verzuimgeval
    response = herstel(eigenaar, geval, soort="volledig", datum="2026-11-20")

    assert response.status_code == 302
    assert response["Location"] == reverse("verzuim:detail", args=[geval.uuid])
    geval.refresh_from_db()
    assert (geval.einddatum, geval.einde_reden) == (date(2026, 11, 20), EindeReden.HERSTELD)
    vervolg = eigenaar.get(response["Location"])
    assert "Volledig herstel is gemeld. Het verzuim is afgesloten." in tekst(vervolg)
    assert gegevens(vervolg)["Hersteldatum"] == "20-11-2026"
    assert gegevens(vervolg)["Status"] == "Hersteld"


@pytest.mark.klok("2026-11-23")
def test_gedeeltelijk_hersteld_melden_slaat_percentage_en_loonwaarde_op(werkgever_a, eigenaar):
    geval = werkgever_a.verzuimgeval
    response = herstel(
        eigenaar,
        geval,
        soort="gedeeltelijk",
        datum="2026-11-16",
        percentage_arbeidsongeschikt="50",
        loonwaarde_percentage="20",
    )

    assert response.status_code == 302
    mutatie = geval.mutaties.get(soort=MutatieSoort.GEDEELTELIJK_HERSTELD)
    assert (mutatie.ingangsdatum, mutatie.percentage_arbeidsongeschikt) == (date(2026, 11, 16), 50)
    assert mutatie.loonwaarde_percentage == 20
    geval.refresh_from_db()
    assert geval.is_open


@pytest.mark.klok("2026-11-23")
def test_ziek_uit_dienst_melden_beeindigt_dienstverband(werkgever_a, eigenaar):
    geval = werkgever_a.verzuimgeval
    response = herstel(eigenaar, geval, soort="uit_dienst", datum="2026-11-15")

    assert response.status_code == 302
    geval.refresh_from_db()
    werkgever_a.werknemer.refresh_from_db()
    assert (geval.einddatum, geval.einde_reden) == (date(2026, 11, 16), EindeReden.UIT_DIENST)
    assert werkgever_a.werknemer.datum_uit_dienst == date(2026, 11, 15)
    vervolg = eigenaar.get(response["Location"])
    assert gegevens(vervolg)["Einde dienstverband"] == "laatste dag in dienst 15-11-2026"
    assert gegevens(vervolg)["Status"] == "Ziek uit dienst"


@pytest.mark.parametrize("percentage", ["100", "0"])
@pytest.mark.klok("2026-11-23")
def test_gedeeltelijk_herstel_van_0_of_100_procent_toont_fout_bij_percentage(
    werkgever_a, eigenaar, percentage
):
    voor = stand()
    response = herstel(
        eigenaar,
        werkgever_a.verzuimgeval,
        soort="gedeeltelijk",
        datum="2026-11-16",
        percentage_arbeidsongeschikt=percentage,
    )
    assert_fout_bij_veld(response, "percentage_arbeidsongeschikt", "1 tot en met 99")
    assert stand() == voor


@pytest.mark.klok("2026-11-23")
def test_gedeeltelijk_herstel_zonder_percentage_toont_fout_bij_percentage(werkgever_a, eigenaar):
    response = herstel(eigenaar, werkgever_a.verzuimgeval, soort="gedeeltelijk", datum="2026-11-16")
    assert_fout_bij_veld(response, "percentage_arbeidsongeschikt", "Vul bij gedeeltelijk herstel")


@pytest.mark.parametrize(
    ("soort", "datum", "melding"),
    [
        ("volledig", "2026-11-02", "ná de eerste ziektedag (02-11-2026)"),
        ("volledig", "2026-11-24", "niet in de toekomst"),
        ("uit_dienst", "2026-11-01", "vóór de eerste ziektedag"),
    ],
)
@pytest.mark.klok("2026-11-23")
def test_ongeldige_hersteldatum_toont_fout_bij_datumveld(
    werkgever_a, eigenaar, soort, datum, melding
):
    voor = stand()
    response = herstel(eigenaar, werkgever_a.verzuimgeval, soort=soort, datum=datum)
    assert_fout_bij_veld(response, "datum", melding)
    assert stand() == voor


@pytest.mark.klok("2026-11-23")
def test_hersteld_melden_op_afgesloten_verzuim_toont_algemene_fout(werkgever_a, eigenaar):
    geval = werkgever_a.verzuimgeval
    herstel(eigenaar, geval, soort="volledig", datum="2026-11-10")
    voor = stand()

    response = herstel(eigenaar, geval, soort="volledig", datum="2026-11-20")

    samenvatting = pagina(response).get_element_by_id("foutsamenvatting").text_content()
    assert "is al afgesloten" in samenvatting
    assert stand() == voor


# --- BSN never in a URL (DOMAIN §9) ----------------------------------------------------------


@pytest.mark.klok("2026-11-23")
def test_verzuimpaginas_zetten_geen_bsn_in_een_url(werkgever_a, eigenaar, gezond):
    geval = werkgever_a.verzuimgeval
    bsn = werkgever_a.werknemer.bsn
    VerzuimgevalFactory(
        werknemer=gezond,
        eerste_ziektedag=date(2026, 10, 1),
        einddatum=date(2026, 10, 1) + timedelta(days=3),
        einde_reden=EindeReden.HERSTELD,
    )
    adressen = [
        reverse("verzuim:lopend"),
        reverse("verzuim:detail", args=[geval.uuid]),
        reverse("verzuim:hersteld_melden", args=[geval.uuid]),
        reverse("verzuim:ziek_melden", args=[gezond.uuid]),
    ]
    for adres in adressen:
        response = eigenaar.get(adres)
        assert response.status_code == 200
        urls = pagina(response).xpath("//@href | //@action | //@src | //@formaction")
        urls += pagina(response).xpath(
            "//@*[starts-with(name(), 'data-') or starts-with(name(), 'hx-')]"
        )
        assert urls, adres
        for waarde in urls:
            assert bsn not in waarde and gezond.bsn not in waarde, (adres, waarde)


# --- the outsider (account of werkgever B) ---------------------------------------------------


@pytest.mark.parametrize(
    ("naam", "object", "data"),
    [
        ("verzuim:detail", "geval", {}),
        ("verzuim:hersteld_melden", "geval", {"soort": "volledig", "datum": "2026-11-20"}),
        ("verzuim:ziek_melden", "werknemer", {"eerste_ziektedag": "2025-11-20", "vangnet": "nee"}),
    ],
)
@pytest.mark.klok("2026-11-23")
def test_buitenstaander_krijgt_404_zonder_iets_van_a_te_zien(
    werkgever_a, buitenstaander, gezond, naam, object, data
):
    doel = werkgever_a.verzuimgeval if object == "geval" else gezond
    adres = reverse(naam, args=[doel.uuid])
    voor = stand()
    for response in (buitenstaander.get(adres), buitenstaander.post(adres, data)):
        assert response.status_code == 404
        inhoud = response.content.decode()
        assert werkgever_a.werknemer.volledige_naam not in inhoud
        assert gezond.volledige_naam not in inhoud
        assert werkgever_a.verzuimgeval.verzuimnummer not in inhoud
    assert stand() == voor
