"""The reflection API: open a round, submit one's own response (errors naming the item), read the
results side by side per partner by BRIN; scoped as the pages."""
from datetime import date

import pytest

from domain import reflection as core

pytestmark = pytest.mark.django_db
JSON = "application/json"


def _whole(score=4, **overrides):
    return {"answers": {i: {"score": overrides.get(i, score), "note": ""} for i in core.ITEM_IDS},
            "phase_fit": "ja", "submit": True}


def test_a_round_through_the_api(api_client, route, users):
    calvijn, rocva = api_client.token_for("calvijn"), api_client.token_for("rocva")
    body = {"title": "Voorjaar", "opens_on": str(date.today()), "closes_on": "2099-01-01",
            "participants": ["calvijn", "rocva"]}
    created = api_client.post(f"/api/v1/routes/{route.pk}/reflection-rounds", body, content_type=JSON, **calvijn)
    assert created.status_code == 201, created.content
    round_id = created.json()["id"]
    assert [p["status"] for p in created.json()["participants"]] == ["uitgenodigd", "uitgenodigd"]
    url = f"/api/v1/reflection-rounds/{round_id}/response"

    bad = api_client.put(url, {"answers": {"V3": {"score": 9}}}, content_type=JSON, **rocva)
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"] == "answers.V3.score"
    missing = api_client.put(url, {**_whole(), "answers": {"V1": {"score": 3}}}, content_type=JSON, **rocva)
    assert missing.status_code == 422
    assert "answers.V2" in [e["field"] for e in missing.json()["errors"]]

    for token, score in ((calvijn, 2), (rocva, 5)):
        saved = api_client.put(url, _whole(score, A6=None), content_type=JSON, **token)
        assert saved.status_code == 200, saved.content
        assert saved.json()["status"] == "ingediend" and saved.json()["answers"]["A6"]["score"] is None
    again = api_client.put(url, _whole(1), content_type=JSON, **rocva)
    assert again.status_code == 422 and "ligt vast" in again.json()["errors"][0]["message"]

    results = api_client.get(f"/api/v1/reflection-rounds/{round_id}", **rocva).json()
    assert results["comparable"]
    v1 = next(row for row in results["items"] if row["key"] == "V1")
    assert v1["averages"] == {"17XG": "2.0", "25LX": "5.0"} and v1["spread"] == "3.0"
    a6 = next(row for row in results["items"] if row["key"] == "A6")
    assert a6["averages"] == {"17XG": None, "25LX": None}
    assert results["largest_differences"][0] == "V1"
    assert api_client.get(f"/api/v1/routes/{route.pk}/reflection-rounds", **rocva).json()[0]["id"] == round_id


def test_the_region_and_another_institution_see_nothing(api_client, route, users, reflection_round):
    for who in ("regio", "achterhoek"):
        token = api_client.token_for(who)
        assert api_client.get(f"/api/v1/routes/{route.pk}/reflection-rounds", **token).status_code == 404
        assert api_client.get(f"/api/v1/reflection-rounds/{reflection_round.pk}", **token).status_code == 404
        assert api_client.put(f"/api/v1/reflection-rounds/{reflection_round.pk}/response", _whole(),
                              content_type=JSON, **token).status_code == 404


def test_a_partner_not_invited_is_refused(api_client, route, users, reflection_round):
    token = api_client.token_for("examen")
    url = f"/api/v1/reflection-rounds/{reflection_round.pk}/response"
    assert api_client.get(url, **token).status_code == 403
    assert api_client.put(url, _whole(), content_type=JSON, **token).status_code == 403
    assert api_client.get(f"/api/v1/reflection-rounds/{reflection_round.pk}", **token).status_code == 200


def test_the_catalogue(api_client, users):
    body = api_client.get("/api/v1/reflection/items", **api_client.token_for("regio")).json()
    assert [i["id"] for i in body["items"]][:3] == ["V1", "V2", "V3"] and body["scale"]["5"] == "klopt helemaal"
