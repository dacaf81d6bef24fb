"""Who gets the notification e-mail of a werkgever's new message (seed 003 art. 2.5, DOMAIN §8).

The address a person gave when accepting the terms of use (``voorwaarden.Acceptatie``) is the
notification address: for local accounts (active membership of the werkgever) the latest
acceptance of that account, else the account's own e-mail; for eHerkenning persons their latest
acceptance for this werkgever's KvK (they have no account e-mail).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q

from verzuimportaal.accounts.models import Profiel
from verzuimportaal.toegang.models import Lidmaatschap
from verzuimportaal.voorwaarden.models import Acceptatie, Beslissing
from verzuimportaal.werkgevers.models import Werkgever


def _ontvangers(werkgever: Werkgever) -> dict[str, int | None]:
    """Each notification address (deduplicated, lower-cased, in a stable order) with the account
    it belongs to, when known."""
    gebruiker_ids = list(
        Lidmaatschap.objects.filter(
            werkgever=werkgever, actief=True, gebruiker__is_active=True
        ).values_list("gebruiker_id", flat=True)
    )
    per_gebruiker: dict[int, str] = {}
    per_pseudoniem: dict[str, tuple[str, int | None]] = {}
    # Newest first: the first address seen per person is their current one.
    acceptaties = (
        Acceptatie.objects.filter(beslissing=Beslissing.AANVAARD)
        .filter(
            Q(gebruiker_id__in=gebruiker_ids, pseudoniem="")
            | (~Q(pseudoniem="") & Q(kvk_nummer=werkgever.kvk_nummer))
        )
        .exclude(notificatie_email="")
        .order_by("-tijdstip", "-pk")
        .values_list("gebruiker_id", "pseudoniem", "notificatie_email")
    )
    for gebruiker_id, pseudoniem, adres in acceptaties:
        if pseudoniem:
            per_pseudoniem.setdefault(pseudoniem, (adres, gebruiker_id))
        elif gebruiker_id is not None:
            per_gebruiker.setdefault(gebruiker_id, adres)
    ontvangers: dict[str, int | None] = {}
    for gebruiker_id, email in (
        get_user_model()
        .objects.filter(pk__in=gebruiker_ids)
        .order_by("pk")
        .values_list("pk", "email")
    ):
        adres = per_gebruiker.get(gebruiker_id) or email
        if adres:
            ontvangers.setdefault(adres.strip().lower(), gebruiker_id)
    for adres, eherkenning_gebruiker in per_pseudoniem.values():
        ontvangers.setdefault(adres.strip().lower(), eherkenning_gebruiker)
    return ontvangers


def notificatieadressen(werkgever: Werkgever) -> list[str]:
    """Deduplicated, lower-cased, in a stable order."""
    return list(_ontvangers(werkgever))


def notificatietalen(werkgever: Werkgever) -> dict[str, str]:
    """The language to write to each address in (ADR 0044): the account's choice, else the
    portal's default; an address without a known account gets the default."""
    ontvangers = _ontvangers(werkgever)
    gekozen = dict(
        Profiel.objects.filter(
            gebruiker_id__in=[g for g in ontvangers.values() if g is not None],
            taal__in=[code for code, _naam in settings.LANGUAGES],
        ).values_list("gebruiker_id", "taal")
    )
    return {
        adres: gekozen.get(gebruiker_id, settings.LANGUAGE_CODE)
        if gebruiker_id is not None
        else settings.LANGUAGE_CODE
        for adres, gebruiker_id in ontvangers.items()
    }
