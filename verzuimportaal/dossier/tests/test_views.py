"""Dossier pages: owner, outsider (404), no right (403), view-only (403 on changes), casemanager,
query counts of the lists, CSV, download (DOMAIN §5, §9)."""

from datetime import date
from unittest import mock

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import ingelogde_client
from tests.factories import VerzuimgevalFactory, WerknemerFactory
from tests.html import pagina
from verzuimportaal.audit.models import Auditregel
from verzuimportaal.dossier.models import Activiteit, Document, Termijnverlenging
from verzuimportaal.dossier.tests.factories import (
    PDF,
    PNG,
    ActiviteitFactory,
    alleen_bekijken,
    bestand,
)
from verzuimportaal.machtigingen.tests.factories import CasemanagertoewijzingFactory
from verzuimportaal.toegang.actor import Route

pytestmark = [pytest.mark.django_db, pytest.mark.klok("2026-11-23")]


def _als(actor):
    """Log in with a patched acting context (e.g. a view-only route-B advisor)."""
    client = Client()
    client.force_login(
        actor.gebruiker
        if actor.gebruiker
        else __import__("tests.factories").factories.GebruikerFactory(),
        backend="django.contrib.auth.backends.ModelBackend",
    )
    return client


def _tijdlijn(geval) -> str:
    return reverse("dossier:tijdlijn", args=[geval.uuid])


def test_tijdlijn_toont_stappen_samentelling_en_einde_loondoorbetaling(werkgever_a, eigenaar):
    eerdere = VerzuimgevalFactory(
        werknemer=werkgever_a.werknemer,
        eerste_ziektedag=date(2026, 9, 1),
        einddatum=date(2026, 10, 10),  # 23 days before 2026-11-02: the same spell (DOMAIN §5.1)
        einde_reden="hersteld",
    )
    response = eigenaar.get(_tijdlijn(werkgever_a.verzuimgeval))
    assert response.status_code == 200
    inhoud = response.content.decode()
    assert eerdere.verzuimnummer in inhoud and "23 dagen" in inhoud
    lijn = response.context["lijn"]
    # D = 2026-09-01; 39 sick days before the gap, gap 2026-10-10 .. 2026-11-01 (23 days).
    assert lijn.samengesteld.eerste_ziektedag == date(2026, 9, 1)
    assert lijn.samengesteld.einde_loondoorbetaling == date(2026, 9, 1).fromordinal(
        date(2026, 9, 1).toordinal() + 727 + 23
    )
    assert "Probleemanalyse" in inhoud
    # The probleemanalyse was due D+41+23 = 2026-11-04 and is overdue on 2026-11-23.
    stappen = {r.stap.soort.value: r.status for r in lijn.stappen}
    assert stappen["probleemanalyse"] == "te_laat"
    assert stappen["plan_van_aanpak"] == "te_laat"  # D+55+23 = 2026-11-18
    assert stappen["evaluatie"] == "open"  # D+97+23 = 2026-12-30
    assert Auditregel.objects.filter(
        actie="inzien", object_id=str(werkgever_a.verzuimgeval.uuid)
    ).exists()


def test_tijdlijn_toont_te_late_stappen_eerst(werkgever_a, eigenaar):
    """Issue: overdue steps were buried in the steps table. On 23 November a spell that began on
    1 October has the ziekmelding arbodienst (week 1) and probleemanalyse (D+41) overdue."""
    geval = VerzuimgevalFactory(
        werknemer=WerknemerFactory(loonheffingennummer=werkgever_a.loonheffingennummer),
        eerste_ziektedag=date(2026, 10, 1),
    )
    boom = pagina(eigenaar.get(_tijdlijn(geval)))
    blok = boom.xpath("//*[@data-testid='te-laat']")
    assert blok, "no Te laat block"
    tekst = " ".join(blok[0].text_content().split())
    assert tekst.startswith("Te laat: 2 wettelijke stappen")
    assert tekst.index("uiterlijk 07-10-2026") < tekst.index("uiterlijk 11-11-2026")
    # The block comes before the case data and the steps table.
    assert boom.xpath("//*[@data-testid='te-laat']/following::*[@data-testid='stappen']")
    assert "Afwerken Probleemanalyse" in tekst  # the owner may mark steps done

    recent = VerzuimgevalFactory(
        werknemer=WerknemerFactory(loonheffingennummer=werkgever_a.loonheffingennummer),
        eerste_ziektedag=date(2026, 11, 20),
    )
    assert not pagina(eigenaar.get(_tijdlijn(recent))).xpath("//*[@data-testid='te-laat']")


