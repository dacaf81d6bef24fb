"""The XLSX files of the import: the template and the report (line, action, reason; no BSN)."""

import io

from openpyxl import Workbook

from .models import Werknemerimport
from .service import VELDEN

ACTIES = {
    "aanmaken": "Aanmaken",
    "wijzigen": "Wijzigen",
    "uit_dienst": "Uit dienst",
    "ongewijzigd": "Ongewijzigd",
    "weigeren": "Geweigerd",
}


def _bytes(boek: Workbook) -> bytes:
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def sjabloon() -> bytes:
    boek = Workbook()
    blad = boek.active
    assert blad is not None
    blad.title = "Werknemers"
    blad.append([v.label.lower() for v in VELDEN])
    blad.append(
        [
            "123456782L01",
            "111222333",
            "J.",
            "Jan",
            "van",
            "Dijk",
            "1985-03-15",
            "2020-01-01",
            "",
            "32",
            "",
            "Monteur",
        ]
    )
    return _bytes(boek)


def rapport(imp: Werknemerimport) -> bytes:
    boek = Workbook()
    blad = boek.active
    assert blad is not None
    blad.title = "Importrapport"
    blad.append(["Bestand", imp.bestandsnaam])
    blad.append(["Status", imp.get_status_display()])
    blad.append([])
    blad.append(["Regel", "Actie", "Reden", "Gewijzigde velden"])
    for u in imp.uitkomsten:
        blad.append(
            [u["regel"], ACTIES.get(u["actie"], u["actie"]), u["reden"], ", ".join(u["velden"])]
        )
    return _bytes(boek)
