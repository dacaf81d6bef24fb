"""Bulk import of werknemers: CSV and XLSX, column mapping, dry run per row, all or nothing,
upsert by BSN + loonheffingennummer, uit dienst, report and audit row."""

import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from tests.factories import WerknemerFactory, elfproef_nummer, geldig_bsn
from verzuimportaal.audit.models import Auditregel
from verzuimportaal.werknemers.models import Werknemer

from .. import service
from ..models import Status, Werknemerimport

pytestmark = [pytest.mark.django_db, pytest.mark.klok("2026-11-23 10:00")]

KOPPEN = (
    "loonheffingennummer;bsn;voornaam;achternaam;geboortedatum;"
    "datum in dienst;datum uit dienst;uren"
)


def _csv(*regels: str) -> bytes:
    return ("\ufeff" + "\n".join([KOPPEN, *regels])).encode()


def _upload(client, naam: str, inhoud: bytes):
    return client.post(
        reverse("imports:start"),
        {"bestand": io.BytesIO(inhoud) if False else _bestand(naam, inhoud)},
    )


def _bestand(naam: str, inhoud: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(naam, inhoud)


def _volledig(client, naam: str, inhoud: bytes) -> Werknemerimport:
    response = _upload(client, naam, inhoud)
    assert response.status_code == 302, response.content.decode()[:2000]
    imp = Werknemerimport.objects.latest("pk")
    koppeling = {v: str(i) for v, i in imp.koppeling.items()}
    assert client.post(reverse("imports:koppelen", args=[imp.uuid]), koppeling).status_code == 302
    imp.refresh_from_db()
    return imp


def test_csv_proefdraai_en_uitvoeren(werkgever_a, eigenaar, django_capture_on_commit_callbacks):
    a = werkgever_a
    lhnr = a.loonheffingennummer.nummer
    bestaand = a.werknemer
    nieuw_bsn = geldig_bsn()
    inhoud = _csv(
        f"{lhnr};{nieuw_bsn};Sara;de Vries;12-05-1990;01-02-2021;;32",
        f"{lhnr};{bestaand.bsn};{bestaand.voornaam};Gewijzigd;{bestaand.geboortedatum:%d-%m-%Y};"
        f"{bestaand.datum_in_dienst:%d-%m-%Y};;40",
    )
    imp = _volledig(eigenaar, "salaris.csv", inhoud)
    assert imp.status == Status.GECONTROLEERD
    assert imp.aantallen == {"aanmaken": 1, "wijzigen": 1}
    assert not Werknemer.objects.filter(bsn=nieuw_bsn).exists()  # the dry run writes nothing
    pagina = eigenaar.get(reverse("imports:proefdraai", args=[imp.uuid])).content.decode()
    assert "Aanmaken: 1" in pagina and "achternaam" in pagina
    with django_capture_on_commit_callbacks(execute=True):  # the Celery task, eager
        assert eigenaar.post(reverse("imports:proefdraai", args=[imp.uuid])).status_code == 302
    imp.refresh_from_db()
    assert imp.status == Status.KLAAR and imp.rijen == []
    nieuw = Werknemer.objects.get(bsn=nieuw_bsn)
    assert nieuw.geboortedatum == date(1990, 5, 12) and str(nieuw.deeltijdfactor) == "0.800"
    bestaand.refresh_from_db()
    assert bestaand.achternaam == "Gewijzigd"
    regel = Auditregel.objects.get(object_type="werknemerimport")
    assert "1 aangemaakt, 1 gewijzigd" in regel.omschrijving
    voortgang = eigenaar.get(
        reverse("imports:voortgang", args=[imp.uuid]), headers={"HX-Request": "true"}
    )
    assert (
        'value="100"' in voortgang.content.decode() and "hx-get" not in voortgang.content.decode()
    )
    boek = load_workbook(
        io.BytesIO(eigenaar.get(reverse("imports:rapport", args=[imp.uuid])).content)
    )
    cellen = [c for rij in boek.active.iter_rows(values_only=True) for c in rij]
    assert "Aanmaken" in cellen and nieuw_bsn not in cellen


def test_fouten_per_regel_en_niets_verwerkt(werkgever_a, werkgever_b, eigenaar):
    lhnr = werkgever_a.loonheffingennummer.nummer
    dubbel = geldig_bsn()
    inhoud = _csv(
        f"{lhnr};123456789;A;Elfproef;01-01-1990;01-01-2020;;32",
        f"{lhnr};{geldig_bsn()};B;Datum;31-02-1990;01-01-2020;;32",
        f"{lhnr};{dubbel};C;Dubbel;01-01-1990;01-01-2020;;32",
        f"{lhnr};{dubbel};D;Dubbel;01-01-1990;01-01-2020;;32",
        f"{werkgever_b.loonheffingennummer.nummer};{geldig_bsn()};E;Ander;01-01-1990;01-01-2020;;32",
        f"{lhnr};{geldig_bsn()};F;Goed;01-01-1990;01-01-2020;;32",
    )
    imp = _volledig(eigenaar, "fout.csv", inhoud)
    redenen = {u["regel"]: (u["actie"], u["reden"]) for u in imp.uitkomsten}
    assert "elfproef" in redenen[2][1]
    assert "geen datum" in redenen[3][1]
    assert "vaker" in redenen[4][1] and "vaker" in redenen[5][1]
    assert "niet (actief) van deze werkgever" in redenen[6][1]
    assert redenen[7][0] == "aanmaken"
    voor = Werknemer.objects.count()
    response = eigenaar.post(reverse("imports:proefdraai", args=[imp.uuid]))
    assert "helemaal of helemaal niet" in response.content.decode()
    assert Werknemer.objects.count() == voor


def test_xlsx_en_uit_dienst_en_ziek_uit_dienst_geweigerd(werkgever_a, eigenaar):
    a = werkgever_a
    gezond = WerknemerFactory(loonheffingennummer=a.loonheffingennummer)
    boek = Workbook()
    blad = boek.active
    blad.append(
        [
            "Loonheffingennummer",
            "BSN",
            "Achternaam",
            "Geboortedatum",
            "Datum in dienst",
            "Laatste dag in dienst",
            "Contracturen per week",
        ]
    )
    blad.append(
        [
            a.loonheffingennummer.nummer,
            gezond.bsn,
            gezond.achternaam,
            gezond.geboortedatum,
            gezond.datum_in_dienst,
            date(2026, 11, 30),
            float(gezond.contracturen_per_week),
        ]
    )
    ziek = a.werknemer  # has an open spell (conftest)
    blad.append(
        [
            a.loonheffingennummer.nummer,
            ziek.bsn,
            ziek.achternaam,
            ziek.geboortedatum,
            ziek.datum_in_dienst,
            date(2026, 11, 30),
            float(ziek.contracturen_per_week),
        ]
    )
    uit = io.BytesIO()
    boek.save(uit)
    imp = _volledig(eigenaar, "export.xlsx", uit.getvalue())
    acties = [u["actie"] for u in imp.uitkomsten]
    assert acties == ["uit_dienst", "weigeren"]
    assert "ziek uit dienst" in imp.uitkomsten[1]["reden"]


def test_uit_dienst_verwerkt(werkgever_a, eigenaar, django_capture_on_commit_callbacks):
    a = werkgever_a
    gezond = WerknemerFactory(loonheffingennummer=a.loonheffingennummer)
    regel = (
        f"{a.loonheffingennummer.nummer};{gezond.bsn};{gezond.voornaam};{gezond.achternaam};"
        f"{gezond.geboortedatum:%Y-%m-%d};{gezond.datum_in_dienst:%Y-%m-%d};2026-11-30;"
        f"{gezond.contracturen_per_week}"
    )
    imp = _volledig(eigenaar, "uit.csv", _csv(regel))
    assert imp.aantallen == {"uit_dienst": 1}
    with django_capture_on_commit_callbacks(execute=True):
        eigenaar.post(reverse("imports:proefdraai", args=[imp.uuid]))
    gezond.refresh_from_db()
    assert gezond.datum_uit_dienst == date(2026, 11, 30)


def test_alles_of_niets_als_de_gegevens_intussen_veranderden(
    werkgever_a, eigenaar, django_capture_on_commit_callbacks
):
    lhnr = werkgever_a.loonheffingennummer.nummer
    imp = _volledig(
        eigenaar,
        "a.csv",
        _csv(
            f"{lhnr};{geldig_bsn()};A;Een;01-01-1990;01-01-2020;;32",
            f"{lhnr};{geldig_bsn()};B;Twee;01-01-1990;01-01-2020;;32",
        ),
    )
    # Between the dry run and the commit the number is deactivated: the rows are checked again
    # inside the commit, so nothing is written (not even the first row).
    werkgever_a.loonheffingennummer.actief = False
    werkgever_a.loonheffingennummer.save(update_fields=["actief"])
    voor = Werknemer.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        eigenaar.post(reverse("imports:proefdraai", args=[imp.uuid]))
    imp.refresh_from_db()
    assert imp.status == Status.MISLUKT and "niets verwerkt" in imp.fout
    assert Werknemer.objects.count() == voor


def test_sjabloon_en_andermans_import(werkgever_a, werkgever_b, eigenaar, buitenstaander):
    boek = load_workbook(io.BytesIO(eigenaar.get(reverse("imports:sjabloon")).content))
    koppen = next(boek.active.iter_rows(values_only=True))
    assert service.automatische_koppeling(list(koppen)).keys() >= {
        v.naam for v in service.VELDEN if v.verplicht
    }
    imp = _volledig(
        eigenaar,
        "x.csv",
        _csv(
            f"{werkgever_a.loonheffingennummer.nummer};{geldig_bsn()};A;Een;01-01-1990;01-01-2020;;32"
        ),
    )
    for naam in ("imports:koppelen", "imports:proefdraai", "imports:voortgang", "imports:rapport"):
        assert buitenstaander.get(reverse(naam, args=[imp.uuid])).status_code == 404


def test_onleesbaar_bestand(eigenaar):
    response = _upload(eigenaar, "foto.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)
    assert "CSV- of Excel-bestand" in response.content.decode()
    assert not Werknemerimport.objects.exists()


def test_elfproef_nummers_in_factories_zijn_geldig():
    from verzuimportaal.utils.elfproef import is_bsn

    assert is_bsn(elfproef_nummer(7))


def _start_en_voer_uit(door, inhoud: bytes) -> Werknemerimport:
    imp = service.lees_in(door=door, bestandsnaam="salaris.csv", inhoud=inhoud)
    imp = service.controleer(door=door, imp=imp, koppeling=imp.koppeling)
    service.start(door=door, imp=imp)
    return service.voer_uit(import_uuid=str(imp.uuid)) or imp


def test_nieuwe_werknemers_met_copy_zoals_met_bulk_create(werkgever_a, monkeypatch):
    """The COPY path (PostgreSQL) and the bulk_create path store the same row (ADR 0038)."""
    from django.db import connection

    lhnr = werkgever_a.loonheffingennummer.nummer
    bsns = [geldig_bsn(), geldig_bsn()]
    rijen = []
    for pad, bsn in zip(("copy", "bulk_create"), bsns, strict=True):
        if pad == "bulk_create":
            monkeypatch.setattr(connection, "vendor", "sqlite")
        imp = _start_en_voer_uit(
            werkgever_a.actor, _csv(f"{lhnr};{bsn};Sara;de Vries;12-05-1990;01-02-2021;;32")
        )
        assert imp.status == Status.KLAAR, imp.fout
        rijen.append(Werknemer.objects.filter(bsn=bsn).values().get())
    assert rijen[0]["uuid"] != rijen[1]["uuid"]
    for rij in rijen:
        for veld in ("id", "uuid", "bsn", "aangemaakt_op", "gewijzigd_op"):
            rij.pop(veld)
    assert rijen[0] == rijen[1]
    assert rijen[0]["personeelsnummer"] == "" and rijen[0]["geanonimiseerd_op"] is None


def test_de_verwerking_houdt_de_beperking_en_het_adres_van_de_starter(werkgever_a):
    """A starter limited to some loonheffingennummers (route B) stays limited in the task, and
    the audit row carries the starter's address and browser."""
    from dataclasses import replace

    from tests.factories import LoonheffingennummerFactory
    from verzuimportaal.werkgevers.models import Loonheffingennummer

    ander: Loonheffingennummer = LoonheffingennummerFactory(werkgever=werkgever_a.werkgever)  # type: ignore[assignment]
    door = replace(
        werkgever_a.actor,
        loonheffingennummer_ids=frozenset({werkgever_a.loonheffingennummer.pk}),
        ip="192.0.2.44",
        user_agent="Salaris/3.1",
    )
    eigen = geldig_bsn()
    imp = _start_en_voer_uit(
        door,
        _csv(f"{werkgever_a.loonheffingennummer.nummer};{eigen};A;B;12-05-1990;01-02-2021;;32"),
    )
    assert imp.status == Status.KLAAR
    regel = Auditregel.objects.get(object_type="werknemerimport", object_id=str(imp.uuid))
    assert (regel.ip_adres, regel.user_agent) == ("192.0.2.44", "Salaris/3.1")
    # Checked at start against the limited numbers; the task refuses the other number too.
    assert service._actor(imp).loonheffingennummer_ids == frozenset(
        {werkgever_a.loonheffingennummer.pk}
    )
    buiten = service.proefdraai(
        door=service._actor(imp),
        rijen=[[ander.nummer, geldig_bsn(), "", "A", "12-05-1990", "01-02-2021", "", "32"]],
        koppeling={
            "loonheffingennummer": 0,
            "bsn": 1,
            "achternaam": 3,
            "geboortedatum": 4,
            "datum_in_dienst": 5,
            "contracturen_per_week": 7,
        },
    )
    assert [u.actie for u in buiten] == ["weigeren"]
