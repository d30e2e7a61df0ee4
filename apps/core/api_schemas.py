"""The one shape of every API error, whatever its status (400, 401, 403, 404, 405, 409, 422, 429, 500):

    {"detail": "<one sentence>", "errors": [{"rule": null | "R-xx", "field": "...", "message": "..."}]}

`errors` names the fields (and the rule, for a rule violation) and may be empty. The apps declare
`Errors` as the response schema of their 4xx answers and return `Status(422, {"errors": [...]})`;
`detail` then gets the default sentence for the status. Answers built outside the apps' schemas
(authentication, unknown addresses, unexpected failures) get the same shape from
leerroute/api.py's exception handlers and `error_body` / `normalise_error_body`."""
from django.utils.translation import gettext as _
from ninja import Field, Schema
from pydantic import field_validator

# The sentence for an error answer without its own; translated when the answer is made.
DEFAULT_DETAILS = {
    400: "Het verzoek is ongeldig.",
    401: "Niet ingelogd: gebruik een token (POST /api/v1/auth/token).",
    403: "U heeft geen toegang tot deze gegevens of handeling.",
    404: "Niet gevonden.",
    405: "Deze methode is op dit adres niet toegestaan.",
    409: "De gegevens zijn intussen gewijzigd; haal ze opnieuw op.",
    413: "Het verzoek is te groot.",
    415: "Stuur de gegevens als JSON (Content-Type: application/json).",
    422: "De invoer is niet geldig; zie errors.",
    429: "Te veel verzoeken; probeer het later opnieuw.",
    500: "Er ging iets mis aan onze kant; de fout is vastgelegd.",
}


def default_detail(status: int) -> str:
    if status in DEFAULT_DETAILS:
        return _(DEFAULT_DETAILS[status])
    return _(DEFAULT_DETAILS[500]) if status >= 500 else _(DEFAULT_DETAILS[400])


class ErrorOut(Schema):
    rule: str | None = None
    field: str = ""
    message: str

    @field_validator("field", "message", mode="before")
    @classmethod
    def _text(cls, value):
        return "" if value is None else str(value)


class Errors(Schema):
    """An error answer: one sentence and the field errors (possibly none)."""

    detail: str = Field(default_factory=lambda: default_detail(422))
    errors: list[ErrorOut] = []


def error_body(status: int, detail: str | None = None, errors: list[dict] | None = None) -> dict:
    return {"detail": detail or default_detail(status), "errors": list(errors or [])}


def normalise_error_body(status: int, body) -> dict:
    """Any error body in the one shape: a `detail` sentence and an `errors` list. Keys beyond these
    (`reason` of a throttled login) stay."""
    if not isinstance(body, dict):
        return error_body(status)
    body = dict(body)
    errors = body.get("errors")
    if not isinstance(errors, list):
        errors = []
    body["errors"] = [{"rule": e.get("rule"), "field": str(e.get("field") or ""), "message": str(e.get("message", ""))}
                      if isinstance(e, dict) else {"rule": None, "field": "", "message": str(e)} for e in errors]
    if not isinstance(body.get("detail"), str) or not body["detail"]:
        body["detail"] = default_detail(status)
    return body
