"""PDF from an HTML template with WeasyPrint, without any network access."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from verzuimportaal.overzichten.export import veilige_bestandsnaam


def _geen_externe_bronnen(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    # Our PDF templates carry their CSS and SVG inline; refusing every fetch keeps a rendered
    # value (a name, a number) from ever making the server request a URL (SSRF).
    raise ValueError(f"Externe bron geweigerd: {url[:60]}")


def pdf_response(
    request: HttpRequest, *, template: str, context: dict[str, Any], bestandsnaam: str
) -> HttpResponse:
    from weasyprint import HTML  # heavy import, only when a PDF is asked for

    html = render_to_string(template, context, request=request)
    pdf = HTML(string=html, url_fetcher=_geen_externe_bronnen).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    naam = veilige_bestandsnaam(bestandsnaam, "pdf")
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    response["Cache-Control"] = "no-store"
    return response
