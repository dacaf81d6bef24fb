"""The purge per retention rule of DOMAIN §4.7 and ADR 0020, each on its boundaries.

The clock stands on 2026-11-23. A period that started on 2024-11-23 (2 years) ends today: kept.
Started 2024-11-22: ended yesterday, removed today. Started 2024-11-24: kept until tomorrow.
"""

from datetime import date, datetime, timedelta

import pytest
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.db.utils import DatabaseError
from django.utils import timezone

from tests.factories import LoonheffingennummerFactory, VerzuimgevalFactory, WerknemerFactory
from verzuimportaal.audit.models import Actie, Auditregel
from verzuimportaal.berichten.models import Bericht, Soort
from verzuimportaal.bewaartermijnen import service
from verzuimportaal.bewaartermijnen.models import Opschoonronde
from verzuimportaal.dossier.models import Activiteit, Document, Termijnverlenging
from verzuimportaal.dossier.tests.factories import ActiviteitFactory, document_bij
from verzuimportaal.herinneringen.models import Herinnering, HerinneringSoort
from verzuimportaal.verzuim.models import Correctie, CorrectieVeld, Verzuimgeval, Verzuimmutatie
from verzuimportaal.werkgevers.models import Werkgever
from verzuimportaal.werknemers.models import Werknemer

pytestmark = [pytest.mark.klok("2026-11-23 12:00:00"), pytest.mark.django_db]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
VOOR, OP, NA = "een dag voor het einde", "op de laatste dag", "een dag na het einde"


def _oud_geval(werknemer: Werknemer, *, eerste_ziektedag: date, einddatum: date) -> Verzuimgeval:
    return VerzuimgevalFactory(
        werknemer=werknemer,
        eerste_ziektedag=eerste_ziektedag,
        einddatum=einddatum,
        einde_reden="hersteld",
        bereikbaar_telefoon="0612345678",
        verblijfadres="Kerkstraat 1, Utrecht",
    )


def _dossier(geval: Verzuimgeval) -> None:
    """One of each kind of re-integration data and a letter and a reminder message."""
    ActiviteitFactory(verzuimgeval=geval)
    document_bij(geval)
    Termijnverlenging.objects.create(
        verzuimgeval=geval,
        soort="verlenging",
        weken=13,
        vastgelegd_door_naam="Test",
        vastgelegd_op=timezone.now(),
    )
    Herinnering.objects.create(
        verzuimgeval=geval,
        stap_soort="probleemanalyse",
        stap_omschrijving="Probleemanalyse",
        deadline=geval.eerste_ziektedag + timedelta(days=41),
        soort=HerinneringSoort.VOORAF,
    )
    werkgever = geval.werknemer.loonheffingennummer.werkgever
    brief = Bericht(werkgever=werkgever, soort=Soort.BRIEF, onderwerp="Ontvangstbevestiging")
    brief.verzuimgeval = geval
    brief.document.save("brief.pdf", ContentFile(PDF), save=False)
    brief.save()
    Bericht.objects.create(
        werkgever=werkgever, soort=Soort.HERINNERING, onderwerp="Herinnering", verzuimgeval=geval
    )


def _correctie(geval: Verzuimgeval) -> None:
    Correctie.objects.create(
        verzuimgeval=geval,
        veld=CorrectieVeld.EERSTE_ZIEKTEDAG,
        oude_waarde="2022-01-03",
        nieuwe_waarde=geval.eerste_ziektedag.isoformat(),
        reden="Verkeerde datum doorgegeven",
        gecorrigeerd_door_naam="Test",
        gecorrigeerd_op=timezone.now(),
    )


def _uit_dienst(laatste_dag: date, *, erd: bool = False) -> Werknemer:
    lhnr = LoonheffingennummerFactory()
    if erd:
        Werkgever.objects.filter(pk=lhnr.werkgever_id).update(eigenrisicodrager_zw=True)
    werknemer = WerknemerFactory(
        loonheffingennummer=lhnr,
        datum_in_dienst=date(2015, 1, 1),
        datum_uit_dienst=laatste_dag,
        telefoonnummer="0687654321",
        email="persoon@example.nl",
        functie="Monteur",
    )
    geval = _oud_geval(werknemer, eerste_ziektedag=date(2021, 1, 4), einddatum=date(2021, 2, 1))
    _dossier(geval)
    _correctie(geval)
    return werknemer


