from django.http import HttpRequest
from django.utils.translation import gettext

from . import sessie


def persoon(request: HttpRequest) -> dict[str, object]:
    """The name in the header before an actor exists: never an eHerkenning account name
    (``eh:KvK:hash``) or pseudonym (ADR 0025)."""
    gebruiker = getattr(request, "user", None)
    if gebruiker is None or not gebruiker.is_authenticated:
        return {}
    context = sessie.lees(request.session)
    if context is not None:
        naam = context.weergavenaam or gettext("eHerkenning-gebruiker")
        return {"persoonsnaam": naam, "eherkenning_persoon": True}
    return {"persoonsnaam": gebruiker.get_full_name() or gebruiker.get_username()}
