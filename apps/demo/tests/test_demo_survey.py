"""The demo's student surveys (issue 11 point 8): Calvijn's statements from the Amsterdam inventory,
last school year's survey closed with illustrative answers ("ruim voldoende", no figures in the source),
this year's open with its codes; deterministic."""
from decimal import Decimal

import pytest

from apps.demo import survey as demo_survey
from apps.survey.models import Survey
from apps.survey.results import results
from domain import survey as core

from .checks import route_of


@pytest.fixture
def demo(demo_2026):
    return demo_2026


def _figures():
    closed = Survey.objects.get(route=route_of("calvijn-vmr"), status="gesloten")
    res = results(closed)
    return res.respondents, [(r.shown, r.agree) for _s, r in res.statements]


@pytest.mark.django_db
def test_calvijn_has_a_closed_and_an_open_survey(demo):
    surveys = {s.status: s for s in Survey.objects.filter(route=route_of("calvijn-vmr"))}
    assert set(surveys) == {"gesloten", "open"}
    closed, current = surveys["gesloten"], surveys["open"]
    assert closed.school_year == 2025 and current.school_year == 2026
    assert "ter illustratie" in closed.note and "Doorlopende leerroutes in Amsterdam" in closed.note
    assert [s.text for s in closed.statements.all()] == list(core.DEFAULT_STATEMENTS)
    assert current.codes.exists() and not current.responses.exists()
    res = results(closed)
    assert int(res.respondents) >= 50
    for (_statement, result), share in zip(res.statements, demo_survey.SHARES, strict=True):
        assert result.agree is not None and abs(result.agree - share) < Decimal(1)
        assert not set(result.shown.values()) & {"1", "2", "3", "4"}


@pytest.mark.django_db
def test_the_survey_demo_is_deterministic(demo):
    before = _figures()
    Survey.objects.filter(route=route_of("calvijn-vmr")).delete()
    demo_survey.load(demo)
    assert _figures() == before
