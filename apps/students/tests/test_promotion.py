"""Cohort promotion (issue 10, point 4): one student's problem never holds up the cohort. A blocked
student is named with the reason and can be set aside while the rest go over; a student in their last
route year (by their own vmbo leerjaar) gets a diploma, an uitloopjaar or uitstroom instead of a route
year that does not exist; one choice can name many students; a submit is saved all or nothing and
audited. Through the use case, the page and the API."""
from datetime import date

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from apps.registry.models import Leerweg
from apps.students import services
from apps.students.models import Enrolment, Event, Student
from apps.students.schemas import PromotionIn


def promote(user, route, choices=(), apply=False):
    return services.promote_cohort(user, route, 2019, PromotionIn(choices=list(choices), apply=apply))


def block(student):
    """Make the overgang break a rule that guards enrolment: a KB student in a route without the vmbo
    diploma (R-05), as an import or a correction might have left them."""
    Student.objects.filter(pk=student.pk).update(leerweg=Leerweg.objects.get(code="KB"))


@pytest.fixture
def trio(enrol):
    return enrol("Anna", "Bakker"), enrol("Bram", "Jansen"), enrol("Chris", "Visser")


def pass_mbo(student):
    """Every mbo part of the student's plan passed: ready for the mbo diploma."""
    student.exam_parts.filter(sector="mbo").update(result="passed", result_on=date(2022, 6, 1))


def to_last_year(user, route):
    """Two promotions: cohort 2019 in route year 3, the last year of the three-year test route."""
    for _ in range(2):
        promote(user, route, apply=True)


# --- the use case ----------------------------------------------------------------------------------

def test_the_preview_names_what_blocks_one_student_and_the_others_are_not_blocked(trio, glr_route, users):
    anna, bram, chris = trio
    block(bram)
    rows = {r.student.pk: r for r in promote(users["calvijn"], glr_route).rows}
    assert rows[bram.pk].blocked and rows[bram.pk].problems[0].startswith("R-05: ")
    assert not rows[anna.pk].problems and not rows[chris.pk].problems
    assert rows[anna.pk].next_route_year == 2
    assert not Event.objects.filter(kind="overgang").exists()       # the preview saved nothing


def test_a_blocked_student_refuses_the_whole_submit_naming_them(trio, glr_route, users):
    anna, bram, _chris = trio
    block(bram)
    with pytest.raises(services.PromotionBlocked) as refused:
        promote(users["calvijn"], glr_route, apply=True)
    [finding] = refused.value.findings
    assert finding.field == f"students[{bram.pk}]" and finding.message.startswith("Bram Jansen: R-05")
    assert not Event.objects.filter(kind="overgang").exists() and not Enrolment.objects.filter(school_year=2020)
    anna.refresh_from_db()
    assert anna.route_year == 1


def test_a_student_set_aside_stays_and_the_rest_go_over_audited(trio, glr_route, users):
    anna, bram, chris = trio
    block(bram)
    promotion = promote(users["calvijn"], glr_route, [{"students": [bram.pk], "action": "apart"}], apply=True)
    assert promotion.applied and [r.student.pk for r in promotion.set_aside] == [bram.pk]
    assert promotion.set_aside[0].reason.startswith("R-05: ")       # why they stay
    assert [s.route_year for s in Student.objects.order_by("last_name")] == [2, 1, 2]
    assert list(Student.objects.get(pk=bram.pk).events.values_list("kind", flat=True)) == ["instroom"]
    assert not Enrolment.objects.filter(student=bram, school_year=2020).exists()
    entry = LogEntry.objects.get(object_repr="cohort 2019 doorgezet")
    assert entry.actor == users["calvijn"] and entry.object_id == glr_route.pk
    data = entry.additional_data["promotion"]
    assert sorted(data["steps"]) == sorted([[anna.pk, "overgang"], [bram.pk, "apart"], [chris.pk, "overgang"]])
    assert data["set_aside"][0][0] == bram.pk and "R-05" in data["set_aside"][0][1]
    assert "Jansen" not in str(entry.additional_data)                 # ids only, no names


def test_one_choice_names_a_selection_of_students(trio, glr_route, users):
    anna, bram, chris = trio
    promote(users["calvijn"], glr_route, [{"students": [anna.pk, chris.pk], "action": "doublure"}], apply=True)
    assert [s.route_year for s in Student.objects.order_by("last_name")] == [1, 2, 1]
    assert Event.objects.filter(kind="doublure").count() == 2


