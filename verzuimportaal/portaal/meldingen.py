"""Banners (maintenance notices, a change of the terms of use) the user hid for this session.

A hidden banner stays hidden until the user logs out or the session ends; a changed notice (other
title, text or times) shows again, because its key changes. An interruption that has begun is
never hidden: the user must know why sending does not work.
"""

import hashlib
import re

from django.contrib.sessions.backends.base import SessionBase

SESSIE_VERBORGEN = "verborgen_meldingen"
GELDIGE_SLEUTEL = re.compile(r"^(storing|voorwaarden)-[0-9a-f]{12}$")
MAX_VERBORGEN = 50  # a session never grows without bound


def sleutel(soort: str, *onderdelen: object) -> str:
    """A short key for one version of a banner; no content of the banner in the session."""
    inhoud = "\x1f".join(str(o) for o in onderdelen).encode()
    return f"{soort}-{hashlib.sha256(inhoud).hexdigest()[:12]}"


def verborgen(sessie: SessionBase) -> frozenset[str]:
    return frozenset(sessie.get(SESSIE_VERBORGEN, ()))


def verberg(sessie: SessionBase, melding: str) -> bool:
    if not GELDIGE_SLEUTEL.match(melding):
        return False
    lijst = [m for m in sessie.get(SESSIE_VERBORGEN, []) if m != melding]
    sessie[SESSIE_VERBORGEN] = [*lijst, melding][-MAX_VERBORGEN:]
    return True
