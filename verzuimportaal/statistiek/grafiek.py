"""A small bar chart as inline SVG, for the PDF (WeasyPrint runs no JavaScript) and the preview.

Only presentation attributes, no ``style`` attributes or scripts (strict CSP on the preview page).
Every text is escaped.
"""

from collections.abc import Sequence
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

BREEDTE, HOOGTE = 640, 260
LINKS, RECHTS, BOVEN, ONDER = 48, 12, 16, 48


def _schaal(hoogste: float) -> tuple[float, float]:
    """A round axis maximum and step for values up to ``hoogste``."""
    for stap in (0.5, 1, 2, 2.5, 5, 10, 20, 25, 50, 100):
        if hoogste <= stap * 5:
            return stap * 5, stap
    return 100.0, 20.0


def staafgrafiek(
    *, sleutel: str, titel: str, punten: Sequence[tuple[str, Decimal | None]], eenheid: str = "%"
) -> SafeString:
    """Bars for ``punten`` (label, value); ``sleutel`` makes the title id unique on the page."""
    waarden = [float(w) for _, w in punten if w is not None]
    maximum, stap = _schaal(max(waarden, default=0.0))
    vlak_b = BREEDTE - LINKS - RECHTS
    vlak_h = HOOGTE - BOVEN - ONDER
    delen: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {BREEDTE} {HOOGTE}" '
        f'width="{BREEDTE}" height="{HOOGTE}" role="img" aria-labelledby="{escape(sleutel)}-titel" '
        f'class="vp-svg-grafiek" font-family="sans-serif" font-size="11">',
        f'<title id="{escape(sleutel)}-titel">{escape(titel)}</title>',
    ]
    niveau = 0.0
    while niveau <= maximum + 1e-9:
        y = BOVEN + vlak_h - niveau / maximum * vlak_h
        delen.append(
            f'<line x1="{LINKS}" y1="{y:.1f}" x2="{BREEDTE - RECHTS}" y2="{y:.1f}" '
            f'stroke="#cccccc" stroke-width="1"/>'
        )
        tekst = number_format(Decimal(f"{niveau:g}"))
        delen.append(
            f'<text x="{LINKS - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#333333">'
            f"{escape(tekst)}{escape(eenheid)}</text>"
        )
        niveau += stap
    breedte_staaf = vlak_b / max(len(punten), 1)
    for i, (label, waarde) in enumerate(punten):
        x = LINKS + i * breedte_staaf
        if waarde is not None:
            h = float(waarde) / maximum * vlak_h
            delen.append(
                f'<rect x="{x + breedte_staaf * 0.15:.1f}" y="{BOVEN + vlak_h - h:.1f}" '
                f'width="{breedte_staaf * 0.7:.1f}" height="{h:.1f}" fill="#01689b">'
                f"<title>{escape(label)}: {escape(_getal(waarde))}{escape(eenheid)}</title></rect>"
            )
        delen.append(
            f'<text x="{x + breedte_staaf / 2:.1f}" y="{HOOGTE - ONDER + 16}" '
            f'text-anchor="middle" fill="#333333">{escape(label)}</text>'
        )
    delen.append("</svg>")
    return mark_safe("".join(delen))  # noqa: S308 - every value above is escaped or a number


def _getal(waarde: Decimal) -> str:
    """One decimal in the active language's notation."""
    return number_format(Decimal(f"{waarde:.1f}"))
