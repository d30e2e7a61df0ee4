"""A survey's results as readers see them: per statement the answers per point of the scale with small
counts suppressed (``domain.survey.statement_result``), only once the survey is closed, as a stacked bar
chart (``apps.core.lib.charts``) and as rows for the Excel export. The one place the answers are read."""
from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext as _

from apps.core.lib.charts import Chart, Kind, Series
from domain import survey as core
from domain.numbers import format_percent
from domain.suppression import LIMIT, SMALL

from . import models as m


@dataclass(frozen=True)
class Results:
    survey: m.Survey
    available: bool                       # closed: the results are shown
    respondents: str                      # the number of responses, "<5" for 1 to 4
    statements: list                      # (Statement, core.StatementResult)

    @property
    def chart(self) -> Chart:
        labels = [s.text for s, _r in self.statements]
        series = [Series(label, [r.counts[value] for _s, r in self.statements],
                         [r.shown[value] for _s, r in self.statements]) for value, label in core.SCALE]
        return Chart(f"survey-{self.survey.pk}", Kind.FLOW, _("Antwoorden per stelling"), labels, series,
                     axis_label=_("antwoorden"), label_header=_("Stelling"), horizontal=True)


def shown_count(count: int) -> str:
    return SMALL if 0 < count < LIMIT else str(count)


def agree_text(result: core.StatementResult) -> str:
    return "–" if result.agree is None else format_percent(result.agree)


def results(survey: m.Survey) -> Results:
    """The survey's results over all its cohorts together (never per cohort: one cohort's counts
    subtracted from the whole would give the other's away); none while it is not closed."""
    responses = survey.responses.all()
    respondents = responses.count()
    statements = list(survey.statements.all())
    if not survey.is_closed:
        return Results(survey, False, shown_count(respondents), [])
    answers = m.Answer.objects.filter(response__in=responses).values("statement", "value").annotate(n=Count("id"))
    counts = {s.pk: dict.fromkeys(core.VALUES, 0) for s in statements}
    for row in answers:
        counts[row["statement"]][row["value"]] = row["n"]
    return Results(survey, True, shown_count(respondents),
                   [(s, core.statement_result(s.text, counts[s.pk])) for s in statements])


def table(res: Results) -> tuple[list[str], list[list]]:
    """The results as a table (the Excel export): per statement the count per point, "<5" or "x" as text."""
    headers = [_("Stelling"), *[label for _v, label in core.SCALE], _("Aantal antwoorden"), _("(Helemaal) eens")]
    rows = []
    for statement, r in res.statements:
        cells = [r.counts[v] if r.counts[v] is not None else r.shown[v] for v in core.VALUES]
        rows.append([statement.text, *cells, int(r.answered) if r.answered.isdigit() else r.answered,
                     agree_text(r)])
    return headers, rows


def latest_closed(route) -> Results | None:
    """The results of the route's latest closed survey (for overviews of several routes), or None."""
    survey = route.surveys.filter(status=m.Status.GESLOTEN).order_by("-school_year", "-pk").first()
    return None if survey is None else results(survey)
