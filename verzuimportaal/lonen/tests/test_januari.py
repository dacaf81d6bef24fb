"""The January update (seed 004, DOMAIN §7.3, ADR 0042): a task per werkgever, reminders, the
wage table, and afterwards the voorschot and the naverrekening as premium invoices."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from conftest import Omgeving, ingelogde_client
from tests.factories import werknemer_bij
from verzuimportaal.audit.models import Auditregel
from verzuimportaal.berichten.models import Bericht
from verzuimportaal.facturen.models import Premiefactuur, Premiesoort
from verzuimportaal.lonen import service
from verzuimportaal.lonen.models import Loonactualisatie, Loongegeven
from verzuimportaal.polissen.uitvoerder import Uitvoerder
from verzuimportaal.uitkeringen.tests.factories import polis

pytestmark = pytest.mark.klok("2026-01-05 09:00")


@pytest.fixture
def vier(werkgever_a: Omgeving) -> list:
    """Werkgever A (polis 3.25 %, no cap) with four werknemers in dienst since 2020."""
    polis(werkgever_a.werkgever, maximum_jaarloon=None, ingangsdatum=date(2020, 1, 1))
    werknemers = [werknemer_bij(werkgever_a, datum_in_dienst=date(2020, 1, 1)) for _ in range(4)]
    # The fixture's own werknemer is out of dienst before 2025: not part of the sums.
    werkgever_a.werknemer.datum_uit_dienst = date(2024, 12, 31)
    werkgever_a.werknemer.save(update_fields=["datum_uit_dienst"])
    return werknemers


def _regels(werknemers: list, bedrag: Decimal) -> list[service.Loonregel]:
    return [
        service.Loonregel(
            werknemer=w,
            bruto_jaarloon=bedrag,
            vakantiegeld_percentage=Decimal(0),
            vaste_onderdelen=Decimal(0),
        )
        for w in werknemers
    ]


def test_voorschot_en_naverrekening_domain_voorbeeld(werkgever_a: Omgeving, vier: list) -> None:
    """DOMAIN §7.3: 3.25 % × 412,000 = 13,390.00; actual 430,500 → 13,991.25 (+601.25)."""
    [a2025] = service.open_loonactualisaties(door=Uitvoerder(), jaar=2025)
    service.werk_januarilonen_bij(
        door=werkgever_a.actor, actualisatie=a2025, regels=_regels(vier, Decimal(103000))
    )
    [voorschot] = service.rond_loonactualisatie_af(door=werkgever_a.actor, actualisatie=a2025)
    assert (voorschot.soort, voorschot.loonsom, voorschot.bedrag) == (
        Premiesoort.VOORSCHOT,
        Decimal("412000.00"),
        Decimal("13390.00"),
    )
    assert voorschot.factuurnummer == "PF-2025-00001"
    # A correction of 2025 afterwards: one werknemer earned 121,500 all year.
    service.leg_loon_vast(
        door=werkgever_a.actor,
        werknemer=vier[0],
        ingangsdatum=date(2025, 1, 1),
        bruto_jaarloon=Decimal(121500),
        vakantiegeld_percentage=Decimal(0),
    )
    [a2026] = service.open_loonactualisaties(door=Uitvoerder(), jaar=2026)
    assert service.open_loonactualisaties(door=Uitvoerder(), jaar=2026) == []  # idempotent
    facturen = service.rond_loonactualisatie_af(door=werkgever_a.actor, actualisatie=a2026)
    per_soort = {(f.jaar, f.soort): f for f in facturen}
    nav = per_soort[(2025, Premiesoort.NAVERREKENING)]
    assert (nav.loonsom, nav.premie, nav.eerder_gefactureerd, nav.bedrag) == (
        Decimal("430500.00"),
        Decimal("13991.25"),
        Decimal("13390.00"),
        Decimal("601.25"),
    )
    assert per_soort[(2026, Premiesoort.VOORSCHOT)].loonsom == Decimal("430500.00")
    assert Premiefactuur.objects.count() == 3
    with pytest.raises(ValidationError, match="al afgerond"):
        service.rond_loonactualisatie_af(door=werkgever_a.actor, actualisatie=a2026)


def test_afronden_vraagt_elk_loon(werkgever_a: Omgeving, vier: list) -> None:
    [actualisatie] = service.open_loonactualisaties(door=Uitvoerder(), jaar=2026)
    service.werk_januarilonen_bij(
        door=werkgever_a.actor, actualisatie=actualisatie, regels=_regels(vier[:3], Decimal(1))
    )
    with pytest.raises(ValidationError, match="Van 1 werknemer"):
        service.rond_loonactualisatie_af(door=werkgever_a.actor, actualisatie=actualisatie)
    assert not Premiefactuur.objects.exists()


def test_taak_bericht_en_herinneringen(werkgever_a: Omgeving, vier: list, klok) -> None:
    [actualisatie] = service.open_loonactualisaties(door=Uitvoerder(), jaar=2026)
    assert actualisatie.uiterlijk == date(2026, 2, 28)
    assert Bericht.objects.filter(werkgever=werkgever_a.werkgever).count() == 1
    assert service.herinner_loonactualisaties(door=Uitvoerder()) == []  # not yet
    klok.move_to("2026-02-14 09:00")
    assert len(service.herinner_loonactualisaties(door=Uitvoerder())) == 1
    assert service.herinner_loonactualisaties(door=Uitvoerder()) == []  # once a week
    klok.move_to("2026-03-02 09:00")
    assert len(service.herinner_loonactualisaties(door=Uitvoerder())) == 1
    onderwerpen = list(
        Bericht.objects.filter(werkgever=werkgever_a.werkgever)
        .order_by("pk")
        .values_list("onderwerp", flat=True)
    )
    assert onderwerpen[-1].startswith("Termijn verstreken")
    assert Auditregel.objects.filter(object_type="loonactualisatie").count() == 3


def test_pagina_tabel_opslaan_en_afronden(werkgever_a: Omgeving, vier: list) -> None:
    service.open_loonactualisaties(door=Uitvoerder(), jaar=2026)
    client = ingelogde_client(werkgever_a.lidmaatschap)
    url = reverse("lonen:januari")
    pagina = client.get(url)
    assert pagina.status_code == 200
    rijen = pagina.context["formset"].forms
    assert len(rijen) == 4
    data = {"actie": "opslaan", "form-TOTAL_FORMS": "4", "form-INITIAL_FORMS": "4"}
    for index, form in enumerate(rijen):
        data |= {
            f"form-{index}-werknemer": str(form.initial["werknemer"]),
            f"form-{index}-bruto_jaarloon": "48000,00" if index else "50000",
            f"form-{index}-vakantiegeld_percentage": "8",
            f"form-{index}-vaste_onderdelen": "0",
        }
    antwoord = client.post(url, data)
    assert antwoord.status_code == 302, antwoord.context["formset"].errors
    assert Loongegeven.objects.filter(ingangsdatum=date(2026, 1, 1)).count() == 4
    kapot = client.post(url, {"actie": "opslaan"})  # no management form: an error, no crash
    assert kapot.status_code == 200 and "niet volledig verstuurd" in kapot.content.decode()
    antwoord = client.post(url, {"actie": "afronden"})
    assert antwoord.status_code == 302
    assert Loonactualisatie.objects.get().afgerond_op is not None
    assert Premiefactuur.objects.filter(jaar=2026, soort=Premiesoort.VOORSCHOT).exists()
    financien = client.get(reverse("uitkeringen:overzicht")).content.decode()
    factuur = Premiefactuur.objects.get()
    assert factuur.factuurnummer in financien
    pdf = client.get(reverse("facturen:premie_pdf", args=[factuur.uuid]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_andere_werkgever_kan_niet_bijwerken(
    werkgever_a: Omgeving, werkgever_b: Omgeving, vier: list
) -> None:
    [actualisatie] = service.open_loonactualisaties(door=Uitvoerder(), jaar=2026)
    with pytest.raises(PermissionDenied):
        service.werk_januarilonen_bij(
            door=werkgever_b.actor, actualisatie=actualisatie, regels=_regels(vier, Decimal(1))
        )


def _importeer(door, inhoud: bytes):
    from verzuimportaal.imports import service as imports

    imp = imports.lees_in(door=door, bestandsnaam="lonen.csv", inhoud=inhoud)
    imp = imports.controleer(door=door, imp=imp, koppeling=imp.koppeling)
    assert not imp.aantallen.get("weigeren"), imp.uitkomsten
    imports.start(door=door, imp=imp)
    return imports.voer_uit(import_uuid=str(imp.uuid))


def test_januari_via_de_werknemerimport(werkgever_a: Omgeving, vier: list) -> None:
    """ADR 0042: the werknemer import with wage columns confirms the imported rows from 1 January
    of the open update; the others still lack a wage until they are entered."""
    [actualisatie] = service.open_loonactualisaties(door=Uitvoerder(), jaar=2026)
    nummer = werkgever_a.loonheffingennummer.nummer
    kop = "loonheffingennummer;bsn;achternaam;geboortedatum;datum in dienst;uren;bruto jaarloon"
    regels = [
        f"{nummer};{w.bsn};{w.achternaam};{w.geboortedatum:%d-%m-%Y};"
        f"{w.datum_in_dienst:%d-%m-%Y};{w.contracturen_per_week};48000,00"
        for w in vier[:3]
    ]
    imp = _importeer(werkgever_a.actor, "\n".join([kop, *regels]).encode())
    assert imp.status == "klaar", imp.fout
    lonen = Loongegeven.objects.filter(werknemer__in=vier[:3])
    assert {(loon.ingangsdatum, loon.bruto_jaarloon) for loon in lonen} == {
        (date(2026, 1, 1), Decimal("48000.00"))
    }
    assert {loon.vakantiegeld_percentage for loon in lonen} == {Decimal(8)}
    assert "3 lonen bevestigd, waarvan 3 gewijzigd" in Auditregel.objects.latest("pk").omschrijving
    with pytest.raises(ValidationError, match="Van 1 werknemer"):
        service.rond_loonactualisatie_af(door=werkgever_a.actor, actualisatie=actualisatie)
    # The fourth row too, now with an explicit "loon per": the update can be finished.
    w = vier[3]
    imp = _importeer(
        werkgever_a.actor,
        (
            kop + ";loon per\n"
            f"{nummer};{w.bsn};{w.achternaam};{w.geboortedatum:%d-%m-%Y};"
            f"{w.datum_in_dienst:%d-%m-%Y};{w.contracturen_per_week};50000;01-01-2026"
        ).encode(),
    )
    assert "loon per 01-01-2026" in imp.uitkomsten[0]["velden"]
    facturen = service.rond_loonactualisatie_af(door=werkgever_a.actor, actualisatie=actualisatie)
    assert facturen


def test_loonkolommen_fouten_per_regel(werkgever_a: Omgeving, vier: list) -> None:
    from verzuimportaal.imports import service as imports

    w = vier[0]
    inhoud = (
        "loonheffingennummer;bsn;achternaam;geboortedatum;datum in dienst;uren;bruto jaarloon;"
        "vakantiegeld\n"
        f"{werkgever_a.loonheffingennummer.nummer};{w.bsn};{w.achternaam};"
        f"{w.geboortedatum:%d-%m-%Y};{w.datum_in_dienst:%d-%m-%Y};{w.contracturen_per_week};"
        "veel;120\n"
    ).encode()
    imp = imports.lees_in(door=werkgever_a.actor, bestandsnaam="lonen.csv", inhoud=inhoud)
    imp = imports.controleer(door=werkgever_a.actor, imp=imp, koppeling=imp.koppeling)
    assert imp.uitkomsten[0]["actie"] == "weigeren"
    assert imp.uitkomsten[0]["reden"] == (
        "bruto jaarloon 'veel' is geen bedrag; "
        "vakantiegeld % moet tussen 0 en 100 liggen, in centen"
    )
