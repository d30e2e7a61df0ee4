"""The student survey (issue 11 point 4): staff make a survey of Likert statements and one-time codes;
students answer once with a code, without login; nobody can tie an answer to a student, a code or the
moment it was given; results show no count from 1 to 4."""
import re

import pytest
from auditlog.models import LogEntry
from django.core.cache import cache
from django.db import models
from django.test import Client

from apps.survey import models as m
from apps.survey import services
from apps.survey.schemas import CodesIn, SurveyIn
from domain import survey as core

JSON = "application/json"


@pytest.fixture(autouse=True)
def _no_throttle_left():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def survey(route, users):
    return services.create_survey(users["calvijn"], route, SurveyIn(school_year=2024, cohorts=[2022, 2023]))


def _open_with_codes(survey, users, n=8):
    codes = services.generate_codes(users["calvijn"], survey, CodesIn(cohort=2022, count=n))
    services.open_survey(users["calvijn"], survey)
    return [c.code for c in codes]


def _answers(survey, values):
    return [{"statement": s.pk, "value": v} for s, v in zip(survey.statements.all(), values, strict=True)]


def _submit(client, code, answers):
    return client.post("/api/v1/survey/answers", {"code": code, "answers": answers}, content_type=JSON)


def test_a_new_survey_has_the_calvijn_statements_and_codes_name_no_student(route, users, survey):
    assert [s.text for s in survey.statements.all()] == list(core.DEFAULT_STATEMENTS)
    assert "Amsterdam" in survey.note and survey.is_concept
    codes = services.generate_codes(users["calvijn"], survey, CodesIn(cohort=2022, count=30))
    assert len({c.code for c in codes}) == 30 and all(core.looks_like_code(c.code) for c in codes)
    assert {f.name for f in m.Code._meta.get_fields()} == {"id", "survey", "cohort", "code", "used"}


def test_codes_default_to_the_cohort_size_and_refuse_an_empty_cohort(route, users, survey):
    with pytest.raises(services.ChangeRefused) as refused:
        services.generate_codes(users["calvijn"], survey, CodesIn(cohort=2023))
    assert refused.value.errors[0]["field"] == "count"
    with pytest.raises(services.ChangeRefused) as refused:
        services.generate_codes(users["calvijn"], survey, CodesIn(cohort=2019, count=3))
    assert refused.value.errors[0]["field"] == "cohort"


def test_a_survey_is_removed_only_before_it_opens(api_client, route, users, survey):
    services.generate_codes(users["calvijn"], survey, CodesIn(cohort=2022, count=3))
    other = services.create_survey(users["calvijn"], route, SurveyIn(school_year=2024, cohorts=[2023]))
    services.open_survey(users["calvijn"], other)
    headers = api_client.token_for("calvijn")
    assert api_client.delete(f"/api/v1/surveys/{other.pk}", **headers).status_code == 422
    assert api_client.delete(f"/api/v1/surveys/{survey.pk}", **api_client.token_for("examen")).status_code == 403
    assert api_client.delete(f"/api/v1/surveys/{survey.pk}", **headers).status_code == 204
    assert list(m.Survey.objects.all()) == [other] and not m.Code.objects.exists()


def test_statements_change_only_before_the_survey_opens(api_client, route, users, survey):
    headers = api_client.token_for("rocva")
    url = f"/api/v1/surveys/{survey.pk}/statements"
    response = api_client.post(url, {"text": "Mijn mentor helpt me goed."}, content_type=JSON, **headers)
    assert response.status_code == 201 and response.json()["statements"][-1]["text"] == "Mijn mentor helpt me goed."
    services.open_survey(users["calvijn"], survey)
    response = api_client.post(url, {"text": "Nog een stelling."}, content_type=JSON, **headers)
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "text"


def test_a_student_answers_once_without_login(route, users, survey):
    code = _open_with_codes(survey, users)[0]
    student = Client(enforce_csrf_checks=True)   # the API needs no CSRF token: it takes no session
    shown = core.shown_code(code).lower()        # typed as handed out, in lower case
    response = student.post("/api/v1/survey/questionnaire", {"code": shown}, content_type=JSON)
    assert response.status_code == 200 and len(response.json()["statements"]) == 5
    response = _submit(student, shown, _answers(survey, [4, 5, 3, 4, 2]))
    assert response.status_code == 201, response.content
    again = _submit(student, code, _answers(survey, [1, 1, 1, 1, 1]))
    assert again.status_code == 409 and "al ingevuld" in again.json()["detail"]
    assert m.Response.objects.count() == 1 and m.Answer.objects.count() == 5


