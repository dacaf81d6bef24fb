"""Checks for uploaded documents (DOMAIN §9): type by magic bytes, size, safe names.

Used by the dossier and by the attachments of submissions to the operator (``aanvragen``).
"""

import io
import re
import unicodedata
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
JPEG = "image/jpeg"
PNG = "image/png"

# The extensions a name may have for each detected type.
EXTENSIES: dict[str, tuple[str, ...]] = {
    PDF: ("pdf",),
    DOCX: ("docx",),
    JPEG: ("jpg", "jpeg"),
    PNG: ("png",),
}


TYPENAMEN = {
    PDF: "een PDF-bestand",
    DOCX: "een Word-document",
    JPEG: "een JPEG-afbeelding",
    PNG: "een PNG-afbeelding",
}


def detecteer_type(inhoud: bytes) -> str | None:
    """The content type from the first bytes, or ``None`` when it is none of the allowed types."""
    if inhoud.startswith(b"%PDF-"):
        return PDF
    if inhoud.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if inhoud.startswith(b"\xff\xd8\xff"):
        return JPEG
    if inhoud.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(inhoud)) as archief:
                if "word/document.xml" in archief.namelist():
                    return DOCX
        except (zipfile.BadZipFile, ValueError):
            return None
    return None


def zipfout(inhoud: bytes, *, max_bytes: int, max_leden: int) -> str | None:
    """Why an OOXML/zip upload is refused (a zip bomb), or ``None`` when it is acceptable.

    Checks the number of members and the declared uncompressed size first, then unpacks every
    member in chunks, counting the real bytes: a header that understates a member's size ends in
    a size or CRC error, and unpacking stops as soon as the limit is passed.
    """
    te_groot = (
        f"Het Word-document is uitgepakt te groot (meer dan {max_bytes // 1_048_576} MB). "
        "Sla het opnieuw op zonder grote ingesloten bestanden, of maak er een PDF van."
    )
    try:
        with zipfile.ZipFile(io.BytesIO(inhoud)) as archief:
            leden = archief.infolist()
            if len(leden) > max_leden:
                return (
                    f"Het Word-document bestaat uit te veel onderdelen ({len(leden)}; hoogstens "
                    f"{max_leden}). Sla het opnieuw op of maak er een PDF van."
                )
            if sum(lid.file_size for lid in leden) > max_bytes:
                return te_groot
            totaal = 0
            for lid in leden:
                with archief.open(lid) as bron:
                    while blok := bron.read(1 << 16):
                        totaal += len(blok)
                        if totaal > max_bytes:
                            return te_groot
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        return "Het Word-document is beschadigd. Sla het opnieuw op of maak er een PDF van."
    return None


def extensie(naam: str) -> str:
    return naam.rsplit(".", 1)[-1].lower() if "." in naam else ""


def veilige_naam(naam: str) -> str:
    """The last path part in plain ASCII letters, digits and ``.-_``; at most 100 characters.

    Used in ``Content-Disposition`` and shown on the page, so no quotes, separators or control
    characters survive. The extension is kept (lower case).
    """
    naam = naam.replace("\\", "/").rsplit("/", 1)[-1]
    naam = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode("ascii")
    ext = extensie(naam)
    stam = naam[: -len(ext) - 1] if ext else naam
    stam = re.sub(r"[^A-Za-z0-9_-]+", "-", stam).strip("-_")[:90] or "document"
    ext = re.sub(r"[^a-z0-9]", "", ext)[:8]
    return f"{stam}.{ext}" if ext else stam


def controleer_bestand(bestand: UploadedFile) -> tuple[str, str, bytes]:
    """(safe name, content type, content) of an upload, or ``ValidationError`` saying what to do.

    Size limit first (``DOSSIER_MAX_UPLOAD_BYTES``), then the type by its first bytes (never the
    name or the browser's content type), a zip-bomb check for Word documents, and a name whose
    extension matches the content.
    """
    maximum: int = settings.DOSSIER_MAX_UPLOAD_BYTES
    grootte = bestand.size or 0
    if grootte > maximum:
        raise ValidationError(
            f"Het bestand is te groot ({grootte / 1_048_576:.1f} MB). Het mag hoogstens "
            f"{maximum // 1_048_576} MB zijn; verklein of splits het bestand."
        )
    inhoud = bestand.read(maximum + 1)
    if not inhoud:
        raise ValidationError(gettext("Het bestand is leeg. Kies een ander bestand."))
    if len(inhoud) > maximum:
        raise ValidationError(
            f"Het bestand is te groot. Het mag hoogstens {maximum // 1_048_576} MB zijn; "
            "verklein of splits het bestand."
        )
    content_type = detecteer_type(inhoud)
    if content_type is None:
        raise ValidationError(
            gettext(
                "Dit soort bestand kan niet worden toegevoegd. Upload een PDF, een Word-document "
                "(.docx) of een foto (JPEG of PNG)."
            )
        )
    if content_type == DOCX and (
        fout := zipfout(
            inhoud,
            max_bytes=settings.DOSSIER_MAX_UITGEPAKT_BYTES,
            max_leden=settings.DOSSIER_MAX_ZIPLEDEN,
        )
    ):
        raise ValidationError(fout)
    naam = veilige_naam(bestand.name or "document")
    if extensie(naam) not in EXTENSIES[content_type]:
        raise ValidationError(
            f"De naam van het bestand ({naam}) past niet bij de inhoud: het is "
            f"{TYPENAMEN[content_type]}. Controleer of u het goede bestand heeft gekozen."
        )
    return naam, content_type, inhoud