def test_latere_evaluaties_zijn_ingeklapt_en_een_woord_voor_klaar(werkgever_a, eigenaar):
    """Issue: "Evaluatie plan van aanpak" was listed ~15 times up to two years ahead, and done
    was called Afwerken / Gedaan / Afgewerkt. The next evaluation is in the table, the later
    ones are folded; a done step is "Afgewerkt", like an activity."""
    geval = VerzuimgevalFactory(
        werknemer=WerknemerFactory(loonheffingennummer=werkgever_a.loonheffingennummer),
        eerste_ziektedag=date(2026, 3, 2),
    )
    eigenaar.post(
        reverse("dossier:stap_afwerken", args=[geval.uuid]),
        {"soort": "ziekmelding_arbodienst", "uitgevoerd_op": "2026-03-03"},
    )
    response = eigenaar.get(_tijdlijn(geval))
    boom = pagina(response)
    in_tabel = boom.xpath("//*[@data-testid='stappen']//tr[@data-soort='evaluatie']")
    assert len(in_tabel) == 1
    ingeklapt = boom.xpath("//details[@data-testid='latere-evaluaties']")
    assert ingeklapt and ingeklapt[0].xpath(".//summary")
    later = response.context["lijn"].stappen_later
    assert len(later) >= 10 and all(r.stap.soort == "evaluatie" for r in later)
    assert len(ingeklapt[0].xpath(".//li")) == len(later)
    gedaan = boom.xpath("//tr[@data-soort='ziekmelding_arbodienst']")[0].text_content()
    assert "Afgewerkt op 03-03-2026" in " ".join(gedaan.split())
    assert "Gedaan" not in response.content.decode()


def test_tijdlijn_buitenstaander_404_en_zonder_recht_403(werkgever_a, buitenstaander):
    assert buitenstaander.get(_tijdlijn(werkgever_a.verzuimgeval)).status_code == 404
    kijker = alleen_bekijken(werkgever_a.werkgever)
    zonder = kijker.__class__(**{**kijker.__dict__, "rechten": frozenset({"bezwaar"})})
    client = ingelogde_client(werkgever_a.lidmaatschap)
    with mock.patch("verzuimportaal.toegang.acterend.actor_uit_sessie", return_value=zonder):
        assert client.get(_tijdlijn(werkgever_a.verzuimgeval)).status_code == 403


def test_werkgever_voegt_activiteit_toe_en_werkt_haar_af(werkgever_a, eigenaar):
    geval = werkgever_a.verzuimgeval
    response = eigenaar.post(
        reverse("dossier:activiteit_toevoegen", args=[geval.uuid]),
        {
            "type": "gesprek",
            "omschrijving": "Gesprek",
            "deadline": "2026-11-30",
            "verantwoordelijke": "werkgever",
        },
    )
    assert response.status_code == 302 and response["Location"] == _tijdlijn(geval)
    act = Activiteit.objects.get(verzuimgeval=geval)
    response = eigenaar.post(
        reverse("dossier:activiteit_afwerken", args=[act.uuid]), {"uitgevoerd_op": "2026-11-23"}
    )
    assert response.status_code == 302
    act.refresh_from_db()
    assert act.afgewerkt
    assert Auditregel.objects.filter(actie="aanmaken", object_id=str(act.uuid)).exists()


