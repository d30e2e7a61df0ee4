"""Exam results as people enter them (issue 10.7): one part edited from its row in the student's plan,
and the results of one part for a whole group at once in a grid (as EduArte users do). One write path:
the pages and the API hand typed input to the same use cases (``save_exam_part``,
``save_group_results``); a group is checked row by row first and saved all or nothing."""
from datetime import date
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType

from apps.routes.models import RoutePartner
from apps.students import services
from apps.students.models import ExamPart
from apps.students.schemas import GroupResultsIn

JSON = "application/json"
NEDERLANDS = {"sector": "vmbo", "kind": "SE", "name": "Nederlands"}


@pytest.fixture
def group(enrol):
    """Three students of cohort 2019 in route year 1, each with vmbo SE Nederlands in their plan."""
    return [enrol("Anna", "Bakker"), enrol("Bram", "Jansen"), enrol("Chris", "Visser")]


def nederlands(student) -> ExamPart:
    return student.exam_parts.get(**NEDERLANDS)


def results(data: dict) -> GroupResultsIn:
    return GroupResultsIn(**{**NEDERLANDS, "result_on": "2020-06-15", **data})


def audited_parts() -> int:
    return LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(ExamPart)).count()


# --- the use case --------------------------------------------------------------------------------------

def test_a_group_is_saved_at_once_with_the_result_from_the_grade(group, glr_route, users):
    anna, bram, chris = group
    before = audited_parts()
    saved = services.save_group_results(users["calvijn"], glr_route, results({"rows": [
        {"student": anna.pk, "grade": "6.5"}, {"student": bram.pk, "grade": "4.0"}, {"student": chris.pk}]}))
    assert [row.student.pk for row in saved] == [anna.pk, bram.pk]     # an empty row is left alone
    a, b, c = nederlands(anna), nederlands(bram), nederlands(chris)
    assert (a.result, a.grade, a.result_on, a.actual_route_year) == ("passed", Decimal("6.5"), date(2020, 6, 15), 1)
    assert (b.result, b.grade) == ("failed", Decimal("4.0"))
    assert (c.result, c.grade) == ("open", None)
    assert audited_parts() == before + 2                               # every saved part in the audit trail


def test_one_bad_grade_saves_nothing_and_names_its_row(group, glr_route, users):
    anna, bram, chris = group
    with pytest.raises(services.RuleViolation) as refused:
        services.save_group_results(users["calvijn"], glr_route, results({"rows": [
            {"student": anna.pk, "grade": "6.5"}, {"student": bram.pk, "grade": "11"},
            {"student": chris.pk, "grade": "7.0", "result": "failed"}]}))
    assert [(f.field, f.rule) for f in refused.value.findings] == [("rows[1].grade", ""), ("rows[2].result", "")]
    assert "tussen 1,0 en 10,0" in refused.value.findings[0].message
    assert [nederlands(s).result for s in group] == ["open", "open", "open"]


def test_a_rule_on_exam_parts_is_checked_per_row_with_its_id(group, glr_route, users):
    """R-04: a vmbo part taken after the first mbo-fase route year (3 for a route from vmbo 3). The rows
    before it were valid, and are not saved either."""
    anna, bram, chris = group
    with pytest.raises(services.RuleViolation) as refused:
        services.save_group_results(users["calvijn"], glr_route, results({"rows": [
            {"student": anna.pk, "grade": "6.5"}, {"student": bram.pk, "grade": "7.0"},
            {"student": chris.pk, "grade": "8.0", "actual_route_year": 4}]}))
    [finding] = refused.value.findings
    assert (finding.rule, finding.field) == ("R-04", "rows[2]")
    assert "routejaar 4" in finding.message
    assert [nederlands(s).result for s in group] == ["open", "open", "open"]
    assert not ExamPart.objects.filter(actual_route_year__isnull=False).exists()


