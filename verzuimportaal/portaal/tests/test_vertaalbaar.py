"""Every text of the portal can be shown in English (ADR 0044).

- every text a template shows (text between tags and visible attributes such as ``aria-label``,
  ``title``, ``placeholder``, ``alt``) is inside ``{% translate %}`` or ``{% blocktranslate %}``;
- the English catalogue translates every text the templates use, and no entry is fuzzy (Django
  ignores fuzzy entries, so the page would be Dutch);
- the committed ``django.mo`` holds exactly the translations of ``django.po``;
- a page with English active has none of a sample of Dutch words left.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.template.base import Lexer, TokenType
from django.urls import reverse
from lxml import html

from conftest import ingelogde_client

PAKKET = Path(settings.BASE_DIR) / "verzuimportaal"
PO = PAKKET / "locale" / "en" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")

LETTER = re.compile(r"[^\W\d_]")
# Attributes a person sees or hears: tooltips, screen-reader names, placeholders, alternative
# text and the labels the narrow-screen tables show before a cell (CSS ``attr(data-label)``).
ZICHTBARE_ATTRIBUTEN = frozenset(
    {
        "aria-label",
        "aria-description",
        "aria-roledescription",
        "aria-valuetext",
        "title",
        "placeholder",
        "alt",
        "label",
        "data-label",
    }
)
KNOP_TYPES = frozenset({"submit", "button", "reset"})
# What a template tag or variable becomes in the text checked: no letter, never part of a word.
PLEK = "\x1a"
OVERSLAAN_TOT = {"blocktranslate": "endblocktranslate", "blocktrans": "endblocktrans"}
OVERSLAAN_TOT |= {"comment": "endcomment", "verbatim": "endverbatim"}


def templates() -> list[Path]:
    return sorted(
        p for p in PAKKET.glob("**/templates/**/*") if p.suffix in {".html", ".txt"} and p.is_file()
    )


def _geraamte(bron: str) -> str:
    """The template with every tag, variable, comment and translated block replaced by a
    letterless mark (keeping the line breaks, so the HTML parser reports the template's lines)."""
    delen: list[str] = []
    einde: str | None = None
    for token in Lexer(bron).tokenize():
        regels = "\n" * token.contents.count("\n")
        if einde is not None:
            if token.token_type == TokenType.BLOCK and token.contents.split()[0] == einde:
                einde = None
            delen.append(PLEK + regels)
            continue
        if token.token_type == TokenType.TEXT:
            delen.append(token.contents)
            continue
        if token.token_type == TokenType.BLOCK:
            einde = OVERSLAAN_TOT.get(token.contents.split()[0])
        delen.append(PLEK + regels)
    return "".join(delen)


@dataclass(frozen=True)
class Vondst:
    regel: int
    tekst: str


class _Teksten(HTMLParser):
    """Collects the visible text nodes and attribute values that contain a letter."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.vondsten: list[Vondst] = []
        self._code = 0  # inside <script> or <style>

    def _controleer(self, tekst: str | None) -> None:
        """Each run of text between two tags or variables on its own, at its own line."""
        regel = self.getpos()[0]
        for stuk in (tekst or "").split(PLEK):
            if LETTER.search(stuk):
                eerste = len(stuk) - len(stuk.lstrip())
                self.vondsten.append(
                    Vondst(regel + stuk.count("\n", 0, eerste), " ".join(stuk.split()))
                )
            regel += stuk.count("\n")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style"}:
            self._code += 1
        waarden = dict(attrs)
        for naam, waarde in attrs:
            if naam in ZICHTBARE_ATTRIBUTEN:
                self._controleer(waarde)
        if tag == "input" and (waarden.get("type") or "").lower() in KNOP_TYPES:
            self._controleer(waarden.get("value"))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in {"script", "style"}:
            self._code -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"} and self._code:
            self._code -= 1

    def handle_data(self, data: str) -> None:
        if not self._code:
            self._controleer(data)


def onvertaalde_teksten(bron: str) -> list[Vondst]:
    parser = _Teksten()
    parser.feed(_geraamte(bron))
    parser.close()
    return parser.vondsten


def test_controle_vindt_onvertaalde_tekst_en_laat_vertaalde_staan() -> None:
    bron = (
        "{% load i18n %}<h1>{% translate 'Welkom' %}</h1>\n"
        "<p>{% blocktranslate trimmed with naam=n %}Hallo {{ naam }}{% endblocktranslate %}</p>\n"
        "<p>Niet vertaald {{ naam }}</p>\n"
        '<button aria-label="Sluiten" title="{% translate \'Sluiten\' %}">×</button>\n'
        "<script>const tekst = 'code';</script><style>p { color: red; }</style>\n"
        "{# Een opmerking #}{% comment %}Ook dit niet{% endcomment %}<!-- html -->\n"
        '<input type="submit" value="Opslaan"><input type="hidden" name="x" value="waarde">\n'
        '<td data-label="Naam">{{ n }}</td> &nbsp; &euro; 12,50 · 3 – {{ n|date:"j F" }}\n'
        '<img src="{% static \'a.png\' %}" alt="Logo">\n'
    )
    assert onvertaalde_teksten(bron) == [
        Vondst(3, "Niet vertaald"),
        Vondst(4, "Sluiten"),
        Vondst(7, "Opslaan"),
        Vondst(8, "Naam"),
        Vondst(9, "Logo"),
    ]


def test_elke_tekst_in_de_templates_is_vertaalbaar() -> None:
    fouten = [
        f"{pad.relative_to(settings.BASE_DIR)}:{vondst.regel}: {vondst.tekst[:80]}"
        for pad in templates()
        for vondst in onvertaalde_teksten(pad.read_text(encoding="utf-8"))
    ]
    assert not fouten, (
        f"{len(fouten)} teksten staan niet in {{% translate %}} of {{% blocktranslate %}}:\n"
        + "\n".join(fouten)
    )


def _vertaald(entry: polib.POEntry) -> bool:
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def _uit_templates(entry: polib.POEntry) -> bool:
    return any("/templates/" in bestand for bestand, _regel in entry.occurrences)


def test_engelse_catalogus_vertaalt_elke_tekst_van_de_templates() -> None:
    catalogus = polib.pofile(str(PO))
    fuzzy = [e.msgid for e in catalogus if "fuzzy" in e.flags and not e.obsolete]
    assert not fuzzy, f"Fuzzy (Django gebruikt ze niet): {fuzzy[:20]}"
    assert not catalogus.metadata_is_fuzzy, "De kop van django.po is fuzzy: haal de vlag weg"
    ontbreekt = [e.msgid for e in catalogus if _uit_templates(e) and not _vertaald(e)]
    assert not ontbreekt, f"{len(ontbreekt)} zonder Engelse vertaling:\n" + "\n".join(ontbreekt)


def _inhoud(entries: Iterator[polib.POEntry] | list[polib.POEntry]) -> set[tuple[object, ...]]:
    return {
        (
            e.msgctxt or "",
            e.msgid,
            e.msgid_plural or "",
            e.msgstr,
            tuple(sorted(e.msgstr_plural.items())),
        )
        for e in entries
        if e.msgid and not e.obsolete and "fuzzy" not in e.flags and _vertaald(e)
    }


def test_gecompileerde_catalogus_is_actueel() -> None:
    assert MO.exists(), f"{MO} ontbreekt: make vertalingen"
    assert _inhoud(polib.mofile(str(MO))) == _inhoud(polib.pofile(str(PO))), (
        "django.mo hoort niet bij django.po: make vertalingen (of manage.py compilemessages -l en)"
    )


# Dutch words of the header, menu, footer and login page; none may be left on an English page.
NEDERLANDSE_WOORDEN = (
    "Inloggen",
    "Wachtwoord",
    "Uitloggen",
    "Werknemers",
    "Ziek melden",
    "Berichten",
    "Gebruiksvoorwaarden",
    "Hulp",
    "Vul nooit",
    "Direct naar de inhoud",
    "U werkt voor",
)


def _zichtbare_tekst(inhoud: bytes) -> str:
    boom = html.fromstring(inhoud)
    for code in boom.xpath("//script|//style"):
        code.drop_tree()
    attributen = " ".join(boom.xpath("//@aria-label|//@title|//@placeholder|//@alt"))
    return " ".join((boom.text_content() + " " + attributen).split())


@pytest.mark.django_db
def test_engelse_inlogpagina_heeft_geen_nederlandse_resten(client) -> None:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    tekst = _zichtbare_tekst(client.get(reverse("accounts:login")).content)
    assert "Log in" in tekst
    assert [w for w in NEDERLANDSE_WOORDEN if w in tekst] == []


@pytest.mark.django_db
def test_engels_dashboard_heeft_geen_nederlandse_resten(werkgever_a) -> None:
    client = ingelogde_client(werkgever_a.lidmaatschap)
    client.post(reverse("accounts:taal"), {"language": "en", "next": "/"})
    response = client.get(reverse("portaal:dashboard"))
    tekst = _zichtbare_tekst(response.content)
    assert "Employees" in tekst
    assert [w for w in NEDERLANDSE_WOORDEN if w in tekst] == []
