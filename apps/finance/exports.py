"""The finance workbooks: a settlement as a finance document (what it is, every input, every step,
each party by institution name, the transfers and the approvals) and the yearly overview per
institution. Amounts are numbers in euros, shares percentages, moments dates (``apps.core.lib.tabular``)."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from apps.core.lib.tabular import DATETIME_FORMAT, EURO_FORMAT, PERCENT_FORMAT, sheet_title, write_table

from . import params, services

_TITLE = Font(bold=True, size=14)
_BOLD = Font(bold=True)


def euros(cents: int) -> Decimal:
    """Cents as a number of euros (a number in Excel, "156000,00" in a CSV)."""
    return Decimal(cents).scaleb(-2)


def _number(value):
    """A stored parameter ("6000.00", 20, "0.07") as a number for a cell; a text as it is."""
    if isinstance(value, bool) or value is None:
        return value
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return value


def _format_of(name: str) -> str | None:
    if name in params.MONEY:
        return EURO_FORMAT
    if name in params.SHARES:
        return PERCENT_FORMAT
    return None


def _party(key, names: dict) -> str:
    return names.get(key, key) if key else "—"


def _inputs(settlement, names: dict) -> list[tuple[str, str, object]]:
    """(parameter name, label, value) per input of the statement; a table's cells one by one."""
    shown = []
    for key, value in settlement.statement().inputs.items():
        if isinstance(value, list):
            for i, row in enumerate(value):
                for column, cell in row.items():
                    text = f"{params.label(key)}, {_('regel')} {i + 1}: {params.label(column)}"
                    shown.append((column, text, _number(cell) if column not in params.TEXT_FIELDS else cell))
        elif key == "bpv_party":
            shown.append((key, params.label(key), f"{value} ({_party(value, names)})"))
        else:
            shown.append((key, params.label(key), value if key in params.TEXT_FIELDS else _number(value)))
    return shown


def _meta(ws, settlement) -> int:
    """The document's head: what the statement is. Returns the last row written."""
    ws.cell(row=1, column=1, value=_("Afrekening %(model)s") % {"model": settlement.get_model_display()}).font = _TITLE
    rows = [
        (_("Route"), settlement.route.name),
        (_("Schooljaar"), settlement.school_year_label),
        (_("Fase"), settlement.get_phase_display()),
        (_("Model"), settlement.get_model_display()),
        (_("Versie"), settlement.version),
        (_("Status"), settlement.status_text),
        (_("Tarieven"), _("ter illustratie (niet vastgesteld)") if settlement.illustrative else _("vastgesteld")),
        (_("Aangemaakt"), timezone.localtime(settlement.created).replace(tzinfo=None)),
        (_("Geëxporteerd"), timezone.localtime().replace(tzinfo=None, microsecond=0)),
    ]
    for i, (label, value) in enumerate(rows, start=3):
        ws.cell(row=i, column=1, value=label).font = _BOLD
        cell = ws.cell(row=i, column=2, value=value)
        if label in (_("Aangemaakt"), _("Geëxporteerd")):
            cell.number_format = DATETIME_FORMAT
    return 2 + len(rows)


def _section(ws, row: int, title: str, headers, rows, money=()) -> int:
    """A titled table on the document sheet; returns the last row written."""
    ws.cell(row=row, column=1, value=title).font = Font(bold=True, size=12)
    return write_table(ws, headers, rows, start_row=row + 1, money=money, autofilter=False, freeze=False)


