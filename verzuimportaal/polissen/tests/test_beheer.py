"""Polisbeheer (DOMAIN §7.3): the operator's staff set a dated polis; the werkgever sees it.

Deny by default: anonymous, a werkgever's own account, staff without the permission, a delegate
and a casemanager never reach the pages; the werkgever sees its polis under Financiën only with
"Inzien uitkeringsgegevens".
"""

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from conftest import Omgeving, ingelogde_client, ingelogde_gebruiker
from tests.factories import GebruikerFactory, LidmaatschapFactory
from verzuimportaal.audit.models import Actie, Auditregel
from verzuimportaal.polissen import service
from verzuimportaal.polissen.models import Polis
from verzuimportaal.polissen.uitvoerder import Uitvoerder
from verzuimportaal.toegang.diensten import Dienst

pytestmark = pytest.mark.klok("2026-11-23")

GELDIG = {
    "polisnummer": "VZ-2027",
    "ingangsdatum": "01-01-2027",
    "eigenrisicotermijn": "20",
    "dekking": "95/90/85/70",
    "dekkingsperiode": "182",
    "maximum_jaarloon": "",
    "deler": "260",
    "premiepercentage": "3.25",
    "werkgeverslasten_percentage": "0",
    "arbotarief": "12.50",
}


def _medewerker(*, recht: bool = True, staff: bool = True):
    gebruiker = GebruikerFactory(is_staff=staff)
    if recht:
        gebruiker.user_permissions.add(Permission.objects.get(codename="add_polis"))
    return type(gebruiker).objects.get(pk=gebruiker.pk)


def test_medewerker_legt_polis_vast_met_auditregel_bij_de_werkgever(werkgever_a: Omgeving) -> None:
    client = ingelogde_gebruiker(_medewerker())
    pagina = client.get(reverse("polisbeheer:lijst"), {"zoek": werkgever_a.werkgever.kvk_nummer})
    assert pagina.status_code == 200
    assert werkgever_a.werkgever.naam in pagina.content.decode()

    url = reverse("polisbeheer:werkgever", args=[werkgever_a.werkgever.pk])
    antwoord = client.post(url, GELDIG, REMOTE_ADDR="192.0.2.9")
    assert antwoord.status_code == 302
    polis = Polis.objects.get(werkgever=werkgever_a.werkgever)
    assert (polis.ingangsdatum, polis.dekking, polis.dekkingsperiode) == (
        date(2027, 1, 1),
        "95/90/85/70",
        182,
    )
    assert polis.maximum_jaarloon is None and polis.deler == 260
    regel = Auditregel.objects.get(object_type="polis")
    assert (regel.werkgever, regel.actie) == (werkgever_a.werkgever, Actie.AANMAKEN)
    assert regel.weergavenaam.startswith("Beheerder")
    assert "VZ-2027" in client.get(url).content.decode()


def test_zelfde_ingangsdatum_en_ongeldige_dekking_geweigerd(werkgever_a: Omgeving) -> None:
    client = ingelogde_gebruiker(_medewerker())
    url = reverse("polisbeheer:werkgever", args=[werkgever_a.werkgever.pk])
    assert client.post(url, GELDIG).status_code == 302
    tweede = client.post(url, GELDIG)
    assert tweede.status_code == 200
    assert "Er is al een polis met deze ingangsdatum" in tweede.content.decode()
    fout = client.post(url, {**GELDIG, "ingangsdatum": "01-07-2027", "dekking": "100/abc"})
    assert fout.status_code == 200
    assert "foutsamenvatting" in fout.content.decode()
    assert Polis.objects.filter(werkgever=werkgever_a.werkgever).count() == 1


@pytest.mark.parametrize(
    "wie",
    ["anoniem", "eigen_account", "staff_zonder_recht", "recht_zonder_staff", "ander_account"],
)
def test_polisbeheer_geweigerd(wie: str, werkgever_a: Omgeving) -> None:
    url = reverse("polisbeheer:werkgever", args=[werkgever_a.werkgever.pk])
    if wie == "anoniem":
        client = Client()
    elif wie == "eigen_account":
        client = ingelogde_client(werkgever_a.lidmaatschap)
    elif wie == "staff_zonder_recht":
        client = ingelogde_gebruiker(_medewerker(recht=False))
    elif wie == "recht_zonder_staff":
        client = ingelogde_gebruiker(_medewerker(staff=False))
    else:
        client = ingelogde_client(LidmaatschapFactory(werkgever=werkgever_a.werkgever))
    for pagina in (reverse("polisbeheer:lijst"), url):
        antwoord = client.get(pagina)
        assert antwoord.status_code in (302, 403)
        if antwoord.status_code == 302:
            assert antwoord["Location"].startswith(reverse("accounts:login"))
    assert client.post(url, GELDIG).status_code in (302, 403)
    assert not Polis.objects.exists()


def test_service_weigert_een_werkgever(werkgever_a: Omgeving) -> None:
    with pytest.raises(PermissionDenied):
        service.leg_polis_vast(
            door=werkgever_a.actor,
            polisnummer="X",
            ingangsdatum=date(2027, 1, 1),
            premiepercentage=Decimal(3),
            arbotarief=Decimal(10),
        )
    with pytest.raises(ValidationError):
        service.leg_polis_vast(
            door=Uitvoerder.medewerker(_medewerker(), ip=None, user_agent="").actor_voor(
                werkgever_a.werkgever
            ),
            polisnummer="X",
            ingangsdatum=date(2027, 1, 1),
            premiepercentage=Decimal(3),
            arbotarief=Decimal(10),
            dekking="100/",
            dekkingsperiode=182,
        )
    assert not Polis.objects.exists()


def test_werkgever_ziet_polis_alleen_met_uitkeringsgegevens(werkgever_a: Omgeving) -> None:
    medewerker = Uitvoerder.medewerker(_medewerker(), ip=None, user_agent="")
    service.leg_polis_vast(
        door=medewerker.actor_voor(werkgever_a.werkgever),
        polisnummer="VZ-ZICHTBAAR",
        ingangsdatum=date(2026, 1, 1),
        premiepercentage=Decimal("3.25"),
        arbotarief=Decimal("12.50"),
    )
    service.leg_polis_vast(
        door=medewerker.actor_voor(werkgever_a.werkgever),
        polisnummer="VZ-KOMEND",
        ingangsdatum=date(2027, 1, 1),
        premiepercentage=Decimal("3.40"),
        arbotarief=Decimal("12.50"),
    )
    eigen = ingelogde_client(werkgever_a.lidmaatschap)
    antwoord = eigen.get(reverse("uitkeringen:overzicht"))
    assert antwoord.context["polis"].polisnummer == "VZ-ZICHTBAAR"  # in force today
    assert "Vanaf 01-01-2027 geldt polis VZ-KOMEND" in antwoord.content.decode()
    alleen_overzichten = LidmaatschapFactory(
        werkgever=werkgever_a.werkgever, rechten=[Dienst.OVERZICHTEN]
    )
    antwoord = ingelogde_client(alleen_overzichten).get(reverse("uitkeringen:overzicht"))
    assert antwoord.status_code == 403
