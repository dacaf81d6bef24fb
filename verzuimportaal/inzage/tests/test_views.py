"""Inzage for one werknemer (ADR 0021): complete, in JSON and PDF, gated, audited, no leaks."""

import json
from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from conftest import Omgeving, ingelogde_client
from tests.factories import LidmaatschapFactory
from verzuimportaal.audit.models import Actie, Auditregel
from verzuimportaal.berichten.models import Bericht, Soort
from verzuimportaal.dossier.tests.factories import ActiviteitFactory, document_van
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.verzuim.models import Correctie, CorrectieVeld, MutatieSoort, Verzuimmutatie

pytestmark = pytest.mark.klok("2026-11-23 10:00:00")

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _prive_opslag(prive_opslag):
    return prive_opslag


@pytest.fixture
def dossier(werkgever_a: Omgeving) -> Omgeving:
    """Werkgever A's spell with a partial recovery, a correction, an activity, a document, a letter
    and a read of werkgever A and one of werkgever B (which must not appear)."""
    geval = werkgever_a.verzuimgeval
    Verzuimmutatie.objects.create(
        verzuimgeval=geval,
        soort=MutatieSoort.GEDEELTELIJK_HERSTELD,
        ingangsdatum=date(2026, 11, 16),
        percentage_arbeidsongeschikt=50,
        geregistreerd_op=timezone.now(),
        geregistreerd_door_naam="P. Personeelszaken",
    )
    Correctie.objects.create(
        verzuimgeval=geval,
        veld=CorrectieVeld.EERSTE_ZIEKTEDAG,
        oude_waarde="2026-11-03",
        nieuwe_waarde="2026-11-02",
        reden="Verkeerde datum doorgegeven",
        gecorrigeerd_door_naam="P. Personeelszaken",
        gecorrigeerd_op=timezone.now(),
    )
    ActiviteitFactory(verzuimgeval=geval, omschrijving="Gesprek over werkhervatting")
    document_van(werkgever_a)
    brief = Bericht(
        werkgever=werkgever_a.werkgever,
        soort=Soort.BRIEF,
        onderwerp="Ontvangstbevestiging ziekmelding",
        documentnaam="ontvangstbevestiging.pdf",
        verzuimgeval=geval,
    )
    brief.document.save("brief.pdf", ContentFile(PDF), save=False)
    brief.save()
    for werkgever, naam in ((werkgever_a.werkgever, "Lezer van A"), (None, "Zonder werkgever")):
        Auditregel.objects.create(
            werkgever=werkgever,
            weergavenaam=naam,
            actie=Actie.INZIEN,
            object_type="werknemer",
            object_id=str(werkgever_a.werknemer.uuid),
            ip_adres="192.0.2.7",
        )
    return werkgever_a


