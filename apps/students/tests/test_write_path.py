"""One write path for students: the HTML forms and the API hand the same typed input to the same use
cases; bad input is a 422 naming every field concerned, never a 500 and never half written.
Regression tests for the audit's faults: grades 99 and -1, a grade inconsistent with "passed", a
student number given twice (also when two requests race), a cohort of 40000."""
from datetime import date
from decimal import Decimal

import pytest

from apps.students import services
from apps.students.models import ExamPart, Student, StudentNumber
from apps.students.schemas import ExamPartIn, StudentIn

JSON = "application/json"
NEW = {"first_name": "Kees", "last_name": "Smit", "leerweg": "BB", "cohort": 2021, "kwalificatie": "25498",
       "glr_judgment_on": "2021-06-01", "numbers": {"17XG": "C0100"}}


@pytest.fixture
def student(enrol):
    return enrol(number="C0001")


@pytest.fixture
def headers(api_client):
    return api_client.token_for("calvijn")


def fields(response) -> list[str]:
    assert response.status_code == 422, response.content
    return sorted(e["field"] for e in response.json()["errors"])


def post(api_client, headers, url, body):
    return api_client.post(url, body, content_type=JSON, **headers)


# --- students ---------------------------------------------------------------------------------------

def test_cohort_40000_is_a_422_naming_the_cohort(glr_route, api_client, headers):
    response = post(api_client, headers, f"/api/v1/routes/{glr_route.pk}/students", {**NEW, "cohort": 40000})
    assert fields(response) == ["cohort"]
    assert not Student.objects.exists()


def test_the_same_student_number_twice_is_a_422_naming_the_field(student, glr_route, api_client, headers):
    response = post(api_client, headers, f"/api/v1/routes/{glr_route.pk}/students",
                    {**NEW, "numbers": {"17XG": "C0001"}})
    assert fields(response) == ["numbers.17XG"]
    assert "bestaat al" in response.json()["errors"][0]["message"]
    assert Student.objects.count() == 1


def test_a_race_on_the_student_number_is_a_422_and_nothing_is_written(student, glr_route, api_client, headers,
                                                                      monkeypatch):
    # Two requests with the same number both pass the check; the second insert hits the constraint.
    monkeypatch.setattr(services, "number_problems", lambda numbers, student=None: [])
    response = post(api_client, headers, f"/api/v1/routes/{glr_route.pk}/students",
                    {**NEW, "numbers": {"17XG": "C0001"}})
    assert fields(response) == ["numbers.17XG"]
    assert Student.objects.count() == 1 and StudentNumber.objects.count() == 1  # the new student rolled back


def test_a_race_on_the_student_number_through_the_use_case(student, glr_route, users, monkeypatch):
    monkeypatch.setattr(services, "number_problems", lambda numbers, student=None: [])
    with pytest.raises(services.RuleViolation) as refused:
        services.create_student(users["calvijn"], glr_route, StudentIn(**{**NEW, "numbers": {"17XG": "C0001"}}))
    assert [(f.rule, f.field) for f in refused.value.findings] == [("", "numbers.17XG")]
    assert Student.objects.count() == 1


def test_several_problems_are_named_together(glr_route, api_client, headers):
    body = {**NEW, "leerweg": "XX", "profiel": "??", "entry_route_year": 2, "numbers": {"99ZZ": "1"}}
    assert fields(post(api_client, headers, f"/api/v1/routes/{glr_route.pk}/students", body)) == [
        "leerweg", "numbers.99ZZ", "origin", "profiel"]


def comparable(body: dict) -> dict:
    body = {k: v for k, v in body.items() if k not in ("id", "findings")}
    body["events"] = [{k: v for k, v in e.items() if k != "id"} for e in body["events"]]
    body["exam_parts"] = sorted(({k: v for k, v in p.items() if k != "id"} for p in body["exam_parts"]),
                                key=lambda p: (p["sector"], p["kind"], p["name"]))
    return body