def test_ongeldige_invoer_toont_het_formulier_met_fout(werkgever_a, eigenaar):
    response = eigenaar.post(
        reverse("dossier:activiteit_toevoegen", args=[werkgever_a.verzuimgeval.uuid]),
        {"type": "gesprek", "deadline": "2026-10-01", "verantwoordelijke": "werkgever"},
    )
    assert response.status_code == 200
    assert "eerste ziektedag" in response.content.decode()
    assert not Activiteit.objects.exists()


def test_alleen_bekijken_krijgt_403_op_elke_wijziging(werkgever_a):
    geval = werkgever_a.verzuimgeval
    act = ActiviteitFactory(verzuimgeval=geval)
    client = ingelogde_client(werkgever_a.lidmaatschap)
    kijker = alleen_bekijken(werkgever_a.werkgever)
    posts = [
        (
            reverse("dossier:activiteit_toevoegen", args=[geval.uuid]),
            {"type": "gesprek", "deadline": "2026-11-30", "verantwoordelijke": "werkgever"},
        ),
        (
            reverse("dossier:stap_afwerken", args=[geval.uuid]),
            {"soort": "probleemanalyse", "uitgevoerd_op": "2026-11-20"},
        ),
        (
            reverse("dossier:document_uploaden", args=[geval.uuid]),
            {"soort": "overig", "bestand": bestand("a.pdf")},
        ),
        (reverse("dossier:verlenging", args=[geval.uuid]), {"soort": "loonsanctie", "weken": "10"}),
        (reverse("dossier:activiteit_afwerken", args=[act.uuid]), {"uitgevoerd_op": "2026-11-20"}),
        (
            reverse("dossier:activiteit_wijzigen", args=[act.uuid]),
            {"deadline": "2026-12-20", "verantwoordelijke": "werkgever"},
        ),
        (reverse("dossier:activiteit_heropenen", args=[act.uuid]), {}),
    ]
    with mock.patch("verzuimportaal.toegang.acterend.actor_uit_sessie", return_value=kijker):
        assert client.get(_tijdlijn(geval)).status_code == 200  # viewing is allowed
        assert "Activiteit toevoegen" not in client.get(_tijdlijn(geval)).content.decode()
        for adres, data in posts:
            assert client.post(adres, data).status_code == 403, adres
            assert client.get(adres).status_code == 403, adres
    assert Activiteit.objects.count() == 1 and not Activiteit.objects.get().afgewerkt
    assert not Document.objects.exists() and not Termijnverlenging.objects.exists()


def test_buitenstaander_kan_niets_posten_op_dossier_van_a(werkgever_a, buitenstaander):
    act = ActiviteitFactory(verzuimgeval=werkgever_a.verzuimgeval)
    adres = reverse("dossier:activiteit_afwerken", args=[act.uuid])
    assert buitenstaander.post(adres, {"uitgevoerd_op": "2026-11-20"}).status_code == 404
    adres = reverse("dossier:stap_afwerken", args=[werkgever_a.verzuimgeval.uuid])
    assert (
        buitenstaander.post(
            adres, {"soort": "probleemanalyse", "uitgevoerd_op": "2026-11-20"}
        ).status_code
        == 404
    )
    assert not Activiteit.objects.get(pk=act.pk).afgewerkt
    assert Activiteit.objects.count() == 1


