"""Fetchers for dossier objects, built on ``toegang.access`` so tenant filtering stays there."""

from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404

from verzuimportaal.toegang import access
from verzuimportaal.toegang.actor import Actor

from .models import Activiteit, Document


def activiteiten(actor: Actor) -> QuerySet[Activiteit]:
    return Activiteit.objects.filter(verzuimgeval__in=access.verzuimgevallen(actor)).select_related(
        "verzuimgeval", "verzuimgeval__werknemer"
    )


def activiteit(actor: Actor, *, uuid: UUID | str) -> Activiteit:
    try:
        return activiteiten(actor).get(uuid=uuid)
    except (Activiteit.DoesNotExist, ValueError, ValidationError) as exc:
        raise Http404("Activiteit niet gevonden.") from exc


def documenten(actor: Actor) -> QuerySet[Document]:
    return Document.objects.filter(verzuimgeval__in=access.verzuimgevallen(actor)).select_related(
        "verzuimgeval"
    )


def document(actor: Actor, *, uuid: UUID | str) -> Document:
    try:
        return documenten(actor).get(uuid=uuid)
    except (Document.DoesNotExist, ValueError, ValidationError) as exc:
        raise Http404("Document niet gevonden.") from exc
