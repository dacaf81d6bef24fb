"""Werknemer pages: list with search and paging, detail, aanmelden and wijzigen."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import Omgeving
from tests.factories import LoonheffingennummerFactory, VerzuimgevalFactory, werknemer_bij
from tests.html import pagina, tekst
from verzuimportaal.verzuim.models import EindeReden
from verzuimportaal.werknemers.models import Werknemer


def namen_in_tabel(response) -> list[str]:
    return [
        a.text_content()
        for a in pagina(response).xpath("//tbody/tr/td[1]/a[@class='utrecht-link']")
    ]


def assert_fout_bij_veld(response, veld: str, melding: str) -> None:
    """The error is announced at the field (WCAG 3.3.1) and linked from the summary."""
    assert response.status_code == 200
    boom = pagina(response)
    element = boom.get_element_by_id(f"id_{veld}")
    assert f"id_{veld}_error" in element.get("aria-describedby", "").split()
    # A date is a fieldset of day, month and year boxes: each box is marked invalid.
    for invoer in element.xpath(".//input") if element.tag == "fieldset" else [element]:
        assert invoer.get("aria-invalid") == "true"
        assert f"id_{veld}_error" in invoer.get("aria-describedby", "").split()
    assert melding in boom.get_element_by_id(f"id_{veld}_error").text_content()
    links = boom.xpath(f'//*[@id="foutsamenvatting"]//a[@href="#id_{veld}"]')
    assert links and melding in links[0].text_content()


# --- lijst -----------------------------------------------------------------------------------


def test_werknemerslijst_toont_werknemers_met_status(werkgever_a, eigenaar):
    Werknemer.objects.filter(pk=werkgever_a.werknemer.pk).update(achternaam="Zuiderduin")
    werkgever_a.werknemer.refresh_from_db()
    werknemer_bij(werkgever_a, voornaam="Bram", achternaam="Aalders")
    werknemer_bij(
        werkgever_a, voornaam="Cor", achternaam="Bakker", datum_uit_dienst=date(2025, 1, 1)
    )

    response = eigenaar.get(reverse("werknemers:lijst"))

    assert response.status_code == 200
    assert "2 werknemers gevonden (in dienst;" in tekst(response)  # former employees left out
    rijen = [" ".join(r.text_content().split()) for r in pagina(response).xpath("//tbody/tr")]
    assert rijen[0].startswith("Aalders, Bram") and rijen[0].endswith("In dienst")
    assert rijen[1].startswith(werkgever_a.werknemer.sorteernaam) and rijen[1].endswith("Ziek")
    assert pagina(response).xpath(f'//a[@href="{reverse("werknemers:aanmelden")}"]')

    iedereen = eigenaar.get(reverse("werknemers:lijst"), {"dienstverband": "alle"})
    rijen = [" ".join(r.text_content().split()) for r in pagina(iedereen).xpath("//tbody/tr")]
    assert rijen[1].startswith("Bakker, Cor") and rijen[1].endswith("Uit dienst")
    assert "3 werknemers gevonden." in tekst(iedereen)


@pytest.mark.parametrize(
    ("zoek", "verwacht"),
    [
        ("jansen", ["Jansen, Anna", "Jansen-Smit, Piet"]),
        ("ANNA", ["Jansen, Anna"]),
        ("piet smit", ["Jansen-Smit, Piet"]),
        ("der", ["Berg, Karin van der"]),
        ("monteur", ["Berg, Karin van der"]),
        ("anna piet", []),
        ("  ", ["Berg, Karin van der", "Jansen, Anna", "Jansen-Smit, Piet"]),
    ],
)
def test_werknemers_zoeken_op_naam_en_functie(werkgever_a, eigenaar, zoek, verwacht):
    Werknemer.objects.filter(pk=werkgever_a.werknemer.pk).update(achternaam="Zuiderduin")
    werknemer_bij(werkgever_a, voornaam="Anna", achternaam="Jansen")
    werknemer_bij(werkgever_a, voornaam="Piet", achternaam="Jansen-Smit")
    werknemer_bij(
        werkgever_a, voornaam="Karin", tussenvoegsel="van der", achternaam="Berg", functie="Monteur"
    )

    response = eigenaar.get(reverse("werknemers:lijst"), {"q": zoek})

    gevonden = [n for n in namen_in_tabel(response) if not n.startswith("Zuiderduin")]
    assert gevonden == verwacht


def test_bsn_in_het_gewone_zoekveld_wordt_niet_gezocht(werkgever_a, eigenaar):
    """DOMAIN §9: the name search is a GET; a BSN would end up in the URL, so it is not searched
    there and the page points to the BSN search (a POST)."""
    response = eigenaar.get(reverse("werknemers:lijst"), {"q": werkgever_a.werknemer.bsn})
    assert "0 werknemers gevonden" in tekst(response)
    assert "gebruik het veld 'Zoeken op BSN'" in tekst(response)


def _link(response, rel: str) -> str:
    (adres,) = pagina(response).xpath(f'//nav[@aria-label="Paginering"]//a[@rel="{rel}"]/@href')
    return adres


def _volg(client, response, rel: str):
    return client.get(reverse("werknemers:lijst") + _link(response, rel))


def test_werknemerslijst_pagineert_met_cursor_en_bewaart_zoekterm(werkgever_a, eigenaar, settings):
    """ADR 0048: Vorige/Volgende carry a cursor with the search and sorting; the first and the
    last page are one link away."""
    settings.WERKNEMERS_PER_PAGINA = 2
    for achternaam in ("Ansems", "Bos", "Claes", "Dekker", "Ederveen"):
        werknemer_bij(werkgever_a, voornaam="Test", achternaam=achternaam)

    eerste = eigenaar.get(reverse("werknemers:lijst"), {"q": "test"})
    tweede = _volg(eigenaar, eerste, "next")
    derde = _volg(eigenaar, tweede, "next")

    assert namen_in_tabel(eerste) == ["Ansems, Test", "Bos, Test"]
    assert namen_in_tabel(tweede) == ["Claes, Test", "Dekker, Test"]
    assert namen_in_tabel(derde) == ["Ederveen, Test"]
    assert "5 werknemers gevonden (in dienst;" in tekst(tweede)
    assert _link(tweede, "next").startswith("?q=test&cursor=")
    assert not pagina(eerste).xpath('//a[@rel="prev"]') and not pagina(derde).xpath(
        '//a[@rel="next"]'
    )
    assert namen_in_tabel(_volg(eigenaar, derde, "prev")) == ["Claes, Test", "Dekker, Test"]
    links = {a.text_content(): a.get("href") for a in pagina(tweede).xpath("//nav//a")}
    assert links["Eerste pagina"] == "?q=test"
    laatste = eigenaar.get(reverse("werknemers:lijst") + links["Laatste pagina"])
    assert namen_in_tabel(laatste) == ["Dekker, Test", "Ederveen, Test"]  # a full last page

    omgekeerd = eigenaar.get(reverse("werknemers:lijst"), {"q": "test", "sorteer": "-naam"})
    assert namen_in_tabel(_volg(eigenaar, omgekeerd, "next")) == ["Claes, Test", "Bos, Test"]
    assert _link(omgekeerd, "next").startswith("?q=test&sorteer=-naam&cursor=")
    # A cursor of another sorting is not applied to this one: the list starts at the top.
    vreemd = eigenaar.get(
        reverse("werknemers:lijst") + _link(omgekeerd, "next").replace("-naam", "naam")
    )
    assert namen_in_tabel(vreemd) == ["Ansems, Test", "Bos, Test"]


def test_ziek_melden_modus_toont_actie_alleen_voor_gezonde_werknemers_in_dienst(
    werkgever_a, eigenaar
):
    gezond = werknemer_bij(werkgever_a, achternaam="Gezond")
    uit_dienst = werknemer_bij(
        werkgever_a, achternaam="Vertrokken", datum_uit_dienst=date(2025, 1, 1)
    )

    response = eigenaar.get(reverse("werknemers:lijst"), {"actie": "ziekmelden"})

    acties = pagina(response).xpath("//a[contains(@href, '/verzuim/ziek-melden/')]/@href")
    assert acties == [reverse("verzuim:ziek_melden", args=[gezond.uuid])]
    assert str(uit_dienst.uuid) not in "".join(acties)
    assert "Zoek de werknemer die u ziek wilt melden" in tekst(response)


def test_werknemerslijst_aantal_queries_hangt_niet_af_van_aantal_werknemers(
    werkgever_a, eigenaar, settings
):
    settings.WERKNEMERS_PER_PAGINA = 100
    adres = reverse("werknemers:lijst")
    eigenaar.get(adres)  # the first request chooses the werkgever
    werknemer_bij(werkgever_a)
    VerzuimgevalFactory(werknemer=werknemer_bij(werkgever_a))
    with CaptureQueriesContext(connection) as drie:
        assert len(namen_in_tabel(eigenaar.get(adres))) == 3
    for i in range(27):
        w = werknemer_bij(werkgever_a)
        if i % 3 == 0:
            VerzuimgevalFactory(werknemer=w)
    with CaptureQueriesContext(connection) as dertig:
        assert len(namen_in_tabel(eigenaar.get(adres))) == 30

    assert len(dertig) == len(drie), [q["sql"] for q in dertig.captured_queries]


# --- detail ----------------------------------------------------------------------------------


def test_werknemerdetail_toont_gegevens_en_verzuimhistorie(werkgever_a, eigenaar):
    w = werkgever_a.werknemer
    eerder = VerzuimgevalFactory(
        werknemer=w,
        eerste_ziektedag=date(2026, 3, 2),
        einddatum=date(2026, 3, 9),
        einde_reden=EindeReden.HERSTELD,
    )

    response = eigenaar.get(reverse("werknemers:detail", args=[w.uuid]))

    assert response.status_code == 200
    inhoud = tekst(response)
    assert w.volledige_naam in inhoud
    assert f"BSN{w.bsn}" in inhoud.replace(" ", "")
    rijen = [" ".join(r.text_content().split()) for r in pagina(response).xpath("//tbody/tr")]
    assert rijen[0].startswith(f"{werkgever_a.verzuimgeval.verzuimnummer} 02-11-2026 – Ziek")
    assert rijen[1].startswith(f"{eerder.verzuimnummer} 02-03-2026 09-03-2026 Hersteld")
    herstel = reverse("verzuim:hersteld_melden", args=[werkgever_a.verzuimgeval.uuid])
    assert pagina(response).xpath(f'//a[@href="{herstel}"]')  # sick: no 'ziek melden' button
    assert not pagina(response).xpath("//a[contains(@href, '/verzuim/ziek-melden/')]")


def test_werknemerdetail_aantal_queries_hangt_niet_af_van_aantal_verzuimen(werkgever_a, eigenaar):
    w = werknemer_bij(werkgever_a)
    adres = reverse("werknemers:detail", args=[w.uuid])
    eigenaar.get(adres)

    def gevallen(aantal: int, start: date) -> None:
        for i in range(aantal):
            begin = start + timedelta(days=10 * i)
            VerzuimgevalFactory(
                werknemer=w,
                eerste_ziektedag=begin,
                einddatum=begin + timedelta(days=3),
                einde_reden=EindeReden.HERSTELD,
            )

    gevallen(3, date(2021, 1, 4))
    with CaptureQueriesContext(connection) as drie:
        assert len(pagina(eigenaar.get(adres)).xpath("//tbody/tr")) == 3
    gevallen(27, date(2022, 1, 3))
    with CaptureQueriesContext(connection) as dertig:
        assert len(pagina(eigenaar.get(adres)).xpath("//tbody/tr")) == 30

    assert len(dertig) == len(drie), [q["sql"] for q in dertig.captured_queries]


# --- aanmelden -------------------------------------------------------------------------------


def aanmeldgegevens(omgeving: Omgeving, **anders: str) -> dict[str, str]:
    return {
        "loonheffingennummer": str(omgeving.loonheffingennummer.pk),
        "bsn": "111222333",
        "voornaam": "Anna",
        "achternaam": "Jansen",
        "geboortedatum": "1990-05-17",
        "datum_in_dienst": "2025-02-01",
        "contracturen_per_week": "32",
        "deeltijdfactor": "",
        **anders,
    }


def test_aanmelden_toont_alleen_actieve_loonheffingennummers(werkgever_a, eigenaar):
    inactief = LoonheffingennummerFactory(werkgever=werkgever_a.werkgever, actief=False)

    response = eigenaar.get(reverse("werknemers:aanmelden"))

    assert response.status_code == 200
    assert "Werknemer aanmelden" in tekst(response)
    opties = pagina(response).xpath("//select[@name='loonheffingennummer']/option/@value")
    assert opties == [str(werkgever_a.loonheffingennummer.pk)]
    assert inactief.nummer not in response.content.decode()
    assert not pagina(response).xpath("//*[@name='datum_uit_dienst']")


def test_aanmelden_slaat_op_en_verwijst_naar_detail_zonder_bsn(werkgever_a, eigenaar):
    response = eigenaar.post(
        reverse("werknemers:aanmelden"), aanmeldgegevens(werkgever_a, contracturen_per_week="30")
    )

    nieuw = Werknemer.objects.get(bsn="111222333")
    assert response.status_code == 302
    assert response["Location"] == reverse("werknemers:detail", args=[nieuw.uuid])
    assert "111222333" not in response["Location"]
    assert nieuw.loonheffingennummer == werkgever_a.loonheffingennummer
    assert nieuw.deeltijdfactor == Decimal("0.750")
    assert "Anna Jansen is aangemeld." in tekst(eigenaar.get(response["Location"]))


def test_aanmelden_met_ongeldig_bsn_toont_fout_bij_bsn(werkgever_a, eigenaar):
    response = eigenaar.post(
        reverse("werknemers:aanmelden"), aanmeldgegevens(werkgever_a, bsn="123456789")
    )
    assert_fout_bij_veld(response, "bsn", "Dit is geen geldig BSN")
    assert not Werknemer.objects.filter(achternaam="Jansen").exists()


def test_aanmelden_met_bestaand_bsn_toont_fout_bij_bsn(werkgever_a, eigenaar):
    response = eigenaar.post(
        reverse("werknemers:aanmelden"), aanmeldgegevens(werkgever_a, bsn=werkgever_a.werknemer.bsn)
    )
    assert_fout_bij_veld(response, "bsn", "al een werknemer met dit BSN")
    assert Werknemer.objects.count() == 1


def test_aanmelden_zonder_naam_toont_fouten_bij_velden(werkgever_a, eigenaar):
    response = eigenaar.post(
        reverse("werknemers:aanmelden"), aanmeldgegevens(werkgever_a, voornaam="", achternaam="")
    )
    assert_fout_bij_veld(response, "achternaam", "")
    assert_fout_bij_veld(response, "voornaam", "Vul de voornaam of de voorletters in.")


# --- wijzigen --------------------------------------------------------------------------------


def wijziggegevens(w: Werknemer, **anders: str) -> dict[str, str]:
    return {
        "loonheffingennummer": str(w.loonheffingennummer_id),
        "voornaam": w.voornaam,
        "achternaam": w.achternaam,
        "geboortedatum": w.geboortedatum.isoformat(),
        "datum_in_dienst": w.datum_in_dienst.isoformat(),
        "datum_uit_dienst": "",
        "contracturen_per_week": "40",
        "deeltijdfactor": "",
        **anders,
    }


def test_wijzigen_toont_huidige_gegevens_zonder_bsn_veld(werkgever_a, eigenaar):
    w = werkgever_a.werknemer
    response = eigenaar.get(reverse("werknemers:wijzigen", args=[w.uuid]))

    assert response.status_code == 200
    assert f"Gegevens wijzigen van {w.volledige_naam}" in tekst(response)
    assert pagina(response).get_element_by_id("id_achternaam").get("value") == w.achternaam
    assert pagina(response).get_element_by_id("id_contracturen_per_week").get("value") == "40,00"
    assert not pagina(response).xpath("//*[@name='bsn']")


def test_wijzigen_slaat_op_en_verwijst_naar_detail(werkgever_a, eigenaar):
    w = werknemer_bij(werkgever_a)
    response = eigenaar.post(
        reverse("werknemers:wijzigen", args=[w.uuid]),
        wijziggegevens(w, achternaam="Nieuwenhuis", contracturen_per_week="20,25", functie="Chef"),
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("werknemers:detail", args=[w.uuid])
    w.refresh_from_db()
    assert (w.achternaam, w.functie) == ("Nieuwenhuis", "Chef")
    assert (w.contracturen_per_week, w.deeltijdfactor) == (Decimal("20.25"), Decimal("0.506"))
    assert "De gegevens zijn opgeslagen." in tekst(eigenaar.get(response["Location"]))


@pytest.mark.klok("2026-11-23")
def test_wijzigen_uit_dienst_tijdens_ziekte_toont_fout_bij_veld(werkgever_a, eigenaar):
    w = werkgever_a.werknemer
    response = eigenaar.post(
        reverse("werknemers:wijzigen", args=[w.uuid]),
        wijziggegevens(w, datum_uit_dienst="2026-11-20"),
    )
    assert_fout_bij_veld(response, "datum_uit_dienst", "met 'ziek uit dienst'")
    w.refresh_from_db()
    assert w.datum_uit_dienst is None


# --- BSN never in a URL (DOMAIN §9) ----------------------------------------------------------


@pytest.mark.klok("2026-11-23")
def test_geen_bsn_in_enige_url_op_de_paginas(werkgever_a, eigenaar, settings):
    settings.WERKNEMERS_PER_PAGINA = 1  # so the paging links are there too
    gezond = werknemer_bij(werkgever_a)
    bsns = {werkgever_a.werknemer.bsn, gezond.bsn}
    geval = werkgever_a.verzuimgeval
    adressen = [
        reverse("portaal:dashboard"),
        reverse("werknemers:lijst"),
        reverse("werknemers:lijst") + "?actie=ziekmelden&pagina=2",
        reverse("werknemers:detail", args=[werkgever_a.werknemer.uuid]),
        reverse("werknemers:detail", args=[gezond.uuid]),
        reverse("werknemers:wijzigen", args=[gezond.uuid]),
        reverse("werknemers:aanmelden"),
        reverse("verzuim:lopend"),
        reverse("verzuim:detail", args=[geval.uuid]),
        reverse("verzuim:hersteld_melden", args=[geval.uuid]),
        reverse("verzuim:ziek_melden", args=[gezond.uuid]),
    ]
    gezien: list[str] = []
    for adres in adressen:
        response = eigenaar.get(adres)
        assert response.status_code == 200, adres
        boom = pagina(response)
        gezien += boom.xpath("//@href | //@action | //@src | //@formaction")
        gezien += boom.xpath("//@*[starts-with(name(), 'data-') or starts-with(name(), 'hx-')]")
    # the BSN is on the detail page itself, so this test would see it if a link carried it
    detail = eigenaar.get(reverse("werknemers:detail", args=[gezond.uuid]))
    assert gezond.bsn in detail.content.decode()
    assert any(str(gezond.uuid) in u for u in gezien)
    lekken = [u for u in gezien if any(bsn in u for bsn in bsns)]
    assert lekken == []


# --- the outsider (account of werkgever B) ---------------------------------------------------


def test_buitenstaander_krijgt_404_en_wijzigt_niets(werkgever_a, buitenstaander):
    w = werkgever_a.werknemer
    voor = list(Werknemer.objects.order_by("pk").values_list())
    for adres in (
        reverse("werknemers:detail", args=[w.uuid]),
        reverse("werknemers:wijzigen", args=[w.uuid]),
    ):
        for response in (
            buitenstaander.get(adres),
            buitenstaander.post(adres, wijziggegevens(w, achternaam="Gekaapt")),
        ):
            assert response.status_code == 404, adres
            assert w.volledige_naam not in response.content.decode()
            assert w.bsn not in response.content.decode()
    assert list(Werknemer.objects.order_by("pk").values_list()) == voor


def test_buitenstaander_kan_niet_aanmelden_bij_loonheffingennummer_van_a(
    werkgever_a, buitenstaander
):
    response = buitenstaander.post(reverse("werknemers:aanmelden"), aanmeldgegevens(werkgever_a))
    assert_fout_bij_veld(response, "loonheffingennummer", "")
    assert werkgever_a.loonheffingennummer.nummer not in response.content.decode()
    assert not Werknemer.objects.filter(bsn="111222333").exists()


@pytest.mark.klok("2026-11-23 10:00:00")
def test_geanonimiseerde_werknemer_zonder_wijzigknop_met_uitleg(werkgever_a, eigenaar):
    # DOMAIN §4.7: after the retention period only the anonymous spell data remain.
    Werknemer.objects.filter(pk=werkgever_a.werknemer.pk).update(geanonimiseerd_op=timezone.now())
    adres = reverse("werknemers:detail", args=[werkgever_a.werknemer.uuid])
    inhoud = eigenaar.get(adres).content.decode()
    assert "geanonimiseerd" in inhoud
    assert reverse("werknemers:wijzigen", args=[werkgever_a.werknemer.uuid]) not in inhoud
