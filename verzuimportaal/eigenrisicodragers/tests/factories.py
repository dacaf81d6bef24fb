"""ERD data of a test ``Omgeving`` (conftest.py), loaded through the operator's services."""

from typing import Any

from tests.factories import GebruikerFactory, geldig_bsn
from verzuimportaal.eigenrisicodragers import service
from verzuimportaal.eigenrisicodragers.models import Erddocument, Erdimport, Importsoort
from verzuimportaal.toegang.actor import beheerder

DOCUMENTKOP = ";".join(service.KOLOMMEN[Importsoort.DOCUMENTEN])
STATUSKOP = ";".join(service.KOLOMMEN[Importsoort.STATUS])


def documentregel(omgeving: Any, soort: str, kenmerk: str, **velden: str) -> str:
    waarden = {
        "soort": soort,
        "loonheffingennummer": omgeving.loonheffingennummer.nummer,
        "kenmerk": kenmerk,
        "documentdatum": "2026-11-02",
        "regeling": "",
        "bsn": "",
        "naam": "",
        "van": "",
        "tot": "",
        "bedrag": "",
        "toelichting": "",
    } | velden
    return ";".join(waarden[k] for k in service.KOLOMMEN[Importsoort.DOCUMENTEN])


def voorbeeldregels(omgeving: Any, prefix: str = "") -> list[str]:
    """One document of each kind (DOMAIN §3 services 4, 5, 7)."""
    bsn = geldig_bsn()
    return [
        documentregel(omgeving, "controle", f"{prefix}C-1", toelichting="Steekproef ZW 2025"),
        documentregel(
            omgeving, "recht_hoogte_duur", f"{prefix}R-1", regeling="wga", bsn=bsn,
            naam="J. de Vries", van="2026-01-05", tot="2036-01-04", bedrag="1834,50",
        ),
        documentregel(
            omgeving, "maandfactuur", f"{prefix}F-1", regeling="ww", van="2026-10-01",
            tot="2026-10-31", bedrag="2450.00",
        ),
        documentregel(
            omgeving, "declaratie_ww", f"{prefix}D-1", bsn=bsn, naam="J. de Vries",
            van="2026-10-01", tot="2026-10-31", bedrag="1225.00",
        ),
        documentregel(
            omgeving, "reintegratie_ww", f"{prefix}W-1", bsn=bsn, naam="J. de Vries",
            van="2026-03-01", tot="2027-02-28", toelichting="WW 24 uur per week",
        ),
    ]  # fmt: skip


def laad(soort: str, kop: str, regels: list[str], *, vastleggen: bool = True) -> Erdimport:
    beheer = beheerder(GebruikerFactory(is_staff=True))
    erdimport = service.lees_in(
        door=beheer,
        soort=soort,
        bestandsnaam="erd.csv",
        inhoud="\n".join([kop, *regels]).encode(),
    )
    if vastleggen:
        erdimport = service.leg_vast(door=beheer, erdimport=erdimport)
    return erdimport


def documenten_van(omgeving: Any, prefix: str = "") -> list[Erddocument]:
    laad(Importsoort.DOCUMENTEN, DOCUMENTKOP, voorbeeldregels(omgeving, prefix))
    return list(Erddocument.objects.filter(loonheffingennummer=omgeving.loonheffingennummer))


def status_van(omgeving: Any) -> None:
    nummer = omgeving.loonheffingennummer.nummer
    laad(
        Importsoort.STATUS,
        STATUSKOP,
        [f"{nummer};wga;2024-01-01;", f"{nummer};ww;2023-01-01;2025-12-31"],
    )
