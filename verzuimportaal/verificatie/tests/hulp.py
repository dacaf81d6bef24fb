from typing import Any

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_email.models import EmailDevice


def beheerder_client(django_user_model: Any, gebruikersnaam: str = "beheer-test") -> Client:
    """A staff superuser logged in with the second factor done (accounts middleware)."""
    gebruiker = django_user_model.objects.create_superuser(gebruikersnaam, "b@example.nl", "x")
    client = Client()
    client.force_login(gebruiker, backend="django.contrib.auth.backends.ModelBackend")
    apparaat = EmailDevice.objects.create(user=gebruiker, name="E-mail", confirmed=True)
    sessie = client.session
    sessie[DEVICE_ID_SESSION_KEY] = apparaat.persistent_id
    sessie.save()
    return client
