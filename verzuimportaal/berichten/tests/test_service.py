"""plaats_bericht, markeer_gelezen and the notification mail (seed 003 art. 2.5/2.8, DOMAIN §9)."""

import smtplib
from unittest import mock

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from tests.factories import GebruikerFactory, LidmaatschapFactory
from verzuimportaal.berichten import service
from verzuimportaal.berichten.models import Bericht, Leesstatus, Soort

pytestmark = pytest.mark.django_db(transaction=True)


def _plaats(omgeving, **velden):
    return service.plaats_bericht(
        werkgever=omgeving.werkgever,
        soort=velden.pop("soort", Soort.BRIEF),
        onderwerp=velden.pop("onderwerp", "Besluit Ziektewet"),
        tekst=velden.pop("tekst", "Geachte werkgever, ..."),
        **velden,
    )


def test_bericht_wordt_geplaatst_en_gebruikers_krijgen_een_mail_zonder_persoonsgegevens(
    werkgever_a,
):
    gebruiker = werkgever_a.lidmaatschap.gebruiker
    gebruiker.email = "hr@bakkerij.example"
    gebruiker.save()
    werknemer = werkgever_a.werknemer

    bericht = _plaats(
        werkgever_a,
        onderwerp=f"Brief over {werknemer.volledige_naam}",
        tekst=f"BSN {werknemer.bsn}",
        document=("brief.pdf", b"%PDF-1.4 test"),
        verzuimgeval=werkgever_a.verzuimgeval,
    )

    assert Bericht.objects.filter(pk=bericht.pk).exists()
    assert len(mail.outbox) == 1
    verstuurd = mail.outbox[0]
    assert verstuurd.to == ["hr@bakkerij.example"]
    alles = f"{verstuurd.subject}\n{verstuurd.body}"
    assert "Er staat een nieuw bericht voor u klaar in het Verzuimportaal" in alles
    assert "/berichten/" in alles
    for persoonsgegeven in (
        werknemer.bsn,
        werknemer.achternaam,
        werknemer.voornaam,
        werkgever_a.verzuimgeval.verzuimnummer,
        "Besluit",
    ):
        assert persoonsgegeven not in alles
    bericht.refresh_from_db()
    assert bericht.notificatie_verstuurd_op is not None


def test_mail_alleen_naar_actieve_leden_van_de_werkgever_elk_apart(werkgever_a, werkgever_b):
    for lidmaatschap, adres in (
        (werkgever_a.lidmaatschap, "a@example.nl"),
        (werkgever_b.lidmaatschap, "b@example.nl"),
    ):
        lidmaatschap.gebruiker.email = adres
        lidmaatschap.gebruiker.save()
    LidmaatschapFactory(
        werkgever=werkgever_a.werkgever, gebruiker=GebruikerFactory(email="tweede@example.nl")
    )
    LidmaatschapFactory(
        werkgever=werkgever_a.werkgever,
        gebruiker=GebruikerFactory(email="oud@example.nl"),
        actief=False,
    )

    _plaats(werkgever_a)

    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.nl", "tweede@example.nl"]
    assert all(len(m.to) == 1 and not m.cc and not m.bcc for m in mail.outbox)


def test_mailstoring_wordt_opnieuw_geprobeerd_en_blokkeert_de_aanroeper_niet(werkgever_a):
    werkgever_a.lidmaatschap.gebruiker.email = "hr@example.nl"
    werkgever_a.lidmaatschap.gebruiker.save()
    echte = mail.get_connection
    pogingen: list[str] = []

    def storing_dan_goed(*args, **kwargs):
        verbinding = echte(*args, **kwargs)
        if len(pogingen) < 2:
            pogingen.append("fout")
            fout = smtplib.SMTPServerDisconnected("weg")
            verbinding.send_messages = mock.Mock(side_effect=fout)  # type: ignore[method-assign]
        else:
            pogingen.append("goed")
        return verbinding

    with mock.patch("verzuimportaal.berichten.tasks.get_connection", storing_dan_goed):
        bericht = _plaats(werkgever_a)

    assert pogingen == ["fout", "fout", "goed"]
    assert len(mail.outbox) == 1
    bericht.refresh_from_db()
    assert bericht.notificatie_verstuurd_op is not None


