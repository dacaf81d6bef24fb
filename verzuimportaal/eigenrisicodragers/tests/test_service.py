"""Loading ERD data (ADR 0040): a proefdraai changes nothing; vastleggen writes all or nothing."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from verzuimportaal.audit.models import Actie, Auditregel
from verzuimportaal.eigenrisicodragers import service
from verzuimportaal.eigenrisicodragers.models import (
    Documentsoort,
    Erddocument,
    Erdstatus,
    Importsoort,
    Importstatus,
)
from verzuimportaal.toegang.actor import beheerder

from .factories import DOCUMENTKOP, STATUSKOP, documentregel, laad, status_van, voorbeeldregels

pytestmark = pytest.mark.klok("2026-11-23")


def test_status_per_loonheffingennummer_met_data(werkgever_a):
    status_van(werkgever_a)
    assert sorted(Erdstatus.objects.values_list("risico", "ingangsdatum", "einddatum")) == [
        ("wga", date(2024, 1, 1), None),
        ("ww", date(2023, 1, 1), date(2025, 12, 31)),
    ]
    # Loading the same status again with an end date updates it, no second row.
    nummer = werkgever_a.loonheffingennummer.nummer
    laad(Importsoort.STATUS, STATUSKOP, [f"{nummer};wga;2024-01-01;31-12-2026"])
    assert Erdstatus.objects.get(risico="wga").einddatum == date(2026, 12, 31)


def test_documenten_van_elke_soort_met_bedragen_in_centen(werkgever_a):
    werkgever_a.werkgever.refresh_from_db()
    versie = werkgever_a.werkgever.gegevensversie
    laad(Importsoort.DOCUMENTEN, DOCUMENTKOP, voorbeeldregels(werkgever_a))
    documenten = {d.soort: d for d in Erddocument.objects.all()}
    assert set(documenten) == set(Documentsoort.values)
    recht = documenten[Documentsoort.RECHT_HOOGTE_DUUR]
    assert (recht.regeling, recht.bedrag, recht.van, recht.tot) == (
        "wga",
        Decimal("1834.50"),
        date(2026, 1, 5),
        date(2036, 1, 4),
    )
    assert documenten[Documentsoort.DECLARATIE_WW].regeling == "ww"  # always WW
    werkgever_a.werkgever.refresh_from_db()
    assert werkgever_a.werkgever.gegevensversie == versie + 1


def test_fouten_per_regel_en_dan_wordt_niets_vastgelegd(werkgever_a):
    regels = [
        *voorbeeldregels(werkgever_a),
        documentregel(werkgever_a, "brief", "X-1"),
        documentregel(werkgever_a, "controle", "X-2"),  # no toelichting
        documentregel(werkgever_a, "maandfactuur", "X-3", regeling="zw", van="2026-10-01",
                      tot="2026-10-31", bedrag="12,345"),
        documentregel(werkgever_a, "controle", "C-1", toelichting="dubbel"),
        documentregel(werkgever_a, "reintegratie_ww", "X-4", bsn="123456789", naam="X",
                      van="2026-13-01"),
        documentregel(werkgever_a, "controle", "X-5", toelichting="t",
                      loonheffingennummer="000000000L01"),
    ]  # fmt: skip
    proef = laad(Importsoort.DOCUMENTEN, DOCUMENTKOP, regels, vastleggen=False)
    assert proef.fouten == [
        "Regel 7: soort moet een van deze zijn: controle, recht_hoogte_duur, maandfactuur, "
        "declaratie_ww, reintegratie_ww.",
        "Regel 8: ontbreekt: toelichting.",
        "Regel 9: regeling moet wga of ww zijn.",
        "Regel 10: staat al eerder in het bestand.",
        "Regel 11: van is geen datum (jjjj-mm-dd of dd-mm-jjjj).",
        "Regel 12: loonheffingennummer onbekend in het portaal.",
    ]
    with pytest.raises(ValidationError, match="fouten"):
        service.leg_vast(door=beheerder(proef.aangemaakt_door), erdimport=proef)
    assert not Erddocument.objects.exists()


def test_bedrag_met_meer_dan_centen_en_tot_voor_van_geweigerd(werkgever_a):
    regels = [
        documentregel(werkgever_a, "maandfactuur", "F-9", regeling="ww", van="2026-10-01",
                      tot="2026-10-31", bedrag="12,345"),
        documentregel(werkgever_a, "declaratie_ww", "D-9", bsn="111222333", naam="X",
                      van="2026-10-31", tot="2026-10-01", bedrag="1"),
    ]  # fmt: skip
    proef = laad(Importsoort.DOCUMENTEN, DOCUMENTKOP, regels, vastleggen=False)
    assert proef.fouten == [
        "Regel 2: bedrag is geen bedrag in euro's en centen.",
        "Regel 3: 'tot' ligt voor 'van'.",
    ]


def test_een_document_wordt_niet_twee_keer_geladen_en_niets_van_het_tweede_bestand(werkgever_a):
    laad(Importsoort.DOCUMENTEN, DOCUMENTKOP, voorbeeldregels(werkgever_a))
    tweede = laad(
        Importsoort.DOCUMENTEN,
        DOCUMENTKOP,
        [
            documentregel(werkgever_a, "controle", "C-NIEUW", toelichting="nieuw"),
            documentregel(werkgever_a, "controle", "C-1", toelichting="opnieuw"),
        ],
        vastleggen=False,
    )
    with pytest.raises(ValidationError, match="al geladen: C-1"):
        service.leg_vast(door=beheerder(tweede.aangemaakt_door), erdimport=tweede)
    assert not Erddocument.objects.filter(kenmerk="C-NIEUW").exists()
    tweede.refresh_from_db()
    assert tweede.status == Importstatus.PROEF


def test_ontbrekende_kolommen_en_dubbel_vastleggen(werkgever_a):
    proef = laad(Importsoort.STATUS, "loonheffingennummer;risico", ["x;wga"], vastleggen=False)
    assert proef.fouten == ["Kolommen ontbreken op de eerste regel: ingangsdatum, einddatum."]
    klaar = laad(Importsoort.DOCUMENTEN, DOCUMENTKOP, voorbeeldregels(werkgever_a))
    with pytest.raises(ValidationError, match="al vastgelegd"):
        service.leg_vast(door=beheerder(klaar.aangemaakt_door), erdimport=klaar)


def test_proefdraai_en_vastleggen_in_het_auditlog_van_de_beheerder(werkgever_a):
    klaar = laad(Importsoort.DOCUMENTEN, DOCUMENTKOP, voorbeeldregels(werkgever_a))
    regels = Auditregel.objects.filter(object_id=str(klaar.uuid)).order_by("pk")
    assert [r.actie for r in regels] == [Actie.AANMAKEN, Actie.WIJZIGEN]
    assert all(r.werkgever is None for r in regels)