def test_the_form_and_the_api_save_the_same_student(glr_route, registry, client, api_client, headers):
    response = post(api_client, headers, f"/api/v1/routes/{glr_route.pk}/students",
                    {**NEW, "date_of_birth": "2007-03-04", "glr_judgment_note": "samen besloten"})
    assert response.status_code == 201, response.content
    by_api = response.json()
    client.login(username="calvijn", password="pw-calvijn")
    form = {"first_name": "Kees", "last_name": "Smit", "date_of_birth": "2007-03-04", "leerweg": "",
            "vmbo_year_at_start": 3, "cohort": 2021, "entry_route_year": "",
            "kwalificatie": registry["k"]["helpende"].pk,
            "glr_judgment_on": "2021-06-01", "glr_judgment_note": "samen besloten",
            f"number_{registry['calvijn'].pk}": "C0101", "vo_school": registry["calvijn"].pk}
    from apps.registry.models import Leerweg
    form["leerweg"] = Leerweg.objects.get(code="BB").pk
    response = client.post(f"/routes/{glr_route.pk}/leerlingen/nieuw/", form)
    assert response.status_code == 302, response.content.decode()[:3000]
    by_form = api_client.get(f"/api/v1/students/{Student.objects.latest('pk').pk}", **headers).json()
    assert by_form["numbers"] == {"17XG": "C0101"}
    by_form["numbers"] = by_api["numbers"]
    assert comparable(by_form) == comparable(by_api)


def test_the_form_shows_the_use_cases_problems_on_its_fields(student, glr_route, registry, client):
    from apps.registry.models import Leerweg
    client.login(username="calvijn", password="pw-calvijn")
    form = {"first_name": "Kees", "last_name": "Smit", "leerweg": Leerweg.objects.get(code="BB").pk,
            "vmbo_year_at_start": 3, "cohort": 2021, "entry_route_year": 2,
            "kwalificatie": registry["k"]["helpende"].pk,
            "glr_judgment_on": "2021-06-01", f"number_{registry['calvijn'].pk}": "C0001",
            "vo_school": registry["calvijn"].pk}
    response = client.post(f"/routes/{glr_route.pk}/leerlingen/nieuw/", form)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"origin", f"number_{registry['calvijn'].pk}"}
    assert response.context["form"]["first_name"].value() == "Kees"   # what the user typed is kept
    assert Student.objects.count() == 1


def test_patch_changes_only_the_fields_given(student, api_client, headers):
    before = api_client.get(f"/api/v1/students/{student.pk}", **headers).json()
    response = api_client.patch(f"/api/v1/students/{student.pk}", {"first_name": "Sanna"}, content_type=JSON,
                                **headers)
    assert response.status_code == 200, response.content
    after = response.json()
    assert after["first_name"] == "Sanna"
    assert {k: v for k, v in after.items() if k not in ("first_name", "findings")} == \
        {k: v for k, v in before.items() if k not in ("first_name", "findings")}
    assert Student.objects.get(pk=student.pk).glr_judgment_on == date(2019, 6, 15)
    response = api_client.patch(f"/api/v1/students/{student.pk}", {"leerweg": "XX", "first_name": None},
                                content_type=JSON, **headers)
    assert fields(response) == ["first_name", "leerweg"]


def test_put_needs_every_field_and_wipes_nothing(student, api_client, headers):
    response = api_client.put(f"/api/v1/students/{student.pk}", {"first_name": "Sanna"}, content_type=JSON,
                              **headers)
    assert fields(response) == sorted(["last_name", "date_of_birth", "leerweg", "profiel", "vmbo_year_at_start",
                                       "glr_judgment_on", "glr_judgment_note", "vo_school", "mbo_institution"])
    fresh = Student.objects.get(pk=student.pk)
    assert (fresh.first_name, fresh.last_name, fresh.glr_judgment_on) == ("Sanne", "de Vries", date(2019, 6, 15))
    body = {"first_name": "Sanna", "last_name": "de Vries", "date_of_birth": None, "leerweg": "BB", "profiel": None,
            "vmbo_year_at_start": 3, "glr_judgment_on": "2019-06-15", "glr_judgment_note": "", "vo_school": "17XG",
            "mbo_institution": None}
    response = api_client.put(f"/api/v1/students/{student.pk}", body, content_type=JSON, **headers)
    assert response.status_code == 200, response.content
    assert response.json()["first_name"] == "Sanna"


def test_the_edit_form_and_patch_use_the_same_checks(student, client, api_client, headers):
    """R-05 (BB/KB only without a vmbo diploma) refuses KB from the form and from the API alike."""
    from apps.registry.models import Leerweg
    response = api_client.patch(f"/api/v1/students/{student.pk}", {"leerweg": "GL"}, content_type=JSON, **headers)
    api_rules = sorted((e["rule"], e["field"]) for e in response.json()["errors"])
    assert response.status_code == 422 and api_rules
    client.login(username="calvijn", password="pw-calvijn")
    data = {"first_name": "Sanne", "last_name": "de Vries", "leerweg": Leerweg.objects.get(code="GL").pk,
            "vmbo_year_at_start": 3, "glr_judgment_on": "2019-06-15", "vo_school": student.vo_school_id}
    response = client.post(f"/leerlingen/{student.pk}/bewerken/", data)
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {field for _rule, field in api_rules}
    assert Student.objects.get(pk=student.pk).leerweg.code == "BB"


