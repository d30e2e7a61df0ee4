"""The student path as practices live it, through the real services and the API: zij-instroom,
terugkeer after uitstroom, tussentijds certificaat, corrections that re-derive what follows, the
route's enrolment pattern, phase and R-04 deadline by vmbo leerjaar, an uitstroomrichting that may
stay open."""
from datetime import date

import pytest
from django.urls import reverse

from apps.registry.models import Kwalificatie, Leerweg
from apps.students import services
from apps.students.models import Enrolment, Student
from apps.students.schemas import EventChange, EventIn, PromotionIn


def years(student):
    return [(e.school_year, e.route_year, e.institution.brin, e.funded)
            for e in student.enrolments.order_by("school_year", "start", "-funded")]


@pytest.fixture
def calvijn_pattern(glr_route):
    """The Calvijn enrolment pattern: vmbo 4 also unfunded at the mbo, year 5 also unfunded at the vo-school."""
    glr_route.years.create(route_year=2, vmbo_year=4, unfunded_at="mbo")
    glr_route.years.create(route_year=3, unfunded_at="vo")
    return glr_route


@pytest.fixture
def dlr(glr_route):
    glr_route.type, glr_route.vmbo_diploma = "doorlopend", True
    glr_route.save()
    return glr_route


def test_zij_instroom_joins_the_cohort_of_the_group_it_enters(enrol, glr_route):
    student = enrol(cohort=2019, entry_route_year=2)
    assert (student.zij_instroom, student.entry_route_year, student.route_year, student.cohort) == (True, 2, 2, 2019)
    [event] = student.events.all()
    assert (event.kind, event.school_year, event.route_year) == ("zij_instroom", 2020, 2)
    assert years(student) == [(2020, 2, "17XG", True)]


def test_enrolment_creates_exactly_the_route_pattern_through_promotion(enrol, calvijn_pattern, users):
    student = enrol()
    for _ in range(2):
        services.promote_cohort(users["calvijn"], calvijn_pattern, 2019, PromotionIn(apply=True))
    assert years(student) == [(2019, 1, "17XG", True), (2020, 2, "17XG", True), (2020, 2, "25LX", False),
                              (2021, 3, "25LX", True), (2021, 3, "17XG", False)]
    for year in (2019, 2020, 2021):
        [(_s, result)] = services.teldatum_check(calvijn_pattern, date(year, 10, 1))
        assert result.violations == (), result.messages


def test_the_teldatum_check_names_a_missing_and_a_superfluous_enrolment(enrol, calvijn_pattern, users, registry):
    student = enrol()
    services.promote_cohort(users["calvijn"], calvijn_pattern, 2019, PromotionIn(apply=True))
    student.enrolments.filter(school_year=2020, funded=False).delete()
    [(_s, result)] = services.teldatum_check(calvijn_pattern, date(2020, 10, 1))
    assert result.violations == ("R-10",)
    assert "ontbreekt de onbekostigde inschrijving bij het mbo (25LX)" in result.messages[0]
    assert "vmbo-leerjaar 4, routejaar 2, vo-fase" in result.messages[0]
    Enrolment.objects.create(student=student, institution=registry["rocva"], school_year=2019, route_year=1,
                             start=date(2019, 8, 1), funded=False, phase="vo")
    [(_s, result)] = services.teldatum_check(calvijn_pattern, date(2019, 10, 1))
    assert "ook onbekostigd ingeschreven bij het mbo" in result.messages[0]


def test_terugkeer_after_uitstroom_puts_the_student_back(enrol, glr_route, users):
    student = enrol()
    services.promote_cohort(users["calvijn"], glr_route, 2019, PromotionIn(apply=True))
    student, _ = services.record_event(users["calvijn"], student,
                                       EventIn(kind="uitstroom", date=date(2021, 3, 1), destination="regulier_vmbo"))
    assert (student.status, student.left_route_year, student.destination) == ("uitgestroomd", 2, "regulier_vmbo")
    assert student.enrolments.get(school_year=2020).end == date(2021, 3, 1)
    with pytest.raises(services.RuleViolation, match="Leg eerst de terugkeer vast"):
        services.record_event(users["calvijn"], student,
                              EventIn(kind="certificaat", date=date(2021, 5, 1), detail="Entree"))
    student, _ = services.record_event(users["calvijn"], student, EventIn(kind="terugkeer", date=date(2021, 8, 16)))
    assert (student.status, student.left_on, student.destination, student.route_year) == ("actief", None, "", 2)
    assert years(student)[-1] == (2021, 2, "17XG", True)
    assert student.enrolments.get(school_year=2021).start == date(2021, 8, 16)