def settlement_workbook(settlement) -> Workbook:
    """The statement as a workbook of three sheets: "Afrekening" (route, school year, phase, model,
    version and status at the top; each party's total by institution name, the transfers, the
    invoices and the approvals: who and when), "Invoer" (every input, with the register's value and
    the reason where it was set by hand) and "Berekening" (every step)."""
    statement = settlement.statement()
    names = services.institution_names(settlement.route)
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_title(_("Afrekening"))
    row = _meta(ws, settlement) + 2
    row = _section(ws, row, _("Per partij"), [_("Partij"), _("Bedrag")],
                   [[_party(key, names), euros(cents)] for key, cents in statement.parties.items()],
                   money=[_("Bedrag")]) + 2
    transfers = [t for t in (statement.transfers or (statement.transfer,)) if t.amount_cents]
    row = _section(ws, row, _("Overdrachten"), [_("Van"), _("Naar"), _("Bedrag")],
                   [[_party(t.from_party, names), _party(t.to_party, names), euros(t.amount_cents)]
                    for t in transfers] or [[_("geen overdracht tussen de partners"), "", ""]],
                   money=[_("Bedrag")]) + 2
    if statement.invoices:
        row = _section(ws, row, _("Facturen"), [_("Factuur aan"), _("Van"), _("Regels"), _("Bedrag")],
                       [[_party(i.debtor, names), _party(i.creditor, names), ", ".join(i.lines),
                         euros(i.total_cents)] for i in statement.invoices], money=[_("Bedrag")]) + 2
    approvals = {a.institution_id: a for a in settlement.approvals.select_related("user")}
    approval_rows = []
    for institution in services.parties(settlement):
        approval = approvals.get(institution.pk)
        if approval is None:
            approval_rows.append([institution.name, _("nog niet"), "", None])
        else:
            approval_rows.append([institution.name, _("goedgekeurd"), services.person(approval.user), approval.at])
    row = _section(ws, row, _("Goedkeuringen"), [_("Instelling"), _("Status"), _("Goedgekeurd door"), _("Op")],
                   approval_rows) + 2
    for warning in statement.warnings:
        ws.cell(row=row, column=1, value=_("Let op")).font = _BOLD
        ws.cell(row=row, column=2, value=warning)
        row += 1

    overrides = {o.parameter: o for o in settlement.overrides.select_related("user")}
    inputs = wb.create_sheet(sheet_title(_("Invoer")))
    input_rows, formats = [], []
    for name, label, value in _inputs(settlement, names):
        override = overrides.get(name)
        input_rows.append([label, value, *([_number(override.register_value), override.reason,
                                            services.person(override.user), override.at] if override else
                                           ["", "", "", None])])
        formats.append(_format_of(name))
    write_table(inputs, [_("Parameter"), _("Waarde"), _("Waarde uit het register"), _("Reden van de afwijking"),
                         _("Vastgelegd door"), _("Op")], input_rows)
    for offset, number_format in enumerate(formats, start=2):
        for column in (2, 3):
            cell = inputs.cell(row=offset, column=column)
            if number_format and isinstance(cell.value, (int, float, Decimal)):
                cell.number_format = number_format

    steps = wb.create_sheet(sheet_title(_("Berekening")))
    write_table(steps, [_("Stap"), _("Berekening"), _("Bedrag"), _("Partij")],
                [[s.code, s.description, euros(s.amount_cents), _party(s.party, names) if s.party else ""]
                 for s in statement.steps], money=[_("Bedrag")])
    steps.column_dimensions["B"].width = 100
    for sheet in (ws, inputs, steps):
        sheet.oddHeader.center.text = f"{settlement.route.name} · {settlement.school_year_label}"
    return wb


def overview_money() -> list[str]:
    """The money columns of the overview."""
    return [_("Te betalen"), _("Te ontvangen"), _("Saldo")]


def overview_table(blocks) -> tuple[list[str], list[list], list[list]]:
    """The yearly overview per institution as (headers, rows, totals): a row per settlement, a total
    per institution (what it pays, receives and the balance: receives minus pays)."""
    headers = [_("Instelling"), _("Route"), _("Schooljaar"), _("Fase"), _("Model"), _("Versie"), _("Status"),
               *overview_money()]
    rows, totals = [], []
    for institution, settlement_rows, total in blocks:
        for r in settlement_rows:
            s = r["settlement"]
            rows.append([institution.name, s.route.name, s.school_year_label, s.get_phase_display(),
                         s.get_model_display(), s.version, s.status_text, euros(r["pays"]), euros(r["receives"]),
                         euros(r["balance"])])
        totals.append([_("Totaal %(name)s") % {"name": institution.name}, "", "", "", "", "", "",
                       euros(total["pays"]), euros(total["receives"]), euros(total["balance"])])
    return headers, rows, totals
