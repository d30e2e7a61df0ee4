"""Global guards on the size of what a client sends, before any view runs: a clear 4xx naming the
field instead of a database error (SQLite refuses LIKE patterns above 50,000 bytes, PostgreSQL
refuses over-long values in indexed columns) or minutes of work on absurd input.

- A query-string value longer than ``MAX_QUERY_CHARS``: 422 naming the parameter.
- A string in a JSON request body (API) longer than ``MAX_FIELD_CHARS``: 422 naming the field
  (dotted path, as the API's validation errors: ``partners.0.institution``).
- A request body above DATA_UPLOAD_MAX_MEMORY_SIZE (not a file upload): 413 with a clear message.
Fields with a smaller limit (a model's max_length) are checked by the operation's own schema.
"""
import json

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponse, JsonResponse

from apps.core.schema_errors import field_path

MAX_QUERY_CHARS = 1_000
MAX_FIELD_CHARS = 65_536


def _errors(field: str, message: str) -> dict:
    return {"errors": [{"rule": None, "field": field, "message": message}]}


def _too_long(value, path=()):
    """The path of the first string above MAX_FIELD_CHARS (keys included; "partners[0].note"), or None."""
    if isinstance(value, str):
        return field_path(path) if len(value) > MAX_FIELD_CHARS else None
    if isinstance(value, dict):
        for key, item in value.items():
            found = _too_long(key, (*path, "<sleutel>")) or _too_long(item, (*path, key))
            if found is not None:
                return found
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found = _too_long(item, (*path, i))
            if found is not None:
                return found
    return None


class InputLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        api = request.path_info.startswith("/api/")
        for name, values in request.GET.lists():
            if any(len(value) > MAX_QUERY_CHARS for value in values):
                message = f"{name}: te lang (hoogstens {MAX_QUERY_CHARS} tekens)."
                return JsonResponse(_errors(name, message), status=422) if api else \
                    HttpResponse(message, status=422, content_type="text/plain; charset=utf-8")
        if api and request.method in ("POST", "PUT", "PATCH") and request.content_type == "application/json":
            try:
                body = request.body
            except RequestDataTooBig:
                limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024)
                return JsonResponse({"detail": f"Het verzoek is te groot (hoogstens {limit} MB)."}, status=413)
            try:
                data = json.loads(body or b"null")
            except ValueError:
                data = None  # not JSON: the operation answers that itself
            field = _too_long(data)
            if field is not None:
                message = f"{field or 'body'}: te lang (hoogstens {MAX_FIELD_CHARS} tekens)."
                return JsonResponse(_errors(field, message), status=422)
        return self.get_response(request)