def test_an_uitstroom_a_terugkeer_follows_cannot_be_removed_but_the_terugkeer_can(enrol, glr_route, users):
    student = enrol()
    student, _ = services.record_event(users["calvijn"], student,
                                       EventIn(kind="uitstroom", date=date(2020, 3, 1), destination="werk"))
    student, _ = services.record_event(users["calvijn"], student,
                                       EventIn(kind="terugkeer", date=date(2020, 8, 20), route_year=1))
    uitstroom = student.events.get(kind="uitstroom")
    with pytest.raises(services.RuleViolation, match="terugkeer op 20 augustus 2020 kan niet"):
        services.remove_event(users["calvijn"], uitstroom)
    services.remove_event(users["calvijn"], student.events.get(kind="terugkeer"))
    student.refresh_from_db()
    assert (student.status, student.left_on) == ("uitgestroomd", date(2020, 3, 1))
    assert not student.enrolments.filter(school_year=2020).exists()


def test_correcting_an_earlier_event_re_derives_what_follows(enrol, glr_route, users):
    student = enrol()
    student, _ = services.record_event(users["calvijn"], student,
                                       EventIn(kind="uitstroom", date=date(2020, 3, 1), destination="werk"))
    uitstroom = student.events.get(kind="uitstroom")
    student, _ = services.change_event(users["calvijn"], uitstroom,
                                       EventChange(date=date(2020, 5, 15), destination="havo"))
    assert (student.left_on, student.destination) == (date(2020, 5, 15), "havo")
    assert student.enrolments.get(school_year=2019).end == date(2020, 5, 15)
    # moving the instroom after the uitstroom breaks the path: refused, nothing changed
    instroom = student.events.get(kind="instroom")
    with pytest.raises(services.RuleViolation):
        services.change_event(users["calvijn"], instroom, EventChange(date=date(2020, 6, 1)))
    assert student.events.get(kind="instroom").date == date(2019, 8, 1)


def test_a_certificate_is_neither_the_end_nor_uitval(enrol, glr_route, users):
    student = enrol()
    student, _ = services.record_event(users["calvijn"], student,
                                       EventIn(kind="certificaat", date=date(2020, 6, 1), detail="Entree-certificaat"))
    assert (student.status, student.left_on, student.mbo_diploma_on) == ("actief", None, None)
    assert student.events.filter(kind="certificaat").exists()


def test_a_route_starting_in_vmbo_4_is_in_the_mbo_fase_from_route_year_2(enrol, dlr, users):
    dlr.start_vmbo_year = 4
    dlr.save()
    student = enrol(vmbo_year_at_start=4, leerweg="BB", judgment=None)
    student.exam_parts.create(sector="vmbo", kind="CSPE", name="Profielvak", planned_route_year=2)
    services.promote_cohort(users["calvijn"], dlr, 2019, PromotionIn(apply=True))
    # year 2 is the first mbo-fase year: funded at the mbo, and unfunded at the vo-school
    assert years(student)[1:] == [(2020, 2, "25LX", True), (2020, 2, "17XG", False)]
    assert services.vmbo_deadline(student) == date(2021, 7, 31)


def test_a_doublure_in_the_vo_fase_moves_the_r04_deadline(enrol, dlr, users):
    student = enrol(judgment=None)
    assert services.vmbo_deadline(student) == date(2022, 7, 31)
    services.promote_cohort(users["calvijn"], dlr, 2019, PromotionIn(apply=True))
    services.promote_cohort(users["calvijn"], dlr, 2019, PromotionIn(
        choices=[{"students": [student.pk], "action": "doublure"}], apply=True))
    student.refresh_from_db()
    assert (student.route_year, services.vmbo_deadline(student)) == (2, date(2023, 7, 31))


def test_the_uitstroomrichting_may_stay_open_until_the_route_says(glr_route, registry, users):
    from apps.students.forms import StudentForm
    data = {"first_name": "Jan", "last_name": "Smit", "leerweg": Leerweg.objects.get(code="BB").pk,
            "vmbo_year_at_start": 3, "cohort": 2019, "glr_judgment_on": "2019-06-15"}
    assert "kwalificatie" in StudentForm(data, route=glr_route).errors
    glr_route.choice_route_year, glr_route.choice_month = 3, 1
    glr_route.save()
    assert StudentForm(data, route=glr_route).is_valid()
    student = services.enrol(Student(route=glr_route, first_name="Jan", last_name="Smit", cohort=2019,
                                     leerweg=Leerweg.objects.get(code="BB"), glr_judgment_on=date(2019, 6, 15)),
                             {registry["calvijn"]: "C7000"}, users["calvijn"])[0]
    # route year 3 of cohort 2019 is 2021-2022: January of that school year is January 2022
    assert services.choice_deadline(student) == date(2022, 1, 31)


