from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from pydantic import ValidationError

from apps.core import schema_errors
from apps.core.lib.tabular import table_response
from apps.routes import compliance
from apps.routes.models import IntakeScope, Route, SettlementModel
from apps.students.services import today
from domain.numbers import NumberError, parse_number
from domain.settlement import ParameterError, break_even, calculate
from domain.teldatum import school_year_of

from . import params, services
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
    settlements = route.settlements.filter(next_version__isnull=True).prefetch_related("approvals__institution")
    return render(request, "finance/route_finance.html", {
        "route": route, "settlements": settlements, "may_change": request.user.changes_finance,
        "names": _names(route),
        "school_year": school_year_of(today())})


def _preview(model, parameters, typed=None):
    """The statement, or the reason there is none: a refused number (shown at its field too) or a
    parameter the core refuses."""
    if typed is not None and typed.errors:
        fields = ", ".join(typed.errors)
        return None, ParameterError(fields, _("Niet berekend: verbeter de getallen bij de gemarkeerde velden."))
    try:
        return calculate(model, parameters), None
    except ParameterError as exc:
        return None, exc


@login_required
def settlement_form(request, pk=None, settlement_pk=None):
    """New statement for a route (pk) or a change of one (settlement_pk); ?preview renders the
    statement only (htmx), nothing saved."""
    current = _settlement(request.user, settlement_pk) if settlement_pk else None
    route = current.route if current else _route(request.user, pk)
    if not request.user.changes_finance or (current is not None and not current.is_current):
        raise Http404
    source = request.POST if request.method == "POST" else request.GET
    if current is not None:  # a statement keeps its school year and phase; a change is a new version
        school_year, phase = current.school_year, current.phase
    else:
        school_year, phase = _year(source.get("school_year")), source.get("phase", "")
        existing = route.settlements.filter(school_year=school_year, phase=phase, next_version__isnull=True).first()
        if existing is not None:
            messages.info(request, _("Voor dit schooljaar en deze fase is er al een afrekening; u wijzigt die."))
            return redirect("finance:edit", settlement_pk=existing.pk)
    model = source.get("model") or (current.model if current else route.settlement_model or "M1")
    register = services.register_inputs(route, school_year, model, phase)
    typed = None
    if request.method == "POST" or "refresh" in request.GET:
        typed = params.from_post(model, source)
        parameters = typed.parameters
    else:
        parameters = {**(current.parameters if current and current.model == model else {}),
                      **({} if current else register)}
    statement, error = _preview(model, parameters, typed)
    changed = services.differences(register, parameters)
    reasons = [(name, params.shown(was, name), params.shown(now, name), source.get(f"reason-{name}", ""))
               for name, (was, now) in changed.items()]
    if request.headers.get("HX-Request"):
        return render(request, "finance/_statement_preview.html", {
            "statement": statement, "error": error, "reasons": reasons, "names": _names(route)})
    if request.method == "POST" and statement is not None:
        try:
            data = SettlementIn(school_year=school_year, phase=phase, model=model, parameters=parameters,
                                reasons={name: reason[:300] for name, _was, _now, reason in reasons})
            saved = services.save(request.user, route, data, current)
        except ValidationError as error:
            for problem in schema_errors.problems(error):
                messages.error(request, f"{problem['field']}: {problem['message']}")
        except services.OverrideReasonMissing as missing:
            messages.error(request, _("Geef een reden voor elke waarde die afwijkt van het register: %(p)s.")
                           % {"p": ", ".join(missing.parameters)})
        except services.SettlementRefused as refused:
            for problem in refused.problems:
                messages.error(request, problem["message"])
        else:
            messages.success(request, _("Afrekening opgeslagen (versie %(v)d).") % {"v": saved.version})
            return redirect(saved)
    scalars, tables = params.as_fields(model, parameters, typed)
    return render(request, "finance/settlement_form.html", {
        "route": route, "current": current, "school_year": school_year, "model": model, "phase": phase,
        "models": SettlementModel.choices, "phases": Settlement.Phase.choices, "scalars": scalars, "tables": tables,
        "statement": statement, "error": error, "names": _names(route), "reasons": reasons,
        "register": register, "register_shown": {name: params.shown(value, name) for name, value in register.items()}})


def _year(value) -> int:
    """A school year from a query string (its first calendar year); this school year when absent or invalid."""
    year = params.small_int(value)
    return year if year is not None and 1990 <= year <= 2100 else school_year_of(today())


def _names(route):
    """Statement party keys ("vo", "mbo") to the route's institution names."""
    return services.institution_names(route)