# --- verzuimgegevens: 2 years after the last day in service (DOMAIN §4.7) --------------------


@pytest.mark.parametrize(
    ("erd", "laatste_dag", "wanneer", "geanonimiseerd"),
    [
        (False, date(2024, 11, 24), VOOR, False),
        (False, date(2024, 11, 23), OP, False),
        (False, date(2024, 11, 22), NA, True),
        # An eigenrisicodrager Ziektewet keeps them 5 years, also past the 2 years above.
        (True, date(2021, 11, 24), VOOR, False),
        (True, date(2021, 11, 23), OP, False),
        (True, date(2021, 11, 22), NA, True),
    ],
)
def test_werknemer_na_de_bewaartermijn_geanonimiseerd(erd, laatste_dag, wanneer, geanonimiseerd):
    werknemer = _uit_dienst(laatste_dag, erd=erd)
    service.schoon_op(door=service.systeemactor())
    werknemer.refresh_from_db()
    assert (werknemer.geanonimiseerd_op is not None) is geanonimiseerd, wanneer
    assert (werknemer.achternaam == service.GEANONIMISEERD) is geanonimiseerd


def test_anonimiseren_laat_niets_herleidbaars_maar_houdt_de_statistiek():
    werknemer = _uit_dienst(date(2024, 1, 31))
    bsn = werknemer.bsn
    service.schoon_op(door=service.systeemactor())
    werknemer.refresh_from_db()
    assert werknemer.bsn == service.anoniem_bsn(werknemer.pk) != bsn
    assert (werknemer.voornaam, werknemer.voorletters, werknemer.tussenvoegsel) == ("", "", "")
    assert (werknemer.telefoonnummer, werknemer.email, werknemer.functie) == ("", "", "")
    assert werknemer.geboortedatum == date(1985, 1, 1)
    # The spell keeps its dates and percentages (DOMAIN §6 over past periods) …
    geval = Verzuimgeval.objects.get(werknemer=werknemer)
    assert (geval.eerste_ziektedag, geval.einddatum) == (date(2021, 1, 4), date(2021, 2, 1))
    assert Verzuimmutatie.objects.filter(verzuimgeval=geval).count() == 1
    # … without contact data, letters, corrections or dossier.
    assert (geval.bereikbaar_telefoon, geval.verblijfadres) == ("", "")
    assert not Correctie.objects.filter(verzuimgeval=geval).exists()
    assert not Bericht.objects.filter(verzuimgeval=geval).exists()
    assert not Activiteit.objects.filter(verzuimgeval=geval).exists()
    assert not Document.objects.filter(verzuimgeval=geval).exists()


def test_bestanden_van_verwijderde_documenten_en_brieven_weg(
    prive_opslag, django_capture_on_commit_callbacks
):
    _uit_dienst(date(2024, 1, 31))
    bestanden = [p for p in prive_opslag.rglob("*") if p.is_file()]
    assert len(bestanden) == 2
    with django_capture_on_commit_callbacks(execute=True):
        service.schoon_op(door=service.systeemactor())
    assert [p for p in prive_opslag.rglob("*") if p.is_file()] == []


def test_werknemer_in_dienst_of_met_lopend_verzuim_blijft():
    in_dienst = WerknemerFactory(datum_in_dienst=date(2010, 1, 1))
    lopend = WerknemerFactory(datum_in_dienst=date(2010, 1, 1), datum_uit_dienst=date(2022, 1, 1))
    VerzuimgevalFactory(werknemer=lopend, eerste_ziektedag=date(2021, 12, 1))
    service.schoon_op(door=service.systeemactor())
    assert not Werknemer.objects.filter(
        pk__in=[in_dienst.pk, lopend.pk], geanonimiseerd_op__isnull=False
    ).exists()


# --- re-integration file: 2 years after the case ended (DOMAIN §4.7, §5.1) -------------------


