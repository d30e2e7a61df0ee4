"""Qualitative targets (issue 9 point 2): a route's editors add targets and judge them per school
year, on the route page and over the API, through one set of use cases; readers only read."""
import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied

from apps.routes import services
from apps.routes.models import GoalJudgement, RouteGoal
from apps.routes.schemas import GoalIn, JudgementIn

JSON = "application/json"


def goals_url(route, *rest):
    return "/".join([f"/api/v1/routes/{route.pk}/goals", *map(str, rest)])


@pytest.fixture
def goal(route, users):
    return services.add_goal(users["calvijn"], route, GoalIn(text="Elke leerling heeft een vaste loopbaancoach"))


def test_add_judge_and_replace_a_judgement(route, users, goal):
    judgement, created = services.judge_goal(users["rocva"], goal, JudgementIn(school_year=2024, judgement="deels"))
    assert created and judgement.get_judgement_display() == "deels"
    again, created = services.judge_goal(users["calvijn"], goal,
                                         JudgementIn(school_year=2024, judgement="ja", note="alle mentoren"))
    assert not created and again.pk == judgement.pk
    stored = GoalJudgement.objects.values_list("school_year", "judgement", "note")
    assert list(stored) == [(2024, "ja", "alle mentoren")]


def test_a_route_states_a_target_once(route, users, goal):
    with pytest.raises(services.ChangeRefused) as refused:
        services.add_goal(users["calvijn"], route, GoalIn(text="elke leerling heeft een vaste loopbaancoach"))
    assert refused.value.errors[0]["field"] == "text"


def test_a_future_school_year_or_one_before_the_route_is_refused(route, users, goal):
    route.start_year = 2019
    route.save()
    for year in (2018, 2099):
        with pytest.raises(services.ChangeRefused) as refused:
            services.judge_goal(users["calvijn"], goal, JudgementIn(school_year=year, judgement="ja"))
        assert refused.value.errors[0]["field"] == "school_year"
    assert not GoalJudgement.objects.exists()


def test_readers_and_other_institutions_change_nothing(route, users, goal):
    for user in (users["regio"], users["examen"], users["achterhoek"]):
        with pytest.raises(PermissionDenied):
            services.add_goal(user, route, GoalIn(text="Nog een doel"))
        with pytest.raises(PermissionDenied):
            services.judge_goal(user, goal, JudgementIn(school_year=2024, judgement="nee"))
    assert RouteGoal.objects.count() == 1 and not GoalJudgement.objects.exists()


def test_changes_are_audited_on_the_route(route, users, goal):
    services.judge_goal(users["calvijn"], goal, JudgementIn(school_year=2024, judgement="nee"))
    services.remove_goal(users["calvijn"], goal)
    entries = LogEntry.objects.filter(additional_data__route_id=route.pk,
                                      content_type__model__in=["routegoal", "goaljudgement"])
    assert sorted(entries.values_list("content_type__model", "action")) == [
        ("goaljudgement", 0), ("goaljudgement", 2), ("routegoal", 0), ("routegoal", 2)]


# --- API ---------------------------------------------------------------------------------------

def test_api_create_judge_read_and_delete(route, users, api_client):
    headers = api_client.token_for("calvijn")
    created = api_client.post(goals_url(route), {"text": "Warme overdracht naar het mbo"}, content_type=JSON,
                              **headers)
    assert created.status_code == 201, created.content
    goal_id = created.json()["id"]
    judged = api_client.post(goals_url(route, goal_id, "judgements"),
                             {"school_year": 2024, "judgement": "ja", "note": "draaiboek gevolgd"},
                             content_type=JSON, **headers)
    assert judged.status_code == 201 and judged.json()["school_year_label"] == "2024-2025"
    replaced = api_client.post(goals_url(route, goal_id, "judgements"), {"school_year": 2024, "judgement": "deels"},
                               content_type=JSON, **headers)
    assert replaced.status_code == 200
    listed = api_client.get(goals_url(route), **api_client.token_for("regio"))   # readers read
    assert listed.json() == [{"id": goal_id, "route": route.pk, "text": "Warme overdracht naar het mbo", "judgements": [
        {"school_year": 2024, "school_year_label": "2024-2025", "judgement": "deels", "note": ""}]}]
    put = api_client.put(goals_url(route, goal_id), {"text": "Warme overdracht"}, content_type=JSON, **headers)
    assert put.status_code == 200 and put.json()["text"] == "Warme overdracht"
    assert api_client.delete(goals_url(route, goal_id, "judgements", 2024), **headers).status_code == 204
    assert api_client.delete(goals_url(route, goal_id), **headers).status_code == 204
    assert not RouteGoal.objects.exists()


def test_api_bad_input_names_the_field(route, users, api_client):
    headers = api_client.token_for("calvijn")
    response = api_client.post(goals_url(route), {"text": ""}, content_type=JSON, **headers)
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "text"
    goal_id = api_client.post(goals_url(route), {"text": "Doel"}, content_type=JSON, **headers).json()["id"]
    response = api_client.post(goals_url(route, goal_id, "judgements"), {"school_year": 2024, "judgement": "misschien"},
                               content_type=JSON, **headers)
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "judgement"
    response = api_client.post(goals_url(route, goal_id, "judgements"), {"school_year": 2099, "judgement": "ja"},
                               content_type=JSON, **headers)
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "school_year"


def test_api_access(route, users, api_client, goal):
    regio = api_client.token_for("regio")
    assert api_client.post(goals_url(route), {"text": "x"}, content_type=JSON, **regio).status_code == 403
    assert api_client.post(goals_url(route, goal.pk, "judgements"), {"school_year": 2024, "judgement": "ja"},
                           content_type=JSON, **regio).status_code == 403
    other = api_client.token_for("achterhoek")   # another region's coordinator: the route does not exist for them
    assert api_client.get(goals_url(route), **other).status_code == 404
    assert api_client.delete(goals_url(route, goal.pk), **other).status_code == 404
    assert RouteGoal.objects.count() == 1


# --- route page --------------------------------------------------------------------------------

def test_route_page_shows_targets_and_editors_judge_them(route, users, goal, client):
    client.force_login(users["calvijn"])
    response = client.post(f"/doelen/{goal.pk}/oordeel/", {f"goal{goal.pk}-school_year": "2024",
                                                          f"goal{goal.pk}-judgement": "nee",
                                                          f"goal{goal.pk}-note": "te weinig coaches"})
    assert response.status_code == 302 and response["Location"].endswith("#goals")
    page = client.get(f"/routes/{route.pk}/").content.decode()
    assert "Elke leerling heeft een vaste loopbaancoach" in page and "te weinig coaches" in page
    assert 'action="/routes/%d/doelen/"' % route.pk in page
    client.force_login(users["regio"])
    page = client.get(f"/routes/{route.pk}/").content.decode()
    assert "te weinig coaches" in page and "/doelen/" not in page          # reads, no forms
    assert client.post(f"/routes/{route.pk}/doelen/", {"text": "x"}).status_code == 403


def test_route_page_form_errors_are_shown_not_saved(route, users, client):
    client.force_login(users["calvijn"])
    response = client.post(f"/routes/{route.pk}/doelen/", {"text": "   "}, follow=True)
    assert response.status_code == 200 and not RouteGoal.objects.exists()
    assert any("Doel" in str(m) for m in response.context["messages"])