def test_zij_instroom_and_corrections_through_the_api(glr_route, api_client, registry):
    headers = api_client.token_for("calvijn")
    body = {"first_name": "Noor", "last_name": "Bakker", "leerweg": "BB", "cohort": 2019, "entry_route_year": 2,
            "origin": "havo", "kwalificatie": "25498", "glr_judgment_on": "2020-06-15",
            "numbers": {"17XG": "C5000"}}
    response = api_client.post(f"/api/v1/routes/{glr_route.pk}/students", body, content_type="application/json",
                               **headers)
    assert response.status_code == 201, response.content
    data = response.json()
    assert (data["zij_instroom"], data["entry_route_year"], data["route_year"]) == (True, 2, 2)
    assert data["events"][0]["origin"] == "havo"
    # without an origin a zij-instromer is refused, naming the field
    response = api_client.post(f"/api/v1/routes/{glr_route.pk}/students", {**body, "origin": "",
                               "numbers": {"17XG": "C5001"}}, content_type="application/json", **headers)
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "origin"
    student_id = data["id"]
    response = api_client.post(f"/api/v1/students/{student_id}/events", {"kind": "uitstroom", "date": "2021-02-01",
                               "destination": "werk"}, content_type="application/json", **headers)
    assert response.status_code == 201
    event_id = [e for e in response.json()["events"] if e["kind"] == "uitstroom"][0]["id"]
    response = api_client.patch(f"/api/v1/students/{student_id}/events/{event_id}", {"date": "2021-04-01"},
                                content_type="application/json", **headers)
    assert response.status_code == 200 and Student.objects.get(pk=student_id).left_on == date(2021, 4, 1)
    instroom_id = [e for e in response.json()["events"] if e["kind"] == "zij_instroom"][0]["id"]
    response = api_client.delete(f"/api/v1/students/{student_id}/events/{instroom_id}", **headers)
    assert response.status_code == 422 and "instroom" in response.json()["errors"][0]["message"]


def test_correct_and_remove_events_through_the_student_page(client, enrol, glr_route, users):
    client.login(username="calvijn", password="pw-calvijn")
    student = enrol()
    services.record_event(users["calvijn"], student,
                          EventIn(kind="uitstroom", date=date(2020, 3, 1), destination="werk"))
    event = student.events.get(kind="uitstroom")
    response = client.post(reverse("students:event_change", args=[student.pk, event.pk]),
                           {"date": "2020-04-01", "route_year": 1, "destination": "havo", "detail": ""}, follow=True)
    assert "Gebeurtenis gecorrigeerd" in response.content.decode()
    student.refresh_from_db()
    assert (student.left_on, student.destination) == (date(2020, 4, 1), "havo")
    response = client.post(reverse("students:event_remove", args=[student.pk, event.pk]), follow=True)
    student.refresh_from_db()
    assert student.status == "actief" and "Gebeurtenis verwijderd" in response.content.decode()


def test_the_teldatum_page_shows_the_route_pattern_and_what_is_missing(client, enrol, calvijn_pattern, users):
    student = enrol()
    services.promote_cohort(users["calvijn"], calvijn_pattern, 2019, PromotionIn(apply=True))
    client.login(username="calvijn", password="pw-calvijn")
    url = reverse("students:teldatum", args=[calvijn_pattern.pk]) + "?date=2020-10-01"
    page = client.get(url).content.decode()
    assert "17XG (bekostigd), 25LX (onbekostigd)" in page and "in orde" in page
    student.enrolments.filter(school_year=2020, funded=False).delete()
    page = client.get(url).content.decode()
    assert "ontbreekt de onbekostigde inschrijving bij het mbo (25LX)" in page


def test_the_teldatum_check_lists_a_student_not_yet_moved_into_the_school_year(enrol, glr_route):
    student = enrol()
    zij = enrol("Noor", "Bakker", entry_route_year=2)            # enters 2020-2021
    on_2019 = {s.pk: r for s, r in services.teldatum_check(glr_route, date(2019, 10, 1))}
    assert set(on_2019) == {student.pk}                            # the zij-instromer had not entered yet
    on_2020 = {s.pk: r for s, r in services.teldatum_check(glr_route, date(2020, 10, 1))}
    assert on_2020[student.pk].violations == ("R-10",) and "geen inschrijving" in on_2020[student.pk].messages[0]
    assert on_2020[zij.pk].violations == ()


def test_event_corrections_are_validated_and_applied_only_where_they_belong(enrol, glr_route, api_client, users):
    headers = api_client.token_for("calvijn")
    student = enrol()
    services.promote_cohort(users["calvijn"], glr_route, 2019, PromotionIn(apply=True))
    overgang = student.events.get(kind="overgang")
    url = f"/api/v1/students/{student.pk}/events/{overgang.pk}"
    for bad in (5000, 0):
        response = api_client.patch(url, {"route_year": bad}, content_type="application/json", **headers)
        assert response.status_code == 422 and response.json()["errors"][0]["field"] == "route_year"
    response = api_client.patch(url, {"route_year": 7, "destination": "werk", "detail": "na overleg"},
                                content_type="application/json", **headers)
    assert response.status_code == 200
    overgang.refresh_from_db()
    assert (overgang.route_year, overgang.destination, overgang.detail) == (2, "", "na overleg")