def _json(client, werknemer) -> dict:
    response = client.get(reverse("inzage:json", args=[werknemer.uuid]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="inzage-')
    return json.loads(response.content)


def test_json_bevat_alles_over_de_werknemer(dossier, eigenaar):
    gegevens = _json(eigenaar, dossier.werknemer)
    werknemer = gegevens["werknemer"]
    assert werknemer["bsn"] == dossier.werknemer.bsn
    assert werknemer["achternaam"] == dossier.werknemer.achternaam
    assert werknemer["loonheffingennummer"] == dossier.loonheffingennummer.nummer
    [geval] = gegevens["verzuimgevallen"]
    assert geval["verzuimnummer"] == dossier.verzuimgeval.verzuimnummer
    assert [m["percentage_arbeidsongeschikt"] for m in geval["percentagehistorie"]] == [100, 50]
    assert geval["correcties"][0]["reden"] == "Verkeerde datum doorgegeven"
    assert geval["activiteiten"][0]["omschrijving"] == "Gesprek over werkhervatting"
    assert geval["documenten"][0]["naam"] == "plan.pdf"
    assert "sha256" in geval["documenten"][0]
    assert geval["brieven_en_berichten"][0]["onderwerp"] == "Ontvangstbevestiging ziekmelding"
    assert "geen medische gegevens" in gegevens["inzage"]["medische_gegevens"]
    assert gegevens["inzage"]["werkgever"]["kvk_nummer"] == dossier.werkgever.kvk_nummer


def test_audit_van_de_eigen_werkgever_zonder_ip_of_browser(dossier, eigenaar):
    inhoud = eigenaar.get(reverse("inzage:json", args=[dossier.werknemer.uuid])).content.decode()
    gegevens = json.loads(inhoud)
    namen = [r["door"] for r in gegevens["audit"]]
    assert "Lezer van A" in namen
    assert "Zonder werkgever" not in namen
    assert "192.0.2.7" not in inhoud
    assert all(set(r) >= {"tijdstip", "actie", "door", "route"} for r in gegevens["audit"])


def test_geen_gegevens_van_andere_werknemers(dossier, werkgever_b, eigenaar):
    inhoud = eigenaar.get(reverse("inzage:json", args=[dossier.werknemer.uuid])).content.decode()
    assert werkgever_b.werknemer.achternaam not in inhoud
    assert werkgever_b.verzuimgeval.verzuimnummer not in inhoud


def test_pdf_met_de_gegevens(dossier, eigenaar):
    response = eigenaar.get(reverse("inzage:pdf", args=[dossier.werknemer.uuid]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"].endswith('.pdf"')


def test_pdf_toont_de_inhoud(dossier, eigenaar, monkeypatch):
    """The PDF is made from the same data: check the HTML WeasyPrint gets."""
    from verzuimportaal.statistiek import pdf

    gezien: list[str] = []
    echte = pdf.render_to_string

    def vang(*args, **kwargs):
        html = echte(*args, **kwargs)
        gezien.append(html)
        return html

    monkeypatch.setattr(pdf, "render_to_string", vang)
    eigenaar.get(reverse("inzage:pdf", args=[dossier.werknemer.uuid]))
    [html] = gezien
    for tekst in (
        dossier.werknemer.bsn,
        dossier.verzuimgeval.verzuimnummer,
        "Verkeerde datum doorgegeven",
        "Gesprek over werkhervatting",
        "plan.pdf",
        "Ontvangstbevestiging ziekmelding",
        "Lezer van A",
    ):
        assert tekst in html, tekst


@pytest.mark.parametrize("formaat", ["json", "pdf"])
def test_download_wordt_geaudit(dossier, eigenaar, formaat):
    eigenaar.get(reverse(f"inzage:{formaat}", args=[dossier.werknemer.uuid]))
    regel = Auditregel.objects.get(actie=Actie.EXPORTEREN)
    assert regel.object_type == "werknemer"
    assert regel.object_id == str(dossier.werknemer.uuid)
    assert regel.omschrijving == f"inzage ({formaat})"
    assert regel.werkgever == dossier.werkgever


@pytest.mark.parametrize("formaat", ["json", "pdf"])
def test_buitenstaander_krijgt_404(dossier, buitenstaander, formaat):
    response = buitenstaander.get(reverse(f"inzage:{formaat}", args=[dossier.werknemer.uuid]))
    assert response.status_code == 404
    assert not Auditregel.objects.filter(actie=Actie.EXPORTEREN).exists()


@pytest.mark.parametrize(
    "rechten",
    [
        [Dienst.WERKNEMERSGEGEVENS, Dienst.VERZUIM_MELDEN],
        [Dienst.WERKNEMERSGEGEVENS, Dienst.RECHTENBEHEER],
        [Dienst.VERZUIM_MELDEN, Dienst.RECHTENBEHEER],
    ],
)
def test_zonder_alle_drie_de_rechten_geweigerd(dossier, rechten):
    client = ingelogde_client(LidmaatschapFactory(werkgever=dossier.werkgever, rechten=rechten))
    response = client.get(reverse("inzage:json", args=[dossier.werknemer.uuid]))
    assert response.status_code == 403
    assert not Auditregel.objects.filter(actie=Actie.EXPORTEREN).exists()


def test_werknemerpagina_toont_de_downloads_alleen_met_de_rechten(dossier, eigenaar):
    adres = reverse("werknemers:detail", args=[dossier.werknemer.uuid])
    inhoud = eigenaar.get(adres).content.decode()
    assert reverse("inzage:pdf", args=[dossier.werknemer.uuid]) in inhoud
    assert reverse("inzage:json", args=[dossier.werknemer.uuid]) in inhoud
    beperkt = ingelogde_client(
        LidmaatschapFactory(
            werkgever=dossier.werkgever,
            rechten=[Dienst.WERKNEMERSGEGEVENS, Dienst.VERZUIM_MELDEN],
        )
    )
    assert reverse("inzage:pdf", args=[dossier.werknemer.uuid]) not in (
        beperkt.get(adres).content.decode()
    )


def test_pdf_in_het_engels(dossier, eigenaar, monkeypatch):
    """ADR 0044: the access PDF in the language of the person who downloads it."""
    from tests.engels import in_het_engels
    from verzuimportaal.statistiek import pdf

    gezien: list[str] = []
    echte = pdf.render_to_string

    def vang(*args, **kwargs):
        gezien.append(echte(*args, **kwargs))
        return gezien[-1]

    monkeypatch.setattr(pdf, "render_to_string", vang)
    with in_het_engels(eigenaar) as client:
        client.get(reverse("inzage:pdf", args=[dossier.werknemer.uuid]))
    [html] = gezien
    for tekst in ("Access to personal data", "Course of the percentage", "Who has viewed"):
        assert tekst in html
    for tekst in ("Inzage persoonsgegevens", "Verloop van het percentage", "Wie heeft deze"):
        assert tekst not in html
