from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def getal(waarde: Decimal | int | None, decimalen: int = 2) -> str:
    """Dutch notation (decimal comma); a dash where nothing can be computed."""
    if waarde is None:
        return "–"
    if isinstance(waarde, int):
        return str(waarde)
    return f"{waarde:.{decimalen}f}".replace(".", ",")


@register.filter
def verschil(waarde: Decimal | int | None, decimalen: int = 2) -> str:
    if waarde is None:
        return "–"
    teken = "+" if waarde > 0 else ""
    return teken + getal(waarde, decimalen)
