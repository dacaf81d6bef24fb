"""Showing amounts and dates of a specificatie the same way on the page and in the PDF."""

from datetime import date
from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def bedrag(waarde: Decimal) -> str:
    """€ amount with a decimal comma and thousands dots: 13991.25 → "13.991,25"."""
    teken = "-" if waarde < 0 else ""
    heel, _, centen = f"{abs(waarde):.2f}".partition(".")
    groepen: list[str] = []
    while len(heel) > 3:
        groepen.insert(0, heel[-3:])
        heel = heel[:-3]
    groepen.insert(0, heel)
    return f"{teken}{'.'.join(groepen)},{centen}"


@register.filter
def cel(waarde: object) -> str:
    """One cell of a specificatie: amounts as ``bedrag``, dates dd-mm-jjjj, the rest as text."""
    if isinstance(waarde, Decimal):
        return bedrag(waarde)
    if isinstance(waarde, date):
        return waarde.strftime("%d-%m-%Y")
    return str(waarde)