def test_casemanager_werkt_af_en_werkgever_ziet_het_maar_kan_het_niet_wijzigen(
    werkgever_a, eigenaar
):
    geval = werkgever_a.verzuimgeval
    toewijzing = CasemanagertoewijzingFactory(werkgever=werkgever_a.werkgever)
    cm = ingelogde_client_zonder_lidmaatschap(toewijzing.gebruiker)
    response = cm.post(
        reverse("dossier:stap_afwerken", args=[geval.uuid]),
        {"soort": "ziekmelding_arbodienst", "uitgevoerd_op": "2026-11-03"},
    )
    assert response.status_code == 302, response.content.decode()[:500]
    act = Activiteit.objects.get(verzuimgeval=geval)
    assert act.aangemaakt_via == Route.CASEMANAGER

    inhoud = eigenaar.get(_tijdlijn(geval)).content.decode()
    assert "Alleen de casemanager kan dit wijzigen" in inhoud
    assert reverse("dossier:activiteit_heropenen", args=[act.uuid]) not in inhoud
    assert (
        eigenaar.post(reverse("dossier:activiteit_heropenen", args=[act.uuid])).status_code == 403
    )
    assert Activiteit.objects.filter(pk=act.pk, afgewerkt=True).exists()


def ingelogde_client_zonder_lidmaatschap(gebruiker) -> Client:
    client = Client()
    client.force_login(gebruiker, backend="django.contrib.auth.backends.ModelBackend")
    return client


def test_stap_afwerken_verschuift_plan_van_aanpak(werkgever_a, eigenaar):
    """DOMAIN §5: plan van aanpak = min(probleemanalyse + 14, D+55)."""
    geval = werkgever_a.verzuimgeval  # D = 2026-11-02
    eigenaar.post(
        reverse("dossier:stap_afwerken", args=[geval.uuid]),
        {"soort": "probleemanalyse", "uitgevoerd_op": "2026-11-20"},
    )
    lijn = eigenaar.get(_tijdlijn(geval)).context["lijn"]
    plan = next(r for r in lijn.stappen if r.stap.soort == "plan_van_aanpak")
    assert plan.stap.deadline == date(2026, 12, 4)  # 2026-11-20 + 14, before D+55 = 2026-12-27
    pa = next(r for r in lijn.stappen if r.stap.soort == "probleemanalyse")
    assert pa.status == "gedaan" and pa.stap.uitgevoerd_op == date(2026, 11, 20)


