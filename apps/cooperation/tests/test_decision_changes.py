"""Changing and reopening a decision, on a real database and over real HTTP (pages and API): the same checks
as adding one (the owner a person of the route's partners, the meeting one of the route's), audited, only
for the route's editors; a partner of another route or the regiocoördinator does not even see it."""
from datetime import date, timedelta

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied

from apps.cooperation import models as m
from apps.cooperation import services
from apps.cooperation.schemas import CompleteIn, DecisionIn, MeetingIn
from apps.routes.models import Route
from apps.routes.services import ChangeRefused
from apps.routes.tests.payloads import route_payload

JSON = "application/json"


@pytest.fixture
def decision(route, users, people):
    return services.add_decision(users["calvijn"], route, DecisionIn(text="Rooster afstemmen", owner=people["anna"].pk,
                                                                     due_on=date(2026, 1, 15)))


def _entries(decision):
    return LogEntry.objects.get_for_object(decision).order_by("timestamp", "pk")


# --- the use cases ------------------------------------------------------------------------------------

def test_change_decision_replaces_text_owner_and_due_date_and_is_audited(route, users, people, decision):
    meeting = services.record_meeting(users["calvijn"], route, MeetingIn(kind="stuurgroep",
                                                                         held_on=date.today() - timedelta(days=1)))
    changed = services.change_decision(users["rocva"], decision, DecisionIn(
        text="Rooster afstemmen met de BPV", owner=people["bram"].pk, due_on=date(2026, 3, 1), meeting=meeting.pk))
    decision.refresh_from_db()
    assert changed.pk == decision.pk
    assert (decision.text, decision.owner, decision.due_on, decision.meeting) == (
        "Rooster afstemmen met de BPV", people["bram"], date(2026, 3, 1), meeting)
    entry = _entries(decision).last()
    assert entry.action == LogEntry.Action.UPDATE
    assert set(entry.changes_dict) == {"text", "owner", "due_on", "meeting"}
    assert entry.additional_data == {"overleg_route_id": route.pk}     # kept off the route's history page
    # the same input again writes nothing (no new audit entry)
    count = _entries(decision).count()
    services.change_decision(users["rocva"], decision, DecisionIn(
        text="Rooster afstemmen met de BPV", owner=people["bram"].pk, due_on=date(2026, 3, 1), meeting=meeting.pk))
    assert _entries(decision).count() == count


def test_change_decision_keeps_it_done_and_can_clear_owner_and_due_date(users, decision):
    services.complete_decision(users["calvijn"], decision, CompleteIn(done_on=date(2026, 1, 10)))
    services.change_decision(users["calvijn"], decision, DecisionIn(text="Rooster afstemmen"))
    decision.refresh_from_db()
    assert (decision.owner, decision.due_on, decision.done_on) == (None, None, date(2026, 1, 10))


def test_change_decision_refuses_what_add_decision_refuses(route, users, people, decision, registry, api_client):
    response = api_client.post("/api/v1/routes", route_payload(registry, name="Andere route"), content_type=JSON,
                               **api_client.token_for("calvijn"))
    other_route = Route.objects.get(pk=response.json()["id"])
    foreign_meeting = services.record_meeting(users["calvijn"], other_route,
                                              MeetingIn(kind="stuurgroep", held_on=date(2025, 10, 1)))
    with pytest.raises(ChangeRefused) as refused:
        services.change_decision(users["calvijn"], decision, DecisionIn(
            text="Anders", owner=people["other"].pk, meeting=foreign_meeting.pk))
    assert {e["field"] for e in refused.value.errors} == {"owner", "meeting"}
    assert "Olga" not in str(refused.value.errors) and str(people["other"].pk) in refused.value.errors[0]["message"]
    decision.refresh_from_db()
    assert (decision.text, decision.owner) == ("Rooster afstemmen", people["anna"])     # nothing written


