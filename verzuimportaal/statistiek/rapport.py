"""What the statistics pages, downloads and PDFs show: one list of key figures, one trend.

Built once from ``Verzuimstatistiek`` objects so the page, the CSV/XLSX and the PDF always show
the same numbers with the same labels.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.utils.translation import get_language, gettext, pgettext_lazy

from .berekening import Verzuimstatistiek

MAANDEN = (
    pgettext_lazy("maand afgekort", "jan"),
    pgettext_lazy("maand afgekort", "feb"),
    pgettext_lazy("maand afgekort", "mrt"),
    pgettext_lazy("maand afgekort", "apr"),
    pgettext_lazy("maand afgekort", "mei"),
    pgettext_lazy("maand afgekort", "jun"),
    pgettext_lazy("maand afgekort", "jul"),
    pgettext_lazy("maand afgekort", "aug"),
    pgettext_lazy("maand afgekort", "sep"),
    pgettext_lazy("maand afgekort", "okt"),
    pgettext_lazy("maand afgekort", "nov"),
    pgettext_lazy("maand afgekort", "dec"),
)

# The number locale of the chart (Intl.NumberFormat) per interface language.
_JS_LOCALE = {"nl": "nl-NL", "en": "en-GB"}


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
    """DOMAIN §6 figures of this period beside those of the previous period, labelled in the
    active language (DOMAIN §6 terms: verzuimpercentage = absence rate, meldingsfrequentie =
    notification frequency, gemiddelde verzuimduur = average duration, nulverzuim = zero
    absence)."""
    rijen = [
        (gettext("Verzuimpercentage"), "%", "verzuimpercentage"),
        (gettext("Meldingsfrequentie (per jaar)"), "", "meldingsfrequentie"),
    ]
    if huidig.dagen not in (365, 366):
        rijen.append(
            (gettext("Meldingsfrequentie in de periode"), "", "meldingsfrequentie_periode")
        )
    rijen += [
        (gettext("Gemiddelde verzuimduur"), gettext("dagen"), "gemiddelde_verzuimduur"),
        (gettext("Nulverzuim"), "%", "nulverzuim"),
        (gettext("Aantal ziekmeldingen"), "", "aantal_ziekmeldingen"),
        (gettext("Aantal herstelmeldingen"), "", "aantal_herstelmeldingen"),
        (gettext("Verzuimgevallen met ziektedagen in de periode"), "", "aantal_verzuimgevallen"),
        (gettext("Werknemers in dienst in de periode"), "", "aantal_werknemers"),
        (gettext("Gemiddeld aantal werknemers"), "", "gemiddeld_aantal_werknemers"),
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
    """``apr 2025``; ``apr 2025 (t/m 15-04)`` when only part of the month is counted (in the
    active language: ``Apr 2025 (to 15-04)``)."""
    label = f"{MAANDEN[maand.month - 1]} {maand.year}"
    if tot is not None and (tot + timedelta(days=1)).day != 1:
        label += " " + gettext("(t/m %(datum)s)") % {"datum": f"{tot:%d-%m}"}
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
        [gettext("Verzuimgevallen %(klasse)s") % {"klasse": k.label}, "", k.huidig, k.vorige]
        for k in klassen(huidig, vorige)
    ]
    rijen += [
        [
            gettext("Verzuimpercentage %(maand)s") % {"maand": maandlabel(maand, tot=s.einde)},
            "%",
            s.verzuimpercentage,
            None,
        ]
        for maand, s in trend
    ]
    return rijen


def grafiekdata(trend: list[tuple[date, Verzuimstatistiek]]) -> dict[str, object]:
    """For Chart.js (``json_script``): floats, ``None`` where there is no one to count; the
    series names and the number locale in the active language."""

    def getal(waarde: Decimal | None) -> float | None:
        return float(waarde) if waarde is not None else None

    return {
        "labels": [maandlabel(m, tot=s.einde) for m, s in trend],
        "verzuimpercentage": [getal(s.verzuimpercentage) for _, s in trend],
        "meldingsfrequentie": [getal(s.meldingsfrequentie) for _, s in trend],
        "locale": _JS_LOCALE.get(get_language() or "", "nl-NL"),
        "teksten": {
            "verzuimpercentage": gettext("Verzuimpercentage (%)"),
            "meldingsfrequentie": gettext("Meldingsfrequentie (per jaar)"),
            "as_percentage": gettext("Verzuimpercentage (%)"),
            "as_frequentie": gettext("Meldingsfrequentie"),
        },
    }