def test_only_the_users_students_of_the_route_and_each_once(group, glr_route, enrol, users):
    anna, bram, _chris = group
    within = glr_route.students.exclude(pk=bram.pk)                   # e.g. another vo-school's student
    with pytest.raises(services.RuleViolation) as refused:
        services.save_group_results(users["calvijn"], glr_route, results({"rows": [
            {"student": anna.pk, "grade": "6.5"}, {"student": bram.pk, "grade": "6.5"},
            {"student": anna.pk, "grade": "7.0"}, {"student": 999999, "grade": "7.0"}]}), within=within)
    assert [f.field for f in refused.value.findings] == ["rows[1].student", "rows[2].student", "rows[3].student"]
    assert nederlands(anna).result == "open"


def test_a_part_not_in_a_students_plan_is_added(group, glr_route, users):
    anna, bram, _chris = group
    data = GroupResultsIn(sector="mbo", kind="keuzedeel", name="  Ondernemerschap ", result_on="2021-03-01",
                          rows=[{"student": anna.pk, "grade": "V"}, {"student": bram.pk, "grade": "O"}])
    saved = services.save_group_results(users["calvijn"], glr_route, data)
    assert [row.created for row in saved] == [True, True]
    part = anna.exam_parts.get(name="Ondernemerschap")
    assert (part.result, part.assessment, part.planned_route_year, part.actual_route_year) == ("passed", "V", 1, 1)
    assert bram.exam_parts.get(name="Ondernemerschap").result == "failed"


# --- the API's bulk operation -------------------------------------------------------------------------

def test_the_api_enters_a_group_all_or_nothing(group, glr_route, api_client):
    anna, bram, chris = group
    headers = api_client.token_for("calvijn")
    url = f"/api/v1/routes/{glr_route.pk}/exam-results/bulk"
    body = {**NEDERLANDS, "result_on": "2020-06-15",
            "rows": [{"student": anna.pk, "grade": 6.5}, {"student": bram.pk, "grade": 99},
                     {"student": chris.pk, "grade": 5.4}]}
    response = api_client.post(url, body, content_type=JSON, **headers)
    assert response.status_code == 422
    assert [(e["field"], e["rule"]) for e in response.json()["errors"]] == [("rows[1].grade", None)]
    assert nederlands(anna).result == "open"
    body["rows"][1]["grade"] = 7
    response = api_client.post(url, body, content_type=JSON, **headers)
    assert response.status_code == 200, response.content
    assert [(r["student"], r["result"], r["grade"]) for r in response.json()] == [
        (anna.pk, "passed", "6.5"), (bram.pk, "passed", "7.0"), (chris.pk, "failed", "5.4")]   # decimals as strings
    body["rows"] = [{"student": anna.pk, "grade": 6.5, "actual_route_year": 5}]
    response = api_client.post(url, body, content_type=JSON, **headers)
    assert [(e["field"], e["rule"]) for e in response.json()["errors"]] == [("rows[0]", "R-04")]


def test_the_api_refuses_missing_fields_by_name(glr_route, api_client):
    response = api_client.post(f"/api/v1/routes/{glr_route.pk}/exam-results/bulk", {"sector": "vmbo"},
                               content_type=JSON, **api_client.token_for("calvijn"))
    assert response.status_code == 422
    assert {"kind", "name", "rows"} <= {e["field"] for e in response.json()["errors"]}



def test_the_api_refuses_a_student_id_beyond_the_database_s_range(glr_route, api_client):
    body = {**NEDERLANDS, "rows": [{"student": 2**63, "grade": 6.5}]}
    response = api_client.post(f"/api/v1/routes/{glr_route.pk}/exam-results/bulk", body, content_type=JSON,
                               **api_client.token_for("calvijn"))
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["rows[0].student"]

# --- one part, edited from its row ----------------------------------------------------------------------

