import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from conftest import ingelogde_gebruiker
from tests.factories import GebruikerFactory


def staf(app_label: str, codename: str | None = None) -> Client:
    """Operator staff, with the permission ``app_label.codename`` when given."""
    gebruiker = GebruikerFactory(is_staff=True, first_name="Rita", last_name="Register")
    if codename:
        gebruiker.user_permissions.add(
            Permission.objects.get(codename=codename, content_type__app_label=app_label)
        )
    return ingelogde_gebruiker(gebruiker)


@pytest.fixture
def registerbeheerder(db) -> Client:
    return staf("doelgroepregister", "importeren")
