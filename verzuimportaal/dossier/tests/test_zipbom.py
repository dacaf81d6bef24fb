"""Zip bombs posing as Word documents are refused before they are stored (DOMAIN §9)."""

import io
import zipfile

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.test import override_settings

from verzuimportaal.dossier import service, uploads
from verzuimportaal.dossier.models import Document
from verzuimportaal.dossier.tests.factories import bestand, docx

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


def word_met(**leden: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archief:
        archief.writestr("[Content_Types].xml", "<Types/>")
        archief.writestr("word/document.xml", "<w:document/>")
        for naam, inhoud in leden.items():
            archief.writestr(naam, inhoud)
    return buffer.getvalue()


def uploaden(werkgever_a, inhoud: bytes) -> Document:
    return service.upload_document(
        door=werkgever_a.actor,
        verzuimgeval=werkgever_a.verzuimgeval,
        soort="overig",
        bestand=bestand("verslag.docx", inhoud),
    )


@override_settings(DOSSIER_MAX_UITGEPAKT_BYTES=2 * MB)
def test_word_bestand_dat_uitgepakt_te_groot_is_geweigerd(werkgever_a):
    bom = word_met(**{"word/media/nullen.bin": bytes(3 * MB)})
    assert len(bom) < 20_000  # small on the wire, large once unpacked
    with pytest.raises(ValidationError) as fout:
        uploaden(werkgever_a, bom)
    assert "uitgepakt" in fout.value.message_dict["bestand"][0]
    assert not Document.objects.exists()


@override_settings(DOSSIER_MAX_ZIPLEDEN=50)
def test_word_bestand_met_te_veel_onderdelen_geweigerd(werkgever_a):
    bom = word_met(**{f"word/media/{n}.xml": b"<x/>" for n in range(60)})
    with pytest.raises(ValidationError) as fout:
        uploaden(werkgever_a, bom)
    assert "onderdelen" in fout.value.message_dict["bestand"][0]
    assert not Document.objects.exists()


def test_gelogen_grootte_in_de_zipkop_geweigerd():
    """A member whose header understates its size is caught while unpacking (CRC/size)."""
    echt = word_met(**{"word/media/nullen.bin": bytes(MB)})
    # Patch the declared uncompressed size of that member in the central directory to 10 bytes.
    with zipfile.ZipFile(io.BytesIO(echt)) as archief:
        info = archief.getinfo("word/media/nullen.bin")
    gepatcht = bytearray(echt)
    gepatcht_aantal = 0
    positie = echt.find(b"PK\x01\x02", 0)
    while positie != -1:
        naamlengte = int.from_bytes(echt[positie + 28 : positie + 30], "little")
        naam = echt[positie + 46 : positie + 46 + naamlengte]
        if naam == info.filename.encode():
            gepatcht[positie + 24 : positie + 28] = (10).to_bytes(4, "little")
            gepatcht_aantal = 1
        positie = echt.find(b"PK\x01\x02", positie + 4)
    assert gepatcht_aantal == 1
    assert uploads.zipfout(bytes(gepatcht), max_bytes=50 * MB, max_leden=1000) is not None


def test_gewoon_word_bestand_blijft_welkom(werkgever_a):
    assert uploads.zipfout(docx(), max_bytes=MB, max_leden=10) is None
    assert uploaden(werkgever_a, word_met(**{"word/media/foto.bin": bytes(100_000)})).pk


def test_standaardgrenzen_zijn_streng_genoeg():
    assert settings.DOSSIER_MAX_UITGEPAKT_BYTES <= 100 * MB
    assert settings.DOSSIER_MAX_ZIPLEDEN <= 5000
