"""Qualitative targets on the route page (section "Kwalitatieve doelen", templates/routes/_goals.html):
the route's editors add, change and remove targets and judge each per school year, through the use
cases in services.py. ``goal_table`` is also what the route dashboard shows."""
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from pydantic import ValidationError

from apps.core.schema_errors import problems
from apps.routes.models import Route
from domain.calendar import school_year_label, school_year_of

from . import models as m
from . import services
from .schemas import GoalIn, JudgementIn

ANCHOR = "goals"
YEARS_SHOWN = 4   # the judgements of the last school years side by side


class GoalForm(forms.Form):
    text = forms.CharField(max_length=1000, label=gettext_lazy("Doel"), widget=forms.TextInput(attrs={"size": 60}))


class JudgementForm(forms.Form):
    school_year = forms.TypedChoiceField(coerce=int, label=gettext_lazy("Schooljaar"))
    judgement = forms.ChoiceField(choices=m.Judgement.choices, label=gettext_lazy("Oordeel"))
    note = forms.CharField(max_length=1000, required=False, label=gettext_lazy("Toelichting"))

    def __init__(self, *args, route=None, **kwargs):
        super().__init__(*args, **kwargs)
        current = school_year_of(timezone.localdate())
        first = max(route.start_year or current - 9, current - 9) if route else current - 9
        self.fields["school_year"].choices = [(y, school_year_label(y)) for y in range(current, first - 1, -1)]


@dataclass
class GoalRow:
    goal: m.RouteGoal
    cells: list            # per year shown: the GoalJudgement or None
    form: JudgementForm | None


@dataclass
class GoalTable:
    years: list[tuple[int, str]]   # (school year, label), oldest first
    rows: list[GoalRow]


def goal_table(route: m.Route, editable: bool = False) -> GoalTable:
    """The route's targets against the last school years (those judged, up to the current one)."""
    goals = list(route.goals.prefetch_related("judgements"))
    current = school_year_of(timezone.localdate())
    judged = {j.school_year for g in goals for j in g.judgements.all()}
    years = sorted(judged | {current})[-YEARS_SHOWN:]
    rows = []
    for goal in goals:
        by_year = {j.school_year: j for j in goal.judgements.all()}
        form = JudgementForm(route=route, prefix=f"goal{goal.pk}") if editable else None
        rows.append(GoalRow(goal, [by_year.get(y) for y in years], form))
    return GoalTable([(y, school_year_label(y)) for y in years], rows)


def _back(route):
    return redirect(f"{route.get_absolute_url()}#{ANCHOR}")


def _show(request, errors):
    for error in errors:
        messages.error(request, error["message"])


def _input(request, schema, form) -> object | None:
    """The form's values as the use case's input; None (with the errors shown) when they are not valid."""
    if not form.is_valid():
        _show(request, [{"message": f"{form.fields[name].label}: {msg}"} for name, msgs in form.errors.items()
                        for msg in msgs])
        return None
    try:
        return schema.model_validate(form.cleaned_data)
    except ValidationError as exc:
        _show(request, problems(exc))
        return None


def _editable_route(user, pk) -> m.Route:
    route = get_object_or_404(Route.objects.visible_to(user), pk=pk)
    if not route.editable_by(user):
        raise PermissionDenied
    return route


def _goal(user, pk) -> m.RouteGoal:
    goal = get_object_or_404(m.RouteGoal.objects.select_related("route"), pk=pk,
                             route__in=Route.objects.visible_to(user))
    if not goal.route.editable_by(user):
        raise PermissionDenied
    return goal


def _apply(request, action, *args, success: str):
    try:
        action(request.user, *args)
    except services.ChangeRefused as refusal:
        _show(request, refusal.errors)
    else:
        messages.success(request, success)


@login_required
@require_POST
def add_goal(request, pk):
    route = _editable_route(request.user, pk)
    data = _input(request, GoalIn, GoalForm(request.POST))
    if data is not None:
        _apply(request, services.add_goal, route, data, success=_("Doel toegevoegd."))
    return _back(route)


@login_required
@require_POST
def change_goal(request, pk):
    goal = _goal(request.user, pk)
    data = _input(request, GoalIn, GoalForm(request.POST))
    if data is not None:
        _apply(request, services.change_goal, goal, data, success=_("Doel gewijzigd."))
    return _back(goal.route)


@login_required
@require_POST
def remove_goal(request, pk):
    goal = _goal(request.user, pk)
    _apply(request, services.remove_goal, goal, success=_("Doel verwijderd."))
    return _back(goal.route)


@login_required
@require_POST
def judge_goal(request, pk):
    goal = _goal(request.user, pk)
    data = _input(request, JudgementIn, JudgementForm(request.POST, route=goal.route, prefix=f"goal{goal.pk}"))
    if data is not None:
        _apply(request, services.judge_goal, goal, data, success=_("Oordeel vastgelegd."))
    return _back(goal.route)
