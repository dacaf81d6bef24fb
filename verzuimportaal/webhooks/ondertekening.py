"""Signing and verifying webhook deliveries (HMAC-SHA256 over id, timestamp and body).

Headers (the "Standard Webhooks" shape): ``Webhook-Id``, ``Webhook-Timestamp`` (Unix seconds)
and ``Webhook-Signature: v1=<hex>``. The signed text is ``<id>.<timestamp>.<body>``. A receiver
checks the signature in constant time and refuses a timestamp outside the replay window, and
remembers the ids it processed (a retry carries the same id). Pure Python: receivers may copy it.
"""

import hashlib
import hmac

VERSIE = "v1"
REPLAY_VENSTER_SECONDEN = 300


def handtekening(*, secret: str, levering_id: str, tijdstip: int, body: bytes) -> str:
    tekst = f"{levering_id}.{tijdstip}.".encode() + body
    return f"{VERSIE}=" + hmac.new(secret.encode(), tekst, hashlib.sha256).hexdigest()


def headers(*, secret: str, levering_id: str, tijdstip: int, body: bytes) -> dict[str, str]:
    return {
        "Content-Type": "application/json",
        "Webhook-Id": levering_id,
        "Webhook-Timestamp": str(tijdstip),
        "Webhook-Signature": handtekening(
            secret=secret, levering_id=levering_id, tijdstip=tijdstip, body=body
        ),
    }


def verifieer(
    *,
    secret: str,
    headers: dict[str, str],
    body: bytes,
    nu: int,
    venster: int = REPLAY_VENSTER_SECONDEN,
) -> bool:
    """True when the signature is right and the timestamp within ``venster`` seconds of ``nu``."""
    kleine = {k.lower(): v for k, v in headers.items()}
    try:
        levering_id = kleine["webhook-id"]
        tijdstip = int(kleine["webhook-timestamp"])
        ontvangen = kleine["webhook-signature"]
    except (KeyError, ValueError):
        return False
    if abs(nu - tijdstip) > venster:
        return False
    verwacht = handtekening(secret=secret, levering_id=levering_id, tijdstip=tijdstip, body=body)
    return any(hmac.compare_digest(verwacht, deel.strip()) for deel in ontvangen.split(" "))
