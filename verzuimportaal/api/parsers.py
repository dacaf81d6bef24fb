"""JSON parsing that refuses what the standard parser turns into a 500 (issue: nested JSON)."""

from typing import Any

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser


class PortaalJSONParser(JSONParser):
    """DRF's JSON parser; JSON nested deeper than Python's decoder can follow is a 400."""

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError as fout:
            raise ParseError(
                "De JSON is te diep genest. Stuur een plat object zoals in het API-contract."
            ) from fout
