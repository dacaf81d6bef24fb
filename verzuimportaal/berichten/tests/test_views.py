"""Inbox pages: per werkgever, unread state, filter, paging, query counts, download headers."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import eherkenning_client, ingelogde_client
from tests.factories import LidmaatschapFactory
from verzuimportaal.berichten import service
from verzuimportaal.berichten.models import Bericht, Leesstatus, Soort
from verzuimportaal.berichten.tests.factories import BerichtFactory, bericht_van
from verzuimportaal.toegang.diensten import Dienst

pytestmark = pytest.mark.django_db
INBOX = reverse("berichten:inbox")


@pytest.fixture(autouse=True)
def geen_andere_berichten(werkgever_a, werkgever_b):
    """Start from empty inboxes (other apps may place messages when fixtures are made)."""
    Bericht.objects.all().delete()


def test_inbox_toont_alleen_berichten_van_de_eigen_werkgever(werkgever_a, werkgever_b, eigenaar):
    eigen = BerichtFactory(werkgever=werkgever_a.werkgever, onderwerp="Voor A")
    ander = BerichtFactory(werkgever=werkgever_b.werkgever, onderwerp="Voor B")
    inhoud = eigenaar.get(INBOX).content.decode()
    assert str(eigen.uuid) in inhoud
    assert str(ander.uuid) not in inhoud and "Voor B" not in inhoud
    for naam in ("berichten:detail", "berichten:document"):
        assert eigenaar.get(reverse(naam, args=[ander.uuid])).status_code == 404


def test_ongelezen_vet_en_geteld_en_na_openen_gelezen(werkgever_a, eigenaar):
    berichten = [BerichtFactory(werkgever=werkgever_a.werkgever) for _ in range(3)]
    inhoud = eigenaar.get(INBOX).content.decode()
    assert "Berichten" in inhoud and "(3 ongelezen)" in inhoud
    assert inhoud.count("<strong>Ongelezen</strong>") == 3

    response = eigenaar.get(reverse("berichten:detail", args=[berichten[0].uuid]))
    assert response.status_code == 200
    assert berichten[0].onderwerp in response.content.decode()

    inhoud = eigenaar.get(INBOX).content.decode()
    assert "(2 ongelezen)" in inhoud
    assert inhoud.count("<strong>Ongelezen</strong>") == 2


def test_leesstatus_is_per_gebruiker(werkgever_a, eigenaar):
    bericht = BerichtFactory(werkgever=werkgever_a.werkgever)
    collega = ingelogde_client(LidmaatschapFactory(werkgever=werkgever_a.werkgever))
    eigenaar.get(reverse("berichten:detail", args=[bericht.uuid]))
    assert "(1 ongelezen)" in collega.get(INBOX).content.decode()
    assert Leesstatus.objects.count() == 1


def test_filter_op_soort(werkgever_a, eigenaar):
    brief = BerichtFactory(werkgever=werkgever_a.werkgever, soort=Soort.BRIEF)
    mededeling = BerichtFactory(werkgever=werkgever_a.werkgever, soort=Soort.MEDEDELING)
    inhoud = eigenaar.get(INBOX, {"soort": "brief"}).content.decode()
    assert str(brief.uuid) in inhoud and str(mededeling.uuid) not in inhoud
    inhoud = eigenaar.get(INBOX, {"soort": "onzin"}).content.decode()
    assert str(brief.uuid) in inhoud and str(mededeling.uuid) in inhoud


def test_paginering(werkgever_a, eigenaar, settings):
    settings.BERICHTEN_PER_PAGINA = 2
    for _ in range(5):
        BerichtFactory(werkgever=werkgever_a.werkgever)
    inhoud = eigenaar.get(INBOX, {"pagina": 3}).content.decode()
    assert "Pagina 3 van 3" in inhoud
    assert inhoud.count("berichten/") - inhoud.count('href="/berichten/"') >= 1


def _queries(client: Client, aantal: int, werkgever_a) -> int:
    Bericht.objects.all().delete()
    for i in range(aantal):
        bericht = service.plaats_bericht(
            werkgever=werkgever_a.werkgever,
            soort=Soort.BRIEF,
            onderwerp=f"Brief {i}",
            tekst="",
            verzuimgeval=werkgever_a.verzuimgeval if i % 2 else None,
        )
        if i % 3 == 0:
            service.markeer_gelezen(door=werkgever_a.actor, bericht=bericht)
    client.get(INBOX)  # warm up: first-request work (session, second factor) is not the list
    with CaptureQueriesContext(connection) as context:
        assert client.get(INBOX).status_code == 200
    return len(context.captured_queries)


def test_geen_n_plus_1(werkgever_a, eigenaar, settings):
    settings.BERICHTEN_PER_PAGINA = 50
    assert _queries(eigenaar, 3, werkgever_a) == _queries(eigenaar, 30, werkgever_a)


def test_brief_bij_verzuimgeval_alleen_met_dienst_verzuim_melden(werkgever_a):
    algemeen = BerichtFactory(werkgever=werkgever_a.werkgever, onderwerp="Algemeen")
    brief = BerichtFactory(
        werkgever=werkgever_a.werkgever,
        onderwerp="Over verzuim",
        verzuimgeval=werkgever_a.verzuimgeval,
    )
    zonder = eherkenning_client(werkgever_a.werkgever.kvk_nummer, Dienst.OVERZICHTEN)
    inhoud = zonder.get(INBOX).content.decode()
    assert str(algemeen.uuid) in inhoud and str(brief.uuid) not in inhoud
    assert zonder.get(reverse("berichten:detail", args=[brief.uuid])).status_code == 404
    assert zonder.get(reverse("berichten:detail", args=[algemeen.uuid])).status_code == 200

    met = eherkenning_client(werkgever_a.werkgever.kvk_nummer, Dienst.VERZUIM_MELDEN)
    assert str(brief.uuid) in met.get(INBOX).content.decode()
    assert met.get(reverse("berichten:detail", args=[brief.uuid])).status_code == 200


def test_brief_bij_verzuim_op_verborgen_nummer_is_onzichtbaar(werkgever_a, eigenaar):
    brief = BerichtFactory(werkgever=werkgever_a.werkgever, verzuimgeval=werkgever_a.verzuimgeval)
    nummer = werkgever_a.loonheffingennummer
    nummer.actief = False
    nummer.save()
    assert eigenaar.get(reverse("berichten:detail", args=[brief.uuid])).status_code == 404


def test_document_als_bijlage_met_nosniff_en_alleen_get(werkgever_a, eigenaar, buitenstaander):
    bericht = bericht_van(werkgever_a)
    adres = reverse("berichten:document", args=[bericht.uuid])
    response = eigenaar.get(adres)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="brief.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert eigenaar.post(adres).status_code == 405
    assert buitenstaander.get(adres).status_code == 404
    assert buitenstaander.post(adres).status_code == 404


def test_anoniem_naar_inloggen(werkgever_a):
    response = Client().get(INBOX)
    assert response.status_code == 302 and "inloggen" in response["Location"]
