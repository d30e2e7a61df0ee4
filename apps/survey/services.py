"""The survey use cases: one function per action, taking the user, the typed input of ``schemas`` and
the record; the pages and the API call the same functions. A refused change raises ``ChangeRefused``
(from the routes app: {"rule", "field", "message"} per problem) or PermissionDenied, and writes nothing.

``submit`` is the students' use case: no user, only a one-time code. It spends the code and stores a
response that cannot be tied to the code, a student or the moment (see models.py); nothing is logged."""
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from apps.routes.services import ChangeRefused, error
from apps.students.models import Status as StudentStatus
from apps.students.models import Student
from domain import survey as core
from domain.calendar import school_year_label

from . import models as m
from .schemas import CodeIn, CodesIn, StatementIn, SubmissionIn, SurveyIn

__all__ = ["ChangeRefused", "CodeRefused", "add_statement", "change_statement", "close_survey", "create_survey",
           "generate_codes", "open_survey", "questionnaire", "remove_statement", "remove_survey", "submit"]


class CodeRefused(Exception):
    """A code that cannot be used: ``status`` 404 (unknown, or its survey is not open) or 409 (used)."""

    def __init__(self, status: int, message):
        self.status, self.message = status, str(message)
        super().__init__(self.message)


def _require_editable(user, survey_or_route) -> None:
    route = getattr(survey_or_route, "route", survey_or_route)
    if not route.editable_by(user):
        raise PermissionDenied(_("U mag deze route lezen maar niet wijzigen."))


def _require_concept(survey: m.Survey, field: str = "") -> None:
    if not survey.is_concept:
        raise ChangeRefused([error(field, _("De enquête is al geopend: de stellingen liggen vast."))])


# --- the staff's use cases ---------------------------------------------------------------------------------

def create_survey(user, route, data: SurveyIn) -> m.Survey:
    """A new survey of the route, in preparation, with the default statements unless others are given."""
    _require_editable(user, route)
    errors = []
    if route.start_year and data.school_year < route.start_year:
        errors.append(error("school_year", _("De route begint pas in %(year)s.")
                            % {"year": school_year_label(route.start_year)}))
    cohorts = sorted(set(data.cohorts))
    for i, cohort in enumerate(data.cohorts):
        if cohort > data.school_year:
            errors.append(error(f"cohorts[{i}]", _("Cohort %(cohort)s begint na schooljaar %(year)s.")
                                % {"cohort": cohort, "year": school_year_label(data.school_year)}))
    statements = list(core.DEFAULT_STATEMENTS) if data.statements is None else data.statements
    if not statements:
        errors.append(error("statements", _("Een enquête heeft minstens één stelling.")))
    if errors:
        raise ChangeRefused(errors)
    title = data.title or _("Leerlingenquête %(year)s") % {"year": school_year_label(data.school_year)}
    note = data.note or (core.SOURCE if data.statements is None else "")
    with transaction.atomic():
        survey = m.Survey.objects.create(route=route, title=title, school_year=data.school_year, cohorts=cohorts,
                                         note=note)
        for position, text in enumerate(statements, start=1):
            m.Statement.objects.create(survey=survey, position=position, text=text)
    return survey


def _check_statement(survey, data: StatementIn, statement=None) -> None:
    same = survey.statements.filter(text__iexact=data.text)
    if statement is not None:
        same = same.exclude(pk=statement.pk)
    if same.exists():
        raise ChangeRefused([error("text", _("Deze stelling staat al in de enquête."))])


def add_statement(user, survey: m.Survey, data: StatementIn) -> m.Statement:
    """A statement of the coordinators' own, after the others; only before the survey opens."""
    _require_editable(user, survey)
    _require_concept(survey, "text")
    _check_statement(survey, data)
    if survey.statements.count() >= 40:
        raise ChangeRefused([error("text", _("Een enquête heeft hoogstens 40 stellingen."))])
    last = survey.statements.aggregate(last=Max("position"))["last"] or 0
    return m.Statement.objects.create(survey=survey, position=last + 1, text=data.text)


def change_statement(user, statement: m.Statement, data: StatementIn) -> m.Statement:
    _require_editable(user, statement.survey)
    _require_concept(statement.survey, "text")
    _check_statement(statement.survey, data, statement)
    if statement.text != data.text:
        statement.text = data.text
        statement.save()
    return statement


def remove_statement(user, statement: m.Statement) -> None:
    survey = statement.survey
    _require_editable(user, survey)
    _require_concept(survey)
    if survey.statements.count() <= 1:
        raise ChangeRefused([error("", _("Een enquête heeft minstens één stelling."))])
    statement.delete()


def remove_survey(user, survey: m.Survey) -> None:
    """Remove a survey that has not opened yet (with its statements and codes, which no one could use)."""
    _require_editable(user, survey)
    if not survey.is_concept:
        raise ChangeRefused([error("status", _("Een geopende enquête blijft bewaard; sluit haar in plaats daarvan."))])
    with transaction.atomic():
        survey.codes.all().delete()
        for statement in survey.statements.all():
            statement.delete()          # one audit entry each, not a silent cascade
        survey.delete()