def test_blijvende_mailstoring_laat_het_bericht_staan(werkgever_a):
    werkgever_a.lidmaatschap.gebruiker.email = "hr@example.nl"
    werkgever_a.lidmaatschap.gebruiker.save()
    with mock.patch(
        "verzuimportaal.berichten.tasks.get_connection",
        side_effect=smtplib.SMTPConnectError(421, "niet bereikbaar"),
    ) as verbinding:
        bericht = _plaats(werkgever_a)

    assert Bericht.objects.filter(pk=bericht.pk).exists()
    assert verbinding.call_count == 1 + 6  # first try + max_retries
    bericht.refresh_from_db()
    assert bericht.notificatie_verstuurd_op is None
    assert mail.outbox == []


def test_broker_onbereikbaar_blokkeert_de_aanroeper_niet(werkgever_a):
    with mock.patch(
        "verzuimportaal.berichten.tasks.verstuur_notificatie.delay",
        side_effect=ConnectionError("redis weg"),
    ):
        bericht = _plaats(werkgever_a)
    assert Bericht.objects.filter(pk=bericht.pk).exists()


def test_taak_is_idempotent(werkgever_a):
    from verzuimportaal.berichten.tasks import verstuur_notificatie

    werkgever_a.lidmaatschap.gebruiker.email = "hr@example.nl"
    werkgever_a.lidmaatschap.gebruiker.save()
    bericht = _plaats(werkgever_a)
    assert verstuur_notificatie(bericht.pk) == 0
    assert len(mail.outbox) == 1


def test_bericht_wordt_niet_geplaatst_als_de_transactie_van_de_aanroeper_terugdraait(werkgever_a):
    from django.db import transaction

    werkgever_a.lidmaatschap.gebruiker.email = "hr@example.nl"
    werkgever_a.lidmaatschap.gebruiker.save()
    voor = Bericht.objects.count()  # other apps may have placed messages in the fixtures
    mail.outbox.clear()
    with pytest.raises(RuntimeError), transaction.atomic():
        _plaats(werkgever_a, onderwerp="Teruggedraaid")
        raise RuntimeError("caller fails")
    assert Bericht.objects.count() == voor
    assert not Bericht.objects.filter(onderwerp="Teruggedraaid").exists()
    assert mail.outbox == []


def test_verzuimgeval_van_een_andere_werkgever_geweigerd(werkgever_a, werkgever_b):
    with pytest.raises(ValidationError):
        _plaats(werkgever_a, verzuimgeval=werkgever_b.verzuimgeval)


def test_onbekende_soort_geweigerd(werkgever_a):
    with pytest.raises(ValidationError):
        _plaats(werkgever_a, soort="spam")


def test_documentnaam_wordt_opgeschoond_en_opgeslagen_in_prive_opslag(werkgever_a, prive_opslag):
    bericht = _plaats(werkgever_a, document=('../../etc/"brief";.pdf', b"%PDF-1.4"))
    assert bericht.documentnaam == "brief.pdf"
    assert str(prive_opslag) in bericht.document.path
    assert bericht.document.read() == b"%PDF-1.4"


def test_markeer_gelezen_is_idempotent(werkgever_a):
    bericht = _plaats(werkgever_a)
    service.markeer_gelezen(door=werkgever_a.actor, bericht=bericht)
    eerste = Leesstatus.objects.get().gelezen_op
    service.markeer_gelezen(door=werkgever_a.actor, bericht=bericht)
    assert Leesstatus.objects.get().gelezen_op == eerste


def test_markeer_gelezen_alleen_bij_de_eigen_werkgever(werkgever_a, werkgever_b):
    bericht = _plaats(werkgever_a)
    with pytest.raises(ValidationError, match="niet bij uw werkgever"):
        service.markeer_gelezen(door=werkgever_b.actor, bericht=bericht)
    assert not Leesstatus.objects.exists()
