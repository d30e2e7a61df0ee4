from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from pydantic import ValidationError

from apps.core import schema_errors
from apps.core.lib.tabular import table_response, xlsx_response
from apps.routes import compliance
from apps.routes.models import IntakeScope, Route, SettlementModel
from apps.students.services import today
from domain.numbers import NumberError, parse_number
from domain.settlement import ParameterError, break_even, calculate
from domain.teldatum import school_year_label, school_year_of

from . import exports, params, services
from .compare import compare
from .models import Settlement
from .schemas import SettlementIn


def _route(user, pk):
    return get_object_or_404(Route.objects.with_finance_for(user), pk=pk)


def _settlement(user, pk):
    settlements = Settlement.objects.filter(route__in=Route.objects.with_finance_for(user)).select_related("route")
    return get_object_or_404(settlements, pk=pk)


@login_required
def route_finance(request, pk):
    route = _route(request.user, pk)
    settlements = (route.settlements.filter(next_version__isnull=True)
                   .prefetch_related("approvals__institution", "route__partners"))
    return render(request, "finance/route_finance.html", {
        "route": route, "settlements": settlements, "may_change": request.user.changes_finance,
        "names": _names(route),
        "school_year": school_year_of(today())})


def _preview(model, parameters, typed=None, submitted=False):
    """(statement, error, still to fill in): the statement; or the reason there is none, in the words
    of the form (a refused number is shown at its field too; a parameter the core refuses by its
    label, never its internal name); or, while the user has not sent the form, the labels of the
    parameters still empty, which is no error."""
    if typed is not None and typed.errors:
        return None, _("Niet berekend: verbeter de getallen bij de gemarkeerde velden."), []
    try:
        return calculate(model, parameters), None, []
    except ParameterError as exc:
        todo = params.missing(model, parameters)
        if todo and not submitted:
            return None, None, todo
        if todo:
            return None, _("Niet berekend: vul nog in: %(fields)s.") % {"fields": ", ".join(todo)}, todo
        return None, params.problem(exc), []


def _model(value, default) -> str:
    """A settlement model code from a form or query string; ``default`` when it is none."""
    return value if value in SettlementModel.values else default


def _year_options(route, around: int) -> list[tuple[int, str, bool]]:
    """The school years a picker offers (three back, two ahead, and every year with a statement):
    (year, label "2025-2026", whether the route has a statement for it)."""
    settled = set(route.settlements.values_list("school_year", flat=True))
    years = sorted(set(range(around - 3, around + 3)) | settled | {school_year_of(today())}, reverse=True)
    return [(y, school_year_label(y), y in settled) for y in years]


def _free_year(route, phase: str) -> int:
    """The school year a new statement is for by default: this school year, or the first one after it
    without a statement for the phase."""
    year = school_year_of(today())
    taken = set(route.settlements.filter(phase=phase).values_list("school_year", flat=True))
    while year in taken:
        year += 1
    return year


