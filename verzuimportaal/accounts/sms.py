"""SMS gateways for the second factor. ``settings.SMS_GATEWAY`` names the class to use.

A production gateway implements ``verstuur``; the outbox gateway below only stores the message
(demo and tests) and is refused by the deploy check outside DEBUG unless explicitly allowed.
"""

from typing import Protocol

from .models import SmsBericht


class SmsGateway(Protocol):
    def verstuur(self, *, telefoonnummer: str, tekst: str, gebruiker_id: int | None) -> None: ...


class OutboxGateway:
    """Stores messages in the database outbox (``/account/sms-outbox/`` in demo and tests)."""

    def verstuur(self, *, telefoonnummer: str, tekst: str, gebruiker_id: int | None) -> None:
        SmsBericht.objects.create(
            telefoonnummer=telefoonnummer, tekst=tekst, gebruiker_id=gebruiker_id
        )