def test_a_part_is_edited_from_its_row(group, client):
    anna = group[0]
    part = nederlands(anna)
    client.login(username="calvijn", password="pw-calvijn")
    detail = client.get(anna.get_absolute_url()).content.decode()
    edit = f"/leerlingen/{anna.pk}/examenonderdelen/{part.pk}/"
    assert f'href="{edit}"' in detail
    page = client.get(edit)
    assert page.status_code == 200 and page.context["form"].instance == part
    body = {**NEDERLANDS, "planned_route_year": 2, "actual_route_year": 2, "examiner": part.examiner_id,
            "location": "", "result": "passed", "grade": "7,5", "result_on": "2021-06-20"}
    response = client.post(edit, body)
    assert response.status_code == 302 and response["Location"].startswith(anna.get_absolute_url())
    part.refresh_from_db()
    assert (part.grade, part.actual_route_year, part.result_on) == (Decimal("7.5"), 2, date(2021, 6, 20))
    assert "7,5" in client.get(anna.get_absolute_url()).content.decode()


def test_a_form_with_an_error_keeps_what_was_typed_and_shows_the_message_at_the_field(group, client):
    anna = group[0]
    part = nederlands(anna)
    client.login(username="calvijn", password="pw-calvijn")
    body = {**NEDERLANDS, "planned_route_year": 2, "actual_route_year": 2, "location": "Lokaal 12",
            "result": "passed", "grade": "4,5", "result_on": "2021-06-20"}
    response = client.post(f"/leerlingen/{anna.pk}/examenonderdelen/{part.pk}/", body)
    assert response.status_code == 422
    form = response.context["form"]
    assert list(form.errors) == ["result"] and "5,5" in form.errors["result"][0]
    html = response.content.decode()
    assert 'value="4,5"' in html and 'value="Lokaal 12"' in html and 'value="2021-06-20"' in html
    field = html[html.index('id="field-result"'):html.index('id="field-grade"')]
    assert "errorlist" in field                                        # the message sits at the field
    # a rule's refusal on the form's page too, with its id
    response = client.post(f"/leerlingen/{anna.pk}/examenonderdelen/{part.pk}/",
                           {**body, "grade": "", "result": "open", "planned_route_year": 4})
    assert response.status_code == 422 and "R-04" in str(response.context["form"].non_field_errors())
    part.refresh_from_db()
    assert (part.result, part.grade, part.location, part.planned_route_year) == ("open", None, "", 2)


def test_the_add_form_has_the_route_year_taken_and_the_result_date(group, client):
    anna = group[0]
    client.login(username="calvijn", password="pw-calvijn")
    html = client.get(anna.get_absolute_url()).content.decode()
    assert 'name="actual_route_year"' in html and 'name="result_on"' in html
    response = client.post(f"/leerlingen/{anna.pk}/examenonderdelen/", {
        "sector": "mbo", "kind": "keuzedeel", "name": "Ondernemerschap", "planned_route_year": 3, "result": "passed",
        "grade": "V", "actual_route_year": 1, "result_on": "2020-05-01"})
    assert response.status_code == 302
    part = anna.exam_parts.get(name="Ondernemerschap")
    assert (part.actual_route_year, part.result_on) == (1, date(2020, 5, 1))


def test_the_examining_party_is_shown_once_by_name(group, glr_route, registry, client):
    """An institution that is a partner on both sides (an AOC) is one examining party."""
    RoutePartner.objects.create(route=glr_route, institution=registry["calvijn"], role="mbo")
    anna = group[0]
    part = nederlands(anna)
    client.login(username="calvijn", password="pw-calvijn")
    html = client.get(f"/leerlingen/{anna.pk}/examenonderdelen/{part.pk}/").content.decode()
    select = html[html.index('name="examiner"'):]
    select = select[:select.index("</select>")]
    assert select.count("Calvijn College") == 1 and select.count("ROC van Amsterdam") == 1
    assert "17XG" not in select and "25LX" not in select                # by name, not "name (BRIN)"
    row = client.get(anna.get_absolute_url()).content.decode()
    row = row[row.index(f'data-part="{part.pk}"'):]
    row = row[:row.index("</tr>")]
    assert row.count("Calvijn College") == 1


# --- the grid -------------------------------------------------------------------------------------------

def grid_body(group, cohort=2019, **typed):
    body = {"cohort": str(cohort), "klas": "", "part": "vmbo|SE|Nederlands", "result_on": "2020-06-15"}
    for student in group:
        for name, value in typed.get(student.first_name, {}).items():
            body[f"s{student.pk}-{name}"] = value
    return body