@login_required
def settlement_form(request, pk=None, settlement_pk=None):
    """New statement for a route (pk) or a change of one (settlement_pk); ?preview renders the
    statement only (htmx), nothing saved. A new statement starts from the route's last statement
    (its tariffs carried over) with the register's counts of the chosen school year."""
    current = _settlement(request.user, settlement_pk) if settlement_pk else None
    route = current.route if current else _route(request.user, pk)
    if not request.user.changes_finance or (current is not None and not current.is_current):
        raise Http404
    source = request.POST if request.method == "POST" else request.GET
    if current is not None:  # a statement keeps its school year and phase; a change is a new version
        school_year, phase = current.school_year, current.phase
    else:
        phase = source.get("phase", "") if source.get("phase", "") in Settlement.Phase.values else ""
        school_year = _year(source.get("school_year"), _free_year(route, phase))
        existing = route.settlements.filter(school_year=school_year, phase=phase, next_version__isnull=True).first()
        if existing is not None:
            messages.info(request, _("Voor dit schooljaar en deze fase is er al een afrekening; u wijzigt die."))
            return redirect("finance:edit", settlement_pk=existing.pk)
    last = services.last_settlement(route)
    model = _model(source.get("model"), current.model if current else last.model if last else
                   route.settlement_model or "M1")
    register = services.register_inputs(route, school_year, model, phase)
    typed, carried = None, None
    if request.method == "POST" or "refresh" in request.GET:
        typed = params.from_post(model, source)
        parameters = typed.parameters
    elif current is not None and current.model == model:
        parameters = current.parameters
    else:
        parameters, carried = services.starting_parameters(route, school_year, model, phase)
    if request.method == "POST":
        illustrative = source.get("illustrative") == "on"
    else:
        illustrative = bool((current or carried) and (current or carried).illustrative)
    statement, error, todo = _preview(model, parameters, typed, submitted=request.method == "POST")
    changed = services.differences(register, parameters)
    reasons = [(name, params.label(name), params.shown(was, name), params.shown(now, name),
                source.get(f"reason-{name}", "")) for name, (was, now) in changed.items()]
    names = _names(route)
    if request.headers.get("HX-Request"):
        return render(request, "finance/_statement_preview.html", {
            "statement": statement, "error": error, "todo": todo, "reasons": reasons, "names": names})
    if request.method == "POST" and statement is not None:
        try:
            data = SettlementIn(school_year=school_year, phase=phase, model=model, parameters=parameters,
                                reasons={name: reason[:300] for name, _label, _was, _now, reason in reasons},
                                illustrative=illustrative)
            saved = services.save(request.user, route, data, current)
        except ValidationError as error:
            for problem in schema_errors.problems(error):
                messages.error(request, f"{problem['field']}: {problem['message']}")
        except services.OverrideReasonMissing as missing:
            messages.error(request, _("Geef een reden voor elke waarde die afwijkt van het register: %(p)s.")
                           % {"p": ", ".join(params.label(name) for name in missing.parameters)})
        except services.SettlementRefused as refused:
            for problem in refused.problems:
                messages.error(request, problem["message"])
        else:
            messages.success(request, _("Afrekening opgeslagen (versie %(v)d).") % {"v": saved.version})
            return redirect(saved)
    scalars, tables = params.as_fields(model, parameters, typed)
    return render(request, "finance/settlement_form.html", {
        "route": route, "current": current, "school_year": school_year, "model": model, "phase": phase,
        "years": _year_options(route, school_year), "models": SettlementModel.choices,
        "phases": Settlement.Phase.choices, "scalars": scalars, "tables": tables, "statement": statement,
        "error": error, "todo": todo, "names": names, "reasons": reasons, "carried": carried,
        "illustrative": illustrative, "register": register,
        "register_shown": [(params.label(name), params.shown(value, name)) for name, value in register.items()
                           if name != "lines"],
        "register_empty": model in ("M1", "M2") and services.register_empty(register)})


def _year(value, default: int | None = None) -> int:
    """A school year from a query string (its first calendar year); ``default`` (this school year) when
    absent or invalid."""
    year = params.small_int(value)
    if year is not None and 1990 <= year <= 2100:
        return year
    return default if default is not None else school_year_of(today())


def _names(route):
    """Statement party keys ("vo", "mbo") to the route's institution names."""
    return services.institution_names(route)


@login_required
def settlement_detail(request, pk):
    settlement = _settlement(request.user, pk)
    statement = settlement.statement()
    fmt = request.GET.get("export")
    if fmt == "xlsx":
        return xlsx_response(f"afrekening-{settlement.pk}-v{settlement.version}",
                             exports.settlement_workbook(settlement))
    if fmt == "csv":
        return _settlement_csv(settlement, statement)
    template = "finance/settlement_print.html" if request.GET.get("print") else "finance/settlement_detail.html"
    names = _names(settlement.route)
    return render(request, template, {
        **_approval_context(request.user, settlement), "statement": statement, "names": names,
        "overrides": [(params.label(o.parameter), o) for o in settlement.overrides.select_related("user")],
        "inputs": [(params.label(key), _shown_input(key, value, names)) for key, value in statement.inputs.items()],
        "may_change": request.user.changes_finance,
        "versions": Settlement.objects.filter(route=settlement.route, school_year=settlement.school_year,
                                              phase=settlement.phase).order_by("-version"),
    })


