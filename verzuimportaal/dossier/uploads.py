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
