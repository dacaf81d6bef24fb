"""UWV verzamelspecificaties (DOMAIN §7.2, ADR 0045) and their deduction in the monthly
uitkering run (DOMAIN §7.3, ADR 0046)."""

import json
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from conftest import Omgeving
from tests.factories import GebruikerFactory, VerzuimgevalFactory, werknemer_bij
from verzuimportaal.audit.models import Auditregel
from verzuimportaal.polissen.uitvoerder import Uitvoerder
from verzuimportaal.toegang.actor import beheerder as beheer
from verzuimportaal.uitkeringen.models import Regelsoort, Uitkeringsregel
from verzuimportaal.uitkeringen.service import voer_maandrun_uit
from verzuimportaal.uitkeringen.tests.factories import loon, polis
from verzuimportaal.verzamelspecificaties.models import (
    Bron,
    Grondslag,
    Importstatus,
    Maximumdagloon,
    RegelGewijzigd,
    Specificatieregel,
    Uitkeringssoort,
)
from verzuimportaal.verzamelspecificaties.service import (
    lees_in,
    leg_maximumdagloon_vast,
    leg_vangnetuitkering_vast,
    leg_vast,
    maximumdagloontabel,
    stel_specificaties_op,
)
from verzuimportaal.wazo.tests.factories import zwangerschapsverlof

pytestmark = [pytest.mark.klok("2025-04-02 10:00"), pytest.mark.django_db]


@pytest.fixture
def beheerder():
    return beheer(GebruikerFactory(is_staff=True))


@pytest.fixture
def zieke(werkgever_a: Omgeving):
    """DOMAIN §7.3 example: dagloon 200 (52,200 / 261), sick from Monday 2025-03-03."""
    polis(werkgever_a.werkgever)
    werknemer = werknemer_bij(werkgever_a)
    loon(werknemer, Decimal(52200))
    return VerzuimgevalFactory(werknemer=werknemer, eerste_ziektedag=date(2025, 3, 3))


def _csv(*regels: str) -> bytes:
    kop = "bsn;loonheffingennummer;grondslag;van;tot_en_met;dagloon;percentage;dagbedrag;bruto"
    return "\n".join((kop, *regels)).encode()


def test_maximumdagloon_uit_domain_staat_in_de_tabel() -> None:
    """DOMAIN §7.2 [13]: 2025-01-01 €290.67, 2026-01-01 €304.25 (a migration puts them there)."""
    assert maximumdagloontabel() == {
        date(2025, 1, 1): Decimal("290.67"),
        date(2026, 1, 1): Decimal("304.25"),
    }


def test_vangnet_zw_zeventig_procent_en_aftrek_in_de_maandrun(zieke) -> None:
    """DOMAIN §7.2: ZW 70 %, no wachtdagen: 200 × 70 % = 140.00 a day, March 2025 has 21
    uitkeringsdagen from 03-03: bruto €2,940.00. DOMAIN §7.3: the insurer pays 11 days
    (€2,200.00) and deducts the UWV's 11 × 140.00 = €1,540.00: €660.00."""
    leg_vangnetuitkering_vast(door=Uitvoerder(), verzuimgeval=zieke, grondslag=Grondslag.ZIEKTEWET)
    assert stel_specificaties_op(door=Uitvoerder(), maand=date(2025, 3, 1)) == 1
    regel = Specificatieregel.objects.get()
    assert (regel.van, regel.tot_en_met, regel.uitkeringsdagen) == (
        date(2025, 3, 3),
        date(2025, 3, 31),
        21,
    )
    assert (regel.dagloon, regel.percentage, regel.dagbedrag, regel.bruto) == (
        Decimal("200.00"),
        Decimal(70),
        Decimal("140.00"),
        Decimal("2940.00"),
    )
    assert (regel.soort, regel.bron) == (Uitkeringssoort.ZW, Bron.BEREKEND)
    voer_maandrun_uit(door=Uitvoerder(), maand=date(2025, 3, 1))
    betaald = Uitkeringsregel.objects.get(werknemer=zieke.werknemer)
    assert (betaald.bruto, betaald.aftrek_uwv, betaald.bedrag) == (
        Decimal("2200.00"),
        Decimal("1540.00"),
        Decimal("660.00"),
    )


def test_opstellen_is_idempotent_en_regels_wijzigen_niet(zieke) -> None:
    leg_vangnetuitkering_vast(door=Uitvoerder(), verzuimgeval=zieke, grondslag=Grondslag.ZIEKTEWET)
    stel_specificaties_op(door=Uitvoerder(), maand=date(2025, 3, 1))
    assert stel_specificaties_op(door=Uitvoerder(), maand=date(2025, 3, 1)) == 0
    regel = Specificatieregel.objects.get()
    with pytest.raises(RegelGewijzigd):
        regel.save()
    with pytest.raises(RegelGewijzigd):
        Specificatieregel.objects.all().update(bruto=0)


