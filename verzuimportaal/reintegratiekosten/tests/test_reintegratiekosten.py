"""Re-integratiekosten and loonsanctie (DOMAIN §7.5): approval beforehand by the casemanager,
declaration with the nota within a month of receipt, vergoeding = min(nota, approved), paid
within a month; loonsanctie reported within 5 werkdagen."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from conftest import Omgeving, ingelogde_client
from tests.factories import LidmaatschapFactory
from verzuimportaal.audit.models import Auditregel
from verzuimportaal.dossier.tests.factories import alleen_bekijken, casemanager
from verzuimportaal.reintegratiekosten import service
from verzuimportaal.reintegratiekosten.models import AdviesOpgevolgd, Declaratie, Status
from verzuimportaal.reintegratiekosten.tests.factories import (
    aangevraagd,
    gedeclareerd,
    goedgekeurd,
    nota,
)
from verzuimportaal.toegang.diensten import Dienst

pytestmark = pytest.mark.klok("2025-02-28 10:00")


@pytest.fixture(autouse=True)
def _ziek_sinds_december(werkgever_a: Omgeving) -> None:
    """Werkgever A's spell began before the dates of the DOMAIN examples."""
    werkgever_a.verzuimgeval.eerste_ziektedag = date(2024, 12, 2)
    werkgever_a.verzuimgeval.save(update_fields=["eerste_ziektedag"])


def test_van_aanvraag_tot_betaling(werkgever_a: Omgeving) -> None:
    """Approved 1,200, nota 1,350 → vergoeding 1,200 (the lower), pay by 28 March."""
    d = gedeclareerd(werkgever_a)
    assert d.status == Status.GEDECLAREERD
    assert (d.vergoeding, d.betalen_uiterlijk) == (Decimal(1200), date(2025, 3, 28))
    assert d.nota.read().startswith(b"%PDF")
    betaald = service.leg_betaling_vast(
        door=casemanager(werkgever_a.werkgever), declaratie=d, betaald_op=date(2025, 2, 28)
    )
    assert (betaald.status, betaald.betaald_bedrag) == (Status.BETAALD, Decimal(1200))
    soorten = list(
        Auditregel.objects.filter(object_type="declaratie")
        .order_by("pk")
        .values_list("actie", flat=True)
    )
    assert soorten == ["aanmaken", "wijzigen", "wijzigen", "wijzigen"]


def test_nota_lager_dan_goedgekeurd(werkgever_a: Omgeving) -> None:
    assert gedeclareerd(werkgever_a, notabedrag=Decimal("980.40")).vergoeding == Decimal("980.40")


def test_declareren_zonder_goedkeuring_vergoedt_nul_tot_besluit(werkgever_a: Omgeving) -> None:
    d = service.declareer(
        door=werkgever_a.actor,
        declaratie=aangevraagd(werkgever_a),
        notabedrag=Decimal(800),
        nota_ontvangen_op=date(2025, 2, 20),
        nota=nota(),
    )
    assert d.vergoeding == Decimal(0)
    cm = casemanager(werkgever_a.werkgever)
    with pytest.raises(ValidationError, match="eerst"):
        service.leg_betaling_vast(door=cm, declaratie=d, betaald_op=date(2025, 2, 28))
    d = service.beoordeel(door=cm, declaratie=d, goedgekeurd_bedrag=Decimal(600))
    assert (d.status, d.vergoeding) == (Status.GEDECLAREERD, Decimal(600))


@pytest.mark.klok("2025-02-28")
def test_termijn_31_januari_tot_28_februari(werkgever_a: Omgeving) -> None:
    """DOMAIN §7.5: received 31 Jan → declare by 28 Feb, no extension; 27 Jan is too late."""
    d = service.declareer(
        door=werkgever_a.actor,
        declaratie=goedgekeurd(werkgever_a),
        notabedrag=Decimal(100),
        nota_ontvangen_op=date(2025, 1, 31),
        nota=nota(),
    )
    assert d.declareren_uiterlijk == date(2025, 2, 28)
    ander = goedgekeurd(werkgever_a)
    with pytest.raises(ValidationError, match="uiterlijk 27-02-2025"):
        service.declareer(
            door=werkgever_a.actor,
            declaratie=ander,
            notabedrag=Decimal(100),
            nota_ontvangen_op=date(2025, 1, 27),
            nota=nota(),
        )
    assert Declaratie.objects.get(pk=ander.pk).status == Status.GOEDGEKEURD


