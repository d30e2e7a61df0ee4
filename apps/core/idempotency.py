"""`Idempotency-Key` for API operations that create records: a client that retries a request (a
time-out, a lost answer) with the same key gets the first answer again and no second record.

Use under the router decorator::

    @router.post("", response={201: RouteOut, 422: Errors})
    @idempotent
    def create_route(request, payload: RouteIn): ...

- The key is per user and per operation (method and path); it is kept 24 hours.
- Same key, same body: the stored answer (same status and body), header `Idempotent-Replayed: true`.
- Same key, another body: 422 naming the header. A key longer than 255 characters: 422.
- Server errors (5xx) are not kept: the retry runs again. The first request and its record commit
  together, so two identical requests at once still create one record.
- The operation's OpenAPI description lists the header.
"""
import hashlib
import json
from datetime import timedelta
from functools import partial, wraps

from django.db import IntegrityError, transaction
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from ninja.utils import contribute_operation_callback

HEADER = "Idempotency-Key"
LIFETIME = timedelta(hours=24)
MAX_KEY = 255

OPENAPI_PARAMETER = {
    "in": "header", "name": HEADER, "required": False,
    "description": "Optioneel. Een herhaald verzoek met dezelfde sleutel (zelfde gebruiker, zelfde inhoud) maakt "
                   "geen tweede record maar geeft het eerste antwoord opnieuw (24 uur). Dezelfde sleutel met een "
                   "andere inhoud: 422.",
    "schema": {"type": "string", "minLength": 1, "maxLength": MAX_KEY},
}


def _refused(message: str) -> JsonResponse:
    return JsonResponse({"errors": [{"rule": None, "field": HEADER, "message": message}]}, status=422)


def _fingerprint(request) -> str:
    body = request.body
    try:  # the same JSON with its keys in another order or other spacing is the same request
        body = json.dumps(json.loads(body), sort_keys=True, separators=(",", ":")).encode()
    except ValueError:
        pass
    return hashlib.sha256(body).hexdigest()


def _replay(record) -> HttpResponse:
    response = HttpResponse(bytes(record.body), status=record.status, content_type=record.content_type or None)
    response["Idempotent-Replayed"] = "true"
    return response


def _wrap_run(run):
    @wraps(run)
    def wrapper(request, *args, **kwargs):
        from .models import IdempotencyRecord

        key = request.headers.get(HEADER)
        if key is None or not request.user.is_authenticated:
            return run(request, *args, **kwargs)  # no key, or refused anyway (401) by the operation
        if not key.strip() or len(key) > MAX_KEY or not key.isprintable():
            return _refused(f"{HEADER}: geef een sleutel van 1 tot {MAX_KEY} leesbare tekens.")
        endpoint = f"{request.method} {request.path}"[:300]
        fingerprint = _fingerprint(request)
        with transaction.atomic():
            mine = IdempotencyRecord.objects.filter(user=request.user, key=key, endpoint=endpoint)
            mine.filter(created__lt=timezone.now() - LIFETIME).delete()
            try:
                with transaction.atomic():
                    record = IdempotencyRecord.objects.create(user=request.user, key=key, endpoint=endpoint,
                                                              fingerprint=fingerprint)
            except IntegrityError:  # used before (and committed: a concurrent first request has finished)
                record = mine.get()
                if record.fingerprint != fingerprint:
                    return _refused(f"{HEADER}: deze sleutel is al gebruikt voor een verzoek met een andere inhoud; "
                                    "gebruik een nieuwe sleutel.")
                return _replay(record)
            response = run(request, *args, **kwargs)
            if response.status_code >= 500 or getattr(response, "streaming", False):
                record.delete()
            else:
                record.status, record.body = response.status_code, response.content
                record.content_type = response.get("Content-Type", "")[:100]
                record.save(update_fields=["status", "body", "content_type"])
        return response
    return wrapper


def _contribute(operation) -> None:
    # as ninja's decorate_view: a router mounted in the API clones its operations and re-applies these
    operation.run = _wrap_run(operation.run)
    if not hasattr(operation, "_run_decorators"):
        operation._run_decorators = []
    operation._run_decorators.append(_wrap_run)
    extra = dict(operation.openapi_extra or {})
    extra["parameters"] = [*extra.get("parameters", []), OPENAPI_PARAMETER]
    operation.openapi_extra = extra


def idempotent(view_func):
    """Marks a ninja operation (placed under @router.post) as accepting an Idempotency-Key."""
    contribute_operation_callback(view_func, partial(_contribute))
    return view_func
