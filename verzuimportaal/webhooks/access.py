"""Reads of webhook subscriptions and deliveries: only the acting werkgever's (404 otherwise)."""

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from verzuimportaal.toegang.actor import Actor

from .models import Abonnement, Levering


def abonnementen(actor: Actor) -> QuerySet[Abonnement]:
    return Abonnement.objects.filter(werkgever=actor.werkgever).select_related("api_client")


def abonnement(actor: Actor, *, uuid: str) -> Abonnement:
    gevonden = abonnementen(actor).filter(uuid=uuid).first()
    if gevonden is None:
        raise Http404(_("Dit abonnement bestaat niet of hoort niet bij uw werkgever."))
    return gevonden


def leveringen(actor: Actor, gekozen: Abonnement) -> QuerySet[Levering]:
    return Levering.objects.filter(abonnement=gekozen, abonnement__werkgever=actor.werkgever)
