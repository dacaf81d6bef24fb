"""Reading a letter about a spell or downloading a document writes one audit row for the request,
on the spell it is about (whose data was read); the subject never goes into the log (DOMAIN §9)."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from verzuimportaal.audit.models import Auditregel
from verzuimportaal.berichten.models import Soort
from verzuimportaal.berichten.tests.factories import PDF, BerichtFactory, bericht_van

pytestmark = pytest.mark.django_db


@pytest.fixture
def brief_over_verzuim(werkgever_a):
    brief = BerichtFactory.build(
        werkgever=werkgever_a.werkgever,
        soort=Soort.BRIEF,
        onderwerp="Ontvangstbevestiging ziekmelding Jansen",
        documentnaam="brief.pdf",
        verzuimgeval=werkgever_a.verzuimgeval,
    )
    brief.document.save("brief.pdf", ContentFile(PDF), save=False)
    brief.save()
    return brief


@pytest.mark.parametrize(("naam", "actie"), [("detail", "inzien"), ("document", "downloaden")])
def test_brief_over_verzuim_een_regel_op_het_verzuimgeval(
    werkgever_a, eigenaar, brief_over_verzuim, naam, actie
):
    response = eigenaar.get(reverse(f"berichten:{naam}", args=[brief_over_verzuim.uuid]))
    assert response.status_code == 200

    regel = Auditregel.objects.get()
    assert (regel.actie, regel.object_type, regel.object_id) == (
        actie,
        "verzuimgeval",
        str(werkgever_a.verzuimgeval.uuid),
    )
    assert regel.omschrijving == f"bericht {brief_over_verzuim.uuid}"
    assert "Jansen" not in regel.omschrijving
    assert regel.werkgever == werkgever_a.werkgever


def test_download_van_algemene_brief_een_regel_op_het_bericht(werkgever_a, eigenaar):
    bericht = bericht_van(werkgever_a)
    assert eigenaar.get(reverse("berichten:document", args=[bericht.uuid])).status_code == 200

    regel = Auditregel.objects.get()
    assert (regel.actie, regel.object_type, regel.object_id) == (
        "downloaden",
        "bericht",
        str(bericht.uuid),
    )


def test_algemene_mededeling_lezen_schrijft_niets(werkgever_a, eigenaar):
    mededeling = BerichtFactory(werkgever=werkgever_a.werkgever)
    assert eigenaar.get(reverse("berichten:detail", args=[mededeling.uuid])).status_code == 200
    assert not Auditregel.objects.exists()


@pytest.mark.parametrize("naam", ["detail", "document"])
def test_geweigerd_schrijft_niets(eigenaar, buitenstaander, brief_over_verzuim, naam):
    adres = reverse(f"berichten:{naam}", args=[brief_over_verzuim.uuid])
    assert buitenstaander.get(adres).status_code == 404
    assert eigenaar.post(adres).status_code == 405
    assert not Auditregel.objects.exists()
