"""Reads of imports: only the acting werkgever's (404 otherwise)."""

from django.http import Http404
from django.utils.translation import gettext as _

from verzuimportaal.toegang.actor import Actor

from .models import Werknemerimport


def werknemerimport(actor: Actor, *, uuid: str) -> Werknemerimport:
    gevonden = Werknemerimport.objects.filter(werkgever=actor.werkgever, uuid=uuid).first()
    if gevonden is None:
        raise Http404(_("Deze import bestaat niet of hoort niet bij uw werkgever."))
    return gevonden
