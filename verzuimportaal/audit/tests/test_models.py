"""The audit trail is append-only: in the model, in querysets and (PostgreSQL) in the database."""

import pytest
from django.db import DatabaseError, connection, transaction

from tests.factories import GebruikerFactory
from verzuimportaal.audit.models import Actie, Auditregel, AuditregelGewijzigd
from verzuimportaal.audit.service import registreer_voor

pytestmark = pytest.mark.django_db


def _regel(werkgever_a) -> Auditregel:
    registreer_voor(
        actor=werkgever_a.actor,
        ip="192.0.2.10",
        user_agent="Testbrowser",
        actie=Actie.INZIEN,
        object_type="werknemer",
        object_id=str(werkgever_a.werknemer.uuid),
    )
    return Auditregel.objects.get()


def test_wijzigen_geweigerd_door_model(werkgever_a):
    regel = _regel(werkgever_a)
    regel.omschrijving = "vervalst"
    with pytest.raises(AuditregelGewijzigd):
        regel.save()
    assert Auditregel.objects.get().omschrijving == ""


def test_verwijderen_geweigerd_door_model(werkgever_a):
    regel = _regel(werkgever_a)
    with pytest.raises(AuditregelGewijzigd):
        regel.delete()
    with pytest.raises(AuditregelGewijzigd):
        Auditregel.objects.all().delete()
    with pytest.raises(AuditregelGewijzigd):
        Auditregel.objects.filter(pk=regel.pk).update(omschrijving="vervalst")
    assert Auditregel.objects.count() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigger only on PostgreSQL")
@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditregel SET omschrijving = 'vervalst'",
        "UPDATE audit_auditregel SET gebruiker_id = NULL, omschrijving = 'vervalst'",
        "DELETE FROM audit_auditregel",
    ],
)
def test_database_trigger_weigert_wijzigen_en_verwijderen(werkgever_a, sql):
    regel = _regel(werkgever_a)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)
    regel.refresh_from_db()
    assert regel.omschrijving == ""
    assert regel.gebruiker_id == werkgever_a.lidmaatschap.gebruiker_id


def test_account_verwijderen_laat_regel_staan_met_naam(werkgever_a):
    """SET_NULL is the one change the trigger allows; the snapshot still says who it was."""
    gebruiker = GebruikerFactory(first_name="Anna", last_name="Jansen")
    werkgever_a.lidmaatschap.gebruiker = gebruiker
    regel = _regel(werkgever_a)
    gebruiker.delete()
    regel.refresh_from_db()
    assert regel.gebruiker_id is None
    assert regel.weergavenaam == "Anna Jansen"
