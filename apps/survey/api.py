"""The survey over JSON. Staff (a route's readers read, its editors change, through the same use cases as
the pages): /api/v1/routes/{route_id}/surveys and /api/v1/surveys/{survey_id}/... Students, without login:
POST /api/v1/survey/questionnaire (the statements a code opens) and POST /api/v1/survey/answers (answer
once). The code travels in the body only, never in an address (which servers log)."""
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from apps.core.api_schemas import Errors
from apps.core.idempotency import idempotent
from apps.routes.api_calls import answer
from apps.routes.models import Route
from domain import survey as core

from . import models as m
from . import services, throttle
from .results import agree_text, results
from .schemas import CodeIn, CodesIn, StatementIn, SubmissionIn, SurveyIn

router = Router(tags=["survey"])
public = Router(tags=["survey"], auth=None)


class StatementOut(Schema):
    id: int
    position: int
    text: str


class SurveyOut(Schema):
    id: int
    route: int
    title: str
    school_year: int
    school_year_label: str
    cohorts: list[int]
    status: str                     # "concept" | "open" | "gesloten"
    note: str
    statements: list[StatementOut]
    codes_issued: int
    responses: str                  # the number of responses, "<5" for 1 to 4


class CodeOut(Schema):
    """A one-time code. Whether it was used is not told: that would say which student answered."""
    code: str                       # "ACDEF-GHJKM", as handed out
    cohort: int


class ResultOut(Schema):
    statement: int
    text: str
    counts: dict[str, str]          # per point of the scale 1..5: the count, "<5" (1 to 4) or "x" (hidden)
    answered: str
    agree_percent: str              # "(helemaal) eens", e.g. "83,3%", "–" when it would give a count away


class ResultsOut(Schema):
    survey: int
    available: bool                 # false until the survey is closed
    respondents: str
    scale: dict[str, str]           # "1" -> "helemaal oneens", ...
    statements: list[ResultOut]


class QuestionnaireOut(Schema):
    title: str
    school_year_label: str
    scale: dict[str, str]
    statements: list[StatementOut]


class Thanks(Schema):
    detail: str


SCALE = {str(v): label for v, label in core.SCALE}


def statement_out(s: m.Statement) -> dict:
    return dict(id=s.pk, position=s.position, text=s.text)


def survey_out(s: m.Survey) -> dict:
    return dict(id=s.pk, route=s.route_id, title=s.title, school_year=s.school_year,
                school_year_label=s.school_year_label, cohorts=s.cohorts, status=s.status, note=s.note,
                statements=[statement_out(x) for x in s.statements.all()], codes_issued=s.codes.count(),
                responses=results(s).respondents)


def _route(request, route_id: int) -> Route:
    return get_object_or_404(Route.objects.visible_to(request.user), pk=route_id)


def _survey(request, survey_id: int) -> m.Survey:
    return get_object_or_404(m.Survey.objects.visible_to(request.user).select_related("route"), pk=survey_id)


def _run(action, *args, success=200, out=survey_out):
    return answer(action, *args, success=success, out=out)


@router.get("/routes/{route_id}/surveys", response={200: list[SurveyOut], 404: Errors})
def list_surveys(request, route_id: int):
    """The route's student surveys, newest school year first."""
    return [survey_out(s) for s in _route(request, route_id).surveys.prefetch_related("statements")]


@router.post("/routes/{route_id}/surveys", response={201: SurveyOut, 403: Errors, 404: Errors, 422: Errors})
@idempotent
def create_survey(request, route_id: int, payload: SurveyIn):
    """A new survey (in preparation) for a school year and cohorts; without `statements` it has the
    default statements (Calvijn College, "Doorlopende leerroutes in Amsterdam")."""
    return _run(services.create_survey, request.user, _route(request, route_id), payload, success=201)


@router.get("/surveys/{survey_id}", response={200: SurveyOut, 404: Errors})
def get_survey(request, survey_id: int):
    return survey_out(_survey(request, survey_id))


@router.delete("/surveys/{survey_id}", response={204: None, 403: Errors, 404: Errors, 422: Errors})
def remove_survey(request, survey_id: int):
    """Remove a survey that has not opened yet."""
    return _run(services.remove_survey, request.user, _survey(request, survey_id), success=204, out=None)


@router.post("/surveys/{survey_id}/statements", response={201: SurveyOut, 403: Errors, 404: Errors, 422: Errors})
def add_statement(request, survey_id: int, payload: StatementIn):
    """Add a statement of your own (only before the survey opens)."""
    survey = _survey(request, survey_id)
    return _run(services.add_statement, request.user, survey, payload, success=201, out=lambda _s: survey_out(survey))


def _statement(request, survey_id, statement_id) -> m.Statement:
    return get_object_or_404(m.Statement.objects.select_related("survey__route"), pk=statement_id,
                             survey=_survey(request, survey_id))


