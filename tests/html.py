"""Reading rendered pages in server-side tests."""

from lxml import html


def pagina(response) -> html.HtmlElement:
    return html.fromstring(response.content.decode())


def tekst(response) -> str:
    """The page's visible text with whitespace collapsed."""
    return " ".join(pagina(response).text_content().split())
