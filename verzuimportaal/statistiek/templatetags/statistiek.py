from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def getal(waarde: Decimal | int | None, decimalen: int = 2) -> str:
    """The active language's notation (nl ``0,13``, en ``0.13``); a dash where nothing can be
    computed."""
    if waarde is None:
        return "–"
    if isinstance(waarde, int):
        return str(waarde)
    # Half up, as the computation rounds (DOMAIN §6): 0,125 is "0,13", never the "0,12" of
    # Python's default half-to-even.
    afgerond = Decimal(str(waarde)).quantize(Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP)
    return number_format(afgerond, decimal_pos=decimalen)


@register.filter
def verschil(waarde: Decimal | int | None, decimalen: int = 2) -> str:
    if waarde is None:
        return "–"
    teken = "+" if waarde > 0 else ""
    return teken + getal(waarde, decimalen)