def test_an_answer_cannot_be_tied_to_a_code_a_student_or_a_moment(route, users, survey):
    codes = _open_with_codes(survey, users)
    client = Client()
    for code, value in zip(codes[:3], (1, 3, 5), strict=True):
        assert _submit(client, code, _answers(survey, [value] * 5)).status_code == 201
    for model in (m.Response, m.Answer):
        fields = model._meta.get_fields()
        assert not any(isinstance(f, models.DateField | models.DateTimeField | models.TimeField) for f in fields)
        assert model._meta.pk.get_internal_type() == "UUIDField"      # random keys: no order of arrival
        assert not model._meta.ordering
        related = {f.related_model for f in fields if f.is_relation}
        assert not related & {m.Code, *[f.related_model for f in m.Code._meta.get_fields() if f.is_relation
                                       and f.related_model is not m.Survey]}
    assert {f.name for f in m.Response._meta.get_fields()} == {"id", "survey", "answers"}
    assert m.Code.objects.filter(used=True).count() == 3
    assert not [f for f in m.Code._meta.get_fields() if isinstance(f, models.DateTimeField | models.DateField)]
    logged = set(LogEntry.objects.values_list("content_type__model", flat=True))
    assert not logged & {"response", "answer", "code"}
    # The stored keys say nothing of the order: as UUIDs they sort independently of arrival.
    keys = [str(pk) for pk in m.Response.objects.values_list("pk", flat=True)]
    assert all(re.fullmatch(r"[0-9a-f-]{36}", k) for k in keys)


def test_bad_answers_are_refused_naming_the_statement(route, users, survey):
    code = _open_with_codes(survey, users)[0]
    statements = list(survey.statements.all())
    answers = _answers(survey, [4, 4, 4, 4, 4])[:4]
    response = _submit(Client(), code, answers)
    assert response.status_code == 422
    error = response.json()["errors"][0]
    assert error["field"] == "answers" and statements[4].text in error["message"]
    assert f"stelling {statements[4].pk}:" in error["message"]
    response = _submit(Client(), code, [*answers, {"statement": statements[4].pk, "value": 6}])
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "answers[4].value"
    assert not m.Code.objects.filter(used=True).exists() and not m.Response.objects.exists()


def test_a_wrong_code_is_a_clear_4xx_and_guessing_is_limited(route, users, survey):
    _open_with_codes(survey, users)
    client = Client()
    response = _submit(client, "ACDEF-GHJKM", _answers(survey, [3] * 5))
    assert response.status_code == 404 and "kennen we niet" in response.json()["detail"]
    for _ in range(25):
        response = client.post("/api/v1/survey/questionnaire", {"code": "nope"}, content_type=JSON)
    assert response.status_code == 429


def _close_with(survey, users, rows):
    codes = _open_with_codes(survey, users, n=len(rows))
    for code, values in zip(codes, rows, strict=True):
        assert _submit(Client(), code, _answers(survey, values)).status_code == 201
    services.close_survey(users["calvijn"], survey)


def test_results_wait_for_the_close_and_show_no_count_from_1_to_4(api_client, client, route, users, survey):
    rows = [[5, 4, 4, 2, 1]] * 6 + [[4, 4, 3, 2, 1]] * 2     # 8 answers: 2 x "eens" on statement 1
    codes = _open_with_codes(survey, users, n=8)
    for code, values in zip(codes[:6], rows, strict=False):
        _submit(Client(), code, _answers(survey, values))
    headers = api_client.token_for("regio")
    url = f"/api/v1/surveys/{survey.pk}/results"
    early = api_client.get(url, **headers).json()
    assert early["available"] is False and early["statements"] == []
    for code, values in zip(codes[6:], rows[6:], strict=True):
        _submit(Client(), code, _answers(survey, values))
    services.close_survey(users["calvijn"], survey)
    body = api_client.get(url, **headers).json()
    assert body["available"] and body["respondents"] == "8"
    first = body["statements"][0]["counts"]
    assert first == {"1": "0", "2": "0", "3": "0", "4": "<5", "5": "x"}   # 2 and 6 of 8: both hidden
    assert body["statements"][1]["counts"]["4"] == "8"
    for result in body["statements"]:
        assert not {v for v in result["counts"].values()} & {"1", "2", "3", "4"}
    client.force_login(users["regio"])
    page = client.get(survey.get_absolute_url()).content.decode()
    table = page[page.index('id="results-table"'):page.index("</table>", page.index('id="results-table"'))]
    cells = re.findall(r'<td class="num">([^<]*)</td>', table)
    assert cells and not set(cells) & {"1", "2", "3", "4"}
    assert 'data-chart="flow"' in page and "survey-" in page


