"""The answers every API operation can give besides its own, declared in the OpenAPI description so
that it lists every status code an operation returns:

- 401: no or an expired token (every operation but the token request needs one; that one answers
  401 on wrong credentials);
- 404 when the path names a record (unknown, not visible, or an id above 2^63-1);
- 400 (body is not JSON) and 413 (body too large) when the operation takes a body;
- 422 always: a parameter or field that fails validation, or a query value above the global limit.
An operation that declares one of these itself keeps its own description.
"""
from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI
from ninja.errors import ValidationError
from ninja.parser import Parser

from apps.core.api_schemas import normalise_error_body

DETAIL = {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]}
ERRORS = {"type": "object", "required": ["errors"], "properties": {"errors": {"type": "array", "items": {
    "type": "object", "required": ["field", "message"],
    "properties": {"rule": {"type": ["string", "null"]}, "field": {"type": "string"}, "message": {"type": "string"}}}}}}


def _response(description: str, schema: dict) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def add_common_responses(schema: dict) -> dict:
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            responses = operation["responses"]
            common = {422: _response("Ongeldige invoer: het veld of de parameter wordt genoemd.", ERRORS),
                      401: _response("Niet ingelogd of token verlopen.", DETAIL)}
            if "{" in path:
                common[404] = _response("Niet gevonden (of niet zichtbaar voor deze gebruiker).", DETAIL)
            if "requestBody" in operation:
                common[400] = _response("De inhoud is geen geldige JSON.", DETAIL)
                common[413] = _response("Het verzoek is te groot.", DETAIL)
            declared = {str(status) for status in responses}
            for status, response in common.items():
                if str(status) not in declared:
                    responses[status] = response
    return schema


NUL_REFUSED = _("Een NUL-teken (\\u0000) is hier niet toegestaan.")


def _nul_locations(value, loc: tuple) -> list[tuple]:
    """Where ``value`` (parsed JSON or query values) holds a string with a NUL character."""
    if isinstance(value, str):
        return [loc] if "\x00" in value else []
    if isinstance(value, dict):
        return [hit for key, item in value.items() for hit in _nul_locations(item, (*loc, key))]
    if isinstance(value, list):
        return [hit for i, item in enumerate(value) for hit in _nul_locations(item, (*loc, i))]
    return []


class NulFreeParser(Parser):
    """JSON bodies and query strings without NUL characters: PostgreSQL can neither store nor compare
    them (a lookup with one fails in the driver), so every operation refuses them with a 422 naming
    the field, as Django's forms do."""

    @staticmethod
    def _checked(data, source: str):
        found = _nul_locations(data, (source,))
        if found:
            raise ValidationError([{"loc": loc, "type": "value_error", "msg": str(NUL_REFUSED)} for loc in found])
        return data

    def parse_body(self, request):
        return self._checked(super().parse_body(request), "body")

    def parse_querydict(self, data, list_fields, request):
        return self._checked(super().parse_querydict(data, list_fields, request), "query")


class LeerrouteAPI(NinjaAPI):
    """NinjaAPI whose OpenAPI description also lists the common answers (see the module), and whose
    error answers all have the one shape of apps.core.api_schemas."""

    def create_response(self, request, data, *, status=None, temporal_response=None):
        code = temporal_response.status_code if temporal_response else status
        if code is not None and code >= 400:
            data = normalise_error_body(code, data)
        return super().create_response(request, data, status=status, temporal_response=temporal_response)

    def get_openapi_schema(self, *args, **kwargs):
        return add_common_responses(super().get_openapi_schema(*args, **kwargs))