def test_lopende_maand_wordt_niet_opgesteld(zieke) -> None:
    with pytest.raises(ValidationError, match="nog niet voorbij"):
        stel_specificaties_op(door=Uitvoerder(), maand=date(2025, 4, 1))


def test_no_riskpolis_vraagt_het_percentage_uit_de_cao(zieke) -> None:
    with pytest.raises(ValidationError, match="70 tot en met 100"):
        leg_vangnetuitkering_vast(
            door=Uitvoerder(), verzuimgeval=zieke, grondslag=Grondslag.NO_RISKPOLIS
        )
    uitkering = leg_vangnetuitkering_vast(
        door=Uitvoerder(),
        verzuimgeval=zieke,
        grondslag=Grondslag.NO_RISKPOLIS,
        percentage=Decimal(85),
    )
    assert uitkering.percentage == Decimal(85)
    with pytest.raises(ValidationError, match="al vastgelegd"):
        leg_vangnetuitkering_vast(
            door=Uitvoerder(), verzuimgeval=zieke, grondslag=Grondslag.ZIEKTEWET
        )


@pytest.mark.klok("2025-03-05 10:00")
def test_wazo_dagloon_boven_maximum_voorbeeld_februari(werkgever_a: Omgeving) -> None:
    """DOMAIN §7.2: WAZO dagloon 320, Feb 2025: 20 × 290.67 = €5,813.40."""
    werknemer = werknemer_bij(werkgever_a)
    loon(werknemer, Decimal(320 * 261))
    zwangerschapsverlof(werknemer, date(2025, 1, 20), date(2025, 5, 25))
    stel_specificaties_op(door=Uitvoerder(), maand=date(2025, 2, 1))
    regel = Specificatieregel.objects.get()
    assert (regel.grondslag, regel.soort) == (Grondslag.WAZO, Uitkeringssoort.WAZO)
    assert (regel.maximumdagloon, regel.dagbedrag, regel.uitkeringsdagen, regel.bruto) == (
        Decimal("290.67"),
        Decimal("290.67"),
        20,
        Decimal("5813.40"),
    )


@pytest.mark.klok("2026-01-05 10:00")
def test_juli_met_het_nieuwe_maximumdagloon(werkgever_a: Omgeving, beheerder) -> None:
    """DOMAIN §7.2: the maximum changes on 1 July; the value the operator entered applies from
    July on, and cannot change once July has been computed."""
    leg_maximumdagloon_vast(door=beheerder, ingangsdatum=date(2025, 7, 1), bedrag=Decimal("295.00"))
    werknemer = werknemer_bij(werkgever_a)
    loon(werknemer, Decimal(320 * 261))
    zwangerschapsverlof(werknemer, date(2025, 6, 16), date(2025, 10, 19))
    stel_specificaties_op(door=Uitvoerder(), maand=date(2025, 6, 1))
    stel_specificaties_op(door=Uitvoerder(), maand=date(2025, 7, 1))
    juni, juli = Specificatieregel.objects.order_by("van")
    assert (juni.dagbedrag, juni.uitkeringsdagen, juni.bruto) == (
        Decimal("290.67"),
        11,
        Decimal("3197.37"),
    )
    assert (juli.dagbedrag, juli.uitkeringsdagen, juli.bruto) == (
        Decimal("295.00"),
        23,
        Decimal("6785.00"),
    )
    with pytest.raises(ValidationError, match="al uitkeringen berekend"):
        leg_maximumdagloon_vast(
            door=beheerder, ingangsdatum=date(2025, 7, 1), bedrag=Decimal("296.00")
        )
    with pytest.raises(ValidationError):
        leg_maximumdagloon_vast(
            door=beheerder, ingangsdatum=date(2025, 8, 1), bedrag=Decimal("296.00")
        )


def test_latere_specificatie_geeft_correctieregel_en_wijzigt_betaalde_regel_niet(
    zieke, beheerder, klok
) -> None:
    """ADR 0046: March is paid without UWV benefit (€2,200.00); the uitvoerder's feed brings a
    ZW line for 03-17 … 03-31 in April; May's run adds a correction of −€1,540.00 for March."""
    voer_maandrun_uit(door=Uitvoerder(), maand=date(2025, 3, 1))
    betaald = Uitkeringsregel.objects.get()
    klok.move_to("2025-05-02 10:00")
    werknemer = zieke.werknemer
    nummer = werknemer.loonheffingennummer.nummer
    proef = lees_in(
        door=beheerder,
        bestandsnaam="zw.csv",
        inhoud=_csv(f"{werknemer.bsn};{nummer};zw;2025-03-17;2025-03-31;200,00;70;140,00;1540,00"),
    )
    assert proef.fouten == []
    assert Specificatieregel.objects.count() == 0  # a proefdraai writes nothing
    leg_vast(door=beheerder, specificatieimport=proef)
    voer_maandrun_uit(door=Uitvoerder(), maand=date(2025, 4, 1))
    correctie = Uitkeringsregel.objects.get(soort=Regelsoort.CORRECTIE)
    assert (correctie.maand, correctie.aftrek_uwv, correctie.bedrag) == (
        date(2025, 3, 1),
        Decimal("1540.00"),
        Decimal("-1540.00"),
    )
    betaald.refresh_from_db()
    assert betaald.bedrag == Decimal("2200.00")


