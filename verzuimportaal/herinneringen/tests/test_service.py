"""Reminders of Poortwachter deadlines (DOMAIN §5): which, when, once, and failures that retry."""

import smtplib
from datetime import date, timedelta

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from freezegun import freeze_time

from tests.factories import GebruikerFactory, LidmaatschapFactory
from verzuimportaal import poortwachter
from verzuimportaal.accounts import service as accounts
from verzuimportaal.berichten.models import Bericht
from verzuimportaal.dossier import termijnen, termijnstand
from verzuimportaal.herinneringen import bezorging, service
from verzuimportaal.herinneringen.models import Herinnering, HerinneringSoort
from verzuimportaal.runtime import uitgaand
from verzuimportaal.toegang.actor import accounthouder, beheerder
from verzuimportaal.verzuim import service as verzuim_service

from .factories import situatie

P = date(2026, 3, 2)  # peildatum, a Monday
PA = 41  # probleemanalyse due D+41 (DOMAIN §5)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("freeze_peildatum")]

SYSTEEM = beheerder(None)  # the portal itself, as the daily task runs the reminders


@pytest.fixture
def freeze_peildatum():
    with freeze_time("2026-03-02 05:00:00"):  # 06:00 Europe/Amsterdam
        yield


@pytest.fixture
def voer_uit(django_capture_on_commit_callbacks):
    """Run the job as the beat task would, with the on-commit hand-offs executed (eager)."""

    def uitvoeren(peildatum: date = P) -> service.Resultaat:
        with django_capture_on_commit_callbacks(execute=True):
            return service.verstuur_herinneringen(door=SYSTEEM, peildatum=peildatum)

    return uitvoeren


def herinneringsmails() -> list[mail.EmailMessage]:
    """Reminder e-mails only (the inbox also mails its own 'new message' notification)."""
    return [m for m in mail.outbox if "verzuimnummer" in m.subject]


def verstuurd() -> set[tuple[str, str, date]]:
    return set(
        Herinnering.objects.filter(ontvanger__isnull=True).values_list(
            "stap_soort", "soort", "deadline"
        )
    )


@pytest.mark.parametrize(
    ("omschrijving", "d_offset", "verwacht"),
    [
        ("probleemanalyse over 7 dagen", 7 - PA, {("probleemanalyse", "vooraf", 7)}),
        ("probleemanalyse over 8 dagen: nog niet", 8 - PA, set()),
        ("probleemanalyse vandaag: nog vooraf", 0 - PA, {("probleemanalyse", "vooraf", 0)}),
        ("probleemanalyse gisteren: verlopen", -1 - PA, {("probleemanalyse", "verlopen", -1)}),
        # 8 days overdue is past the catch-up window; the plan van aanpak (D+55) is in 6 days.
        ("ouder dan de inhaaltermijn", -8 - PA, {("plan_van_aanpak", "vooraf", 6)}),
    ],
)
def test_tabel_van_termijnen(omschrijving, d_offset, verwacht, voer_uit):
    s = situatie(eerste_ziektedag=P + timedelta(days=d_offset))

    resultaat = voer_uit()

    assert verstuurd() == {(stap, soort, P + timedelta(days=d)) for stap, soort, d in verwacht}
    assert resultaat.stappen == resultaat.berichten == len(verwacht)
    assert resultaat.mails == len(verwacht)
    assert len(herinneringsmails()) == len(verwacht)
    assert Bericht.objects.filter(soort="herinnering").count() == len(verwacht)
    for h in Herinnering.objects.all():
        assert h.verzuimgeval == s.verzuimgeval
        assert h.verzonden_op is not None


def test_afgeronde_stap_geeft_niets(voer_uit, monkeypatch):
    s = situatie(eerste_ziektedag=P + timedelta(days=7 - PA))
    gedaan = poortwachter.Gevalfeiten(
        periode_id=s.verzuimgeval.pk, probleemanalyse_op=P - timedelta(days=3)
    )
    monkeypatch.setattr(
        termijnen, "_feitenbronnen", [*termijnen._feitenbronnen, lambda ids: [gedaan]]
    )
    # A fact source changed outside the services: store the open steps again (ADR 0047).
    termijnstand.werk_bij(werknemer_ids=[s.verzuimgeval.werknemer_id])
    assert voer_uit().stappen == 0
    assert not Herinnering.objects.exists()
    assert herinneringsmails() == []


def test_afgesloten_verzuim_geeft_niets(voer_uit):
    situatie(eerste_ziektedag=P + timedelta(days=7 - PA), einddatum=P - timedelta(days=1))
    assert voer_uit().stappen == 0
    assert not Herinnering.objects.exists()