def test_a_student_named_twice_or_outside_the_cohort_is_refused(trio, glr_route, users, enrol):
    anna, _bram, _chris = trio
    other = enrol("Dirk", "Mol", cohort=2020)
    with pytest.raises(services.RuleViolation) as refused:
        promote(users["calvijn"], glr_route, [{"students": [anna.pk], "action": "doublure"},
                                              {"students": [anna.pk, other.pk], "action": "overgang"}], apply=True)
    outside = f"Leerling {other.pk} hoort niet bij de actieve leerlingen van dit cohort die u mag doorzetten."
    assert [(f.field, f.message.split(":")[0]) for f in refused.value.findings] == [
        ("choices[1].students", "Anna Bakker"), ("choices[1].students", outside)]
    assert not Event.objects.filter(kind__in=("overgang", "doublure")).exists()


def test_the_last_route_year_offers_diploma_uitloopjaar_or_uitstroom(trio, glr_route, users):
    anna, bram, chris = trio
    to_last_year(users["calvijn"], glr_route)
    rows = promote(users["calvijn"], glr_route).rows
    # nobody goes over into route year 4, which the route does not have: set aside until chosen
    assert {(r.action, r.last_route_year, r.choices) for r in rows} == {
        ("apart", 3, ("diploma", "uitloopjaar", "uitstroom", "apart"))}
    assert "laatste routejaar" in rows[0].reason
    with pytest.raises(services.RuleViolation) as refused:
        promote(users["calvijn"], glr_route, [{"students": [anna.pk], "action": "overgang"}])
    [finding] = refused.value.findings
    assert finding.field == "choices[0].students"
    assert finding.message.startswith("Anna Bakker: routejaar 3 is het laatste routejaar")
    pass_mbo(chris)
    promotion = promote(users["calvijn"], glr_route, [
        {"students": [anna.pk], "action": "uitloopjaar"},
        {"students": [bram.pk], "action": "uitstroom", "destination": "werk"},
        {"students": [chris.pk], "action": "diploma", "date": "2022-07-01"}], apply=True)
    assert promotion.applied and not promotion.set_aside
    anna, bram, chris = (Student.objects.get(pk=s.pk) for s in trio)
    assert (anna.route_year, anna.status) == (3, "actief")
    uitloop = anna.events.get(kind="doublure")
    assert (uitloop.school_year, uitloop.route_year, uitloop.detail) == (2022, 3, "uitloopjaar")
    assert anna.enrolments.filter(school_year=2022, funded=True).exists()
    assert (bram.status, bram.destination, bram.left_on) == ("uitgestroomd", "werk", date(2022, 7, 31))
    assert (chris.status, chris.mbo_diploma_on) == ("gediplomeerd", date(2022, 7, 1))


def test_a_diploma_with_parts_open_blocks_that_student_only(trio, glr_route, users):
    anna, bram, _chris = trio
    to_last_year(users["calvijn"], glr_route)
    pass_mbo(anna)
    rows = {r.student.pk: r for r in promote(users["calvijn"], glr_route, [
        {"students": [anna.pk, bram.pk], "action": "diploma"}]).rows}
    assert not rows[anna.pk].problems
    assert rows[bram.pk].blocked and "Het mbo-diploma vraagt" in rows[bram.pk].problems[0]


def test_the_last_route_year_follows_the_students_vmbo_leerjaar(enrol, glr_route, users):
    """The route starts in vmbo 3 and has three route years (vmbo 3, vmbo 4, mbo 1); a student who
    started in vmbo 4 has reached mbo 1 in their route year 2."""
    early = enrol("Anna", "Bakker")
    late = enrol("Bram", "Jansen", vmbo_year_at_start=4)
    promote(users["calvijn"], glr_route, apply=True)
    rows = {r.student.pk: r for r in promote(users["calvijn"], glr_route).rows}
    assert (rows[early.pk].action, rows[early.pk].next_route_year, rows[early.pk].last_route_year) == ("overgang", 3, 3)
    assert (rows[late.pk].action, rows[late.pk].last_route_year) == ("apart", 2)
    assert "diploma" in rows[late.pk].choices and "overgang" not in rows[late.pk].choices


# --- the page --------------------------------------------------------------------------------------

def test_the_page_sets_a_blocked_student_aside_and_promotes_the_rest(trio, glr_route, client):
    anna, bram, chris = trio
    block(bram)
    client.login(username="calvijn", password="pw-calvijn")
    url = reverse("students:promote", args=[glr_route.pk, 2019])
    response = client.post(url, {"step": "preview"})
    page = response.content.decode()
    assert response.status_code == 200
    assert f'<tr data-student="{bram.pk}" data-set-aside="1">' in page and "R-05" in page
    assert "overgang kan niet: R-05" in page            # why the chosen step failed, not a generic reason
    assert 'value="apart" selected' in page and "Doorvoeren (2 leerlingen)" in page
    form = {f"action_{s.pk}": choice for s, choice in ((anna, "overgang"), (bram, "apart"), (chris, "overgang"))}
    response = client.post(url, {**form, "step": "apply"}, follow=True)
    page = response.content.decode()
    assert "Cohort 2019 is doorgezet: 2 leerling(en)." in page
    assert "Blijft staan: Bram Jansen (R-05" in page
    assert [s.route_year for s in Student.objects.order_by("last_name")] == [2, 1, 2]


