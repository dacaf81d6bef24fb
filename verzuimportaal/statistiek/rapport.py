"""What the statistics pages, downloads and PDFs show: one list of key figures, one trend.

Built once from ``Verzuimstatistiek`` objects so the page, the CSV/XLSX and the PDF always show
the same numbers with the same labels.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from .berekening import Verzuimstatistiek

MAANDEN = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


@dataclass(frozen=True)
class Kengetal:
    label: str
    eenheid: str
    huidig: Decimal | int | None
    vorige: Decimal | int | None

    @property
    def verschil(self) -> Decimal | int | None:
        if self.huidig is None or self.vorige is None:
            return None
        return self.huidig - self.vorige


def kengetallen(huidig: Verzuimstatistiek, vorige: Verzuimstatistiek) -> list[Kengetal]:
    """DOMAIN §6 figures of this period beside those of the previous period."""
    rijen = [
        ("Verzuimpercentage", "%", "verzuimpercentage"),
        ("Meldingsfrequentie (per jaar)", "", "meldingsfrequentie"),
    ]
    if huidig.dagen not in (365, 366):
        rijen.append(("Meldingsfrequentie in de periode", "", "meldingsfrequentie_periode"))
    rijen += [
        ("Gemiddelde verzuimduur", "dagen", "gemiddelde_verzuimduur"),
        ("Nulverzuim", "%", "nulverzuim"),
        ("Aantal ziekmeldingen", "", "aantal_ziekmeldingen"),
        ("Aantal herstelmeldingen", "", "aantal_herstelmeldingen"),
        ("Verzuimgevallen met ziektedagen in de periode", "", "aantal_verzuimgevallen"),
        ("Werknemers in dienst in de periode", "", "aantal_werknemers"),
        ("Gemiddeld aantal werknemers", "", "gemiddeld_aantal_werknemers"),
    ]
    return [
        Kengetal(label, eenheid, getattr(huidig, veld), getattr(vorige, veld))
        for label, eenheid, veld in rijen
    ]


def klassen(huidig: Verzuimstatistiek, vorige: Verzuimstatistiek) -> list[Kengetal]:
    """Spells per DOMAIN §6 duration class, this period beside the previous one."""
    return [
        Kengetal(label, "", aantal, aantal_vorige)
        for (_, label, aantal), (_, _, aantal_vorige) in zip(
            huidig.klassen, vorige.klassen, strict=True
        )
    ]


def maandlabel(maand: date, *, tot: date | None = None) -> str:
    """``apr 2025``; ``apr 2025 (t/m 15-04)`` when only part of the month is counted."""
    label = f"{MAANDEN[maand.month - 1]} {maand.year}"
    if tot is not None and (tot + timedelta(days=1)).day != 1:
        label += f" (t/m {tot:%d-%m})"
    return label


def kort_maandlabel(maand: date) -> str:
    return f"{MAANDEN[maand.month - 1]} '{maand:%y}"


def downloadrijen(
    huidig: Verzuimstatistiek,
    vorige: Verzuimstatistiek,
    trend: list[tuple[date, Verzuimstatistiek]],
) -> list[list[object]]:
    rijen: list[list[object]] = [
        [k.label, k.eenheid, k.huidig, k.vorige] for k in kengetallen(huidig, vorige)
    ]
    rijen += [
        [f"Verzuimgevallen {k.label}", "", k.huidig, k.vorige] for k in klassen(huidig, vorige)
    ]
    rijen += [
        [f"Verzuimpercentage {maandlabel(maand, tot=s.einde)}", "%", s.verzuimpercentage, None]
        for maand, s in trend
    ]
    return rijen


def grafiekdata(trend: list[tuple[date, Verzuimstatistiek]]) -> dict[str, list[object]]:
    """For Chart.js (``json_script``): floats, ``None`` where there is no one to count."""

    def getal(waarde: Decimal | None) -> float | None:
        return float(waarde) if waarde is not None else None

    return {
        "labels": [maandlabel(m, tot=s.einde) for m, s in trend],
        "verzuimpercentage": [getal(s.verzuimpercentage) for _, s in trend],
        "meldingsfrequentie": [getal(s.meldingsfrequentie) for _, s in trend],
    }
