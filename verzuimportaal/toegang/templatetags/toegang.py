"""``{% if actor|mag:"verzuim:ziek_melden" %}``: show an action only when its page lets the actor
in (``toegang.zichtbaar``)."""

from django import template

from verzuimportaal.toegang import zichtbaar
from verzuimportaal.toegang.actor import Actor

register = template.Library()


@register.filter
def mag(actor: Actor | None, url_naam: str) -> bool:
    return zichtbaar.mag(actor, url_naam)