@pytest.mark.parametrize(
    ("einddatum", "wanneer", "verwijderd"),
    [
        # einddatum is the first day fit; the last sick day is the day before.
        (date(2024, 11, 25), VOOR, False),
        (date(2024, 11, 24), OP, False),
        (date(2024, 11, 23), NA, True),
    ],
)
def test_dossier_twee_jaar_na_einde_reintegratie_verwijderd(einddatum, wanneer, verwijderd):
    werknemer = WerknemerFactory(datum_in_dienst=date(2015, 1, 1))
    geval = _oud_geval(werknemer, eerste_ziektedag=date(2024, 6, 3), einddatum=einddatum)
    _dossier(geval)
    service.schoon_op(door=service.systeemactor())
    assert Activiteit.objects.filter(verzuimgeval=geval).exists() is not verwijderd, wanneer
    assert Document.objects.filter(verzuimgeval=geval).exists() is not verwijderd
    assert Termijnverlenging.objects.filter(verzuimgeval=geval).exists() is not verwijderd
    assert Herinnering.objects.filter(verzuimgeval=geval).exists() is not verwijderd
    assert Bericht.objects.filter(verzuimgeval=geval, soort=Soort.HERINNERING).exists() is not (
        verwijderd
    )
    # The werknemer is still employed: the spell, its letter and the person stay.
    assert Bericht.objects.filter(verzuimgeval=geval, soort=Soort.BRIEF).exists()
    geval.refresh_from_db()
    assert geval.bereikbaar_telefoon == "0612345678"


def test_dossier_van_samengesteld_geval_blijft_zolang_het_vervolg_loopt():
    # DOMAIN §5.1: the relapse 27 days after the hersteldatum continues the case, still open.
    werknemer = WerknemerFactory(datum_in_dienst=date(2015, 1, 1))
    eerste = _oud_geval(werknemer, eerste_ziektedag=date(2023, 1, 2), einddatum=date(2023, 3, 1))
    _dossier(eerste)
    VerzuimgevalFactory(werknemer=werknemer, eerste_ziektedag=date(2023, 3, 28))
    los = WerknemerFactory(datum_in_dienst=date(2015, 1, 1))
    ander = _oud_geval(los, eerste_ziektedag=date(2023, 1, 2), einddatum=date(2023, 3, 1))
    _dossier(ander)
    VerzuimgevalFactory(werknemer=los, eerste_ziektedag=date(2023, 3, 29))  # gap 28: new case
    service.schoon_op(door=service.systeemactor())
    assert Activiteit.objects.filter(verzuimgeval=eerste).exists()
    assert not Activiteit.objects.filter(verzuimgeval=ander).exists()


# --- audit trail: 5 years after the moment (ADR 0020) ----------------------------------------


def _auditregel(werkgever: Werkgever, tijdstip: datetime) -> Auditregel:
    return Auditregel.objects.create(
        werkgever=werkgever,
        tijdstip=tijdstip,
        weergavenaam="Test",
        actie=Actie.INZIEN,
        object_type="werknemer",
    )


def test_auditregels_vijf_jaar_bewaard():
    werkgever = LoonheffingennummerFactory().werkgever
    tz = timezone.get_current_timezone()
    na = _auditregel(werkgever, datetime(2021, 11, 22, 23, 59, tzinfo=tz))
    op = _auditregel(werkgever, datetime(2021, 11, 23, 0, 0, tzinfo=tz))
    voor = _auditregel(werkgever, datetime(2021, 11, 24, 8, 0, tzinfo=tz))
    ronde = service.schoon_op(door=service.systeemactor())
    over = set(
        Auditregel.objects.filter(pk__in=[na.pk, op.pk, voor.pk]).values_list("pk", flat=True)
    )
    assert over == {op.pk, voor.pk}
    assert ronde.aantallen["auditregels_verwijderd"] == 1


