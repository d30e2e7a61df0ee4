"""The reflection use cases: opening a round (the route's editors; participants of two partners),
responding once per participant per round (only invitees; locked after submitting; bad input refused
naming the item), and the results side by side per partner once two partners have submitted."""
from datetime import date, timedelta

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from pydantic import ValidationError

from apps.reflection import comparison, services
from apps.reflection.models import Answer, ReflectionRound, Response
from apps.reflection.schemas import InviteIn, ResponseIn, RoundIn
from apps.routes.services import ChangeRefused

from .conftest import complete

pytestmark = pytest.mark.django_db


def _fields(refusal) -> list[str]:
    return [e["field"] for e in refusal.value.errors]


def test_a_coordinator_opens_a_round_with_participants_of_both_partners(reflection_round, route):
    assert reflection_round.phase == route.phase
    assert {(r.user.username, r.institution.brin, r.status) for r in reflection_round.responses.all()} == {
        ("calvijn", "17XG", "uitgenodigd"), ("rocva", "25LX", "uitgenodigd")}
    assert LogEntry.objects.get_for_object(reflection_round).count() == 1


def test_a_round_needs_participants_of_two_partners(route, users):
    data = RoundIn(title="R", opens_on=date.today(), closes_on=date.today(), participants=["calvijn", "examen"])
    data_one = RoundIn(title="R", opens_on=date.today(), closes_on=date.today(), participants=["calvijn"])
    services.open_round(users["calvijn"], route, data)                 # Calvijn and ROC (examen works there)
    with pytest.raises(ChangeRefused) as refused:
        services.open_round(users["calvijn"], route, data_one)
    assert _fields(refused) == ["participants"]


def test_only_users_of_the_partners_are_invited_and_named_when_not(route, users):
    data = RoundIn(title="R", opens_on=date.today(), closes_on=date.today(),
                   participants=["calvijn", "achterhoek", "niemand", "rocva"])
    with pytest.raises(ChangeRefused) as refused:
        services.open_round(users["calvijn"], route, data)
    assert _fields(refused) == ["participants[1]", "participants[2]"]
    assert "achterhoek werkt niet bij een partner" in refused.value.errors[0]["message"]
    assert not ReflectionRound.objects.exists()


def test_a_round_cannot_close_before_it_opens(route, users):
    data = RoundIn(title="R", opens_on=date(2026, 5, 1), closes_on=date(2026, 4, 1), participants=["calvijn", "rocva"])
    with pytest.raises(ChangeRefused) as refused:
        services.open_round(users["calvijn"], route, data, on=date(2026, 3, 1))
    assert _fields(refused) == ["closes_on"]


@pytest.mark.parametrize("who", ["achterhoek", "regio", "examen"])
def test_only_the_routes_editors_open_a_round(route, users, who):
    data = RoundIn(title="R", opens_on=date.today(), closes_on=date.today(), participants=["calvijn", "rocva"])
    with pytest.raises(PermissionDenied):
        services.open_round(users[who], route, data)


def test_a_participant_saves_a_draft_then_submits_once(reflection_round, users):
    draft = ResponseIn.model_validate({"answers": {"V1": {"score": 4, "note": "Eerste indruk"}}})
    response = services.save_response(users["calvijn"], reflection_round, draft)
    assert response.status == Response.Status.DRAFT
    assert response.scores() == {"V1": 4}
    response = services.save_response(users["calvijn"], reflection_round, complete(4, V2=None))
    assert response.status == Response.Status.SUBMITTED and response.submitted_on == timezone.localdate()
    assert response.scores()["V2"] is None and len(response.scores()) == 19
    with pytest.raises(ChangeRefused) as refused:
        services.save_response(users["calvijn"], reflection_round, complete(2))
    assert "ligt vast" in refused.value.errors[0]["message"]
    assert set(Answer.objects.filter(response=response).values_list("score", flat=True)) == {4, None}


def test_only_an_invitee_responds(reflection_round, users):
    for who in ("examen", "achterhoek", "beheer"):
        with pytest.raises(PermissionDenied):
            services.save_response(users[who], reflection_round, complete())
    assert not Answer.objects.exists()


def test_one_response_per_participant_per_round(reflection_round, users):
    services.invite(users["rocva"], reflection_round, InviteIn(participants=["calvijn", "examen"]))
    assert reflection_round.responses.filter(user__username="calvijn").count() == 1
    assert reflection_round.responses.count() == 3


