"""The survey pages. Staff, under the route (/routes/<id>/enquetes/...): the route's readers see its
surveys and, once closed, their results (chart, table, Excel); its editors create surveys, change the
statements until a survey opens, open and close it, and make and print the codes. Students, without
login: /enquete/ (code, then the statements, then thanks). Every change goes through services.py."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from pydantic import ValidationError

from apps.core.lib.tabular import table_response
from apps.core.schema_errors import problems
from apps.routes.models import Route
from domain import survey as core

from . import models as m
from . import services, throttle
from .forms import AnswerForm, CodeForm, CodesForm, StatementForm, SurveyForm
from .results import agree_text, results, table
from .schemas import CodeIn, CodesIn, StatementIn, SubmissionIn, SurveyIn

# --- lookups: visibility decided by the querysets ---------------------------------------------------------


def _route(user, pk) -> Route:
    return get_object_or_404(Route.objects.visible_to(user), pk=pk)


def _survey(user, route_pk, pk) -> m.Survey:
    return get_object_or_404(m.Survey.objects.visible_to(user).select_related("route"), pk=pk, route_id=route_pk)


def _editable(user, route_pk, pk) -> m.Survey:
    survey = _survey(user, route_pk, pk)
    if not survey.editable_by(user):
        raise PermissionDenied
    return survey


def _statement(user, route_pk, survey_pk, pk) -> m.Statement:
    return get_object_or_404(m.Statement, pk=pk, survey=_editable(user, route_pk, survey_pk))


def _field(path: str) -> str | None:
    """The form field an error of the use case belongs to: "cohorts[1]" -> "cohorts"."""
    name = path.split("[", 1)[0].split(".", 1)[0]
    return name or None


def _put_on(form, errors) -> None:
    for e in errors:
        name = _field(e["field"])
        form.add_error(name if name in form.fields else None, e["message"])


def _typed(form, schema):
    """The form's values as the use case's input, or None with the problems on the form's fields."""
    if not form.is_valid():
        return None
    try:
        return schema.model_validate(form.cleaned_data)
    except ValidationError as exc:
        _put_on(form, problems(exc))
        return None


def _flash(request, errors) -> None:
    for e in errors:
        messages.error(request, e["message"])


# --- staff pages --------------------------------------------------------------------------------------------


@login_required
def survey_list(request, pk):
    route = _route(request.user, pk)
    surveys = route.surveys.all()
    return render(request, "survey/list.html", {
        "route": route, "surveys": [(s, results(s).respondents, s.codes.count()) for s in surveys],
        "may_change": route.editable_by(request.user)})


@login_required
@require_http_methods(["GET", "POST"])
def survey_create(request, pk):
    route = _route(request.user, pk)
    if not route.editable_by(request.user):
        raise PermissionDenied
    form = SurveyForm(request.POST or None, route=route)
    if request.method == "POST":
        data = _typed(form, SurveyIn)
        if data is not None:
            try:
                survey = services.create_survey(request.user, route, data)
            except services.ChangeRefused as refusal:
                _put_on(form, refusal.errors)
            else:
                messages.success(request, _("Enquête aangemaakt met de standaardstellingen; pas ze aan en open "
                                            "de enquête als ze klaar is."))
                return redirect(survey)
    return render(request, "survey/form.html", {"route": route, "form": form},
                  status=422 if form.is_bound else 200)


@login_required
def survey_detail(request, route_pk, pk):
    survey = _survey(request.user, route_pk, pk)
    editable = survey.editable_by(request.user)
    res = results(survey)
    statements = list(survey.statements.all())
    return render(request, "survey/detail.html", {
        "route": survey.route, "survey": survey, "may_change": editable, "results": res,
        "rows": [(s, r, agree_text(r)) for s, r in res.statements], "scale": core.SCALE,
        "statements": [(s, StatementForm(initial={"text": s.text}, prefix=f"st{s.pk}")) for s in statements],
        "statement_form": StatementForm(), "codes_issued": survey.codes.count()})


def _back(survey):
    return redirect(survey)


@login_required
@require_POST
def statement_add(request, route_pk, pk):
    survey = _editable(request.user, route_pk, pk)
    data = _typed(form := StatementForm(request.POST), StatementIn)
    if data is None:
        _flash(request, [{"message": f"{_('Stelling')}: {msg}"} for msgs in form.errors.values() for msg in msgs])
        return _back(survey)
    try:
        services.add_statement(request.user, survey, data)
    except services.ChangeRefused as refusal:
        _flash(request, refusal.errors)
    else:
        messages.success(request, _("Stelling toegevoegd."))
    return _back(survey)


@login_required
@require_POST
def statement_change(request, route_pk, pk, statement_pk):
    statement = _statement(request.user, route_pk, pk, statement_pk)
    data = _typed(form := StatementForm(request.POST, prefix=f"st{statement.pk}"), StatementIn)
    if data is None:
        _flash(request, [{"message": f"{_('Stelling')}: {msg}"} for msgs in form.errors.values() for msg in msgs])
        return _back(statement.survey)
    try:
        services.change_statement(request.user, statement, data)
    except services.ChangeRefused as refusal:
        _flash(request, refusal.errors)
    else:
        messages.success(request, _("Stelling gewijzigd."))
    return _back(statement.survey)


