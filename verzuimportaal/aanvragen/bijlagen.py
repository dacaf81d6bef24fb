"""Attachments of a submission: a checklist of required documents, each upload checked by its
content (DOMAIN §9, ``dossier.uploads``) before anything is stored (ADR 0028).

``controleer`` checks all files at once and names every missing or refused document; ``bewaar``
stores them on the private storage, inside the submitting service's transaction.
"""

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from verzuimportaal.dossier import uploads

from .models import Bijlage, Zaak

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass(frozen=True, slots=True)
class Stuk:
    """One document of a checklist: ``code`` is the form field, ``omschrijving`` what it is."""

    code: str
    omschrijving: "StrOrPromise"
    verplicht: bool = True
    toelichting: "StrOrPromise" = ""


@dataclass(frozen=True, slots=True)
class Gecontroleerd:
    stuk: Stuk
    naam: str
    content_type: str
    inhoud: bytes


def controleer(
    checklist: Sequence[Stuk], bestanden: Mapping[str, UploadedFile | None]
) -> list[Gecontroleerd]:
    """Every required document present and every upload acceptable, or one ``ValidationError``
    with a message per document (nothing is stored)."""
    fouten: dict[str, list[str]] = {}
    goed: list[Gecontroleerd] = []
    for stuk in checklist:
        bestand = bestanden.get(stuk.code)
        if bestand is None:
            if stuk.verplicht:
                fouten[stuk.code] = [
                    _("%(document)s ontbreekt. Voeg dit document toe.")
                    % {"document": stuk.omschrijving}
                ]
            continue
        try:
            naam, content_type, inhoud = uploads.controleer_bestand(bestand)
        except ValidationError as fout:
            fouten[stuk.code] = [
                _("%(document)s: %(fout)s") % {"document": stuk.omschrijving, "fout": m}
                for m in fout.messages
            ]
            continue
        goed.append(Gecontroleerd(stuk, naam, content_type, inhoud))
    if fouten:
        raise ValidationError(fouten)
    return goed


def _opgeslagen_omschrijving(stuk: Stuk) -> str:
    """The stored description is in the portal's own language, whoever submits."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(stuk.omschrijving)


def bewaar(*, zaak: Zaak, stukken: Sequence[Gecontroleerd], door_naam: str) -> list[Bijlage]:
    """Store the checked documents with the case (in the caller's transaction)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("bijlagen.bewaar hoort in de transactie van de indienende dienst.")
    opgeslagen: list[Bijlage] = []
    nu = timezone.now()
    try:
        for stuk in stukken:
            bijlage = Bijlage(
                zaak=zaak,
                soort=stuk.stuk.code,
                omschrijving=_opgeslagen_omschrijving(stuk.stuk)[:200],
                naam=stuk.naam,
                content_type=stuk.content_type,
                grootte=len(stuk.inhoud),
                sha256=hashlib.sha256(stuk.inhoud).hexdigest(),
                geupload_op=nu,
                geupload_door_naam=door_naam[:200],
            )
            bijlage.bestand.save(stuk.naam, ContentFile(stuk.inhoud), save=False)
            opgeslagen.append(bijlage)
            bijlage.save()
    except Exception:
        for bijlage in opgeslagen:  # no orphan file when the rows are not stored
            bijlage.bestand.delete(save=False)
        raise
    return opgeslagen


def als_download(bijlage: Bijlage) -> HttpResponse:
    """The attachment as a download: never shown inline, never sniffed, never cached."""
    with bijlage.bestand.open("rb") as bestand:
        inhoud = bestand.read()  # at most DOSSIER_MAX_UPLOAD_BYTES
    response = HttpResponse(inhoud, content_type=bijlage.content_type)
    response["Content-Disposition"] = content_disposition_header(True, bijlage.naam)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
