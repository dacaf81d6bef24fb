"""Fetchers for dossier objects, built on ``toegang.access`` so tenant filtering stays there."""

from uuid import UUID

from django.db.models import QuerySet

from verzuimportaal.toegang import access
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.utils.ophalen import een_of_404

from .models import Activiteit, Document


def activiteiten(actor: Actor) -> QuerySet[Activiteit]:
    return Activiteit.objects.filter(verzuimgeval__in=access.verzuimgevallen(actor)).select_related(
        "verzuimgeval", "verzuimgeval__werknemer"
    )


def activiteit(actor: Actor, *, uuid: UUID | str) -> Activiteit:
    return een_of_404(activiteiten(actor), "Activiteit", uuid=uuid)


def documenten(actor: Actor) -> QuerySet[Document]:
    return Document.objects.filter(verzuimgeval__in=access.verzuimgevallen(actor)).select_related(
        "verzuimgeval"
    )


def document(actor: Actor, *, uuid: UUID | str) -> Document:
    return een_of_404(documenten(actor), "Document", uuid=uuid)
