"""The XLSX files of the import: the template and the report (line, action, reason; no BSN)."""

import io

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook

from .models import Werknemerimport
from .service import VELDEN

ACTIES = {
    "aanmaken": _("Aanmaken"),
    "wijzigen": _("Wijzigen"),
    "uit_dienst": _("Uit dienst"),
    "ongewijzigd": _("Ongewijzigd"),
    "weigeren": _("Geweigerd"),
}


def _bytes(boek: Workbook) -> bytes:
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def sjabloon() -> bytes:
    boek = Workbook()
    blad = boek.active
    assert blad is not None
    blad.title = str(_("Werknemers"))
    # The column names are the file format the import recognises: the same in every language.
    with translation.override(settings.LANGUAGE_CODE):
        blad.append([str(v.label).lower() for v in VELDEN])
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
    blad.title = str(_("Importrapport"))
    blad.append([str(_("Bestand")), imp.bestandsnaam])
    blad.append([str(_("Status")), str(imp.get_status_display())])
    blad.append([])
    blad.append([str(_("Regel")), str(_("Actie")), str(_("Reden")), str(_("Gewijzigde velden"))])
    for u in imp.uitkomsten:
        blad.append(
            [
                u["regel"],
                str(ACTIES.get(u["actie"], u["actie"])),
                u["reden"],
                ", ".join(u["velden"]),
            ]
        )
    return _bytes(boek)