def test_a_terugkeer_through_the_api_enters_the_route_year_given(enrol, glr_route, api_client, users):
    headers = api_client.token_for("calvijn")
    student = enrol()
    services.record_event(users["calvijn"], student,
                          EventIn(kind="uitstroom", date=date(2020, 3, 1), destination="werk"))
    response = api_client.post(f"/api/v1/students/{student.pk}/events", {"kind": "terugkeer", "date": "2020-08-20",
                               "route_year": 2}, content_type="application/json", **headers)
    assert response.status_code == 201, response.content
    assert response.json()["route_year"] == 2


def test_promotion_reports_a_leaver_whose_path_does_not_allow_it_instead_of_failing(enrol, glr_route, users):
    student = enrol()
    services.record_event(users["calvijn"], student,
                          EventIn(kind="certificaat", date=date(2020, 8, 10), detail="Entree"))
    leave = [{"students": [student.pk], "action": "uitstroom", "destination": "werk"}]
    rows = services.promote_cohort(users["calvijn"], glr_route, 2019, PromotionIn(choices=leave)).rows
    assert rows[0].problems and "uit de route gegaan" in rows[0].problems[0]
    with pytest.raises(services.PromotionBlocked) as refused:
        services.promote_cohort(users["calvijn"], glr_route, 2019, PromotionIn(choices=leave, apply=True))
    assert refused.value.findings[0].field == f"students[{student.pk}]"
    assert refused.value.findings[0].message.startswith("Sanne de Vries: ")
    student.refresh_from_db()
    assert student.status == "actief"


def test_correcting_the_own_vo_school_moves_the_enrolments(enrol, glr_route, registry, users):
    from apps.registry.models import Institution
    from apps.routes.models import RoutePartner
    from apps.students.forms import StudentEditForm
    other = Institution.objects.create(brin="19ZZ", name="Tweede vo-school", sector="vo", kind="vo-school",
                                       bestuur=registry["boards"]["zaam"])
    RoutePartner.objects.create(route=glr_route, institution=other, role="vo")
    student = enrol()
    data = {name: getattr(student, name) for name in ("first_name", "last_name", "vmbo_year_at_start",
                                                       "glr_judgment_on", "glr_judgment_note")}
    data.update(leerweg=student.leerweg_id, vo_school=other.pk)
    form = StudentEditForm(data, instance=Student.objects.get(pk=student.pk), user=users["rocva"])
    assert form.is_valid(), form.errors
    services.update_student(users["rocva"], student, form.as_input())
    assert set(student.enrolments.values_list("institution__brin", flat=True)) == {"19ZZ"}


def test_a_shared_exam_template_is_kept_by_whoever_may_change_every_route_offering_it(glr_route, users, registry):
    from apps.routes.models import Route, RoutePartner
    helpende = registry["k"]["helpende"]
    assert Kwalificatie.objects.templates_editable_by(users["calvijn"]).filter(pk=helpende.pk).exists()
    other = Route.objects.create(name="Andere route", type="geintegreerd", region=registry["ach"])
    RoutePartner.objects.create(route=other, institution=registry["vo_ach"], role="vo")
    other.uitstroomrichtingen.create(kwalificatie=helpende)
    assert not Kwalificatie.objects.templates_editable_by(users["calvijn"]).filter(pk=helpende.pk).exists()


def test_an_unknown_code_in_a_new_student_is_a_422_naming_the_field(glr_route, api_client):
    headers = api_client.token_for("calvijn")
    body = {"first_name": "Jan", "last_name": "Smit", "leerweg": "BB", "cohort": 2019, "kwalificatie": "99999",
            "glr_judgment_on": "2019-06-15"}
    response = api_client.post(f"/api/v1/routes/{glr_route.pk}/students", body, content_type="application/json",
                               **headers)
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "kwalificatie"


def test_a_vo_school_user_gets_number_fields_for_their_own_school_and_the_mbo_only(glr_route, registry, users):
    from apps.registry.models import Institution
    from apps.routes.models import RoutePartner
    from apps.students.forms import StudentForm
    other = Institution.objects.create(brin="19ZZ", name="Tweede vo-school", sector="vo", kind="vo-school",
                                       bestuur=registry["boards"]["zaam"])
    RoutePartner.objects.create(route=glr_route, institution=other, role="vo")
    fields = StudentForm(route=glr_route, user=users["calvijn"]).fields
    assert f"number_{registry['calvijn'].pk}" in fields and f"number_{registry['rocva'].pk}" in fields
    assert f"number_{other.pk}" not in fields
