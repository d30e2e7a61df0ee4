"""The reflection pages with the Django test client: the route page's card, opening a round, filling in a
response (a refused submit keeps what was typed and names the item), and the results with their chart's
data island; a partner of another route and the region see none of it."""
import json
import re

import pytest
from django.urls import reverse

from apps.reflection import services
from apps.reflection.models import ReflectionRound, Response

from .conftest import complete

pytestmark = pytest.mark.django_db


def _login(client, user):
    client.force_login(user)
    return client


def _form(score="4", **overrides):
    data = {f"{item}-score": overrides.get(item, score) for item in
            ("V1", "V2", "V3", "V4", "V5", "D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8",
             "A1", "A2", "A3", "A4", "A5", "A6")}
    data.update(phase_fit="ja", phase_fit_note="")
    return data


def test_the_route_page_links_to_the_reflection(client, route, users, reflection_round):
    page = _login(client, users["rocva"]).get(route.get_absolute_url()).content.decode()
    assert 'id="reflection"' in page and "Vul uw reflectie in: Reflectie voorjaar" in page
    assert reverse("reflection:route", args=[route.pk]) in page                # the "Reflectie" tab
    page = _login(client, users["regio"]).get(route.get_absolute_url()).content.decode()
    assert 'id="reflection"' not in page and reverse("reflection:route", args=[route.pk]) not in page


def test_a_coordinator_opens_a_round_on_the_page(client, route, users):
    _login(client, users["calvijn"])
    form = client.get(reverse("reflection:create", args=[route.pk])).content.decode()
    assert 'value="rocva"' in form and 'value="achterhoek"' not in form
    response = client.post(reverse("reflection:create", args=[route.pk]), {
        "title": "Voorjaar", "opens_on": "2026-03-01", "closes_on": "2099-03-31", "participants": ["calvijn"]})
    assert response.status_code == 200
    assert "minstens twee partners" in response.content.decode()
    assert 'value="Voorjaar"' in response.content.decode()          # what was typed stays
    response = client.post(reverse("reflection:create", args=[route.pk]), {
        "title": "Voorjaar", "opens_on": "2026-03-01", "closes_on": "2099-03-31", "participants": ["calvijn", "rocva"]})
    rnd = ReflectionRound.objects.get()
    assert response.status_code == 302 and response["Location"] == rnd.get_absolute_url()


def test_a_refused_submit_names_the_item_and_keeps_what_was_typed(client, route, users, reflection_round):
    _login(client, users["rocva"])
    url = reverse("reflection:respond", args=[route.pk, reflection_round.pk])
    data = _form(D3="", V1="2")
    data["V1-note"] = "Ambitie verschilt per team"
    response = client.post(url, {**data, "submit": "1"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "D3 Inhoud: leerling: nog niet beantwoord" in page
    assert "Ambitie verschilt per team" in page
    assert re.search(r'name="V1-score" value="2"[^>]*checked', page)
    assert Response.objects.get(user=users["rocva"]).status == Response.Status.INVITED


def test_a_draft_then_a_submit_on_the_page(client, route, users, reflection_round):
    _login(client, users["rocva"])
    url = reverse("reflection:respond", args=[route.pk, reflection_round.pk])
    assert client.post(url, {"V1-score": "5", "save": "1"}).status_code == 302
    assert Response.objects.get(user=users["rocva"]).status == Response.Status.DRAFT
    assert client.post(url, {**_form(), "submit": "1"}).status_code == 302
    page = client.get(url).content.decode()
    assert 'id="locked"' in page and 'id="response-form"' not in page


def test_results_side_by_side_with_a_chart(client, route, users, reflection_round):
    services.save_response(users["calvijn"], reflection_round, complete(4, V2=2))
    _login(client, users["examen"])                               # a partner's user who was not invited
    page = client.get(reflection_round.get_absolute_url()).content.decode()
    assert 'id="no-results"' in page
    services.save_response(users["rocva"], reflection_round, complete(4, V2=5))
    page = client.get(reflection_round.get_absolute_url()).content.decode()
    assert 'data-chart="bars"' in page
    island = re.search(rf'<script id="reflection-{reflection_round.pk}-data" type="application/json">(.*?)</script>',
                       page, re.S)
    data = json.loads(island.group(1))
    assert [d["label"] for d in data["datasets"]] == ["Calvijn College", "ROC van Amsterdam"]
    assert data["datasets"][0]["data"][1] == 2.0 and data["datasets"][1]["data"][1] == 5.0
    assert re.search(r'id="differences".*?data-item="V2"', page, re.S)
    trend = client.get(reverse("reflection:route", args=[route.pk])).content.decode()
    assert 'id="reflection-trend-voorwaarde"' in trend


@pytest.mark.parametrize("who", ["achterhoek", "regio"])
def test_another_institution_and_the_region_see_nothing(client, route, users, reflection_round, who):
    _login(client, users[who])
    for url in (reverse("reflection:route", args=[route.pk]), reflection_round.get_absolute_url(),
                reverse("reflection:respond", args=[route.pk, reflection_round.pk])):
        assert client.get(url).status_code == 404


def test_a_partner_who_was_not_invited_cannot_respond(client, route, users, reflection_round):
    _login(client, users["examen"])
    url = reverse("reflection:respond", args=[route.pk, reflection_round.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {**_form(), "submit": "1"}).status_code == 403


def test_the_results_export_to_excel(client, route, users, reflection_round):
    from io import BytesIO

    from openpyxl import load_workbook

    services.save_response(users["calvijn"], reflection_round, complete(4, V2=2))
    services.save_response(users["rocva"], reflection_round, complete(4, V2=5))
    _login(client, users["rocva"])
    response = client.get(reverse("reflection:export", args=[route.pk, reflection_round.pk, "xlsx"]))
    assert response.status_code == 200
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("id", "onderdeel", "stelling", "Calvijn College", "ROC van Amsterdam")
    v2 = next(row for row in rows if row[0] == "V2")
    assert v2[3:6] == (2, 5, 3)


def test_a_coordinator_of_the_other_partner_invites_more_participants(client, route, users, reflection_round):
    _login(client, users["rocva"])
    page = client.get(reflection_round.get_absolute_url()).content.decode()
    assert 'value="examen"' in page and 'name="participants" value="calvijn"' not in page   # already invited
    response = client.post(reverse("reflection:invite", args=[route.pk, reflection_round.pk]),
                           {"participants": ["examen"]})
    assert response.status_code == 302
    assert reflection_round.responses.get(user=users["examen"]).institution.brin == "25LX"
    _login(client, users["examen"])
    assert client.post(reverse("reflection:invite", args=[route.pk, reflection_round.pk]),
                       {"participants": ["calvijn"]}).status_code == 403