# --- events -----------------------------------------------------------------------------------------

def test_event_input_is_checked_by_the_use_case(student, api_client, headers):
    url = f"/api/v1/students/{student.pk}/events"
    assert fields(post(api_client, headers, url, {"kind": "uitstroom", "date": "2020-03-01"})) == ["destination"]
    assert fields(post(api_client, headers, url, {"kind": "overgang", "date": "2020-03-01"})) == ["kind"]
    assert fields(post(api_client, headers, url, {"kind": "feest", "date": "3020-03-01"})) == ["date", "kind"]
    assert student.events.count() == 1


def test_the_event_form_reports_the_use_cases_problem(student, client):
    client.login(username="calvijn", password="pw-calvijn")
    response = client.post(f"/leerlingen/{student.pk}/gebeurtenis/", {"kind": "uitstroom", "date": "2020-03-01"},
                           follow=True)
    assert "Kies de bestemming" in response.content.decode()
    assert student.events.count() == 1


# --- exam parts and grades ---------------------------------------------------------------------------

PART = {"sector": "mbo", "kind": "keuzedeel", "name": "Ondernemerschap", "planned_route_year": 3}


@pytest.mark.parametrize("grade", [99, -1, 0.5, 10.1, "6.55"])
def test_grades_out_of_range_are_a_422(student, api_client, headers, grade):
    response = post(api_client, headers, f"/api/v1/students/{student.pk}/exam-parts",
                    {**PART, "result": "passed", "grade": grade})
    assert fields(response) == ["grade"]
    assert not student.exam_parts.filter(name="Ondernemerschap").exists()


@pytest.mark.parametrize("result,grade,field", [("passed", 4.0, "result"), ("failed", 7.5, "result"),
                                                ("passed", "O", "result"), ("failed", "G", "result"),
                                                ("open", 6.0, "result")])
def test_a_result_inconsistent_with_the_grade_is_a_422(student, api_client, headers, result, grade, field):
    response = post(api_client, headers, f"/api/v1/students/{student.pk}/exam-parts",
                    {**PART, "result": result, "grade": grade})
    assert fields(response) == [field]
    assert "5,5" in response.json()["errors"][0]["message"] or result == "failed" or result == "open"


def test_ovg_is_for_mbo_parts_only(student, api_client, headers):
    url = f"/api/v1/students/{student.pk}/exam-parts"
    response = post(api_client, headers, url, {**PART, "result": "passed", "grade": "V"})
    assert response.status_code == 201, response.content
    [part] = [p for p in response.json()["exam_parts"] if p["name"] == "Ondernemerschap"]
    assert (part["result"], part["grade"]) == ("passed", "V")
    vmbo = {"sector": "vmbo", "kind": "SE", "name": "Nederlands", "planned_route_year": 2, "result": "passed",
            "grade": "G"}
    assert fields(post(api_client, headers, url, vmbo)) == ["grade"]


def test_the_form_takes_a_dutch_decimal_comma_and_refuses_a_bad_grade(student, client):
    client.login(username="calvijn", password="pw-calvijn")
    url = f"/leerlingen/{student.pk}/examenonderdelen/"
    part = {"sector": "vmbo", "kind": "SE", "name": "Nederlands", "planned_route_year": 2, "result": "passed"}
    response = client.post(url, {**part, "grade": "99"}, follow=True)
    assert "tussen 1,0 en 10,0" in response.content.decode()
    response = client.post(url, {**part, "grade": "4,5"}, follow=True)
    assert "niet behaald" in response.content.decode()
    assert student.exam_parts.get(sector="vmbo", kind="SE", name="Nederlands").result == "open"
    client.post(url, {**part, "grade": "6,5"})
    saved = student.exam_parts.get(sector="vmbo", kind="SE", name="Nederlands")
    assert (saved.result, saved.grade) == ("passed", Decimal("6.5"))
    client.post(f"/leerlingen/{student.pk}/examenonderdelen/", {**PART, "result": "passed", "grade": "voldoende"})
    assert student.exam_parts.get(name="Ondernemerschap").assessment == "V"


