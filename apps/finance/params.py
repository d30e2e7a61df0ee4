"""The parameters of each settlement model as form fields: scalars and small tables of rows.

Numbers are typed and shown the Dutch way (``domain.numbers``): "6.000" is six thousand,
"6.000,50" six thousand and a half, "0,07" a share; an ambiguous entry ("6,000", "1.5") is
refused at its field with the typed text kept, never guessed. They reach the core as plain
decimal strings ("6000.50"), the form the API and the stored parameters use.
"""
import re
from decimal import Decimal
from typing import NamedTuple

from django.utils.translation import gettext_lazy as _

from domain.numbers import NumberError, format_number, parse_number
from domain.settlement import ParameterError, calculate
from domain.settlement.base import LABELS as CORE_LABELS
from domain.settlement.base import describe

SCALARS = {
    "M1": [("student_count", _("Aantal leerlingen (1 oktober, bekostigd)")), ("weight_sum", _("Som van de gewichten")),
           ("input_tariff", _("Inputtarief per gewicht (€)")), ("diplomas", _("Aantal diploma's")),
           ("output_tariff", _("Outputtarief per diploma (€)")), ("overhead_rate", _("Overhead (fractie, bijv. 0,07)")),
           ("overhead_share_vo", _("Aandeel vo in de overhead (fractie)")),
           ("exam_cost_per_student", _("Examenkosten per leerling (€)")),
           ("admin_cost_per_student", _("Administratiekosten per leerling (€)")),
           ("bpv_hours_per_student", _("BPV-begeleidingsuren per leerling")),
           ("bpv_hourly_rate", _("Uurtarief BPV-begeleiding (€)")),
           ("bpv_party", _("BPV-begeleiding door (vo of mbo)")),
           ("hours_vo", _("Uren lessentabel vo")), ("hours_mbo", _("Uren lessentabel mbo"))],
    "M2": [("funding_per_student", _("Bekostiging per leerling (€)")), ("days_per_week", _("Dagen per week"))],
    "M3": [],
    "M4": [("total_cost", _("Totale kosten gedeelde activiteiten (€)")), ("mbo_share", _("Aandeel mbo (fractie)"))],
    "M5": [],
}
TABLES = {
    "M2": {"lines": [("students", _("Leerlingen")), ("days_at_partner", _("Dagen bij de partner")),
                     ("vo_school", _("Vo-school (bij meer vo-scholen: elk een eigen factuur)"))]},
    "M3": {"lines": [("partner", _("Partner")), ("hours", _("Uren")), ("hourly_rate", _("Uurtarief (€)"))],
           "fixed_items": [("description", _("Vaste post")), ("amount", _("Bedrag (€)")), ("partner", _("Partner"))]},
    "M4": {"vo_schools": [("name", _("Vo-school")), ("students", _("Leerlingen")),
                          ("share_to_partners", _("Aandeel naar de partner-mbo's (fractie)"))]},
}
TEXT_FIELDS = {"bpv_party", "partner", "description", "name", "vo_school"}
# Decimals a typed number may have: counts none, amounts, hours and days two (so "6,000" is refused
# as ambiguous), shares (0 to 1) six (the comma is always the decimal comma: "0,075").
COUNTS = {"student_count", "diplomas", "students"}
SHARES = {"overhead_rate", "overhead_share_vo", "mbo_share", "share_to_partners"}
MONEY = {"input_tariff", "output_tariff", "exam_cost_per_student", "admin_cost_per_student", "bpv_hourly_rate",
         "funding_per_student", "total_cost", "hourly_rate", "amount"}   # amounts in euros
EXTRA_ROWS = 2
TABLE_LABELS = {"lines": _("Regels"), "fixed_items": _("Vaste posten"), "vo_schools": _("Vo-scholen")}
_MISSING = "ontbreekt."   # the core's word for a parameter not given
_STAND_IN = {"bpv_party": "vo"}   # a value the core takes, to look past a missing parameter
CHOICES = {"bpv_party": ("vo", "mbo")}   # fields picked from a list (shown by the party's institution)
MAX_ROWS = 100  # rows per table a form may send
_SMALL_INT = re.compile(r"[0-9]{1,9}")


def small_int(text, default=None):
    """A whole number typed in a form or query string (at most nine digits, ASCII), else ``default``:
    a million digits or a superscript digit never reaches int()."""
    text = str(text or "").strip()
    return int(text) if _SMALL_INT.fullmatch(text) else default


def decimals_of(name: str) -> int:
    """How many decimals the parameter ``name`` may be typed with."""
    return 0 if name in COUNTS else 6 if name in SHARES else 2


def plain(value: Decimal) -> str:
    """A parsed number as the core and the API take it: "6000.50", never an exponent."""
    return format(value, "f")


class Typed(NamedTuple):
    """What a form sent: the parameters for the core, the refused fields (input name → Dutch message)
    and the typed text per input name (shown back as typed)."""
    parameters: dict
    errors: dict
    text: dict


def _read(name: str, key: str, value: str, typed: Typed):
    typed.text[key] = value
    if name in TEXT_FIELDS:
        return value
    try:
        return plain(parse_number(value, decimals=decimals_of(name)))
    except NumberError as error:
        typed.errors[key] = str(error)
        return None


