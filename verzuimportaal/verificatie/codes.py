"""Generating, formatting and hashing verificatiecodes (no Django models here)."""

import hashlib
import hmac
import secrets

from django.conf import settings

# No 0/O, 1/I/L, 5/S, 8/B: easy to read from paper and type.
ALFABET = "ACDEFGHJKMNPQRTUVWXYZ234679"
LENGTE = 12
GROEP = 4


def nieuwe_code() -> str:
    """12 random characters from ``ALFABET`` (about 57 bits), grouped as XXXX-XXXX-XXXX."""
    ruw = "".join(secrets.choice(ALFABET) for _ in range(LENGTE))
    return "-".join(ruw[i : i + GROEP] for i in range(0, LENGTE, GROEP))


def normaliseer(code: str) -> str:
    """What the user typed, without spaces or dashes, in capitals."""
    return "".join(c for c in code.upper() if c.isalnum())


def code_hash(*, nummer: str, code: str) -> str:
    """HMAC-SHA256 keyed with SECRET_KEY, bound to the loonheffingennummer."""
    bericht = f"verificatiecode:{nummer}:{normaliseer(code)}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), bericht, hashlib.sha256).hexdigest()


def klopt(*, nummer: str, code: str, opgeslagen_hash: str) -> bool:
    """Constant-time comparison of the typed code with the stored hash."""
    return hmac.compare_digest(code_hash(nummer=nummer, code=code), opgeslagen_hash)