def test_the_form_refuses_a_point_as_decimal_separator_at_the_field(student, client):
    """One parser for the product (domain.numbers): "6.5" is refused with the reason, at the grade field of
    the exam part's page, which keeps what was typed (a 422)."""
    client.login(username="calvijn", password="pw-calvijn")
    url = f"/leerlingen/{student.pk}/examenonderdelen/"
    part = {"sector": "vmbo", "kind": "SE", "name": "Nederlands", "planned_route_year": 2, "result": "passed"}
    response = client.post(url, {**part, "grade": "6.5"})
    assert response.status_code == 422
    [message] = response.context["form"].errors["grade"]
    assert message.startswith("Vul een cijfer in (bijvoorbeeld 6,5) of O, V of G. Gebruik een komma voor decimalen")
    assert 'value="6.5"' in response.content.decode()
    response = client.post(url, {**part, "grade": "6,55"})
    assert "hoogstens 1 decimaal" in response.context["form"].errors["grade"][0]
    assert student.exam_parts.get(sector="vmbo", kind="SE", name="Nederlands").grade is None


def test_patch_an_exam_part_changes_only_the_fields_given(student, api_client, headers):
    part = student.exam_parts.get(sector="mbo", kind="kerntaak", name="Kerntaak 1")
    url = f"/api/v1/students/{student.pk}/exam-parts/{part.pk}"
    response = api_client.patch(url, {"result": "passed", "grade": 7.2, "result_on": "2021-05-01"},
                                content_type=JSON, **headers)
    assert response.status_code == 200, response.content
    fresh = ExamPart.objects.get(pk=part.pk)
    assert (fresh.result, fresh.grade, fresh.result_on) == ("passed", Decimal("7.2"), date(2021, 5, 1))
    assert (fresh.name, fresh.planned_route_year, fresh.examiner_id) == (part.name, part.planned_route_year,
                                                                         part.examiner_id)
    # the grade alone may not make the recorded result inconsistent
    assert fields(api_client.patch(url, {"grade": 3.0}, content_type=JSON, **headers)) == ["result"]
    assert ExamPart.objects.get(pk=part.pk).grade == Decimal("7.2")


def test_put_an_exam_part_needs_every_field(student, api_client, headers):
    part = student.exam_parts.get(sector="mbo", kind="kerntaak", name="Kerntaak 1")
    url = f"/api/v1/students/{student.pk}/exam-parts/{part.pk}"
    response = api_client.put(url, {"result": "passed"}, content_type=JSON, **headers)
    assert fields(response) == sorted(["sector", "kind", "name", "planned_route_year", "actual_route_year",
                                       "examiner", "location", "integrated", "grade", "result_on"])
    assert ExamPart.objects.get(pk=part.pk).result == "open"
    body = {"sector": "mbo", "kind": "kerntaak", "name": "Kerntaak 1", "planned_route_year": 3,
            "actual_route_year": 3, "examiner": "25LX", "location": "", "integrated": False, "result": "failed",
            "grade": 5.0, "result_on": "2021-05-01"}
    assert api_client.put(url, body, content_type=JSON, **headers).status_code == 200
    assert ExamPart.objects.get(pk=part.pk).result == "failed"


def test_the_use_case_takes_the_typed_input_directly(student, users):
    with pytest.raises(services.RuleViolation) as refused:
        services.save_exam_part(users["calvijn"], student, ExamPartIn(**PART, result="passed", grade=Decimal(99)))
    assert [(f.field, f.rule) for f in refused.value.findings] == [("grade", "")]


# --- BPV --------------------------------------------------------------------------------------------

def test_bpv_over_the_api_and_its_checks(student, api_client, headers):
    url = f"/api/v1/students/{student.pk}/bpv"
    body = {"leerbedrijf": "Zorggroep Amstel", "recognised": True, "praktijkovereenkomst": True,
            "start": "2021-09-01", "end": "2021-06-01"}
    assert fields(post(api_client, headers, url, body)) == ["end"]
    response = post(api_client, headers, url, {**body, "end": "2022-01-31"})
    assert response.status_code == 201, response.content
    assert response.json()["bpv"][0]["leerbedrijf"] == "Zorggroep Amstel"
    assert fields(post(api_client, headers, url, {**body, "leerbedrijf": "x" * 161})) == ["leerbedrijf"]


def test_what_the_schema_refuses_from_a_form_is_shown_not_a_500(student, client):
    client.login(username="calvijn", password="pw-calvijn")
    response = client.post(f"/leerlingen/{student.pk}/gebeurtenis/",
                           {"kind": "certificaat", "date": "3020-03-01", "detail": "Entree"}, follow=True)
    assert response.status_code == 200 and "Datum: Dit is te groot of te laat: hoogstens 2100-12-31." in [
        str(m) for m in response.context["messages"]]
    response = client.post(f"/leerlingen/{student.pk}/examenonderdelen/",
                           {**PART, "result": "passed", "grade": "NaN"})
    assert response.status_code == 422 and "Vul een cijfer in" in response.context["form"].errors["grade"][0]
    assert student.events.count() == 1 and not student.exam_parts.filter(name="Ondernemerschap").exists()