def test_the_grid_lists_the_group_and_the_parts(group, glr_route, client):
    client.login(username="calvijn", password="pw-calvijn")
    url = f"/routes/{glr_route.pk}/examens/resultaten/"
    page = client.get(url, {"cohort": 2019})
    assert page.status_code == 200 and "vmbo|SE|Nederlands" in page.content.decode()
    page = client.get(url, {"cohort": 2019, "part": "vmbo|SE|Nederlands"}).content.decode()
    for student in group:
        assert f'data-student="{student.pk}"' in page and f'name="s{student.pk}-grade"' in page


def test_the_grid_saves_nothing_on_one_bad_grade_and_all_once_corrected(group, glr_route, client):
    anna, bram, chris = group
    client.login(username="calvijn", password="pw-calvijn")
    url = f"/routes/{glr_route.pk}/examens/resultaten/"
    typed = {"Anna": {"grade": "6,5"}, "Bram": {"grade": "6.8"}, "Chris": {"grade": "5,0"}}
    response = client.post(url, grid_body(group, **typed))
    assert response.status_code == 422
    rows = {row.student.pk: row for row in response.context["rows"]}
    assert list(rows[bram.pk].errors) == ["grade"] and "komma" in rows[bram.pk].errors["grade"][0]
    assert not rows[anna.pk].errors and not rows[chris.pk].errors
    html = response.content.decode()
    bram_row = html[html.index(f'data-student="{bram.pk}"'):]
    bram_row = bram_row[:bram_row.index("</tr>")]
    assert "errorlist" in bram_row and 'value="6.8"' in bram_row      # the message at the row, the text kept
    assert f'name="s{anna.pk}-grade" value="6,5"' in html
    assert [nederlands(s).result for s in group] == ["open", "open", "open"]

    typed["Bram"]["grade"] = "6,8"
    response = client.post(url, grid_body(group, **typed))
    assert response.status_code == 302
    assert [(nederlands(s).result, nederlands(s).grade) for s in group] == [
        ("passed", Decimal("6.5")), ("passed", Decimal("6.8")), ("failed", Decimal("5.0"))]
    assert nederlands(anna).result_on == date(2020, 6, 15)
    page = client.get(response["Location"])
    assert "Resultaten van 3 leerlingen opgeslagen." in [str(m) for m in page.context["messages"]]


def test_the_grid_shows_a_rules_refusal_at_its_row(group, glr_route, client):
    anna, bram, chris = group
    client.login(username="calvijn", password="pw-calvijn")
    typed = {"Anna": {"grade": "6,5"}, "Chris": {"grade": "7,0", "actual_route_year": "4"}}
    response = client.post(f"/routes/{glr_route.pk}/examens/resultaten/", grid_body(group, **typed))
    assert response.status_code == 422
    rows = {row.student.pk: row for row in response.context["rows"]}
    assert "R-04" in str(rows[chris.pk].non_field_errors()) and not rows[anna.pk].errors
    assert nederlands(anna).result == "open"


def test_the_grid_is_for_those_who_change_students(group, glr_route, make_user, registry, client):
    from apps.accounts.models import Role

    make_user("bestuur", Role.BESTUURDER, [registry["calvijn"]])
    client.login(username="bestuur", password="pw-bestuur")
    url = f"/routes/{glr_route.pk}/examens/resultaten/"
    assert client.get(url, {"cohort": 2019}).status_code == 404
    assert client.post(url, grid_body(group, Anna={"grade": "6,5"})).status_code == 404
    assert nederlands(group[0]).result == "open"


def test_the_grid_finds_the_part_whatever_its_case(group, glr_route, client):
    client.login(username="calvijn", password="pw-calvijn")
    url = f"/routes/{glr_route.pk}/examens/resultaten/"
    page = client.get(url, {"cohort": 2019, "part": "VMBO|se|  nederlands"})
    assert page.context["key"] == ("vmbo", "SE", "Nederlands")
    assert 'name="part" value="vmbo|SE|Nederlands"' in page.content.decode()