@pytest.mark.parametrize(
    ("naam", "inhoud", "fout"),
    [
        ("nota.pdf", b"", "leeg"),
        ("nota.exe", b"MZ\x90\x00", "geen PDF"),
        ("nota.png", b"%PDF-1.4 x", "past niet"),
    ],
)
def test_nota_inhoud_gecontroleerd(werkgever_a: Omgeving, naam, inhoud, fout) -> None:
    d = goedgekeurd(werkgever_a)
    with pytest.raises(ValidationError, match=fout):
        service.declareer(
            door=werkgever_a.actor,
            declaratie=d,
            notabedrag=Decimal(100),
            nota_ontvangen_op=date(2025, 2, 20),
            nota=nota(naam, inhoud),
        )
    assert not Declaratie.objects.get(pk=d.pk).nota


def test_afwijzen_vraagt_reden_en_sluit_declareren_af(werkgever_a: Omgeving) -> None:
    cm = casemanager(werkgever_a.werkgever)
    d = aangevraagd(werkgever_a)
    with pytest.raises(ValidationError, match="reden"):
        service.beoordeel(door=cm, declaratie=d, goedgekeurd_bedrag=None)
    d = service.beoordeel(door=cm, declaratie=d, goedgekeurd_bedrag=None, toelichting="Geen")
    assert d.status == Status.AFGEWEZEN
    with pytest.raises(ValidationError, match="afgewezen"):
        service.declareer(
            door=werkgever_a.actor,
            declaratie=d,
            notabedrag=Decimal(100),
            nota_ontvangen_op=date(2025, 2, 20),
            nota=nota(),
        )


def test_rollen(werkgever_a: Omgeving, werkgever_b: Omgeving) -> None:
    cm = casemanager(werkgever_a.werkgever)
    with pytest.raises(PermissionDenied):  # the casemanager does not ask or declare
        service.vraag_goedkeuring_aan(
            door=cm,
            verzuimgeval=werkgever_a.verzuimgeval,
            omschrijving="x",
            aanbieder="y",
            begroot_bedrag=Decimal(1),
        )
    d = aangevraagd(werkgever_a)
    with pytest.raises(PermissionDenied):  # the werkgever does not approve its own costs
        service.beoordeel(door=werkgever_a.actor, declaratie=d, goedgekeurd_bedrag=Decimal(1))
    with pytest.raises(PermissionDenied):  # view-only advisor
        service.vraag_goedkeuring_aan(
            door=alleen_bekijken(werkgever_a.werkgever),
            verzuimgeval=werkgever_a.verzuimgeval,
            omschrijving="x",
            aanbieder="y",
            begroot_bedrag=Decimal(1),
        )
    with pytest.raises(PermissionDenied):  # another werkgever's casemanager
        service.beoordeel(
            door=casemanager(werkgever_b.werkgever), declaratie=d, goedgekeurd_bedrag=Decimal(1)
        )
    with pytest.raises(PermissionDenied):  # another werkgever's spell
        service.vraag_goedkeuring_aan(
            door=werkgever_b.actor,
            verzuimgeval=werkgever_a.verzuimgeval,
            omschrijving="x",
            aanbieder="y",
            begroot_bedrag=Decimal(1),
        )


