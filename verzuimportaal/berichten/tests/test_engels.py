"""The message box in English (ADR 0044)."""

from django.urls import reverse

from tests.engels import in_het_engels, kop
from tests.html import tekst
from verzuimportaal.berichten.models import Soort
from verzuimportaal.berichten.service import plaats_bericht


def test_inbox_in_het_engels(werkgever_a, eigenaar):
    plaats_bericht(
        werkgever=werkgever_a.werkgever, soort=Soort.MEDEDELING, onderwerp="Onderwerp", tekst="x"
    )
    with in_het_engels(eigenaar) as client:
        response = client.get(reverse("berichten:inbox"))
    inhoud = tekst(response)
    assert kop(response) == "Messages"
    assert "1 message, 1 unread in total." in inhoud
    assert "Notice" in inhoud  # the type, a model choice
    assert "All messages" in inhoud
    assert "ongelezen in totaal" not in inhoud
    assert "Alle berichten" not in inhoud


def test_notificatie_in_de_taal_van_elke_ontvanger(werkgever_a):
    """ADR 0044: one mail per address, each in the language its account chose (else Dutch)."""
    from django.core import mail

    from tests.factories import GebruikerFactory, LidmaatschapFactory
    from verzuimportaal.accounts.models import Profiel
    from verzuimportaal.berichten.tasks import verstuur_notificatie

    werkgever_a.lidmaatschap.gebruiker.email = "nl@example.nl"
    werkgever_a.lidmaatschap.gebruiker.save()
    engelstalig = GebruikerFactory(email="en@example.nl")
    LidmaatschapFactory(werkgever=werkgever_a.werkgever, gebruiker=engelstalig)
    Profiel.objects.update_or_create(gebruiker=engelstalig, defaults={"taal": "en"})

    bericht = plaats_bericht(
        werkgever=werkgever_a.werkgever,
        soort=Soort.MEDEDELING,
        onderwerp="O",
        tekst="x",
        notificeren=False,
    )
    assert verstuur_notificatie(bericht.pk) == 2

    per_adres = {m.to[0]: m for m in mail.outbox}
    assert per_adres["en@example.nl"].subject == "New message in the Verzuimportaal"
    assert "A new message is waiting for you" in per_adres["en@example.nl"].body
    assert per_adres["nl@example.nl"].subject == "Nieuw bericht in het Verzuimportaal"
    assert "Er staat een nieuw bericht voor u klaar" in per_adres["nl@example.nl"].body