def test_document_uploaden_en_downloaden_als_bijlage(werkgever_a, eigenaar, buitenstaander):
    geval = werkgever_a.verzuimgeval
    response = eigenaar.post(
        reverse("dossier:document_uploaden", args=[geval.uuid]),
        {"soort": "plan_van_aanpak", "bestand": bestand("Plan van aanpak.pdf", PDF)},
    )
    assert response.status_code == 302
    # The plan van aanpak step is open: the page offers to mark it done (not silently).
    afwerken = reverse("dossier:stap_afwerken", args=[geval.uuid])
    assert response["Location"] == f"{afwerken}?soort=plan_van_aanpak"
    aanbod = eigenaar.get(response["Location"])
    assert "Is de stap 'Plan van aanpak' hiermee afgewerkt?" in pagina(aanbod).text_content()
    assert aanbod.context["form"].initial["soort"] == "plan_van_aanpak"
    overig = eigenaar.post(
        reverse("dossier:document_uploaden", args=[geval.uuid]),
        {"soort": "overig", "bestand": bestand("Notitie.pdf", PDF)},
    )
    assert overig["Location"] == _tijdlijn(geval)
    doc = Document.objects.get(soort="plan_van_aanpak")
    response = eigenaar.get(reverse("dossier:document", args=[doc.uuid]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert "Plan-van-aanpak.pdf" in response["Content-Disposition"]
    assert response["Content-Type"] == "application/pdf"
    assert response.content == PDF
    assert Auditregel.objects.filter(actie="downloaden", object_id=str(doc.uuid)).exists()
    assert buitenstaander.get(reverse("dossier:document", args=[doc.uuid])).status_code == 404


def test_nep_pdf_wordt_op_de_pagina_geweigerd(werkgever_a, eigenaar):
    response = eigenaar.post(
        reverse("dossier:document_uploaden", args=[werkgever_a.verzuimgeval.uuid]),
        {"soort": "overig", "bestand": bestand("plan.pdf", PNG)},
    )
    assert response.status_code == 200
    assert "past niet bij de inhoud" in response.content.decode()
    assert not Document.objects.exists()


def _maak_gevallen(omgeving, aantal: int) -> None:
    for n in range(aantal):
        werknemer = WerknemerFactory(loonheffingennummer=omgeving.loonheffingennummer)
        geval = VerzuimgevalFactory(werknemer=werknemer, eerste_ziektedag=date(2026, 6, 1))
        ActiviteitFactory(verzuimgeval=geval, deadline=date(2026, 11, 1 + n % 20))


def _queries(client, adres) -> int:
    client.get(adres)  # the first request of a session does one-off work (session, login checks)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(adres).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("afgewerkt", ["nee", "ja"])
def test_activiteitenoverzicht_queries_groeien_niet_met_rijen(werkgever_a, eigenaar, afgewerkt):
    adres = reverse("dossier:activiteiten") + f"?afgewerkt={afgewerkt}"
    _maak_gevallen(werkgever_a, 2)
    weinig = _queries(eigenaar, adres)
    _maak_gevallen(werkgever_a, 27)
    assert _queries(eigenaar, adres) == weinig


def test_tijdlijn_queries_groeien_niet_met_activiteiten(werkgever_a, eigenaar):
    geval = werkgever_a.verzuimgeval
    for _ in range(3):
        ActiviteitFactory(verzuimgeval=geval)
    weinig = _queries(eigenaar, _tijdlijn(geval))
    for _ in range(27):
        ActiviteitFactory(verzuimgeval=geval)
    assert _queries(eigenaar, _tijdlijn(geval)) == weinig


def _soorten(client, adres) -> set[str]:
    return {r.type for r in client.get(adres).context["pagina"].object_list}


def test_activiteitenoverzicht_filters_te_laat_en_csv(werkgever_a, werkgever_b, eigenaar):
    geval = werkgever_a.verzuimgeval
    ActiviteitFactory(
        verzuimgeval=geval, deadline=date(2026, 11, 10), omschrijving="Te laat gesprek"
    )
    ActiviteitFactory(
        verzuimgeval=geval,
        deadline=date(2026, 11, 10),
        omschrijving="Gedaan gesprek",
        afgewerkt=True,
        uitgevoerd_op=date(2026, 11, 9),
    )
    ActiviteitFactory(verzuimgeval=werkgever_b.verzuimgeval, omschrijving="Van B")
    adres = reverse("dossier:activiteiten")

    open_ = eigenaar.get(adres).content.decode()
    assert "Te laat gesprek" in open_ and "Gedaan gesprek" not in open_ and "Van B" not in open_
    assert "vp-rij--te-laat" in open_
    assert "probleemanalyse" in _soorten(eigenaar, adres)  # computed, due 2026-12-12

    klaar = eigenaar.get(adres + "?afgewerkt=ja").content.decode()
    assert "Gedaan gesprek" in klaar and "Te laat gesprek" not in klaar

    geen = eigenaar.get(adres + "?achternaam=bestaatniet").content.decode()
    assert "Te laat gesprek" not in geen
    zoek = eigenaar.get(
        adres + f"?achternaam={werkgever_a.werknemer.achternaam}&type=gesprek"
    ).content.decode()
    assert "Te laat gesprek" in zoek and "probleemanalyse" not in _soorten(
        eigenaar, adres + "?type=gesprek"
    )
    periode = _soorten(eigenaar, adres + "?van=2026-12-01&tot=2026-12-31")
    assert "gesprek" not in periode and "probleemanalyse" in periode

    csv = eigenaar.get(adres + "?formaat=csv")
    assert csv["Content-Disposition"].startswith("attachment")
    tekst = b"".join(csv.streaming_content).decode("utf-8-sig")
    assert "Te laat gesprek" in tekst and geval.verzuimnummer in tekst and "Van B" not in tekst
    assert Auditregel.objects.filter(actie="exporteren").exists()