def test_the_page_refuses_a_bad_choice_naming_the_student(trio, glr_route, users, client):
    anna, _bram, _chris = trio
    to_last_year(users["calvijn"], glr_route)
    client.login(username="calvijn", password="pw-calvijn")
    url = reverse("students:promote", args=[glr_route.pk, 2019])
    response = client.post(url, {f"action_{anna.pk}": "overgang", "step": "apply"})
    assert response.status_code == 422
    assert "Anna Bakker: routejaar 3 is het laatste routejaar" in response.content.decode()
    response = client.post(url, {f"action_{anna.pk}": "vliegen", "step": "preview"})
    assert response.status_code == 422 and "Anna Bakker: onbekende stap vliegen" in response.content.decode()
    assert Student.objects.get(pk=anna.pk).route_year == 3


def test_the_page_applies_one_choice_to_the_selected_students(trio, glr_route, client):
    anna, bram, chris = trio
    client.login(username="calvijn", password="pw-calvijn")
    url = reverse("students:promote", args=[glr_route.pk, 2019])
    response = client.post(url, {"selected": [anna.pk, chris.pk], "bulk_action": "uitstroom",
                                 "bulk_destination": "werk", "step": "bulk"})
    rows = {r.student.pk: r for r in response.context["promotion"].rows}
    assert {pk: (r.action, r.destination) for pk, r in rows.items()} == {
        anna.pk: ("uitstroom", "werk"), bram.pk: ("overgang", ""), chris.pk: ("uitstroom", "werk")}
    assert not Student.objects.filter(status="uitgestroomd").exists()   # a preview
    response = client.post(url, {"step": "bulk", "bulk_action": "doublure"})
    assert "Vink eerst de leerlingen aan" in response.content.decode()


def test_the_promotion_page_and_the_preview_on_a_get(trio, glr_route, client):
    client.login(username="calvijn", password="pw-calvijn")
    page = client.get(reverse("students:promote", args=[glr_route.pk, 2019])).content.decode()
    assert "Bakker, Anna" in page and "De route heeft 3 routejaren." in page and "Doorvoeren" not in page


# --- the API ---------------------------------------------------------------------------------------

def test_the_api_previews_refuses_a_blocked_student_and_applies_with_them_set_aside(trio, glr_route, api_client):
    anna, bram, chris = trio
    block(bram)
    headers = api_client.token_for("calvijn")
    url = f"/api/v1/routes/{glr_route.pk}/cohorts/2019/promote"

    def post(body):
        return api_client.post(url, body, content_type="application/json", **headers)

    rows = {r["student"]: r for r in post({}).json()}
    assert rows[bram.pk]["problems"][0].startswith("R-05") and rows[anna.pk]["next_route_year"] == 2
    response = post({"apply": True})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == f"students[{bram.pk}]"
    assert response.json()["errors"][0]["message"].startswith("Bram Jansen: R-05")
    assert Student.objects.get(pk=anna.pk).route_year == 1
    response = post({"apply": True, "choices": [{"students": [bram.pk], "action": "apart"}]})
    assert response.status_code == 200, response.content
    rows = {r["student"]: r for r in response.json()}
    assert rows[bram.pk]["action"] == "apart" and rows[bram.pk]["reason"].startswith("R-05")
    assert [s.route_year for s in Student.objects.order_by("last_name")] == [2, 1, 2]


def test_the_api_refuses_a_bad_choice_naming_the_student(trio, glr_route, api_client, users):
    anna, _bram, _chris = trio
    to_last_year(users["calvijn"], glr_route)
    headers = api_client.token_for("calvijn")
    url = f"/api/v1/routes/{glr_route.pk}/cohorts/2019/promote"
    for choice, text in (({"action": "overgang"}, "laatste routejaar"),
                         ({"action": "uitstroom"}, "kies de bestemming")):
        response = api_client.post(url, {"apply": True, "choices": [{"students": [anna.pk], **choice}]},
                                   content_type="application/json", **headers)
        assert response.status_code == 422
        [error] = response.json()["errors"]
        assert error["field"] == "choices[0].students" and error["message"].startswith("Anna Bakker: ")
        assert text in error["message"]
    response = api_client.post(url, {"choices": [{"students": [anna.pk], "action": "vliegen"}]},
                               content_type="application/json", **headers)
    assert response.status_code == 422 and "action" in str(response.json())


# --- the day of a diploma or uitstroom ----------------------------------------------------------------

