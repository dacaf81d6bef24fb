"""Reading an eHerkenning assertion (OIDC claims) into the portal's terms (DOMAIN §2).

Claim names and the level mapping come from settings (``EHERKENNING``), not from code, so a
real broker with other claim paths can be plugged in. The portal checks the level itself
(DOMAIN §9, ASVS 5.0 6.8.4): anything below EH3 is refused.
"""

import re
from dataclasses import dataclass
from typing import Any

from verzuimportaal.toegang.diensten import (
    diensten_uit_service_ids,
    wijzigdiensten_uit_service_ids,
)

NIVEAUS = ("EH1", "EH2", "EH2+", "EH3", "EH4")
_KVK = re.compile(r"^\d{8}$")


class AssertieFout(Exception):
    """The assertion is unusable; ``reden`` selects the Dutch explanation page."""

    def __init__(self, reden: str, **details: str) -> None:
        super().__init__(reden)
        self.reden = reden
        self.details = details


@dataclass(frozen=True)
class Assertie:
    pseudoniem: str
    kvk_nummer: str
    intermediair_kvk_nummer: str | None
    niveau: str
    diensten: frozenset[str]
    # Services at the level "bekijken en wijzigen"; the others are view-only (ADR 0043).
    # ``None``: every service at that level.
    wijzigdiensten: frozenset[str] | None = None


def claim(claims: dict[str, Any], pad: str | list[str]) -> Any:
    """Follow a claim path: a claim name, or a list of keys into nested objects."""
    waarde: Any = claims
    for sleutel in [pad] if isinstance(pad, str) else pad:
        if not isinstance(waarde, dict) or sleutel not in waarde:
            return None
        waarde = waarde[sleutel]
    return waarde


def niveau_voldoet(niveau: str, minimum: str) -> bool:
    return NIVEAUS.index(niveau) >= NIVEAUS.index(minimum)


def lees_assertie(claims: dict[str, Any], config: dict[str, Any]) -> Assertie:
    pseudoniem = claim(claims, config["CLAIM_PSEUDONIEM"])
    if not isinstance(pseudoniem, str) or not pseudoniem:
        raise AssertieFout("onvolledig")
    niveau = config["NIVEAUS"].get(claim(claims, config["CLAIM_NIVEAU"]))
    if niveau is None:
        raise AssertieFout("onvolledig")
    if not niveau_voldoet(niveau, config["MINIMUM_NIVEAU"]):
        raise AssertieFout("niveau", niveau=niveau, minimum=config["MINIMUM_NIVEAU"])
    kvk = claim(claims, config["CLAIM_KVK"])
    if not isinstance(kvk, str) or not _KVK.match(kvk):
        raise AssertieFout("onvolledig")
    intermediair = claim(claims, config["CLAIM_INTERMEDIAIR"])
    if intermediair is not None and (
        not isinstance(intermediair, str) or not _KVK.match(intermediair)
    ):
        raise AssertieFout("onvolledig")
    service_ids = claim(claims, config["CLAIM_DIENSTEN"]) or []
    if isinstance(service_ids, str):
        service_ids = [service_ids]
    oin = config["DIENSTVERLENER_OIN"]
    diensten = diensten_uit_service_ids(oin, list(service_ids))
    if not diensten:
        raise AssertieFout("geen_dienst", kvk=kvk)
    return Assertie(
        pseudoniem=pseudoniem,
        kvk_nummer=kvk,
        intermediair_kvk_nummer=intermediair,
        niveau=niveau,
        diensten=diensten,
        wijzigdiensten=wijzigdiensten_uit_service_ids(oin, list(service_ids)),
    )
