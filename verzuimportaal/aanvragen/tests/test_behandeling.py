"""Cases (ADR 0027): a WAZO aanvraag becomes a case, handled in the behandelaarsomgeving; the
werkgever sees the status and history of its own cases only and gets the letter in its inbox."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from conftest import ingelogde_gebruiker
from tests.factories import GebruikerFactory, werknemer_bij
from verzuimportaal.aanvragen import service
from verzuimportaal.aanvragen.models import Besluit, Gebeurtenis, Status, Zaak
from verzuimportaal.audit.models import Actie, Auditregel
from verzuimportaal.berichten.models import Bericht
from verzuimportaal.toegang.actor import beheerder
from verzuimportaal.wazo import service as wazo

pytestmark = pytest.mark.klok("2025-04-20")


@pytest.fixture
def zaak(werkgever_a) -> Zaak:
    verlof = wazo.meld_zwangerschapsverlof(
        door=werkgever_a.actor,
        werknemer=werknemer_bij(werkgever_a, achternaam="Yilmaz"),
        uitgerekende_datum=date(2025, 6, 20),
        ingangsdatum=date(2025, 5, 10),
    )
    assert verlof.zaak is not None
    return verlof.zaak


def _client(gebruiker) -> Client:
    return ingelogde_gebruiker(gebruiker)  # with the second factor done (staff need one too)


def test_aanvraag_wordt_een_zaak_met_status_ontvangen(zaak, werkgever_a):
    assert zaak.status == Status.ONTVANGEN
    assert zaak.werkgever == werkgever_a.werkgever
    assert zaak.zaaknummer == "Z2025-00001"
    assert [g.soort for g in zaak.gebeurtenissen.all()] == [Gebeurtenis.Soort.ONTVANGEN]
    assert Auditregel.objects.filter(object_type="zaak", object_id=str(zaak.uuid)).exists()


def test_toewijzen_informatie_en_besluit(zaak, behandelaar, prive_opslag):
    zaak = service.wijs_toe(door=beheerder(behandelaar), zaak=zaak, behandelaar=behandelaar)
    assert (zaak.status, zaak.behandelaar) == (Status.IN_BEHANDELING, behandelaar)
    service.vraag_informatie(
        door=beheerder(behandelaar), zaak=zaak, vraag="Stuur de ingangsdatum mee."
    )
    vraag = Bericht.objects.get(werkgever=zaak.werkgever, onderwerp__contains="Vraag")
    assert "Stuur de ingangsdatum mee." in vraag.tekst
    with pytest.raises(ValidationError, match="motivering"):
        service.beslis(
            door=beheerder(behandelaar), zaak=zaak, besluit=Besluit.AFGEWEZEN, toelichting=""
        )
    zaak = service.beslis(
        door=beheerder(behandelaar), zaak=zaak, besluit=Besluit.TOEGEKEND, toelichting=""
    )
    assert (zaak.status, zaak.besluit_op) == (Status.BESLUIT, date(2025, 4, 20))
    assert zaak.brief is not None and zaak.brief.document.read().startswith(b"%PDF")
    assert [g.soort for g in zaak.gebeurtenissen.all()] == [
        Gebeurtenis.Soort.ONTVANGEN,
        Gebeurtenis.Soort.TOEGEWEZEN,
        Gebeurtenis.Soort.INFORMATIE_GEVRAAGD,
        Gebeurtenis.Soort.BESLUIT,
    ]
    with pytest.raises(ValidationError, match="al besloten"):
        service.vraag_informatie(door=beheerder(behandelaar), zaak=zaak, vraag="Nog iets?")
    regels = Auditregel.objects.filter(object_type="zaak", werkgever=zaak.werkgever)
    assert regels.count() == 4  # received, assigned, information asked, decided


def test_alleen_behandelaars_behandelen(zaak, werkgever_a):
    with pytest.raises(PermissionDenied):
        service.wijs_toe(
            door=beheerder(werkgever_a.lidmaatschap.gebruiker),
            zaak=zaak,
            behandelaar=werkgever_a.lidmaatschap.gebruiker,
        )


def test_behandelaarsomgeving_van_lijst_tot_besluit(zaak, behandelaar, prive_opslag):
    client = _client(behandelaar)
    lijst = client.get(reverse("behandeling:lijst"))
    assert zaak.zaaknummer in lijst.content.decode()
    assert zaak.zaaknummer in client.get(reverse("behandeling:lijst") + "?mijn=").content.decode()
    response = client.post(
        reverse("behandeling:toewijzen", args=[zaak.uuid]), {"behandelaar": behandelaar.pk}
    )
    assert response.status_code == 302
    alleen_mijn = client.get(reverse("behandeling:lijst") + "?mijn=on&status=in_behandeling")
    assert zaak.zaaknummer in alleen_mijn.content.decode()
    assert (
        zaak.zaaknummer
        not in client.get(reverse("behandeling:lijst") + "?status=ontvangen").content.decode()
    )
    response = client.post(
        reverse("behandeling:besluit", args=[zaak.uuid]),
        {"besluit": "afgewezen", "toelichting": "Verlof valt buiten de termijn."},
    )
    assert response.status_code == 302
    zaak.refresh_from_db()
    assert zaak.besluit == Besluit.AFGEWEZEN


def test_stappen_van_de_behandelaar_met_adres_en_browser_in_het_log_van_de_werkgever(
    zaak, behandelaar, prive_opslag
):
    client = _client(behandelaar)
    herkomst = {"REMOTE_ADDR": "192.0.2.61", "HTTP_USER_AGENT": "Behandelbrowser/1.4"}
    client.post(
        reverse("behandeling:toewijzen", args=[zaak.uuid]),
        {"behandelaar": behandelaar.pk},
        **herkomst,
    )
    client.post(
        reverse("behandeling:informatie", args=[zaak.uuid]), {"vraag": "Welke datum?"}, **herkomst
    )
    regels = Auditregel.objects.filter(object_id=str(zaak.uuid), actie=Actie.WIJZIGEN)
    assert [(r.werkgever, r.ip_adres, r.user_agent, r.gebruiker) for r in regels] == [
        (zaak.werkgever, "192.0.2.61", "Behandelbrowser/1.4", behandelaar)
    ] * 2
    assert all(r.weergavenaam.startswith("Behandelaar (") for r in regels)


@pytest.mark.parametrize("soort", ["werkgever", "staf zonder rol", "rol zonder staf"])
def test_behandelaarsomgeving_alleen_voor_de_rol(zaak, werkgever_a, soort):
    if soort == "werkgever":
        gebruiker = werkgever_a.lidmaatschap.gebruiker
    else:
        gebruiker = GebruikerFactory(is_staff=soort == "staf zonder rol")
        if soort == "rol zonder staf":
            from django.contrib.auth.models import Permission

            gebruiker.user_permissions.add(Permission.objects.get(codename="behandelen"))
    client = _client(gebruiker)
    for naam in ("lijst", "detail", "toewijzen", "informatie", "besluit"):
        args = [] if naam == "lijst" else [zaak.uuid]
        assert client.get(reverse(f"behandeling:{naam}", args=args)).status_code in (403, 405)
        assert client.post(reverse(f"behandeling:{naam}", args=args), {}).status_code == 403
    assert Zaak.objects.get().status == Status.ONTVANGEN


def test_anoniem_naar_inloggen(zaak):
    response = Client().get(reverse("behandeling:detail", args=[zaak.uuid]))
    assert response.status_code == 302 and "next=" in response["Location"]


def test_werkgever_ziet_status_en_historie_van_eigen_zaken(
    zaak, behandelaar, eigenaar, buitenstaander, prive_opslag
):
    service.wijs_toe(door=beheerder(behandelaar), zaak=zaak, behandelaar=behandelaar)
    response = eigenaar.get(reverse("aanvragen:detail", args=[zaak.uuid]))
    inhoud = response.content.decode()
    assert "In behandeling" in inhoud and "Aanvraag ontvangen" in inhoud
    assert zaak.zaaknummer in eigenaar.get(reverse("aanvragen:lijst")).content.decode()
    assert buitenstaander.get(reverse("aanvragen:detail", args=[zaak.uuid])).status_code == 404
    assert zaak.zaaknummer not in buitenstaander.get(reverse("aanvragen:lijst")).content.decode()