def _euros(cents: int) -> Decimal:
    """Cents as a number of euros for an export: a number in Excel, "156000,00" in the CSV."""
    return Decimal(cents).scaleb(-2)


@login_required
def settlement_detail(request, pk):
    settlement = _settlement(request.user, pk)
    statement = settlement.statement()
    fmt = request.GET.get("export")
    if fmt in ("csv", "xlsx"):
        rows = [[s.code, s.description, _euros(s.amount_cents), s.party or ""] for s in statement.steps]
        rows += [["totaal", f"totaal {party}", _euros(cents), party]
                 for party, cents in statement.parties.items()]
        transfer = statement.transfer
        rows.append(["overdracht", f"{transfer.from_party or '-'} betaalt {transfer.to_party or '-'}",
                     _euros(transfer.amount_cents), ""])
        names = _names(settlement.route)
        rows += [["factuur", f"{names.get(i.creditor, i.creditor)} factureert {i.debtor} "
                             f"(regels {', '.join(i.lines)})", _euros(i.total_cents), i.debtor]
                 for i in statement.invoices]
        return table_response(f"afrekening-{settlement.pk}-v{settlement.version}", ["stap", "omschrijving", "bedrag",
                                                                                   "partij"], rows, fmt)
    approved = {a.institution_id: a for a in settlement.approvals.select_related("user")}
    own = set(request.user.institutions.values_list("pk", flat=True))
    parties = [(i, approved.get(i.pk)) for i in services.parties(settlement)]
    template = "finance/settlement_print.html" if request.GET.get("print") else "finance/settlement_detail.html"
    return render(request, template, {
        "settlement": settlement, "route": settlement.route, "statement": statement, "parties": parties,
        "names": _names(settlement.route), "overrides": settlement.overrides.select_related("user"),
        "inputs": [(dict(params.SCALARS.get(settlement.model, [])).get(key, key), params.shown(value, key))
                   for key, value in statement.inputs.items()],
        "may_change": request.user.changes_finance,
        "may_approve": request.user.changes_finance and not settlement.locked and settlement.is_current
        and any(i.pk in own and a is None for i, a in parties),
        "versions": Settlement.objects.filter(route=settlement.route, school_year=settlement.school_year,
                                              phase=settlement.phase).order_by("-version"),
    })


@login_required
@require_POST
def settlement_approve(request, pk):
    settlement = _settlement(request.user, pk)
    try:
        settlement = services.approve(settlement, request.user, seen=request.POST.get("seen", ""))
    except services.ApprovalRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("Goedgekeurd.") + (
            " " + _("Alle partijen hebben goedgekeurd: de afrekening is vastgezet.") if settlement.locked else ""))
    return redirect(settlement)


@login_required
def scenario(request, pk):
    """Change intake, hours or tariffs and see the effect at once, compare two models side by side,
    and the break-even intake per uitstroomrichting against the actual intake (R-15). Nothing is saved."""
    route = _route(request.user, pk)
    school_year = _year(request.GET.get("school_year"))
    sides = []
    for side, default in (("a", route.settlement_model or "M1"), ("b", "")):
        model = request.GET.get(f"{side}-model", default)
        if not model:
            sides.append(None)
            continue
        prefix = f"{side}-"
        data = {k[len(prefix):]: v for k, v in request.GET.items() if k.startswith(prefix)}
        typed = params.from_post(model, data) if f"{side}-model" in request.GET else None
        parameters = typed.parameters if typed else services.register_inputs(route, school_year, model)
        statement, error = _preview(model, parameters, typed)
        scalars, tables = params.as_fields(model, parameters, typed)
        sides.append({"side": side, "model": model, "statement": statement, "error": error, "scalars": scalars,
                      "tables": tables})
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
                error = exc
        rows.append({"u": u, "values": values, "intake": intake, "minimum": minimum, "error": error, "errors": errors,
                     "below": minimum is not None and intake is not None and intake < minimum})
    template = "finance/_scenario.html" if request.headers.get("HX-Request") else "finance/scenario.html"
    return render(request, template, {"route": route, "sides": sides, "models": SettlementModel.choices,
                                      "rows": rows, "school_year": school_year, "names": _names(route)})


@login_required
def overview(request):
    """Per institution of the user and school year: every settlement, what it pays and receives."""
    institutions = list(request.user.institutions.all())
    if request.user.is_regional or not institutions:
        raise Http404
    school_year = _year(request.GET.get("school_year"))
    blocks = [(i, services.overview(i, school_year)) for i in institutions]
    return render(request, "finance/overview.html", {"blocks": blocks, "school_year": school_year,
                                                     "years": range(school_year - 3, school_year + 2)})