@login_required
@require_POST
def statement_remove(request, route_pk, pk, statement_pk):
    statement = _statement(request.user, route_pk, pk, statement_pk)
    survey = statement.survey
    try:
        services.remove_statement(request.user, statement)
    except services.ChangeRefused as refusal:
        _flash(request, refusal.errors)
    else:
        messages.success(request, _("Stelling verwijderd."))
    return _back(survey)


def _status_change(request, route_pk, pk, action, success):
    survey = _editable(request.user, route_pk, pk)
    try:
        action(request.user, survey)
    except services.ChangeRefused as refusal:
        _flash(request, refusal.errors)
    else:
        messages.success(request, success)
    return _back(survey)


@login_required
@require_POST
def survey_remove(request, route_pk, pk):
    survey = _editable(request.user, route_pk, pk)
    try:
        services.remove_survey(request.user, survey)
    except services.ChangeRefused as refusal:
        _flash(request, refusal.errors)
        return _back(survey)
    messages.success(request, _("Enquête verwijderd."))
    return redirect("survey:list", survey.route_id)


@login_required
@require_POST
def survey_open(request, route_pk, pk):
    return _status_change(request, route_pk, pk, services.open_survey,
                          _("De enquête is open: leerlingen kunnen met hun code antwoorden op /enquete/."))


@login_required
@require_POST
def survey_close(request, route_pk, pk):
    return _status_change(request, route_pk, pk, services.close_survey,
                          _("De enquête is gesloten; de resultaten staan hieronder."))


@login_required
@require_http_methods(["GET", "POST"])
def codes(request, route_pk, pk):
    """The survey's codes per cohort, to print or export, and a form to make more."""
    survey = _editable(request.user, route_pk, pk)
    form = CodesForm(request.POST or None, survey=survey)
    status = 200
    if request.method == "POST":
        data = _typed(form, CodesIn)
        if data is not None:
            try:
                made = services.generate_codes(request.user, survey, data)
            except services.ChangeRefused as refusal:
                _put_on(form, refusal.errors)
            else:
                messages.success(request, _("%(n)d codes gemaakt voor cohort %(cohort)s.")
                                 % {"n": len(made), "cohort": data.cohort})
                return redirect("survey:codes", survey.route_id, survey.pk)
        status = 422
    if request.GET.get("export") == "xlsx":
        link = request.build_absolute_uri("/enquete/")
        rows = [[c.shown, c.cohort, f"{link}#{c.shown}"] for c in survey.codes.all()]
        return table_response(f"enquete-{survey.pk}-codes", [_("Code"), _("Cohort"), _("Link")], rows, "xlsx")
    return render(request, "survey/codes.html", {
        "route": survey.route, "survey": survey, "form": form, "codes": survey.codes.all(),
        "answer_url": request.build_absolute_uri("/enquete/")}, status=status)


@login_required
def results_export(request, route_pk, pk):
    survey = _survey(request.user, route_pk, pk)
    res = results(survey)
    if not res.available:
        messages.error(request, _("De resultaten zijn er als de enquête gesloten is."))
        return _back(survey)
    headers, rows = table(res)
    return table_response(f"enquete-{survey.pk}-resultaten", headers, rows, "xlsx")


# --- the students' page, without login ------------------------------------------------------------------------


def _code_step(request, form, status):
    return render(request, "survey/answer_code.html", {"form": form}, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def answer(request):
    """/enquete/: a student types their code, answers the statements and sends them once. The code is
    sent in the form's body only (never in the address, which servers log)."""
    if request.method == "GET":
        return _code_step(request, CodeForm(), 200)
    if throttle.blocked(request):
        form = CodeForm()
        form.add_error(None, _("Te veel onjuiste codes vanaf dit adres; probeer het over een kwartier opnieuw."))
        return _code_step(request, form, 429)
    sending = "send" in request.POST
    form = CodeForm(request.POST)
    data = _typed(form, CodeIn)
    if data is None:
        return _code_step(request, form, 422)
    try:
        survey, statements = services.questionnaire(data)
    except services.CodeRefused as refusal:
        throttle.failed(request)
        form.add_error("code", refusal.message)
        return _code_step(request, form, refusal.status)
    if not sending:
        answers = AnswerForm(initial={"code": data.code}, statements=statements)
        return render(request, "survey/answer_form.html", {"form": answers, "survey": survey})
    answers = AnswerForm(request.POST, statements=statements)
    if answers.is_valid():
        given = [{"statement": s.pk, "value": answers.cleaned_data[f"s{s.pk}"]} for s in statements]
        try:
            services.submit(SubmissionIn(code=data.code, answers=given))
        except services.CodeRefused as refusal:
            form.add_error("code", refusal.message)
            return _code_step(request, form, refusal.status)
        except services.ChangeRefused as refusal:
            for e in refusal.errors:
                answers.add_error(None, e["message"])
        else:
            return render(request, "survey/answer_thanks.html", {"survey": survey})
    return render(request, "survey/answer_form.html", {"form": answers, "survey": survey}, status=422)
