"""The student surveys of the demo (issue 11 point 8): Calvijn College asks its students every year,
with statements such as "Ik weet wat ik moet doen om mijn diploma te halen", and "uit de resultaten
blijkt dat leerlingen de routes met een ruim voldoende beoordelen" ("Doorlopende leerroutes in
Amsterdam", 2021, section 4.2). The source gives the statements but no figures, so the answers here are
illustrative (and say so in the survey's note): a closed survey of last school year for the cohorts then
in the route, answered by about 85% of them with between 70% and 85% "(helemaal) eens" per statement,
and this school year's survey open, with its codes made. Written through the survey's use cases;
deterministic (a random generator of its own, so the other demo draws stay as they are)."""
from __future__ import annotations

import random

from apps.accounts.models import User
from apps.students.models import Status as StudentStatus
from apps.students.models import Student
from apps.survey import services
from apps.survey.schemas import CodesIn, SubmissionIn, SurveyIn
from domain import survey as core

ROUTE = "calvijn-vmr"
ROUTE_YEARS = 3                 # vmbo 3 to the mbo-2 diploma in three years
RESPONSE_RATE = 0.85
SHARES = (80, 75, 85, 78, 70)   # illustrative "(helemaal) eens" per default statement: "ruim voldoende"
NOTE = ("Stellingen: Doorlopende leerroutes in Amsterdam (2021), par. 4.2 (enquête Calvijn College). "
        "Antwoorden ter illustratie: de bron noemt geen cijfers, alleen dat leerlingen de routes "
        "'met een ruim voldoende' beoordelen.")


def _cohorts(route, school_year, active: bool = False) -> list[int]:
    students = Student.objects.filter(route=route, status=StudentStatus.ACTIEF) if active else route.students
    return [c for c in range(school_year - ROUTE_YEARS + 1, school_year + 1) if students.filter(cohort=c).exists()]


def load(loader) -> None:
    route = loader.routes.get(ROUTE)
    user = User.objects.filter(username="calvijn").first()
    if route is None or user is None:
        return
    rng = random.Random(11)
    last = loader.school_year - 1
    cohorts = _cohorts(route, last)
    if cohorts:
        survey = services.create_survey(user, route, SurveyIn(
            title=f"Leerlingenquête VMR {last}-{last + 1}", school_year=last, cohorts=cohorts, note=NOTE))
        codes = []
        for cohort in cohorts:
            count = Student.objects.filter(route=route, cohort=cohort).count()
            codes += services.generate_codes(user, survey, CodesIn(cohort=cohort, count=count))
        services.open_survey(user, survey)
        answering = rng.sample(codes, round(len(codes) * RESPONSE_RATE))
        statements = list(survey.statements.all())
        columns = []
        for counts in core.answers_for_shares(len(answering), SHARES):
            column = [value for value, n in counts.items() for _ in range(n)]
            rng.shuffle(column)
            columns.append(column)
        for i, code in enumerate(answering):
            services.submit(SubmissionIn(code=code.code, answers=[
                {"statement": s.pk, "value": columns[j][i]} for j, s in enumerate(statements)]))
        services.close_survey(user, survey)
    current = _cohorts(route, loader.school_year, active=True)
    if current:
        survey = services.create_survey(user, route, SurveyIn(school_year=loader.school_year, cohorts=current))
        for cohort in current:
            services.generate_codes(user, survey, CodesIn(cohort=cohort))
        services.open_survey(user, survey)
