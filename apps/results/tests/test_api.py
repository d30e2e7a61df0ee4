"""GET /api/v1/kpis: the contract's shape, the values as strings, suppression outside the route's
partners (no count from 1 to 4 readable), who may read which scope, and clear 4xx answers."""
from datetime import date

import pytest

from domain.kpi import Step

ON = "2022-10-15"


@pytest.fixture
def cohort(make_student):
    """Cohort 2019 of the test route: 7 students, 6 with a diploma in July 2022 (one of them in
    January 2022), one left to work in 2021."""
    for n in range(6):
        day = date(2022, 1, 20) if n == 0 else date(2022, 7, 1)
        make_student(2019, [Step("instroom", date(2019, 8, 1), kwalificatie="25498"),
                            Step("mbo_diploma", day, kwalificatie="25498", level=2)])
    make_student(2019, [Step("instroom", date(2019, 8, 1), kwalificatie="25498"),
                        Step("uitstroom", date(2021, 3, 1), destination="werk")])


def get(api_client, user, **params):
    return api_client.get("/api/v1/kpis", params, **api_client.token_for(user))


def test_the_contract_for_a_partner(api_client, glr_route, cohort):
    response = get(api_client, "calvijn", route=glr_route.pk, cohort=2019, on=ON)
    assert response.status_code == 200, response.content
    kpis = {k["id"]: k for k in response.json()["kpis"]}
    assert set(response.json()) == {"kpis"}
    assert {"id", "label", "numerator", "denominator", "value"} <= set(kpis["K-01"])
    assert (kpis["K-01"]["numerator"], kpis["K-01"]["value"]) == (7, "7")
    assert kpis["K-02"] == kpis["K-02"] | {"numerator": 1, "denominator": 7, "value": "14.3"}
    assert kpis["K-04/3"]["value"] == "85.7" and kpis["K-04/2"]["value"] == "0.0"
    assert {"K-04/2", "K-04/3", "K-04/4"} <= set(kpis)
    assert kpis["K-06"]["value"] == "2.92"              # (2.5 + 5 x 3) / 6 = 2.9166...
    assert (kpis["K-05"]["numerator"], kpis["K-05"]["denominator"], kpis["K-05"]["value"]) == (0, 6, "0.0")
    early = {k["id"]: k for k in get(api_client, "calvijn", route=glr_route.pk, cohort=2019, on="2022-09-15")
             .json()["kpis"]}
    assert early["K-05"] | {"denominator": 0, "value": None, "display": "–"} == early["K-05"]  # no 1 October yet
    assert [k for k in kpis if k.startswith("K-08/")] == ["K-08/2019", "K-08/2020", "K-08/2021"]
    assert kpis["K-08/2021"] | {"numerator": 6, "denominator": 6, "value": "100.0"} == kpis["K-08/2021"]
    assert kpis["K-08/2020"]["value"] == "0.0"          # the leaver in 2020-2021


def test_the_openapi_declares_the_response(api_client, glr_route):
    schema = api_client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/kpis"]["get"]
    assert "200" in operation["responses"]
    assert {p["name"] for p in operation["parameters"]} >= {"route", "region", "national", "cohort", "on"}


def _numbers(kpis):
    return [v for k in kpis for v in (k["numerator"], k["denominator"]) if v is not None]


def test_outside_the_partners_no_count_below_five(api_client, glr_route, cohort, users):
    for params in ({"route": glr_route.pk}, {"region": glr_route.region_id}, {"national": "true"}):
        response = get(api_client, "regio", cohort=2019, on=ON, **params)
        assert response.status_code == 200, (params, response.content)
        kpis = {k["id"]: k for k in response.json()["kpis"]}
        assert all(not 0 < n < 5 for n in _numbers(kpis.values())), params
        assert all(not 0 < k["denominator"] - k["numerator"] < 5 for k in kpis.values()
                   if k["numerator"] is not None and k["denominator"] is not None), params
        assert kpis["K-02"] | {"numerator": None, "denominator": None, "value": None, "display": "<5"} == kpis["K-02"]
        assert kpis["K-01"]["numerator"] == 7          # 7 is not small