def _shown_input(key, value, names):
    """A statement's input as the page shows it: Dutch numbers, a party by its institution's name."""
    if key == "bpv_party":
        return names.get(value, value)
    return params.shown(value, key)


def _approval_context(user, settlement) -> dict:
    """Who approved (each party with its approval or None) and whether ``user`` may approve now."""
    approved = {a.institution_id: a for a in settlement.approvals.select_related("user")}
    own = set(user.institutions.values_list("pk", flat=True))
    parties = [(i, approved.get(i.pk)) for i in services.parties(settlement)]
    return {"settlement": settlement, "route": settlement.route, "parties": parties,
            "may_approve": user.changes_finance and not settlement.locked and settlement.is_current
            and any(i.pk in own and a is None for i, a in parties)}


def _settlement_csv(settlement, statement):
    """The statement's steps, each party's total, the transfer and the invoices as a CSV."""
    names = _names(settlement.route)
    rows = [[s.code, s.description, exports.euros(s.amount_cents), names.get(s.party, s.party or "")]
            for s in statement.steps]
    rows += [["totaal", f"totaal {names.get(party, party)}", exports.euros(cents), names.get(party, party)]
             for party, cents in statement.parties.items()]
    transfer = statement.transfer
    rows.append(["overdracht", f"{names.get(transfer.from_party, transfer.from_party or '-')} betaalt "
                               f"{names.get(transfer.to_party, transfer.to_party or '-')}",
                 exports.euros(transfer.amount_cents), ""])
    rows += [["factuur", f"{names.get(i.creditor, i.creditor)} factureert {i.debtor} (regels {', '.join(i.lines)})",
              exports.euros(i.total_cents), i.debtor] for i in statement.invoices]
    return table_response(f"afrekening-{settlement.pk}-v{settlement.version}", ["stap", "omschrijving", "bedrag",
                                                                               "partij"], rows, "csv")


@login_required
@require_http_methods(["GET", "POST"])
def settlement_approve(request, pk):
    """Approval asks for confirmation: the page shows what is approved (the transfer, each party) and
    warns when the tariffs are only illustrative; only the confirmed form (``confirm``) approves."""
    settlement = _settlement(request.user, pk)
    if not request.user.changes_finance:
        raise Http404
    if request.method == "POST" and request.POST.get("confirm") == "1":
        try:
            settlement = services.approve(settlement, request.user, seen=request.POST.get("seen", ""))
        except services.ApprovalRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, _("Goedgekeurd.") + (
                " " + _("Alle partijen hebben goedgekeurd: de afrekening is vastgezet.") if settlement.locked else ""))
        return redirect(settlement)
    if request.method == "POST":  # a form without the confirmation: ask for it
        return redirect("finance:approve", pk=settlement.pk)
    return render(request, "finance/settlement_approve.html", {
        **_approval_context(request.user, settlement), "statement": settlement.statement(),
        "names": _names(settlement.route)})