def test_only_the_routes_editors_change_or_reopen(users, decision):
    services.complete_decision(users["calvijn"], decision, CompleteIn())
    for user in (users["examen"], users["achterhoek"], users["regio"]):     # reads (examen) or not at all
        with pytest.raises(PermissionDenied):
            services.change_decision(user, decision, DecisionIn(text="Anders"))
        with pytest.raises(PermissionDenied):
            services.reopen_decision(user, decision)
    decision.refresh_from_db()
    assert decision.text == "Rooster afstemmen" and decision.done_on is not None


def test_reopen_decision_empties_done_on_and_is_audited(users, decision):
    services.complete_decision(users["calvijn"], decision, CompleteIn(done_on=date(2026, 1, 10)))
    reopened = services.reopen_decision(users["rocva"], decision)
    assert reopened.done_on is None
    decision.refresh_from_db()
    assert decision.done_on is None
    assert m.Decision.objects.open().filter(pk=decision.pk).exists()
    entry = _entries(decision).last()
    assert entry.changes_dict["done_on"] == ["2026-01-10", "None"]
    # reopening an open decision changes nothing
    count = _entries(decision).count()
    services.reopen_decision(users["rocva"], decision)
    assert _entries(decision).count() == count


# --- the pages ----------------------------------------------------------------------------------------

