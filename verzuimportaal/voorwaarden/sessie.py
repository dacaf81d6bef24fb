"""The deciding person of a request, and what the session remembers about the terms."""

from django.http import HttpRequest

from verzuimportaal.eherkenning import sessie as eherkenning_sessie
from verzuimportaal.toegang.acterend import SESSIE_WERKGEVER
from verzuimportaal.toegang.models import Lidmaatschap
from verzuimportaal.werkgevers.models import Werkgever

from .service import Persoon

SESSIE_AKKOORD = "voorwaarden_aanvaard_door"


def persoon_uit_request(request: HttpRequest, *, met_werkgever: bool = False) -> Persoon:
    """eHerkenning: (pseudonym, represented KvK) from the login; otherwise the local account.

    ``met_werkgever`` looks up the local account's werkgever KvK (to record with a decision).
    """
    context = eherkenning_sessie.lees(request.session)
    if context is not None:
        return Persoon(
            gebruiker_id=request.user.pk,
            pseudoniem=context.pseudoniem,
            kvk_nummer=context.kvk_nummer,
        )
    kvk = ""
    if met_werkgever:
        werkgever_id = request.session.get(SESSIE_WERKGEVER)
        if type(werkgever_id) is int:
            kvk = (
                Werkgever.objects.filter(
                    pk=werkgever_id, lidmaatschappen__gebruiker_id=request.user.pk
                )
                .values_list("kvk_nummer", flat=True)
                .first()
                or ""
            )
        else:
            kvks = list(
                Lidmaatschap.objects.filter(gebruiker_id=request.user.pk, actief=True).values_list(
                    "werkgever__kvk_nummer", flat=True
                )[:2]
            )
            kvk = kvks[0] if len(kvks) == 1 else ""
    return Persoon(gebruiker_id=request.user.pk, kvk_nummer=kvk)
