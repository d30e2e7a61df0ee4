"""The parameters of each settlement model as form fields: scalars and small tables of rows.
Amounts are typed the Dutch way ("6.000,00" or "6000"); they reach the core as plain decimals."""
import re

from django.utils.translation import gettext_lazy as _

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
EXTRA_ROWS = 2
MAX_ROWS = 100  # rows per table a form may send
_SMALL_INT = re.compile(r"[0-9]{1,9}")


def small_int(text, default=None):
    """A whole number typed in a form or query string (at most nine digits, ASCII), else ``default``:
    a million digits or a superscript digit never reaches int()."""
    text = str(text or "").strip()
    return int(text) if _SMALL_INT.fullmatch(text) else default


def _number(text: str) -> str:
    """Dutch or plain notation to a plain decimal string: "6.000,50" -> "6000.50", "0,07" -> "0.07"."""
    text = text.strip().replace("€", "").replace(" ", "")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    return text


def from_post(model: str, data) -> dict:
    """The parameters typed in a form, as the core takes them (empty fields left out)."""
    parameters = {}
    for name, _label in SCALARS.get(model, []):
        value = data.get(name, "").strip()
        if value:
            parameters[name] = value if name in TEXT_FIELDS else _number(value)
    for table, columns in TABLES.get(model, {}).items():
        rows = []
        for i in range(min(small_int(data.get(f"{table}-count"), 0), MAX_ROWS)):
            row = {}
            for name, _label in columns:
                value = data.get(f"{table}-{i}-{name}", "").strip()
                if value:
                    row[name] = value if name in TEXT_FIELDS else _number(value)
            if row:
                rows.append(row)
        if rows:
            parameters[table] = rows
    return parameters


def as_fields(model: str, parameters: dict):
    """(scalars, tables) to render a form: scalars [(name, label, value)], tables [(name, columns, rows)]."""
    scalars = [(name, label, parameters.get(name, "")) for name, label in SCALARS.get(model, [])]
    tables = []
    for table, columns in TABLES.get(model, {}).items():
        rows = list(parameters.get(table, [])) + [{}] * EXTRA_ROWS
        tables.append((table, columns, [[(name, row.get(name, "")) for name, _l in columns] for row in rows]))
    return scalars, tables
