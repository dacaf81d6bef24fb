"""Terms text: Markdown rendered to HTML, then sanitised with an allow-list (nh3).

The operator writes Markdown in the admin; raw HTML in it is never trusted. Python-Markdown
passes HTML through, so everything is cleaned afterwards: only text markup and https/mailto links
survive, scripts and styles are removed with their content, and the Utrecht classes are added.
"""

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

TAGS = {"h2", "h3", "h4", "p", "ul", "ol", "li", "strong", "em", "a", "br", "blockquote", "hr"}
KLASSEN = {
    "h2": "utrecht-heading-2",
    "h3": "utrecht-heading-3",
    "h4": "utrecht-heading-4",
    "p": "utrecht-paragraph",
    "ul": "utrecht-unordered-list",
    "ol": "utrecht-ordered-list",
    "a": "utrecht-link",
    "blockquote": "utrecht-blockquote",
}


def als_html(tekst: str) -> SafeString:
    ruw = markdown.markdown(tekst, extensions=["sane_lists"], output_format="html")
    schoon = nh3.clean(
        ruw,
        tags=TAGS,
        clean_content_tags={"script", "style"},
        attributes={"a": {"href"}},
        url_schemes={"https", "mailto"},
        link_rel="noopener noreferrer",
        set_tag_attribute_values={tag: {"class": klasse} for tag, klasse in KLASSEN.items()},
    )
    return mark_safe(schoon)  # noqa: S308 - sanitised by nh3 with an allow-list above