def test_the_diploma_defaults_to_the_end_of_the_school_year_and_uitstroom_to_today(trio, glr_route, users,
                                                                                   monkeypatch):
    anna, bram, chris = trio
    to_last_year(users["calvijn"], glr_route)              # school year 2021-2022, route year 3
    monkeypatch.setattr(services, "today", lambda: date(2022, 6, 20))
    pass_mbo(chris)
    rows = {r.student.pk: r for r in promote(users["calvijn"], glr_route, [
        {"students": [bram.pk], "action": "uitstroom", "destination": "werk"},
        {"students": [chris.pk], "action": "diploma"}], apply=True).rows}
    assert rows[bram.pk].on == date(2022, 6, 20) and rows[chris.pk].on == date(2022, 7, 31)
    assert Student.objects.get(pk=bram.pk).left_on == date(2022, 6, 20)
    assert Student.objects.get(pk=chris.pk).mbo_diploma_on == date(2022, 7, 31)


def test_a_day_after_the_school_year_or_before_the_cohort_is_refused_naming_the_student(trio, glr_route, users):
    anna, bram, _chris = trio
    to_last_year(users["calvijn"], glr_route)
    with pytest.raises(services.RuleViolation) as refused:
        promote(users["calvijn"], glr_route, [
            {"students": [anna.pk], "action": "diploma", "date": "2022-08-01"},
            {"students": [bram.pk], "action": "uitstroom", "destination": "werk", "date": "2019-07-31"}], apply=True)
    assert [(f.field, f.message) for f in refused.value.findings] == [
        ("choices[0].date", "Anna Bakker: de datum 1 augustus 2022 ligt na het eind van schooljaar 2021-2022 "
                            "(31 juli 2022)."),
        ("choices[1].date", "Bram Jansen: de datum 31 juli 2019 ligt voor de start van cohort 2019-2020 "
                            "(1 augustus 2019).")]
    assert not Student.objects.exclude(status="actief").exists()


def test_the_page_asks_the_day_keeps_it_on_an_error_and_records_it(trio, glr_route, users, client):
    anna, bram, chris = trio
    to_last_year(users["calvijn"], glr_route)
    pass_mbo(chris)
    client.login(username="calvijn", password="pw-calvijn")
    url = reverse("students:promote", args=[glr_route.pk, 2019])
    page = client.get(url).content.decode()
    assert f'name="date_{chris.pk}" value="2022-07-31"' in page          # the end of the school year
    form = {f"action_{anna.pk}": "uitloopjaar", f"action_{bram.pk}": "uitstroom",
            f"destination_{bram.pk}": "werk", f"action_{chris.pk}": "diploma"}
    response = client.post(url, {**form, f"date_{chris.pk}": "2022-09-01", f"date_{bram.pk}": "2022-05-02",
                                 "step": "apply"})
    page = response.content.decode()
    assert response.status_code == 422
    assert "Chris Visser: de datum 1 september 2022 ligt na het eind van schooljaar 2021-2022" in page
    assert f'name="date_{chris.pk}" value="2022-09-01"' in page and f'name="date_{bram.pk}" value="2022-05-02"' in page
    response = client.post(url, {**form, f"date_{chris.pk}": "31-02-2022", "step": "preview"})
    assert response.status_code == 422 and "Chris Visser: 31-02-2022 is geen datum" in response.content.decode()
    assert f'name="date_{chris.pk}" value="31-02-2022"' in response.content.decode()
    response = client.post(url, {**form, f"date_{chris.pk}": "01-07-2022", f"date_{bram.pk}": "2022-05-02",
                                 "step": "preview"})
    assert "mbo-diploma op 01-07-2022" in response.content.decode()
    assert "verlaat de route op 02-05-2022" in response.content.decode()
    client.post(url, {**form, f"date_{chris.pk}": "01-07-2022", f"date_{bram.pk}": "2022-05-02", "step": "apply"})
    assert Student.objects.get(pk=chris.pk).mbo_diploma_on == date(2022, 7, 1)
    assert Student.objects.get(pk=bram.pk).left_on == date(2022, 5, 2)


def test_the_api_takes_the_day_and_refuses_one_outside_the_school_year(trio, glr_route, api_client, users):
    anna, bram, _chris = trio
    to_last_year(users["calvijn"], glr_route)
    headers = api_client.token_for("calvijn")
    url = f"/api/v1/routes/{glr_route.pk}/cohorts/2019/promote"
    choice = {"students": [bram.pk], "action": "uitstroom", "destination": "werk"}
    response = api_client.post(url, {"choices": [{**choice, "date": "2023-01-01"}]},
                               content_type="application/json", **headers)
    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert error["field"] == "choices[0].date" and error["message"].startswith("Bram Jansen: de datum 1 januari 2023")
    response = api_client.post(url, {"choices": [{**choice, "date": "2022-03-01"}]},
                               content_type="application/json", **headers)
    rows = {r["student"]: r for r in response.json()}
    assert rows[bram.pk]["date"] == "2022-03-01"
