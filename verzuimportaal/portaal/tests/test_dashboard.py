"""Dashboard: counts, the longest-running spells and recent meldingen of the acting werkgever."""

from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import eherkenning_client
from tests.factories import VerzuimgevalFactory, werknemer_bij
from tests.html import pagina, tekst
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.verzuim.models import EindeReden


def tegels(response) -> list[str]:
    return [
        " ".join(t.text_content().split()) for t in pagina(response).xpath("//*[@class='vp-tegel']")
    ]


def tabel(response, bijschrift: str) -> list[str]:
    rijen = pagina(response).xpath(f"//table[caption[contains(., '{bijschrift}')]]/tbody/tr")
    return [" ".join(r.text_content().split()) for r in rijen]


def test_dashboard_toont_tellingen_lopende_verzuimen_en_recente_meldingen(werkgever_a, eigenaar):
    werknemer_bij(werkgever_a)
    werknemer_bij(werkgever_a, datum_uit_dienst=date(2025, 6, 30))  # not counted as in dienst
    VerzuimgevalFactory(
        werknemer=werknemer_bij(werkgever_a),
        eerste_ziektedag=date(2026, 1, 5),
        einddatum=date(2026, 1, 9),
        einde_reden=EindeReden.HERSTELD,
    )

    response = eigenaar.get(reverse("portaal:dashboard"))

    assert response.status_code == 200
    assert f"Overzicht {werkgever_a.werkgever.naam}" in tekst(response)
    assert tegels(response) == ["1 lopende verzuimen", "3 werknemers in dienst"]
    geval = werkgever_a.verzuimgeval
    assert tabel(response, "langst lopende") == [
        f"{werkgever_a.werknemer.sorteernaam} {geval.verzuimnummer} 02-11-2026"
    ]
    meldingen = tabel(response, "geregistreerde meldingen")
    assert len(meldingen) == 2
    assert any(
        f"{werkgever_a.werknemer.sorteernaam} Ziekmelding per 02-11-2026" in m for m in meldingen
    )
    acties = pagina(response).xpath("//div[@class='vp-acties']/a/@href")
    assert acties == [
        reverse("werknemers:lijst") + "?actie=ziekmelden",
        reverse("werknemers:aanmelden"),
        reverse("verzuim:lopend"),
    ]


def test_dashboard_toont_alleen_de_eigen_werkgever(werkgever_a, werkgever_b, buitenstaander):
    response = buitenstaander.get(reverse("portaal:dashboard"))

    assert f"Overzicht {werkgever_b.werkgever.naam}" in tekst(response)
    assert tegels(response) == ["1 lopende verzuimen", "1 werknemers in dienst"]
    assert werkgever_a.verzuimgeval.verzuimnummer not in tekst(response)
    assert werkgever_b.verzuimgeval.verzuimnummer in tekst(response)


def test_dashboard_zonder_verzuim_toont_lege_toestand(werkgever_a, eigenaar):
    werkgever_a.verzuimgeval.mutaties.all().delete()
    werkgever_a.verzuimgeval.delete()

    response = eigenaar.get(reverse("portaal:dashboard"))

    assert tegels(response) == ["0 lopende verzuimen", "1 werknemers in dienst"]
    assert "Er zijn geen lopende verzuimen." in tekst(response)
    assert "Er zijn nog geen meldingen." in tekst(response)


def test_dashboard_toont_de_tien_langst_lopende_verzuimen(werkgever_a, eigenaar):
    begin = date(2026, 1, 5)
    oudste = [
        VerzuimgevalFactory(
            werknemer=werknemer_bij(werkgever_a), eerste_ziektedag=begin + timedelta(i)
        )
        for i in range(11)
    ]

    response = eigenaar.get(reverse("portaal:dashboard"))

    rijen = tabel(response, "langst lopende")
    assert [r.split()[-2] for r in rijen] == [g.verzuimnummer for g in oudste[:10]]
    assert tegels(response)[0] == "12 lopende verzuimen"


def test_dashboard_aantal_queries_hangt_niet_af_van_aantal_verzuimen(werkgever_a, eigenaar):
    adres = reverse("portaal:dashboard")
    eigenaar.get(adres)  # the first request chooses the werkgever
    for _ in range(2):
        VerzuimgevalFactory(werknemer=werknemer_bij(werkgever_a))
    with CaptureQueriesContext(connection) as drie:
        assert len(tabel(eigenaar.get(adres), "langst lopende")) == 3
    for _ in range(27):
        VerzuimgevalFactory(werknemer=werknemer_bij(werkgever_a))
    with CaptureQueriesContext(connection) as dertig:
        response = eigenaar.get(adres)
    assert len(tabel(response, "langst lopende")) == 10
    assert len(tabel(response, "geregistreerde meldingen")) == 10

    assert len(dertig) == len(drie), [q["sql"] for q in dertig.captured_queries]


def test_dashboard_toont_alleen_wat_de_machtiging_toestaat(werkgever_a):
    alleen_werknemers = eherkenning_client(
        werkgever_a.werkgever.kvk_nummer, Dienst.WERKNEMERSGEGEVENS
    )
    response = alleen_werknemers.get(reverse("portaal:dashboard"))
    assert tegels(response) == ["1 werknemers in dienst"]
    assert werkgever_a.verzuimgeval.verzuimnummer not in tekst(response)
    assert "Recente meldingen" not in tekst(response)

    zonder = eherkenning_client(werkgever_a.werkgever.kvk_nummer, Dienst.BEZWAAR)
    response = zonder.get(reverse("portaal:dashboard"))
    assert response.status_code == 200
    assert tegels(response) == []
    assert "niet gemachtigd voor verzuim of werknemersgegevens" in tekst(response)