def test_mail_zonder_naam_of_bsn_en_naar_wie_ziek_mag_melden(voer_uit):
    s = situatie(eerste_ziektedag=P + timedelta(days=7 - PA), email="hr@bakkerij.example")
    werkgever = s.lidmaatschap.werkgever
    LidmaatschapFactory(
        werkgever=werkgever, actief=False, gebruiker=GebruikerFactory(email="x@a.nl")
    )
    LidmaatschapFactory(werkgever=werkgever, gebruiker=GebruikerFactory(email=""))
    LidmaatschapFactory(
        werkgever=werkgever, gebruiker=GebruikerFactory(email="y@a.nl", is_active=False)
    )
    situatie(eerste_ziektedag=P - timedelta(days=300), email="ander@example.nl")  # other werkgever

    voer_uit()

    mails = [m for m in herinneringsmails() if s.verzuimgeval.verzuimnummer in m.subject]
    assert [m.to for m in mails] == [["hr@bakkerij.example"]]
    werknemer = s.verzuimgeval.werknemer
    inhoud = f"{mails[0].subject}\n{mails[0].body}"
    for geheim in (werknemer.bsn, werknemer.achternaam, werknemer.voornaam):
        assert geheim not in inhoud
    assert s.verzuimgeval.verzuimnummer in inhoud
    assert "Log in op het portaal" in inhoud
    assert "Probleemanalyse" in inhoud and "09-03-2026" in inhoud


def test_verlopen_termijn_begint_met_te_laat(voer_uit):
    """Issue: overdue steps were not recognisable; the subject starts with "Te laat" and the
    text names the risk (loonsanctie) and what to do."""
    s = situatie(eerste_ziektedag=P + timedelta(days=-1 - PA), email="hr@bakkerij.example")

    voer_uit()

    mails = [m for m in herinneringsmails() if s.verzuimgeval.verzuimnummer in m.subject]
    assert [m.subject.split(":")[0] for m in mails] == ["Te laat"]
    assert "TE LAAT: de uiterste datum voor 'Probleemanalyse" in mails[0].body
    assert "was 01-03-2026" in mails[0].body and "loonsanctie" in mails[0].body
    bericht = Bericht.objects.get(verzuimgeval=s.verzuimgeval)
    assert bericht.onderwerp.startswith("Te laat: Probleemanalyse")


def test_twee_keer_draaien_verstuurt_niets_dubbel(voer_uit):
    situatie(eerste_ziektedag=P + timedelta(days=7 - PA))
    situatie(eerste_ziektedag=P + timedelta(days=-1 - PA))
    eerste = voer_uit()
    aantal_mails, aantal_berichten = len(herinneringsmails()), Bericht.objects.count()
    assert (eerste.berichten, eerste.mails, aantal_mails) == (2, 2, 2)

    tweede = voer_uit()
    derde = voer_uit(P + timedelta(days=1))  # the vooraf deadline is still in the window

    assert (tweede.berichten, tweede.mails) == (0, 0)
    assert (derde.berichten, derde.mails) == (0, 0)
    assert len(herinneringsmails()) == aantal_mails
    assert Bericht.objects.count() == aantal_berichten


def test_vensters_zijn_precies():
    assert service.vensters(P) == {
        HerinneringSoort.VOORAF: (P, P + timedelta(days=7)),
        HerinneringSoort.VERLOPEN: (P - timedelta(days=7), P - timedelta(days=1)),
    }


def test_inhalen_na_dagen_zonder_run(voer_uit):
    """No run from P-4 to P-1: what those runs would have sent goes out once on P."""
    vooraf = situatie(eerste_ziektedag=P + timedelta(days=5 - PA))  # vooraf was due on P-2
    verlopen = situatie(eerste_ziektedag=P + timedelta(days=-3 - PA))  # verlopen was due P-2
    voer_uit(P - timedelta(days=5))  # the last run before the outage
    voor_de_storing = {("probleemanalyse", "vooraf", P - timedelta(days=3))}
    assert verstuurd() == voor_de_storing

    voer_uit(P)
    assert verstuurd() == voor_de_storing | {
        ("probleemanalyse", "vooraf", P + timedelta(days=5)),
        ("probleemanalyse", "verlopen", P - timedelta(days=3)),
    }
    assert Herinnering.objects.filter(verzuimgeval=vooraf.verzuimgeval).count() == 2
    assert Herinnering.objects.filter(verzuimgeval=verlopen.verzuimgeval).count() == 4
    for dag in range(1, 4):  # (on P+4 the plan van aanpak of D=P-44 enters its window)
        assert voer_uit(P + timedelta(days=dag)).mails == 0
    assert len(herinneringsmails()) == 3


def test_database_weigert_handmatig_duplicaat():
    s = situatie(eerste_ziektedag=P)
    sleutel = {
        "verzuimgeval": s.verzuimgeval,
        "stap_soort": "probleemanalyse",
        "deadline": P,
        "soort": HerinneringSoort.VOORAF,
    }
    Herinnering.objects.create(
        **sleutel, ontvanger=s.lidmaatschap.gebruiker, ontvanger_email="a@b.nl"
    )
    Herinnering.objects.create(**sleutel)  # the inbox row
    with pytest.raises(IntegrityError), transaction.atomic():
        Herinnering.objects.create(**sleutel, ontvanger=s.lidmaatschap.gebruiker)
    with pytest.raises(IntegrityError), transaction.atomic():
        Herinnering.objects.create(**sleutel)
    Herinnering.objects.create(**{**sleutel, "soort": HerinneringSoort.VERLOPEN})  # other kind