def test_submitting_names_every_item_left_open(reflection_round, users):
    partial = complete().model_dump()
    del partial["answers"]["D3"]
    with pytest.raises(ChangeRefused) as refused:
        services.save_response(users["rocva"], reflection_round, ResponseIn.model_validate(partial))
    assert _fields(refused) == ["answers.D3"]
    assert "D3 Inhoud: leerling" in refused.value.errors[0]["message"]


def test_an_unknown_item_is_refused_by_its_id(reflection_round, users):
    data = ResponseIn.model_validate({"answers": {"Z1": {"score": 3}}})
    with pytest.raises(ChangeRefused) as refused:
        services.save_response(users["rocva"], reflection_round, data)
    assert _fields(refused) == ["answers.Z1"]


def test_a_score_off_the_scale_is_refused_by_the_schema_at_the_item():
    with pytest.raises(ValidationError) as refused:
        ResponseIn.model_validate({"answers": {"V3": {"score": 7}}})
    assert refused.value.errors()[0]["loc"] == ("answers", "V3", "score")


def test_a_closed_round_takes_no_response(reflection_round, users):
    later = reflection_round.closes_on + timedelta(days=1)
    with pytest.raises(ChangeRefused) as refused:
        services.save_response(users["calvijn"], reflection_round, complete(), on=later)
    assert "gesloten" in refused.value.errors[0]["message"]


def test_results_show_once_two_partners_submitted_side_by_side(reflection_round, users):
    services.save_response(users["calvijn"], reflection_round, complete(4, V2=2))
    assert not comparison.results(reflection_round).comparable
    services.save_response(users["rocva"], reflection_round, complete(4, V2=5, A4=3, phase_fit="deels"))
    results = comparison.results(reflection_round)
    assert results.comparable
    assert [p.institution.brin for p in results.partners] == ["17XG", "25LX"]
    assert [(r.key, r.cells, str(r.spread)) for r in results.differing] == [
        ("V2", ["2,0", "5,0"], "3.0"), ("A4", ["4,0", "3,0"], "1.0")]
    groups = {r.key: r.cells for r in results.groups}
    assert groups["voorwaarde"] == ["3,6", "4,2"]
    assert [f.counts for f in results.phase_fit] == [{"ja": 1, "deels": 0, "nee": 0}, {"ja": 0, "deels": 1, "nee": 0}]
    assert results.chart.data()["datasets"][0]["label"] == "Calvijn College"


def test_a_draft_does_not_count(reflection_round, users):
    services.save_response(users["calvijn"], reflection_round, complete(4))
    services.save_response(users["rocva"], reflection_round, ResponseIn.model_validate(
        {"answers": {"V1": {"score": 1}}}))
    assert not comparison.results(reflection_round).comparable


def test_the_trend_over_two_rounds(route, users):
    first = services.open_round(users["calvijn"], route, RoundIn(
        title="2025", opens_on=date(2025, 3, 1), closes_on=date(2025, 3, 31), participants=["calvijn", "rocva"]),
        on=date(2025, 3, 1))
    for who, score in (("calvijn", 2), ("rocva", 4)):
        services.save_response(users[who], first, complete(score), on=date(2025, 3, 10))
    second = services.open_round(users["rocva"], route, RoundIn(
        title="2026", opens_on=date(2026, 3, 1), closes_on=date(2026, 3, 31), participants=["calvijn", "rocva"]),
        on=date(2026, 3, 1))
    services.save_response(users["calvijn"], second, complete(3), on=date(2026, 3, 10))
    assert len(comparison.trend(route).rounds) == 1              # one partner alone shows nothing yet
    services.save_response(users["rocva"], second, complete(4, V1=2), on=date(2026, 3, 11))
    trend = comparison.trend(route)
    assert [r.title for r in trend.rounds] == ["2025", "2026"]
    assert len(trend.charts) == 3
    rows = {(r.institution.brin, r.group): (r.cells, r.change) for r in trend.rows}
    assert rows[("17XG", "Vijf condities")] == (["2,0", "3,0"], "+1,0")
    assert rows[("25LX", "Vijf condities")] == (["4,0", "3,6"], "-0,4")


def test_a_round_with_one_partner_submitted_stays_out_of_the_trend(route, users, reflection_round):
    services.save_response(users["calvijn"], reflection_round, complete(4))
    assert comparison.trend(route).rounds == []
    services.save_response(users["rocva"], reflection_round, complete(2))
    assert comparison.trend(route).rounds == [reflection_round]