def test_who_reads_which_scope(api_client, glr_route, cohort, registry, users):
    assert get(api_client, "achterhoek", route=glr_route.pk, cohort=2019).status_code == 404
    assert get(api_client, "achterhoek", region=registry["ams"].pk, cohort=2019).status_code == 403
    assert get(api_client, "achterhoek", region=registry["ach"].pk, cohort=2019).status_code == 200
    assert get(api_client, "calvijn", national="true", cohort=2019).status_code == 403
    assert get(api_client, "regio", region=registry["ach"].pk, cohort=2019).status_code == 403
    assert get(api_client, "regio", region=registry["ams"].pk, cohort=2019).status_code == 200
    beheer = get(api_client, "beheer", route=glr_route.pk, cohort=2019, on=ON)
    assert beheer.status_code == 200
    assert {k["id"]: k for k in beheer.json()["kpis"]}["K-02"]["display"] == "<5"   # not a partner
    assert api_client.get("/api/v1/kpis", {"route": glr_route.pk, "cohort": 2019}).status_code == 401


@pytest.mark.parametrize("params, field", [
    ({"route": 1}, "cohort"),
    ({"route": 1, "cohort": "twee"}, "cohort"),
    ({"route": 1, "cohort": 1800}, "cohort"),
    ({"route": 1, "cohort": 2019, "on": "2022-13-01"}, "on"),
    ({"route": 1, "cohort": 2019, "on": "0001-01-01"}, "on"),
    ({"route": 1, "cohort": 2019, "on": "9999-12-31"}, "on"),
    ({"cohort": 2019}, "route"),
    ({"cohort": 2019, "route": 1, "national": "true"}, "route"),
    ({"cohort": 2019, "route": "x"}, "route"),
    ({"cohort": 2019, "region": 99999}, "region"),
])
def test_bad_parameters_name_the_field(api_client, glr_route, params, field):
    params = {k: (glr_route.pk if k == "route" and v == 1 else v) for k, v in params.items()}
    response = get(api_client, "beheer", **params)
    assert 400 <= response.status_code < 500, response.content
    body = response.json()
    assert set(body) == {"detail", "errors"} and field in [e["field"] for e in body["errors"]], body


def test_a_vo_school_of_several_counts_its_own_students(api_client, glr_route, make_student, registry, users):
    from apps.accounts.models import Role, User
    from apps.routes.tests.test_several_vo_schools import TWO_VO, editable_body, second_vo_school
    from apps.students.models import Student

    school = second_vo_school(registry)
    headers = api_client.token_for("calvijn")
    body = {**editable_body(api_client.get(f"/api/v1/routes/{glr_route.pk}", **headers)), "partners": TWO_VO}
    assert api_client.put(f"/api/v1/routes/{glr_route.pk}", body, content_type="application/json",
                          **headers).status_code == 200
    User.objects.create_user("overy", password="pw-overy", role=Role.ROUTECOORDINATOR).institutions.set([school])
    for _ in range(6):
        make_student(2019, [Step("instroom", date(2019, 8, 1), kwalificatie="25498")])
    Student.objects.filter(pk__in=Student.objects.order_by("pk").values("pk")[:2]).update(vo_school=school)

    def k01(user):
        return {k["id"]: k for k in get(api_client, user, route=glr_route.pk, cohort=2019, on=ON)
                .json()["kpis"]}["K-01"]["numerator"]
    assert (k01("calvijn"), k01("overy"), k01("rocva")) == (4, 2, 6)


def test_a_region_figure_does_not_give_a_small_route_count_away(api_client, glr_route, cohort, make_student):
    """Region minus the routes the reader sees would give a hidden route count: hidden for the region too."""
    from apps.routes.models import Route

    other = Route.objects.get(pk=glr_route.pk)
    other.pk, other.name = None, "Tweede route"
    other.save()
    for _n in range(3):
        make_student(2019, [Step("instroom", date(2019, 8, 1), kwalificatie="25498")], route=other)
    route_a = {k["id"]: k for k in get(api_client, "regio", route=glr_route.pk, cohort=2019, on=ON).json()["kpis"]}
    route_b = {k["id"]: k for k in get(api_client, "regio", route=other.pk, cohort=2019, on=ON).json()["kpis"]}
    region = {k["id"]: k for k in get(api_client, "regio", region=glr_route.region_id, cohort=2019,
                                      on=ON).json()["kpis"]}
    assert route_a["K-01"]["numerator"] == 7 and route_b["K-01"]["display"] == "<5"
    assert region["K-01"]["numerator"] is None and region["K-01"]["display"] == "<5"   # 10 - 7 = 3
