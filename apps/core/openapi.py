"""The answers every API operation can give besides its own, declared in the OpenAPI description so
that it lists every status code an operation returns:

- 401: no or an expired token (every operation but the token request needs one; that one answers
  401 on wrong credentials);
- 404 when the path names a record (unknown, not visible, or an id above 2^63-1);
- 400 (body is not JSON) and 413 (body too large) when the operation takes a body;
- 422 always: a parameter or field that fails validation, or a query value above the global limit.
An operation that declares one of these itself keeps its own description.
"""
from ninja import NinjaAPI

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
