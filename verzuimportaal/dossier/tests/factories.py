"""Factories and actors for the dossier tests."""

import hashlib
import io
import zipfile
from datetime import date
from typing import Any

import factory
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.factories import VerzuimgevalFactory, als_service
from verzuimportaal.dossier.models import (
    Activiteit,
    ActiviteitType,
    Document,
    DocumentSoort,
    Verantwoordelijke,
)
from verzuimportaal.toegang.actor import Actor, Route
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.verzuim.models import Verzuimgeval
from verzuimportaal.werkgevers.models import Werkgever

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
EXE = b"MZ\x90\x00" + b"\x00" * 64


def docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archief:
        archief.writestr("[Content_Types].xml", "<Types/>")
        archief.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def zip_zonder_word() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archief:
        archief.writestr("iets.txt", "geen Word")
    return buffer.getvalue()


def bestand(naam: str, inhoud: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(naam, inhoud, content_type="application/octet-stream")


class ActiviteitFactory(factory.django.DjangoModelFactory[Activiteit]):
    class Meta:
        model = Activiteit
        skip_postgeneration_save = True

    verzuimgeval = factory.SubFactory(VerzuimgevalFactory)
    type = ActiviteitType.GESPREK
    omschrijving = "Telefonisch contact"
    deadline = date(2026, 11, 30)
    verantwoordelijke = Verantwoordelijke.WERKGEVER
    aangemaakt_door_naam = "Test"
    aangemaakt_via = Route.LOKAAL

    @factory.post_generation
    def gegevensversie(obj, create, extracted, **kwargs):
        if create:
            als_service(obj.verzuimgeval.werknemer.loonheffingennummer.werkgever_id)


def casemanager(werkgever: Werkgever) -> Actor:
    """A casemanager as the machtigingen app makes one: view verzuim + overzichten."""
    return Actor(
        werkgever=werkgever,
        rechten=frozenset({Dienst.VERZUIM_MELDEN, Dienst.OVERZICHTEN}),
        wijzigrechten=frozenset(),
        route=Route.CASEMANAGER,
        gebruiker=None,
        weergavenaam="C. Casemanager",
    )


def alleen_bekijken(werkgever: Werkgever) -> Actor:
    """A route-B advisor with "bekijken" only."""
    return Actor(
        werkgever=werkgever,
        rechten=frozenset({Dienst.VERZUIM_MELDEN}),
        wijzigrechten=frozenset(),
        route=Route.ADVISEUR,
        gebruiker=None,
        weergavenaam="A. Adviseur",
    )


def eigenaar(werkgever: Werkgever) -> Actor:
    return Actor(
        werkgever=werkgever,
        rechten=frozenset(Dienst),
        route=Route.LOKAAL,
        gebruiker=None,
        weergavenaam="E. Eigenaar",
    )


def activiteit_van(omgeving: Any) -> Activiteit:
    """An open activity on werkgever A's spell of a test ``Omgeving`` (access table)."""
    bestaand = Activiteit.objects.filter(verzuimgeval=omgeving.verzuimgeval).first()
    return bestaand or ActiviteitFactory(verzuimgeval=omgeving.verzuimgeval)


def document_van(omgeving: Any) -> Document:
    """A PDF on werkgever A's spell of a test ``Omgeving`` (access table)."""
    if bestaand := Document.objects.filter(verzuimgeval=omgeving.verzuimgeval).first():
        return bestaand
    return document_bij(omgeving.verzuimgeval)


def document_bij(verzuimgeval: Verzuimgeval) -> Document:
    """A PDF "plan.pdf" on the private storage, in the dossier of ``verzuimgeval``."""
    document = Document(
        verzuimgeval=verzuimgeval,
        soort=DocumentSoort.OVERIG,
        naam="plan.pdf",
        content_type="application/pdf",
        grootte=len(PDF),
        sha256=hashlib.sha256(PDF).hexdigest(),
        geupload_door_naam="Test",
        geupload_via=Route.LOKAAL,
        geupload_op=timezone.now(),
    )
    document.bestand.save("plan.pdf", ContentFile(PDF), save=False)
    document.save()
    return document