def test_mailfout_wordt_opnieuw_geprobeerd_en_vastgelegd(voer_uit, monkeypatch):
    situatie(eerste_ziektedag=P + timedelta(days=7 - PA))
    echte_send_mail = bezorging.send_mail
    pogingen = []

    def eerst_fout(**kwargs):
        pogingen.append(kwargs["recipient_list"])
        if len(pogingen) < 3:
            raise smtplib.SMTPServerDisconnected("verbinding verbroken")
        return echte_send_mail(**kwargs)

    monkeypatch.setattr(bezorging, "send_mail", eerst_fout)
    voer_uit()

    h = Herinnering.objects.get(ontvanger__isnull=False)
    assert len(pogingen) == 3
    assert h.pogingen == 3 and h.verzonden_op is not None
    assert h.laatste_fout == ""
    assert len(herinneringsmails()) == 1


def test_mail_blijft_mislukken_blokkeert_niets(voer_uit, monkeypatch):
    s = situatie(eerste_ziektedag=P + timedelta(days=7 - PA))

    def altijd_fout(**kwargs):
        raise smtplib.SMTPConnectError(421, "niet bereikbaar")

    monkeypatch.setattr(bezorging, "send_mail", altijd_fout)
    resultaat = voer_uit()  # does not raise

    h = Herinnering.objects.get(ontvanger__isnull=False)
    assert h.verzonden_op is None
    assert h.pogingen == 6  # first attempt + max_retries
    assert "SMTPConnectError" in h.laatste_fout
    assert resultaat.berichten == 1  # the inbox message is there regardless
    assert Herinnering.objects.get(ontvanger__isnull=True).verzonden_op is not None
    # ... and the melding flow is unaffected: recovery can be reported as always.
    verzuim_service.meld_volledig_hersteld(
        door=actor(s), verzuimgeval=s.verzuimgeval, hersteldatum=P
    )
    assert voer_uit(P + timedelta(days=1)).stappen == 0  # closed spell: no new reminders


def test_verloren_overdracht_wordt_de_volgende_run_opnieuw_ingepland(voer_uit, monkeypatch):
    situatie(eerste_ziektedag=P + timedelta(days=7 - PA))

    def broker_weg(*args, **kwargs):
        raise ConnectionError("broker onbereikbaar")

    # The e-mail task waits in the outbox (ADR 0019) while the broker is down.
    monkeypatch.setattr(uitgaand, "_publiceer", broker_weg)
    voer_uit()
    assert herinneringsmails() == []
    monkeypatch.undo()
    with freeze_time("2026-03-03 05:00:00"):
        resultaat = voer_uit(P + timedelta(days=1))
    assert (resultaat.mails, resultaat.opnieuw_ingepland) == (0, 1)
    assert len(herinneringsmails()) == 1


def actor(s):
    from tests.factories import actor_voor

    return actor_voor(s.lidmaatschap)


def test_commando_met_peildatum_drukt_aantallen_af(django_capture_on_commit_callbacks):
    from io import StringIO

    from django.core.management import CommandError, call_command

    situatie(eerste_ziektedag=P + timedelta(days=7 - PA))
    uit = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("herinneringen_versturen", "--peildatum", "2026-03-02", stdout=uit)
    assert "1 stappen" in uit.getvalue()
    assert "1 berichten in de berichtenbox, 1 e-mails ingepland" in uit.getvalue()
    with pytest.raises(CommandError, match="JJJJ-MM-DD"):
        call_command("herinneringen_versturen", "--peildatum", "02-03-2026")


def test_mail_in_de_taal_van_de_ontvanger(voer_uit):
    """ADR 0044: the mail is built in the recipient's chosen language, the inbox stays Dutch."""
    s = situatie(eerste_ziektedag=P + timedelta(days=-1 - PA), email="hr@bakkerij.example")
    engels = GebruikerFactory(email="hr-en@bakkerij.example")
    LidmaatschapFactory(werkgever=s.lidmaatschap.werkgever, gebruiker=engels)
    accounts.kies_taal(door=accounthouder(engels), taal="en")

    voer_uit()

    nummer = s.verzuimgeval.verzuimnummer
    per_adres = {m.to[0]: m for m in mail.outbox if nummer in m.subject}
    assert per_adres["hr-en@bakkerij.example"].subject.startswith("Overdue: Problem analysis")
    assert "OVERDUE: the deadline for 'Problem analysis" in per_adres["hr-en@bakkerij.example"].body
    assert "Log in to the portal" in per_adres["hr-en@bakkerij.example"].body
    assert per_adres["hr@bakkerij.example"].subject.startswith("Te laat: Probleemanalyse")
    assert Bericht.objects.get(verzuimgeval=s.verzuimgeval).onderwerp.startswith("Te laat")