def open_survey(user, survey: m.Survey) -> m.Survey:
    """Open the survey for answers: its statements are fixed from now on."""
    _require_editable(user, survey)
    if not survey.is_concept:
        raise ChangeRefused([error("status", _("De enquête is al geopend."))])
    survey.status = m.Status.OPEN
    survey.save()
    return survey


def close_survey(user, survey: m.Survey) -> m.Survey:
    """Close the survey: no more answers; its results are shown from now on (not while answers come in,
    so that no answer can be tied to the moment it was given)."""
    _require_editable(user, survey)
    if not survey.is_open:
        raise ChangeRefused([error("status", _("Alleen een open enquête kan worden gesloten."))])
    survey.status = m.Status.GESLOTEN
    survey.save()
    return survey


def cohort_size(survey: m.Survey, cohort: int) -> int:
    """The students of the cohort in the route now (the register), the default number of codes."""
    return Student.objects.filter(route=survey.route_id, cohort=cohort, status=StudentStatus.ACTIEF).count()


def generate_codes(user, survey: m.Survey, data: CodesIn) -> list[m.Code]:
    """A batch of one-time codes for a cohort of the survey, linked to no student."""
    _require_editable(user, survey)
    if survey.is_closed:
        raise ChangeRefused([error("", _("De enquête is gesloten."))])
    if data.cohort not in survey.cohorts:
        raise ChangeRefused([error("cohort", _("Cohort %(cohort)s doet niet mee aan deze enquête.")
                                   % {"cohort": data.cohort})])
    count = data.count if data.count is not None else cohort_size(survey, data.cohort)
    if not count:
        raise ChangeRefused([error("count", _("Het register kent geen leerlingen in cohort %(cohort)s: "
                                              "geef het aantal codes op.") % {"cohort": data.cohort})])
    for _attempt in range(5):
        codes = {core.new_code() for _ in range(count)}
        if len(codes) < count or m.Code.objects.filter(code__in=codes).exists():
            continue    # a collision (about 1 in 10^11): draw again
        try:
            with transaction.atomic():
                return m.Code.objects.bulk_create(m.Code(survey=survey, cohort=data.cohort, code=c) for c in codes)
        except IntegrityError:  # pragma: no cover - a code made at the same moment elsewhere
            continue
    raise RuntimeError("no unique codes")  # pragma: no cover


# --- the students' use case ----------------------------------------------------------------------------------

def _code(text: str, lock: bool = True) -> m.Code:
    """The unused code of an open survey that ``text`` names, locked for the update (inside the caller's
    transaction) unless only read; CodeRefused else."""
    codes = m.Code.objects.select_for_update() if lock else m.Code.objects
    code = (codes.select_related("survey")
            .filter(code=core.normalise_code(text)).first()) if core.looks_like_code(text) else None
    if code is None or code.survey.is_concept:
        raise CodeRefused(404, _("Deze code kennen we niet. Kijk of je hem goed hebt overgetypt."))
    if code.used:
        raise CodeRefused(409, _("Met deze code is de enquête al ingevuld. Elke code werkt één keer."))
    if code.survey.is_closed:
        raise CodeRefused(404, _("Deze enquête is gesloten."))
    return code


def questionnaire(data: CodeIn) -> tuple[m.Survey, list[m.Statement]]:
    """The survey and statements a valid, unused code opens (nothing is written)."""
    code = _code(data.code, lock=False)
    return code.survey, list(code.survey.statements.all())


def submit(data: SubmissionIn) -> m.Survey:
    """Store one student's answers and spend the code, in one transaction. Every statement needs exactly
    one value from 1 to 5; a problem names the statement (a statement left out: field "answers" and a message
with the statement's id and text; a wrong item: "answers[<index>].statement"). The response
    gets a random key and no time, and is not linked to the code."""
    with transaction.atomic():
        code = _code(data.code)
        statements = list(code.survey.statements.all())
        given: dict[int, int] = {}
        errors = []
        known = {s.pk for s in statements}
        for i, answer in enumerate(data.answers):
            if answer.statement not in known:
                errors.append(error(f"answers[{i}].statement", _("Stelling %(id)s hoort niet bij deze enquête.")
                                    % {"id": answer.statement}))
            elif answer.statement in given:
                errors.append(error(f"answers[{i}].statement", _("Deze stelling is twee keer beantwoord.")))
            else:
                given[answer.statement] = answer.value
        for statement in statements:
            if statement.pk not in given:
                errors.append(error("answers", _("Kies een antwoord bij stelling %(id)s: \"%(text)s\".")
                                    % {"id": statement.pk, "text": statement.text}))
        if errors:
            raise ChangeRefused(errors)
        if not m.Code.objects.filter(pk=code.pk, used=False).update(used=True):   # pragma: no cover - raced
            raise CodeRefused(409, _("Met deze code is de enquête al ingevuld. Elke code werkt één keer."))
        response = m.Response.objects.create(survey=code.survey)
        m.Answer.objects.bulk_create(m.Answer(response=response, statement_id=pk, value=value)
                                     for pk, value in given.items())
    return code.survey
