"""The portal's service catalogue (DOMAIN §3): the nine UWV-style services plus the portal's own.

The number is the service's index in the dienstencatalogus registered at the broker: the
eHerkenning ServiceID is ``urn:etoegang:DV:<OIN>:services:<nummer>`` (DOMAIN §2).
"""

from django.db import models


class Dienst(models.TextChoices):
    VERZUIM_MELDEN = "verzuim_melden", "Melden en inzien verzuimgegevens Ziektewet en WAZO"
    UITKERINGSGEGEVENS = "uitkeringsgegevens", "Inzien uitkeringsgegevens Ziektewet en WAZO"
    ONTSLAGAANVRAAG = "ontslagaanvraag", "Indienen ontslagaanvraag"
    REINTEGRATIE_ERD_WW = (
        "reintegratie_erd_ww",
        "Inzien re-integratiegegevens voor eigenrisicodragers WW",
    )
    FINANCIEEL_ERD = (
        "financieel_erd",
        "Inzien financiële gegevens voor eigenrisicodragers WGA en WW",
    )
    BANENAFSPRAAK = "banenafspraak", "Banenafspraak en quotum arbeidsbeperkten"
    CONTROLE_ERD = "controle_erd", "Controle eigenrisicodragers"
    BEZWAAR = "bezwaar", "Bezwaar maken"
    REINTEGRATIE_WIA = "reintegratie_wia", "Aanleveren en inzien re-integratiegegevens WIA"
    WERKNEMERSGEGEVENS = "werknemersgegevens", "Werknemersgegevens beheren"
    RECHTENBEHEER = "rechtenbeheer", "Rechtenbeheer"
    OVERZICHTEN = "overzichten", "Overzichten inzien"


CATALOGUSNUMMER: dict[str, int] = {dienst.value: nr for nr, dienst in enumerate(Dienst, start=1)}


# Every service is registered twice in the catalogue (seed 002: "Bekijk gegevens" and "Bekijk en
# wijzig gegevens"): number N is "bekijken en wijzigen", number N + BEKIJKEN_VANAF is "bekijken"
# only (ADR 0043).
BEKIJKEN_VANAF = 100


def service_id(oin: str, dienst: str, *, alleen_bekijken: bool = False) -> str:
    nummer = CATALOGUSNUMMER[dienst] + (BEKIJKEN_VANAF if alleen_bekijken else 0)
    return f"urn:etoegang:DV:{oin}:services:{nummer}"


def diensten_uit_service_ids(oin: str, service_ids: list[str]) -> frozenset[str]:
    """Portal services (at either level) for the ServiceIDs in an assertion; unknown IDs are
    ignored."""
    per_id = {
        service_id(oin, d, alleen_bekijken=b): d for d in CATALOGUSNUMMER for b in (False, True)
    }
    return frozenset(per_id[s] for s in service_ids if s in per_id)


def wijzigdiensten_uit_service_ids(oin: str, service_ids: list[str]) -> frozenset[str]:
    """The services of the assertion at the level "bekijken en wijzigen"."""
    per_id = {service_id(oin, d): d for d in CATALOGUSNUMMER}
    return frozenset(per_id[s] for s in service_ids if s in per_id)