def test_the_page_answers_with_csrf_and_keeps_the_choices_when_one_is_missing(route, users, survey):
    code = _open_with_codes(survey, users)[0]
    student = Client(enforce_csrf_checks=True)
    assert student.get("/enquete/").status_code == 200
    token = student.cookies["csrftoken"].value
    step = student.post("/enquete/", {"csrfmiddlewaretoken": token, "code": code})
    assert step.status_code == 200 and core.DEFAULT_STATEMENTS[0] in step.content.decode()
    statements = list(survey.statements.all())
    partial = {"csrfmiddlewaretoken": token, "code": code, "send": "1",
               **{f"s{s.pk}": "4" for s in statements[:4]}}
    refused = student.post("/enquete/", partial)
    assert refused.status_code == 422 and "Kies een antwoord" in refused.content.decode()
    kept = re.findall(r'name="s(\d+)" value="(\d)"[^>]*checked', refused.content.decode())
    assert sorted(kept) == sorted((str(s.pk), "4") for s in statements[:4])     # the choices made are kept
    done = student.post("/enquete/", {**partial, f"s{statements[4].pk}": "2"})
    assert done.status_code == 200 and "anoniem opgeslagen" in done.content.decode()
    again = student.post("/enquete/", {"csrfmiddlewaretoken": token, "code": code})
    assert again.status_code == 409 and "al ingevuld" in again.content.decode()
    assert Client(enforce_csrf_checks=True).post("/enquete/", {"code": code}).status_code == 403   # no token


def test_a_partner_of_another_route_sees_none_of_it(api_client, client, route, users, survey):
    codes = _open_with_codes(survey, users)
    _submit(Client(), codes[0], _answers(survey, [3] * 5))
    headers = api_client.token_for("achterhoek")
    for url in (f"/api/v1/routes/{route.pk}/surveys", f"/api/v1/surveys/{survey.pk}",
                f"/api/v1/surveys/{survey.pk}/results", f"/api/v1/surveys/{survey.pk}/codes"):
        assert api_client.get(url, **headers).status_code == 404, url
    client.force_login(users["achterhoek"])
    assert client.get(survey.get_absolute_url()).status_code == 404
    assert client.get(f"/routes/{route.pk}/enquetes/{survey.pk}/codes/").status_code == 404
    # A reader of the route (the examencoördinator) sees the survey but not the codes.
    reader = api_client.token_for("examen")
    assert api_client.get(f"/api/v1/surveys/{survey.pk}", **reader).status_code == 200
    assert api_client.get(f"/api/v1/surveys/{survey.pk}/codes", **reader).status_code == 404
    # The editors get the codes, but not which were used: that would say who answered.
    listed = api_client.get(f"/api/v1/surveys/{survey.pk}/codes", **api_client.token_for("calvijn")).json()
    assert len(listed) == 8 and all(set(c) == {"code", "cohort"} for c in listed)
    assert Client().get(f"/api/v1/surveys/{survey.pk}").status_code == 401


def test_codes_and_results_export_to_excel(client, route, users, survey):
    _close_with(survey, users, [[4, 4, 4, 4, 4]] * 5)
    client.force_login(users["calvijn"])
    codes = client.get(f"/routes/{route.pk}/enquetes/{survey.pk}/codes/?export=xlsx")
    assert codes.status_code == 200 and "spreadsheet" in codes["Content-Type"]
    res = client.get(f"/routes/{route.pk}/enquetes/{survey.pk}/resultaten.xlsx")
    assert res.status_code == 200 and "spreadsheet" in res["Content-Type"]


def test_the_create_page_keeps_what_was_typed(client, route, users):
    client.force_login(users["calvijn"])
    url = f"/routes/{route.pk}/enquetes/nieuw/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"title": "Enquête VMR", "school_year": "2024"})
    assert response.status_code == 422 and 'value="Enquête VMR"' in response.content.decode()
    response = client.post(url, {"title": "Enquête VMR", "school_year": "2024", "cohorts": ["2022"]})
    assert response.status_code == 302 and m.Survey.objects.get().title == "Enquête VMR"


def test_nothing_logs_the_code(route, users, survey, caplog):
    code = _open_with_codes(survey, users)[0]
    with caplog.at_level("DEBUG"):
        _submit(Client(), code, _answers(survey, [4, 4, 4, 4, 4])[:4])      # refused: logged as a 422
        _submit(Client(), code, _answers(survey, [4, 4, 4, 4, 4]))
        _submit(Client(), code, _answers(survey, [4, 4, 4, 4, 4]))           # 409
        Client().post("/enquete/", {"code": code})
    logged = caplog.text.upper().replace("-", "")
    assert code not in logged and caplog.records      # the requests were logged, without their body


def test_the_latest_closed_survey_of_a_route(route, users, survey):
    from apps.survey.results import latest_closed

    assert latest_closed(route) is None
    _close_with(survey, users, [[4, 4, 4, 4, 4]] * 5)
    latest = latest_closed(route)
    assert latest.available and latest.statements[0][1].shown[4] == "5"


def test_a_code_works_only_while_the_survey_is_open(route, users, survey):
    code = services.generate_codes(users["calvijn"], survey, CodesIn(cohort=2022, count=2))[0].code
    response = _submit(Client(), code, _answers(survey, [3] * 5))
    assert response.status_code == 404                      # not open yet: as unknown
    services.open_survey(users["calvijn"], survey)
    services.close_survey(users["calvijn"], survey)
    response = _submit(Client(), code, _answers(survey, [3] * 5))
    assert response.status_code == 404 and "gesloten" in response.json()["detail"]
    assert not m.Response.objects.exists() and not m.Code.objects.filter(used=True).exists()