def _scenario_side(route, side, request, school_year, copy_of=None):
    """One scenario (side "a" or "b") of the scenario page, or None for a B not chosen. What the user
    typed counts while the fields shown are of the chosen model (``<side>-shown``); otherwise the side
    starts afresh: B with the model of A as a copy of A, any other from the route's last statement of
    the model (tariffs carried over) with the register's counts of the school year."""
    prefix = f"{side}-"
    data = {key[len(prefix):]: value for key, value in request.GET.items() if key.startswith(prefix)}
    if side == "a":
        last = services.last_settlement(route)
        model = _model(data.get("model"), last.model if last else route.settlement_model or "M1")
    else:
        model = _model(data.get("model"), "")
        if not model:
            return None
    sent = any(key not in ("model", "shown") for key in data)
    typed = params.from_post(model, data) if sent and data.get("shown", model) == model else None
    carried, counts_carried = None, False
    if typed is not None:
        parameters = typed.parameters
    elif copy_of is not None and copy_of["model"] == model:
        parameters = dict(copy_of["parameters"])
    else:
        parameters, carried = services.starting_parameters(route, school_year, model, counts_from_last=True)
    counts_carried = carried is not None and services.register_empty(
        services.register_inputs(route, school_year, model))
    statement, error, todo = _preview(model, parameters, typed)
    scalars, tables = params.as_fields(model, parameters, typed)
    return {"side": side, "model": model, "parameters": parameters, "statement": statement, "error": error,
            "todo": todo, "scalars": scalars, "tables": tables, "carried": carried, "fresh": typed is None,
            "counts_carried": typed is None and counts_carried,
            "copied": typed is None and copy_of is not None and copy_of["model"] == model}


@login_required
def scenario(request, pk):
    """Change intake, hours or tariffs and see the effect at once, compare two scenarios side by side
    (per party A minus B, and a chart), and the break-even intake per uitstroomrichting against the
    actual intake (R-15). Scenario A starts from the route's last statement; nothing is saved."""
    route = _route(request.user, pk)
    school_year = _year(request.GET.get("school_year"))
    a = _scenario_side(route, "a", request, school_year)
    b = _scenario_side(route, "b", request, school_year, copy_of=a)
    names = _names(route)
    rows = []
    # the actual intake is counted from the register (students in route year 1 of the school year)
    actual = {c.key: c.count for c in compliance.intake_counts(route, school_year, IntakeScope.UITSTROOMRICHTING)}
    for u in route.uitstroomrichtingen.filter(active=True).select_related("kwalificatie"):
        key = f"be-{u.pk}-"
        values = {name: request.GET.get(key + name, "") for name in ("group_cost", "income", "variable", "intake")}
        intake = params.small_int(values["intake"], actual.get(u.kwalificatie.code, 0))
        minimum, error, errors = None, None, {}
        amounts = {}
        for name in ("group_cost", "income", "variable"):
            try:
                amounts[name] = params.plain(parse_number(values[name] or "0", decimals=2))
            except NumberError as exc:
                errors[name] = str(exc)
        if values["group_cost"] and values["income"] and not errors:
            try:
                minimum = break_even(amounts["group_cost"], amounts["income"], amounts["variable"])
            except ParameterError as exc:
                error = _("Inkomsten per leerling moeten hoger zijn dan de variabele kosten per leerling.") \
                    if exc.parameter == "income_per_student" else params.problem(exc)
        rows.append({"u": u, "values": values, "intake": intake, "minimum": minimum, "error": error, "errors": errors,
                     "below": minimum is not None and intake is not None and intake < minimum})
    template = "finance/_scenario.html" if request.headers.get("HX-Request") else "finance/scenario.html"
    return render(request, template, {
        "route": route, "sides": [a, b], "models": SettlementModel.choices, "rows": rows, "school_year": school_year,
        "years": _year_options(route, school_year), "names": names,
        "comparison": compare(a["statement"], b["statement"] if b else None, names)})


@login_required
def overview(request):
    """Per institution of the user and school year: every settlement, what it pays and receives, and
    the totals; ?export=xlsx or csv downloads the same table."""
    institutions = list(request.user.institutions.all())
    if request.user.is_regional or not institutions:
        raise Http404
    school_year = _year(request.GET.get("school_year"))
    blocks = []
    for institution in institutions:
        rows = services.overview(institution, school_year)
        blocks.append((institution, rows, services.overview_totals(rows)))
    fmt = request.GET.get("export")
    if fmt in ("csv", "xlsx"):
        headers, rows, totals = exports.overview_table(blocks)
        return table_response(f"afrekeningen-{school_year}-{school_year + 1}", headers, rows, fmt,
                              money=exports.overview_money(), totals=totals)
    return render(request, "finance/overview.html", {"blocks": blocks, "school_year": school_year,
                                                     "years": range(school_year - 3, school_year + 2)})