@router.put("/surveys/{survey_id}/statements/{statement_id}",
            response={200: SurveyOut, 403: Errors, 404: Errors, 422: Errors})
def change_statement(request, survey_id: int, statement_id: int, payload: StatementIn):
    statement = _statement(request, survey_id, statement_id)
    return _run(services.change_statement, request.user, statement, payload, out=lambda s: survey_out(s.survey))


@router.delete("/surveys/{survey_id}/statements/{statement_id}",
               response={200: SurveyOut, 403: Errors, 404: Errors, 422: Errors})
def remove_statement(request, survey_id: int, statement_id: int):
    statement = _statement(request, survey_id, statement_id)
    survey = statement.survey
    return _run(services.remove_statement, request.user, statement, out=lambda _x: survey_out(survey))


@router.post("/surveys/{survey_id}/open", response={200: SurveyOut, 403: Errors, 404: Errors, 422: Errors})
def open_survey(request, survey_id: int):
    """Open the survey for answers; its statements are fixed from then on."""
    return _run(services.open_survey, request.user, _survey(request, survey_id))


@router.post("/surveys/{survey_id}/close", response={200: SurveyOut, 403: Errors, 404: Errors, 422: Errors})
def close_survey(request, survey_id: int):
    """Close the survey; its results are available from then on."""
    return _run(services.close_survey, request.user, _survey(request, survey_id))


def _editable_survey(request, survey_id) -> m.Survey:
    return get_object_or_404(m.Survey.objects.editable_by(request.user), pk=survey_id)


@router.get("/surveys/{survey_id}/codes", response={200: list[CodeOut], 404: Errors})
def list_codes(request, survey_id: int):
    """The survey's one-time codes (the route's editors only: they hand them out). A code names no student."""
    survey = _editable_survey(request, survey_id)
    return [dict(code=c.shown, cohort=c.cohort) for c in survey.codes.all()]


@router.post("/surveys/{survey_id}/codes", response={201: list[CodeOut], 403: Errors, 404: Errors, 422: Errors})
def generate_codes(request, survey_id: int, payload: CodesIn):
    """Make a batch of codes for a cohort (default: as many as the cohort has students in the register)."""
    survey = _survey(request, survey_id)
    return _run(services.generate_codes, request.user, survey, payload, success=201,
                out=lambda codes: [dict(code=c.shown, cohort=c.cohort) for c in codes])


@router.get("/surveys/{survey_id}/results", response={200: ResultsOut, 404: Errors})
def survey_results(request, survey_id: int):
    """Per statement the answers per point of the scale; a count from 1 to 4 is "<5" and a count that
    could be worked out from the others is "x". Available once the survey is closed."""
    res = results(_survey(request, survey_id))
    return dict(survey=res.survey.pk, available=res.available, respondents=res.respondents, scale=SCALE,
                statements=[dict(statement=s.pk, text=s.text, counts={str(k): v for k, v in r.shown.items()},
                                 answered=r.answered, agree_percent=agree_text(r)) for s, r in res.statements])


# --- students, without login ----------------------------------------------------------------------------


def _refused(request, refusal: services.CodeRefused):
    throttle.failed(request)
    return Status(refusal.status, {"detail": refusal.message, "errors": [
        {"field": "code", "message": refusal.message}]})


def _too_many():
    return Status(429, {"detail": _("Te veel onjuiste codes; probeer het over een kwartier opnieuw."), "errors": []})


@public.post("/questionnaire", auth=None,
             response={200: QuestionnaireOut, 404: Errors, 409: Errors, 422: Errors, 429: Errors})
def questionnaire(request, payload: CodeIn):
    """The statements a one-time code opens (no login; nothing is written)."""
    if throttle.blocked(request):
        return _too_many()
    try:
        survey, statements = services.questionnaire(payload)
    except services.CodeRefused as refusal:
        return _refused(request, refusal)
    return dict(title=survey.title, school_year_label=survey.school_year_label, scale=SCALE,
                statements=[statement_out(s) for s in statements])


@public.post("/answers", auth=None, response={201: Thanks, 404: Errors, 409: Errors, 422: Errors, 429: Errors})
def submit_answers(request, payload: SubmissionIn):
    """Answer the survey once with a one-time code (no login): one value 1-5 per statement. The answer is
    stored without the code, without a time and with a random key; the code is spent (a second answer
    with it is a 409)."""
    if throttle.blocked(request):
        return _too_many()
    try:
        services.submit(payload)
    except services.CodeRefused as refusal:
        return _refused(request, refusal)
    except services.ChangeRefused as refusal:
        return Status(422, {"errors": refusal.errors})
    return Status(201, {"detail": _("Bedankt! Je antwoorden zijn anoniem opgeslagen.")})