def test_import_fouten_per_regel_in_het_nederlands_alles_of_niets(zieke, beheerder) -> None:
    werknemer = zieke.werknemer
    nummer = werknemer.loonheffingennummer.nummer
    goed = f"{werknemer.bsn};{nummer};zw;2025-03-03;2025-03-14;200,00;70;140,00;1400,00"
    proef = lees_in(
        door=beheerder,
        bestandsnaam="feed.csv",
        inhoud=_csv(
            goed,
            f"123456789;{nummer};zw;2025-03-03;2025-03-14;200;70;140;1400",
            f"{werknemer.bsn};{nummer};ww;2025-03-03;2025-03-14;200;70;140;1400",
            f"{werknemer.bsn};{nummer};wazo;2025-03-03;2025-03-14;400;100;400,00;4000,00",
            f"{werknemer.bsn};{nummer};orgaandonatie;2025-03-03;2025-03-14;200;100;200;1900",
            goed,
        ),
    )
    assert proef.fouten == [
        "Regel 3: geen geldig BSN (9 cijfers, elfproef).",
        "Regel 4: grondslag moet een van deze zijn: zw, zwangerschap, orgaandonatie, "
        "no_riskpolis, wazo, aanvullend_geboorteverlof.",
        "Regel 5: dagbedrag is hoger dan het maximumdagloon (290.67) × percentage.",
        "Regel 6: bruto is niet dagbedrag × 10 uitkeringsdagen (2000.00).",
        "Regel 7: staat al eerder in het bestand.",
    ]
    assert "123456789" not in " ".join(proef.fouten)  # a mistyped BSN is never repeated
    with pytest.raises(ValidationError, match="fouten"):
        leg_vast(door=beheerder, specificatieimport=proef)
    assert Specificatieregel.objects.count() == 0


def test_json_feed_en_geauditeerd(zieke, beheerder) -> None:
    werknemer = zieke.werknemer
    feed = {
        "regels": [
            {
                "bsn": werknemer.bsn,
                "loonheffingennummer": werknemer.loonheffingennummer.nummer,
                "grondslag": "zwangerschap",
                "van": "2025-03-03",
                "tot_en_met": "2025-03-28",
                "dagloon": 200.00,
                "percentage": 100,
                "dagbedrag": "200.00",
                "bruto": "4000.00",
            }
        ]
    }
    proef = lees_in(door=beheerder, bestandsnaam="feed.json", inhoud=json.dumps(feed).encode())
    assert (proef.fouten, proef.aantal) == ([], 1)
    leg_vast(door=beheerder, specificatieimport=proef)
    proef.refresh_from_db()
    assert proef.status == Importstatus.VASTGELEGD
    regel = Specificatieregel.objects.get()
    assert (regel.bron, regel.bruto, regel.uitkeringsdagen) == (
        Bron.UITVOERDER,
        Decimal("4000.00"),
        20,
    )
    assert Auditregel.objects.filter(object_type="specificatieimport").count() == 2
    with pytest.raises(ValidationError, match="al verwerkt"):
        leg_vast(door=beheerder, specificatieimport=proef)
    opnieuw = lees_in(door=beheerder, bestandsnaam="feed.json", inhoud=json.dumps(feed).encode())
    assert opnieuw.fouten == ["Regel 2: deze betaalperiode staat al in de specificatie."]


def test_json_dat_geen_lijst_is_wordt_geweigerd(beheerder) -> None:
    with pytest.raises(ValidationError, match="lijst van regels"):
        lees_in(door=beheerder, bestandsnaam="feed.json", inhoud=b'{"regels": 3}')
    with pytest.raises(ValidationError, match="niet te lezen"):
        lees_in(door=beheerder, bestandsnaam="feed.json", inhoud=b"{kapot")


def test_maximumdagloon_alleen_op_1_januari_of_1_juli(beheerder) -> None:
    with pytest.raises(ValidationError, match="1 januari en 1 juli"):
        leg_maximumdagloon_vast(
            door=beheerder, ingangsdatum=date(2027, 3, 1), bedrag=Decimal("310.00")
        )
    rij = leg_maximumdagloon_vast(
        door=beheerder, ingangsdatum=date(2027, 1, 1), bedrag=Decimal("310.00")
    )
    assert Maximumdagloon.objects.get(ingangsdatum=date(2027, 1, 1)) == rij
