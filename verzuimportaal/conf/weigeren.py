"""What production refuses to start with (DOMAIN §9): demo and test defaults.

``weiger_onveilige_instellingen`` runs at the end of ``conf/production.py``, so the web server,
the Celery worker and every management command stop with ``ImproperlyConfigured`` before they
serve anything. Plain Python on the settings namespace: testable without starting Django.
"""

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

OUTBOX_GATEWAY = "verzuimportaal.accounts.sms.OutboxGateway"
VOORBEELD_OIN = "00000001234567890000"
LOKALE_HOSTS = ("localhost", "127.0.0.1", "::1", "0.0.0.0", "testserver")  # noqa: S104
# Only for demo and tests: the demo app creates a superuser with a published password and can
# empty the audit table; the simulator hands out any eHerkenning identity.
ALLEEN_DEMO_APPS = ("verzuimportaal.demo", "eherkenning_simulator")


def onveilige_instellingen(instellingen: Mapping[str, Any]) -> list[str]:
    """Every reason, in Dutch, why these settings may not run in production (empty: fine)."""
    fouten: list[str] = []
    if instellingen.get("SMS_GATEWAY", OUTBOX_GATEWAY) == OUTBOX_GATEWAY:
        fouten.append(
            "SMS_GATEWAY is de outbox-gateway: sms-codes voor de tweede factor worden dan alleen "
            "opgeslagen en nooit verstuurd. Zet SMS_GATEWAY op de klasse van uw sms-leverancier."
        )
    url = urlsplit(str(instellingen.get("PORTAAL_URL", "")))
    if url.scheme != "https" or not url.hostname or url.hostname in LOKALE_HOSTS:
        fouten.append(
            f"PORTAAL_URL ({instellingen.get('PORTAAL_URL', '')!r}) is geen openbaar "
            "https-adres; e-mails en brieven zouden naar een onbereikbaar adres verwijzen. Zet "
            "PORTAAL_URL op het adres van het portaal, bijvoorbeeld https://verzuim.example.nl."
        )
    oin = str(instellingen.get("EHERKENNING", {}).get("DIENSTVERLENER_OIN", ""))
    if oin == VOORBEELD_OIN or len(oin) != 20 or not oin.isdigit():
        fouten.append(
            f"EHERKENNING_DIENSTVERLENER_OIN ({oin!r}) is het voorbeeldnummer of geen OIN van 20 "
            "cijfers. Zet het OIN van de dienstverlener uit de aansluiting op eHerkenning."
        )
    for app in ALLEEN_DEMO_APPS:
        if app in instellingen.get("INSTALLED_APPS", ()):
            fouten.append(
                f"{app} is geïnstalleerd; die app is alleen voor de demo en de tests. Gebruik "
                "verzuimportaal.conf.production zonder deze app."
            )
    return fouten


def weiger_onveilige_instellingen(instellingen: Mapping[str, Any]) -> None:
    if fouten := onveilige_instellingen(instellingen):
        raise ImproperlyConfigured(
            "Productie start niet met deze instellingen:\n- " + "\n- ".join(fouten)
        )
