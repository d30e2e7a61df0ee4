"""Database ids are 64-bit signed integers. A larger number in a URL or a request body can never
name a record: it gets a 404 (path) or a 422 naming the field (body, query), never the database
driver's overflow as a 500.

- ``IdBoundsMiddleware`` answers 404 for any path segment that is a number above ``MAX_ID``, for
  every page and API operation at once.
- ``Id`` is the type for ids in ninja schemas and query parameters: ``route: Id``, ``route_id: Id``.
"""
import re
from typing import Annotated

from django.http import Http404, JsonResponse
from pydantic import Field

MAX_ID = 2**63 - 1
Id = Annotated[int, Field(ge=1, le=MAX_ID)]

_DIGITS = re.compile(r"[0-9]+")


def out_of_range(text: str) -> bool:
    """A run of ASCII digits whose value no 64-bit id can have."""
    if not _DIGITS.fullmatch(text):
        return False
    digits = text.lstrip("0")
    return len(digits) > 19 or (len(digits) == 19 and int(digits) > MAX_ID)


class IdBoundsMiddleware:
    """404 for a path such as /api/v1/routes/9223372036854775808 before any view queries the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any(out_of_range(segment) for segment in request.path_info.split("/")):
            if request.path_info.startswith("/api/"):
                return JsonResponse({"detail": "Niet gevonden: dit nummer bestaat niet."}, status=404)
            raise Http404("id out of range")
        return self.get_response(request)