def from_post(model: str, data) -> Typed:
    """The parameters typed in a form, as the core takes them (empty fields left out), with the
    fields whose number is refused."""
    typed = Typed({}, {}, {})
    for name, _label in SCALARS.get(model, []):
        value = data.get(name, "").strip()
        if value and (number := _read(name, name, value, typed)) is not None:
            typed.parameters[name] = number
    for table, columns in TABLES.get(model, {}).items():
        rows = []
        for i in range(min(small_int(data.get(f"{table}-count"), 0), MAX_ROWS)):
            row = {}
            for name, _label in columns:
                value = data.get(f"{table}-{i}-{name}", "").strip()
                if value and (number := _read(name, f"{table}-{i}-{name}", value, typed)) is not None:
                    row[name] = number
            if row:
                rows.append(row)
        if rows:
            typed.parameters[table] = rows
    return typed


def shown(value, name: str = ""):
    """A stored or register value (plain "6000.00", 20, "0.07") in Dutch notation ("6.000,00", "20",
    "0,07"); a table (list of rows) as "label value, ...; ..."; a text as it is."""
    if isinstance(value, list):
        return "; ".join(", ".join(f"{_label(key)} {shown(item, key)}" for key, item in row.items())
                         if isinstance(row, dict) else str(shown(row)) for row in value)
    if name in TEXT_FIELDS or isinstance(value, bool):
        return value
    try:
        number = Decimal(str(value)) if isinstance(value, (int, str)) and str(value).strip() else None
    except ArithmeticError:
        return value
    return format_number(number) if number is not None and number.is_finite() else value


def _label(name: str) -> str:
    for columns in TABLES.values():
        for table_columns in columns.values():
            for key, label in table_columns:
                if key == name:
                    return str(label).lower()
    return name




def as_fields(model: str, parameters: dict, typed: Typed | None = None):
    """(scalars, tables) to render a form: scalars [(name, label, value, error, choices)], tables
    [(name, label, columns, rows)] with rows of [(name, label, value, error, choices)]. A value is what
    was typed when the form was sent (``typed``), else the parameter in Dutch notation; ``choices``
    lists the values of a field picked from a list (the party that guides BPV), else None."""
    text, errors = (typed.text, typed.errors) if typed else ({}, {})

    def field(key, name, value):
        return text[key] if key in text else shown(value, name) if value != "" else "", errors.get(key)

    scalars = [(name, label, *field(name, name, parameters.get(name, "")), CHOICES.get(name))
               for name, label in SCALARS.get(model, [])]
    tables = []
    for table, columns in TABLES.get(model, {}).items():
        count = len(parameters.get(table, []))
        if typed:  # rows as sent (a refused row is not in the parameters but its text is kept)
            count = max([count] + [int(k.split("-")[1]) + 1 for k in text if k.startswith(f"{table}-")])
        rows = list(parameters.get(table, [])) if not typed else [{}] * count
        rows = rows + [{}] * EXTRA_ROWS
        tables.append((table, TABLE_LABELS.get(table, table), columns,
                       [[(name, label, *field(f"{table}-{i}-{name}", name, row.get(name, "")), CHOICES.get(name))
                         for name, label in columns] for i, row in enumerate(rows)]))
    return scalars, tables


def label(name: str) -> str:
    """The form's label of a parameter, a table or a table's column (never the internal name):
    "input_tariff" → "Inputtarief per gewicht (€)"."""
    for scalars in SCALARS.values():
        for key, text in scalars:
            if key == name:
                return str(text)
    if name in TABLE_LABELS:
        return str(TABLE_LABELS[name])
    for tables in TABLES.values():
        for columns in tables.values():
            for key, text in columns:
                if key == name:
                    return str(text)
    return CORE_LABELS.get(name, name)


def path_label(path: str) -> str:
    """A parameter path of the core ("lines[1].hours") as the user reads it: "Regels, regel 2: Uren"."""
    parts = re.findall(r"([a-z_]+)(?:\[(\d+)\])?", path)
    shown = []
    for name, position in parts:
        shown.append(label(name) + (f", {_('regel')} {int(position) + 1}" if position else ""))
    return ": ".join(shown) or path


def problem(error) -> str:
    """The core's message for a refused parameter (``ParameterError``: "Inputtarief (input_tariff):
    ontbreekt.") as the page shows it: the form's label, no internal name ("Inputtarief per gewicht (€):
    ontbreekt."). Examples in the core's messages are written the Dutch way ("0,07")."""
    message = str(error.message)
    prefix = describe(error.parameter) + ": "
    text = message[len(prefix):] if message.startswith(prefix) else message
    text = re.sub(r"\b(\d+)\.(\d+)\b", r"\1,\2", text)   # "0.07 voor 7%" → "0,07 voor 7%"
    return f"{path_label(error.parameter)}: {text}"


def missing(model: str, parameters: dict, limit: int = 40) -> list[str]:
    """The labels of the parameters still to fill in before the core can compute the statement (every
    one, not only the first the core names); empty when the statement is computed or refused for
    another reason. A missing value is tried with a stand-in to find the next one."""
    trial, names = dict(parameters), []
    for _attempt in range(limit):
        try:
            calculate(model, trial)
            return names
        except ParameterError as error:
            if not error.message.endswith(_MISSING) or "[" in error.parameter or error.parameter in trial:
                return names
            names.append(label(error.parameter))
            trial[error.parameter] = _STAND_IN.get(error.parameter, "1")
    return names
