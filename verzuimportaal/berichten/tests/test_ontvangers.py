"""Notification addresses: the address from accepting the terms wins (seed 003 art. 2.5)."""

from datetime import date

import pytest

from tests.factories import GebruikerFactory, LidmaatschapFactory
from verzuimportaal.berichten.ontvangers import notificatieadressen
from verzuimportaal.voorwaarden.models import Acceptatie, Beslissing
from verzuimportaal.voorwaarden.tests.factories import versie

pytestmark = pytest.mark.django_db


def test_adres_uit_acceptatie_gaat_voor_en_eherkenning_personen_van_deze_kvk_tellen_mee(
    werkgever_a, werkgever_b
):
    v = versie("1.0", gepubliceerd_op=date(2025, 1, 1), ingangsdatum=date(2025, 1, 1))
    eigenaar = werkgever_a.lidmaatschap.gebruiker
    eigenaar.email = "account@example.nl"
    eigenaar.save()
    Acceptatie.objects.create(
        versie=v,
        gebruiker=eigenaar,
        beslissing=Beslissing.AANVAARD,
        notificatie_email="oud@example.nl",
        tijdstip="2025-02-01T10:00Z",
    )
    Acceptatie.objects.create(
        versie=v,
        gebruiker=eigenaar,
        beslissing=Beslissing.AANVAARD,
        notificatie_email="Notificatie@Example.nl",
        tijdstip="2025-03-01T10:00Z",
    )
    LidmaatschapFactory(
        werkgever=werkgever_a.werkgever, gebruiker=GebruikerFactory(email="ander@example.nl")
    )
    Acceptatie.objects.create(
        versie=v,
        pseudoniem="eh-1",
        kvk_nummer=werkgever_a.werkgever.kvk_nummer,
        beslissing=Beslissing.AANVAARD,
        notificatie_email="eh@example.nl",
    )
    Acceptatie.objects.create(
        versie=v,
        pseudoniem="eh-2",
        kvk_nummer=werkgever_b.werkgever.kvk_nummer,
        beslissing=Beslissing.AANVAARD,
        notificatie_email="andere-kvk@example.nl",
    )

    assert notificatieadressen(werkgever_a.werkgever) == [
        "notificatie@example.nl",
        "ander@example.nl",
        "eh@example.nl",
    ]