def test_auditgrens_op_29_februari_niet_later_dan_de_trigger():
    utc = timezone.get_fixed_timezone(0)
    nu = datetime(2028, 2, 29, 2, 30, tzinfo=utc)  # 03:30 in Amsterdam, when beat runs
    # The rule says all of 2023-02-28 is past (kept through 2028-02-28); the database trigger
    # allows up to now − 5 years = 2023-02-28 02:30 UTC: the rest waits one night.
    assert service.audit_grens(date(2028, 2, 29), nu) == datetime(2023, 2, 28, 2, 30, tzinfo=utc)
    gewoon = datetime(2026, 11, 23, 2, 30, tzinfo=utc)
    assert service.audit_grens(date(2026, 11, 23), gewoon) == timezone.make_aware(
        datetime(2021, 11, 23)
    )


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigger only on PostgreSQL")
def test_database_weigert_jonge_auditregel_ook_met_de_instelling():
    werkgever = LoonheffingennummerFactory().werkgever
    jong = _auditregel(werkgever, timezone.now() - timedelta(days=365 * 4))
    oud = _auditregel(werkgever, timezone.now() - timedelta(days=365 * 6))
    for regel in (jong, oud):  # without the setting
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("DELETE FROM audit_auditregel WHERE id = %s", [regel.pk])
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL verzuimportaal.audit_bewaartermijn = 'verlopen'")
        cursor.execute("DELETE FROM audit_auditregel WHERE id = %s", [jong.pk])
    assert Auditregel.objects.filter(pk__in=[jong.pk, oud.pk]).count() == 2


# --- the run: trial first, audited counts, idempotent -----------------------------------------


def test_proef_telt_hetzelfde_en_wijzigt_niets():
    werknemer = _uit_dienst(date(2024, 1, 31))
    _auditregel(werknemer.loonheffingennummer.werkgever, timezone.now() - timedelta(days=2000))
    stand = (Auditregel.objects.count(), Activiteit.objects.count(), Bericht.objects.count())
    proef = service.schoon_op(door=service.systeemactor(), proef=True)
    assert (Auditregel.objects.count(), Activiteit.objects.count(), Bericht.objects.count()) == (
        stand
    )
    werknemer.refresh_from_db()
    assert werknemer.geanonimiseerd_op is None
    echt = service.schoon_op(door=service.systeemactor())
    assert proef.proef and not echt.proef
    assert proef.aantallen == echt.aantallen
    assert echt.aantallen == {
        "werknemers_geanonimiseerd": 1,
        "verzuimgevallen_geanonimiseerd": 1,
        "correcties_verwijderd": 1,
        "brieven_verwijderd": 2,
        "activiteiten_verwijderd": 1,
        "documenten_verwijderd": 1,
        "termijnverlengingen_verwijderd": 1,
        "herinneringen_verwijderd": 1,
        "auditregels_verwijderd": 1,
    }


def test_elke_geraakte_werkgever_krijgt_een_auditregel_met_de_aantallen():
    werknemer = _uit_dienst(date(2024, 1, 31))
    niet_geraakt = WerknemerFactory().loonheffingennummer.werkgever
    werkgever = werknemer.loonheffingennummer.werkgever
    versie = werkgever.gegevensversie
    ronde = service.schoon_op(door=service.systeemactor())
    regel = Auditregel.objects.get(werkgever=werkgever, object_type="bewaartermijn")
    assert regel.actie == Actie.VERWIJDEREN
    assert regel.weergavenaam == service.SYSTEEMNAAM
    assert regel.object_id == str(ronde.pk)
    assert "1 werknemers geanonimiseerd" in regel.omschrijving
    assert "1 correcties verwijderd" in regel.omschrijving
    assert not Auditregel.objects.filter(werkgever=niet_geraakt, object_type="bewaartermijn")
    werkgever.refresh_from_db()
    assert werkgever.gegevensversie > versie  # cached figures are recomputed (ADR 0011)
    assert ronde.werkgevers == 1


def test_tweede_ronde_verwijdert_niets_meer():
    _uit_dienst(date(2024, 1, 31))
    service.schoon_op(door=service.systeemactor())
    tweede = service.schoon_op(door=service.systeemactor())
    assert set(tweede.aantallen.values()) == {0}
    assert Opschoonronde.objects.count() == 2


def test_anoniem_bsn_uniek_en_nooit_geldig():
    assert service.anoniem_bsn(1) == "X00000001"
    assert service.anoniem_bsn(36) == "X00000010"
    assert len(service.anoniem_bsn(36**8 - 1)) == 9