def test_decision_edit_page(route, users, people, decision, client):
    client.force_login(users["calvijn"])
    html = client.get(f"/routes/{route.pk}/besluiten/").content.decode()
    assert f'href="/besluiten/{decision.pk}/wijzigen/?next=/routes/{route.pk}/besluiten/"' in html
    url = f"/besluiten/{decision.pk}/wijzigen/"
    html = client.get(url).content.decode()
    assert "Rooster afstemmen" in html and 'value="2026-01-15"' in html
    assert f'<option value="{people["anna"].pk}" selected>' in html
    # an owner of another institution: refused at the owner field, what was typed kept, nothing written
    response = client.post(url, {"text": "Rooster en BPV afstemmen", "owner": people["other"].pk,
                                 "due_on": "2026-02-01"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="field-owner"' in html and "has-error" in html.split('id="field-owner"')[0][-40:]
    assert "Rooster en BPV afstemmen" in html and 'value="2026-02-01"' in html
    decision.refresh_from_db()
    assert decision.text == "Rooster afstemmen"
    # a date that is no date: refused at its field
    response = client.post(url, {"text": "Rooster", "due_on": "morgen"})
    assert response.status_code == 400 and 'class="field has-error" id="field-due_on"' in response.content.decode()
    response = client.post(url, {"text": "Rooster en BPV afstemmen", "owner": people["bram"].pk,
                                 "due_on": "2026-02-01", "next": f"/routes/{route.pk}/overleg/"})
    assert response.status_code == 302 and response["Location"] == f"/routes/{route.pk}/overleg/"
    decision.refresh_from_db()
    assert (decision.text, decision.owner, decision.due_on) == ("Rooster en BPV afstemmen", people["bram"],
                                                                 date(2026, 2, 1))
    assert _entries(decision).last().actor == users["calvijn"]
    # a "next" elsewhere is not followed
    response = client.post(url, {"text": "Rooster", "next": "https://example.org/"})
    assert response["Location"] == f"/routes/{route.pk}/besluiten/"


def test_reopen_button_on_the_decisions_page(route, users, decision, client):
    client.force_login(users["rocva"])
    client.post(f"/besluiten/{decision.pk}/afronden/")
    decision.refresh_from_db()
    assert decision.done_on == date.today()
    html = client.get(f"/routes/{route.pk}/besluiten/").content.decode()
    done = html.split('id="done-decisions"')[1]
    assert f'action="/besluiten/{decision.pk}/heropenen/"' in done
    assert "heropenen" not in html.split('id="done-decisions"')[0]       # no reopen for an open decision
    response = client.post(f"/besluiten/{decision.pk}/heropenen/", {"next": f"/routes/{route.pk}/besluiten/"})
    assert response.status_code == 302
    decision.refresh_from_db()
    assert decision.done_on is None
    assert "Besluit heropend" in client.get(response["Location"]).content.decode()


def test_my_decisions_links_to_edit_only_where_the_user_may(route, users, people, decision, client):
    people["anna"].user = users["examen"]                   # a reader of the route, no editor
    people["anna"].save()
    client.force_login(users["examen"])
    html = client.get("/besluiten/mijn/").content.decode()
    assert "Rooster afstemmen" in html and "/wijzigen/" not in html
    people["anna"].user = users["rocva"]
    people["anna"].save()
    client.force_login(users["rocva"])
    html = client.get("/besluiten/mijn/").content.decode()
    assert f'href="/besluiten/{decision.pk}/wijzigen/?next=/besluiten/mijn/"' in html


def test_the_pages_refuse_others(users, decision, client):
    services.complete_decision(users["calvijn"], decision, CompleteIn())
    for username, status in (("examen", 403), ("achterhoek", 404), ("regio", 404)):
        client.force_login(users[username])
        assert client.get(f"/besluiten/{decision.pk}/wijzigen/").status_code == status, username
        assert client.post(f"/besluiten/{decision.pk}/wijzigen/", {"text": "Anders"}).status_code == status
        assert client.post(f"/besluiten/{decision.pk}/heropenen/").status_code == status, username
    decision.refresh_from_db()
    assert decision.text == "Rooster afstemmen" and decision.done_on is not None


# --- the API ------------------------------------------------------------------------------------------

def test_api_change_and_reopen(route, users, people, decision, api_client):
    headers = api_client.token_for("rocva")
    url = f"/api/v1/decisions/{decision.pk}"
    response = api_client.put(url, {"text": "Rooster en BPV", "owner": people["bram"].pk, "due_on": "2026-04-01"},
                              content_type=JSON, **headers)
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["text"], body["owner"], body["owner_name"], body["due_on"]) == (
        "Rooster en BPV", people["bram"].pk, "Bram Jansen", "2026-04-01")
    # an owner of another institution: 422 naming the field, nothing changed
    response = api_client.put(url, {"text": "Anders", "owner": people["other"].pk}, content_type=JSON, **headers)
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["owner"]
    # PUT replaces the whole decision: the text is required
    response = api_client.put(url, {"owner": people["bram"].pk}, content_type=JSON, **headers)
    assert response.status_code == 422 and "text" in [e["field"] for e in response.json()["errors"]]
    decision.refresh_from_db()
    assert decision.text == "Rooster en BPV"
    api_client.post(f"{url}/complete", {}, content_type=JSON, **headers)
    response = api_client.post(f"{url}/reopen", content_type=JSON, **headers)
    assert response.status_code == 200 and response.json()["done_on"] is None
    assert [d["id"] for d in api_client.get(f"/api/v1/routes/{route.pk}/decisions?open=true", **headers).json()] == [
        decision.pk]


def test_api_refuses_others(users, decision, api_client):
    services.complete_decision(users["calvijn"], decision, CompleteIn())
    url = f"/api/v1/decisions/{decision.pk}"
    for username, status in (("examen", 403), ("achterhoek", 404), ("regio", 404)):
        headers = api_client.token_for(username)
        response = api_client.put(url, {"text": "Anders"}, content_type=JSON, **headers)
        assert response.status_code == status, (username, response.content)
        assert api_client.post(f"{url}/reopen", content_type=JSON, **headers).status_code == status, username
    decision.refresh_from_db()
    assert decision.text == "Rooster afstemmen" and decision.done_on is not None
    assert "/api/v1/decisions/{decision_id}/reopen" in api_client.get("/api/v1/openapi.json").json()["paths"]


def test_edit_pages_start_from_the_record(route, users, people, client):
    """A GET of an edit page (its form built as Form(request.POST or None)) shows the record's values."""
    meeting = services.record_meeting(users["calvijn"], route, MeetingIn(kind="stuurgroep", title="Stuurgroep mei",
                                                                         held_on=date(2025, 5, 20)))
    client.force_login(users["calvijn"])
    html = client.get(f"/overleg/{meeting.pk}/bewerken/").content.decode()
    assert 'value="Stuurgroep mei"' in html and 'value="2025-05-20"' in html
