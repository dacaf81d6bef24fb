"""Checks for uploaded dossier documents (DOMAIN §9): type by magic bytes, size, safe names."""

import io
import re
import unicodedata
import zipfile

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
