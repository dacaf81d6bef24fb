"""English pages in server-side tests: the client asks for English the way the language switch
does, and English is active in the thread the test client runs the view in."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.test import Client
from django.utils import translation
from lxml import html


@contextmanager
def in_het_engels(client: Client) -> Iterator[Client]:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield client


def kop(response) -> str:
    """The text of the page's h1, whitespace collapsed."""
    [h1] = html.fromstring(response.content.decode()).xpath("//h1")
    return " ".join(h1.text_content().split())