@pytest.mark.klok("2025-05-09")
def test_loonsanctie_binnen_vijf_werkdagen(werkgever_a: Omgeving) -> None:
    """DOMAIN §7.5: received 2025-05-01 → report by 05-09; a report after the term is kept,
    marked late."""
    melding = service.meld_loonsanctie(
        door=werkgever_a.actor,
        verzuimgeval=werkgever_a.verzuimgeval,
        besluit_ontvangen_op=date(2025, 5, 1),
        weken=12,
        advies_opgevolgd=AdviesOpgevolgd.JA,
    )
    assert (melding.melden_uiterlijk, melding.te_laat) == (date(2025, 5, 9), False)
    laat = service.meld_loonsanctie(
        door=werkgever_a.actor,
        verzuimgeval=werkgever_a.verzuimgeval,
        besluit_ontvangen_op=date(2025, 4, 30),
        weken=12,
        advies_opgevolgd=AdviesOpgevolgd.NEE,
    )
    assert laat.te_laat
    with pytest.raises(ValidationError):
        service.meld_loonsanctie(
            door=werkgever_a.actor,
            verzuimgeval=werkgever_a.verzuimgeval,
            besluit_ontvangen_op=date(2025, 5, 1),
            weken=53,
            advies_opgevolgd=AdviesOpgevolgd.JA,
        )


def test_paginas_werkgever_en_casemanager(werkgever_a: Omgeving, client) -> None:
    eigenaar = ingelogde_client(werkgever_a.lidmaatschap)
    antwoord = eigenaar.post(
        reverse("reintegratiekosten:aanvragen"),
        {
            "verzuimgeval": str(werkgever_a.verzuimgeval.uuid),
            "omschrijving": "Werkplekaanpassing",
            "aanbieder": "Ergo B.V.",
            "begroot_bedrag": "750,00",
        },
    )
    assert antwoord.status_code == 302, antwoord.context["form"].errors
    d = Declaratie.objects.get()
    detail = reverse("reintegratiekosten:detail", args=[d.uuid])
    pagina = eigenaar.get(detail).content.decode()
    assert "Wacht op goedkeuring" in pagina and 'name="actie" value="declareren"' in pagina
    assert 'value="beoordelen"' not in pagina
    # The werkgever cannot take the casemanager's step.
    assert (
        eigenaar.post(detail, {"actie": "beoordelen", "besluit": "goedkeuren"}).status_code == 403
    )
    service.beoordeel(
        door=casemanager(werkgever_a.werkgever), declaratie=d, goedgekeurd_bedrag=Decimal(700)
    )
    antwoord = eigenaar.post(
        detail,
        {
            "actie": "declareren",
            "notabedrag": "725,00",
            "nota_ontvangen_op": "20-02-2025",
            "nota": nota(),
        },
    )
    assert antwoord.status_code == 302
    pagina = eigenaar.get(detail).content.decode()
    assert "700,00" in pagina and "28-03-2025" in pagina
    download = eigenaar.get(reverse("reintegratiekosten:nota", args=[d.uuid]))
    assert download.status_code == 200 and download.content.startswith(b"%PDF")
    lijst = eigenaar.get(reverse("reintegratiekosten:lijst")).content.decode()
    assert "Werkplekaanpassing" in lijst and "Gedeclareerd, wacht op betaling" in lijst


def test_loonsanctie_pagina_toont_wat_volgt(werkgever_a: Omgeving) -> None:
    eigenaar = ingelogde_client(werkgever_a.lidmaatschap)
    url = reverse("reintegratiekosten:loonsanctie")
    assert "poortwachtergarantie" in eigenaar.get(url).content.decode()
    antwoord = eigenaar.post(
        url,
        {
            "verzuimgeval": str(werkgever_a.verzuimgeval.uuid),
            "besluit_ontvangen_op": "25-02-2025",
            "weken": "8",
            "advies_opgevolgd": "onbekend",
        },
    )
    assert antwoord.status_code == 302
    lijst = eigenaar.get(reverse("reintegratiekosten:lijst")).content.decode()
    assert "04-03-2025" in lijst  # 5 werkdagen after 25 February


def test_zonder_verzuimrecht_geen_toegang(werkgever_a: Omgeving) -> None:
    alleen = LidmaatschapFactory(werkgever=werkgever_a.werkgever, rechten=[Dienst.OVERZICHTEN])
    client = ingelogde_client(alleen)
    assert client.get(reverse("reintegratiekosten:lijst")).status_code == 403
