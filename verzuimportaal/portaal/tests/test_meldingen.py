"""Banners can be hidden for the session (issue: maintenance and terms banners took about 200 px
on every page). An interruption that has begun stays: the user must know why sending fails."""

from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import ingelogde_client
from tests.html import pagina
from verzuimportaal.storingen import service as storingen
from verzuimportaal.storingen.models import Storingsmelding
from verzuimportaal.toegang.actor import accounthouder, beheerder
from verzuimportaal.voorwaarden import service as voorwaarden
from verzuimportaal.voorwaarden.service import Persoon
from verzuimportaal.voorwaarden.tests.factories import versie

pytestmark = [pytest.mark.django_db, pytest.mark.klok("2026-11-23 10:00:00")]
VERBERGEN = reverse("portaal:melding_verbergen")


def verberg_knoppen(response) -> list:
    return pagina(response).xpath("//form[@action=$a]", a=VERBERGEN)


def verberg(client, response):
    formulier = verberg_knoppen(response)[0]
    waarden = {i.get("name"): i.get("value") for i in formulier.xpath(".//input")}
    return client.post(VERBERGEN, waarden)


def test_storingsmelding_verbergen_tot_het_einde_van_de_sessie(werkgever_a):
    storingen.meld_storing(
        door=beheerder(None), titel="Trage verwerking", verwachte_duur="enkele uren"
    )
    client = ingelogde_client(werkgever_a.lidmaatschap)
    werknemers = reverse("werknemers:lijst")
    response = client.get(werknemers)
    assert pagina(response).xpath("//*[@data-testid='storingsmelding']")

    terug = verberg(client, response)

    assert terug.status_code == 302 and terug["Location"] == werknemers  # back to the page
    for adres in (werknemers, reverse("portaal:dashboard")):
        assert not pagina(client.get(adres)).xpath("//*[@data-testid='storingsmelding']")
    # A changed notice is news again.
    Storingsmelding.objects.update(tekst="Nu ook de pdf's.")
    assert pagina(client.get(werknemers)).xpath("//*[@data-testid='storingsmelding']")
    # A new session (log in again) shows it again.
    Storingsmelding.objects.update(tekst="")
    opnieuw = ingelogde_client(werkgever_a.lidmaatschap)
    assert pagina(opnieuw.get(werknemers)).xpath("//*[@data-testid='storingsmelding']")


def test_begonnen_onderbreking_is_niet_te_verbergen(werkgever_a):
    nu = timezone.now()
    storingen.meld_storing(
        door=beheerder(None), titel="Storing", begin=nu - timedelta(minutes=5), onderbreking=True
    )
    response = Client().get(reverse("accounts:login"))
    assert pagina(response).xpath("//*[@data-testid='storingsmelding']")
    assert not verberg_knoppen(response)


def test_aankondiging_voorwaarden_verbergen(werkgever_a):
    oud = versie("1.0", gepubliceerd_op=date(2026, 1, 1), ingangsdatum=date(2026, 1, 15))
    versie("2.0", gepubliceerd_op=date(2026, 11, 20), ingangsdatum=date(2026, 12, 7))
    voorwaarden.accepteer(
        door=accounthouder(werkgever_a.lidmaatschap.gebruiker),
        persoon=Persoon(gebruiker_id=werkgever_a.lidmaatschap.gebruiker_id),
        versie=oud,
        notificatie_email="hr@example.nl",
        op=date(2026, 2, 1),
    )
    client = ingelogde_client(werkgever_a.lidmaatschap)
    response = client.get(reverse("berichten:inbox"))
    assert pagina(response).xpath("//*[@data-testid='voorwaarden-aankondiging']")
    verberg(client, response)
    response = client.get(reverse("berichten:inbox"))
    assert not pagina(response).xpath("//*[@data-testid='voorwaarden-aankondiging']")


@pytest.mark.parametrize(
    ("melding", "volgende", "status", "naar"),
    [
        ("onzin", "/", 400, None),
        ("storing-0123456789ab", "https://elders.example/", 302, "/"),
        ("storing-0123456789ab", "//elders.example/", 302, "/"),
    ],
)
def test_alleen_bekende_vorm_en_alleen_terug_naar_het_portaal(
    werkgever_a, melding, volgende, status, naar
):
    client = ingelogde_client(werkgever_a.lidmaatschap)
    response = client.post(VERBERGEN, {"melding": melding, "volgende": volgende})
    assert response.status_code == status
    if naar:
        assert response["Location"] == naar
    assert client.get(VERBERGEN).status_code == 405
