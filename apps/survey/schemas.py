"""The typed input of the survey use cases: what the API declares and the pages turn their forms into."""
from typing import Annotated

from pydantic import Field, StringConstraints

from apps.routes.schemas import In, string

Year = Annotated[int, Field(ge=1990, le=2100)]
MAX_CODES = 500         # codes made at once
MAX_STATEMENTS = 40


class SurveyIn(In):
    """A new survey of a route for a school year (the first calendar year, 2024 for 2024-2025) and the
    cohorts that get it. Without ``statements`` it starts with the default statements (the Calvijn
    College's, from the Amsterdam inventory); the statements can be changed until it opens."""
    title: string(200) = ""
    school_year: Year
    cohorts: Annotated[list[Year], Field(min_length=1, max_length=10)]
    statements: Annotated[list[string(300, required=True)], Field(max_length=MAX_STATEMENTS)] | None = None
    note: string(500) = ""


class StatementIn(In):
    """A Likert statement, e.g. "Ik weet wat ik moet doen om mijn diploma te halen."."""
    text: string(300, required=True)


class CodesIn(In):
    """A batch of one-time codes for a cohort of the survey; without ``count`` as many as the cohort
    has students in the route (from the register)."""
    cohort: Year
    count: Annotated[int, Field(ge=1, le=MAX_CODES)] | None = None


CodeText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]


class CodeIn(In):
    """A student's one-time code (dashes and spaces are ignored, upper or lower case)."""
    code: CodeText


class AnswerIn(In):
    statement: int
    value: Annotated[int, Field(ge=1, le=5)]     # 1 helemaal oneens ... 5 helemaal eens


class SubmissionIn(In):
    """A student's answers: the code and one value per statement of the survey."""
    code: CodeText
    answers: Annotated[list[AnswerIn], Field(max_length=MAX_STATEMENTS)]
