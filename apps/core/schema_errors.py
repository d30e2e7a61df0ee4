"""What a typed input (a django-ninja/pydantic schema) refuses, as the product says it everywhere:
``{"rule": None, "field": "partners[1].role", "message": "..."}`` with a Dutch message (English
through Django's translations), for the API, the forms and the imports alike."""
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

# Where the API puts what it parsed: not part of the field's name.
_SOURCES = {"body", "payload", "query", "path", "form", "file"}


def field_path(loc, sources: bool = False) -> str:
    """A pydantic error location as an input path: ("partners", 1, "role") -> "partners[1].role";
    with ``sources`` the leading parts naming where the API parsed it ("body", "payload") are left out."""
    out = ""
    for part in loc:
        if sources and not out and part in _SOURCES:
            continue
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def message(error: dict) -> str:
    """One pydantic error (an item of ``ValidationError.errors()``) in the user's language."""
    kind, ctx = error.get("type", ""), error.get("ctx") or {}
    if kind in ("value_error", "assertion_error"):   # our own validators: their message is already ours
        text = str(ctx.get("error") or error.get("msg", ""))
        return text.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if kind == "string_too_short" and ctx.get("min_length") == 1:
        return _("Dit veld is verplicht.")
    if kind in ("literal_error", "enum"):
        return _("Kies een van: %(expected)s.") % {"expected": str(ctx.get("expected", "")).replace(" or ", ", ")}
    text = _MESSAGES.get(kind)
    if text is None:
        return str(error.get("msg", ""))
    return _(text) % {key: ctx.get(key, "") for key in ("ge", "gt", "le", "lt", "max_length", "min_length")}


def problems(exc) -> list[dict]:
    """A ValidationError (pydantic's, or django-ninja's, which holds the same list) as the errors of
    a refused change."""
    ninja = not callable(getattr(exc, "errors", None))     # django-ninja's error names the source first
    errors = exc.errors if ninja else exc.errors()
    return [{"rule": None, "field": field_path(e.get("loc", ()), ninja), "message": message(e)} for e in errors]


# Marked for translation here, translated when a message is made.
_MESSAGES = {
    "missing": gettext_noop("Dit veld is verplicht."),
    "string_too_long": gettext_noop("Dit is te lang: hoogstens %(max_length)s tekens."),
    "string_too_short": gettext_noop("Dit is te kort: minstens %(min_length)s tekens."),
    "too_long": gettext_noop("Dit zijn er te veel: hoogstens %(max_length)s."),
    "too_short": gettext_noop("Dit zijn er te weinig: minstens %(min_length)s."),
    "greater_than_equal": gettext_noop("Dit is te klein of te vroeg: minstens %(ge)s."),
    "greater_than": gettext_noop("Dit moet groter zijn dan %(gt)s."),
    "less_than_equal": gettext_noop("Dit is te groot of te laat: hoogstens %(le)s."),
    "less_than": gettext_noop("Dit moet kleiner zijn dan %(lt)s."),
    "int_parsing": gettext_noop("Vul een geheel getal in."),
    "int_type": gettext_noop("Vul een geheel getal in."),
    "int_from_float": gettext_noop("Vul een geheel getal in."),
    "float_parsing": gettext_noop("Vul een getal in."),
    "float_type": gettext_noop("Vul een getal in."),
    "decimal_parsing": gettext_noop("Vul een getal in."),
    "decimal_type": gettext_noop("Vul een getal in."),
    "decimal_max_digits": gettext_noop("Dit getal heeft te veel cijfers."),
    "decimal_max_places": gettext_noop("Dit getal heeft te veel cijfers achter de komma."),
    "decimal_whole_digits": gettext_noop("Dit getal heeft te veel cijfers."),
    "bool_parsing": gettext_noop("Vul ja of nee in (true of false)."),
    "bool_type": gettext_noop("Vul ja of nee in (true of false)."),
    "date_parsing": gettext_noop("Vul een datum in als jjjj-mm-dd."),
    "date_type": gettext_noop("Vul een datum in als jjjj-mm-dd."),
    "date_from_datetime_parsing": gettext_noop("Vul een datum in als jjjj-mm-dd."),
    "date_from_datetime_inexact": gettext_noop("Vul een datum in als jjjj-mm-dd, zonder tijd."),
    "extra_forbidden": gettext_noop("Dit veld bestaat niet."),
    "string_pattern_mismatch": gettext_noop("Dit heeft niet de juiste vorm."),
    "string_type": gettext_noop("Vul tekst in."),
    "list_type": gettext_noop("Geef een lijst."),
    "dict_type": gettext_noop("Geef een object."),
    "model_type": gettext_noop("Geef een object."),
    "model_attributes_type": gettext_noop("Geef een object."),
    "json_invalid": gettext_noop("Geen geldige JSON."),
}
