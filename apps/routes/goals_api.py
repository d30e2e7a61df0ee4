"""A route's qualitative targets over JSON: /api/v1/routes/{id}/goals. Everyone who sees the route
reads them; the route's editors change them through the same use cases as the route page
(services.add_goal, change_goal, remove_goal, judge_goal, remove_judgement)."""
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status

from apps.core.api_schemas import Errors
from apps.core.idempotency import idempotent
from apps.routes.models import Route
from domain.calendar import school_year_label

from . import models as m
from . import services
from .api_calls import call as _call
from .schemas import GoalIn, JudgementIn

router = Router(tags=["routes"])


class JudgementOut(Schema):
    school_year: int
    school_year_label: str          # "2024-2025"
    judgement: str                  # "ja" | "deels" | "nee"
    note: str


class GoalOut(Schema):
    id: int
    route: int
    text: str
    judgements: list[JudgementOut]  # by school year


def judgement_out(j: m.GoalJudgement) -> dict:
    return dict(school_year=j.school_year, school_year_label=school_year_label(j.school_year),
                judgement=j.judgement, note=j.note)


def goal_out(goal: m.RouteGoal) -> dict:
    return dict(id=goal.pk, route=goal.route_id, text=goal.text,
                judgements=[judgement_out(j) for j in goal.judgements.all()])


def _route(request, route_id: int) -> m.Route:
    return get_object_or_404(Route.objects.visible_to(request.user), pk=route_id)


def _goal(request, route_id: int, goal_id: int) -> m.RouteGoal:
    return get_object_or_404(m.RouteGoal.objects.select_related("route"), pk=goal_id, route=_route(request, route_id))


def _run(action, *args, success=200, out=goal_out):
    """Call a use case and answer ``out`` of its result with ``success``, or its refusal."""
    result, refused = _call(action, *args)
    return refused or Status(success, out(result) if out else None)


@router.get("/{route_id}/goals", response={200: list[GoalOut], 404: Errors})
def list_goals(request, route_id: int):
    """The route's qualitative targets with their judgement per school year."""
    return [goal_out(g) for g in _route(request, route_id).goals.prefetch_related("judgements")]


@router.post("/{route_id}/goals", response={201: GoalOut, 403: Errors, 404: Errors, 422: Errors})
@idempotent
def create_goal(request, route_id: int, payload: GoalIn):
    return _run(services.add_goal, request.user, _route(request, route_id), payload, success=201)


@router.get("/{route_id}/goals/{goal_id}", response={200: GoalOut, 404: Errors})
def get_goal(request, route_id: int, goal_id: int):
    return goal_out(_goal(request, route_id, goal_id))


@router.put("/{route_id}/goals/{goal_id}", response={200: GoalOut, 403: Errors, 404: Errors, 422: Errors})
def update_goal(request, route_id: int, goal_id: int, payload: GoalIn):
    return _run(services.change_goal, request.user, _goal(request, route_id, goal_id), payload)


@router.delete("/{route_id}/goals/{goal_id}", response={204: None, 403: Errors, 404: Errors})
def delete_goal(request, route_id: int, goal_id: int):
    return _run(services.remove_goal, request.user, _goal(request, route_id, goal_id), success=204, out=None)


@router.post("/{route_id}/goals/{goal_id}/judgements",
             response={200: JudgementOut, 201: JudgementOut, 403: Errors, 404: Errors, 422: Errors})
@idempotent
def judge_goal(request, route_id: int, goal_id: int, payload: JudgementIn):
    """Judge the target over a school year (201); a judgement of a year already judged replaces
    it (200)."""
    result, refused = _call(services.judge_goal, request.user, _goal(request, route_id, goal_id), payload)
    if refused:
        return refused
    judgement, created = result
    return Status(201 if created else 200, judgement_out(judgement))


@router.delete("/{route_id}/goals/{goal_id}/judgements/{school_year}", response={204: None, 403: Errors, 404: Errors})
def delete_judgement(request, route_id: int, goal_id: int, school_year: int):
    judgement = get_object_or_404(m.GoalJudgement, goal=_goal(request, route_id, goal_id), school_year=school_year)
    return _run(services.remove_judgement, request.user, judgement, success=204, out=None)
