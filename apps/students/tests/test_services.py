"""Students through the real services: enrolment, cohort promotion, teldatum, events, privacy."""
from datetime import date

import pytest

from apps.students import privacy, services
from apps.students.models import AccessLog, Enrolment, Student
from apps.students.schemas import EventIn, ExamPartIn, PromotionIn


def pattern(student):
    return [(e.school_year, e.institution.brin, e.funded)
            for e in student.enrolments.order_by("school_year", "-funded")]


def test_calvijn_enrolment_pattern_through_promotion_and_teldatum(enrol, glr_route, users):
    glr_route.years.create(route_year=2, vmbo_year=4, unfunded_at="mbo")   # the route's enrolment pattern
    student = enrol()
    user = users["calvijn"]
    services.promote_cohort(user, glr_route, 2019, PromotionIn(apply=True))
    services.promote_cohort(user, glr_route, 2019, PromotionIn(apply=True))
    student.refresh_from_db()
    assert student.route_year == 3
    # year 3 vo funded; year 4 vo funded + mbo unfunded; year 5 mbo funded (GLR: no vo enrolment needed)
    assert pattern(student) == [(2019, "17XG", True), (2020, "17XG", True), (2020, "25LX", False),
                                (2021, "25LX", True)]
    for day, brin in ((date(2019, 10, 1), "17XG"), (date(2020, 10, 1), "17XG"), (date(2021, 10, 1), "25LX")):
        [(s, result)] = services.teldatum_check(glr_route, day)
        assert (result.funded_institution, result.violations) == (brin, ())


def test_without_a_pattern_a_route_keeps_the_law_minimum(enrol, glr_route, users):
    student = enrol()
    for _year in range(2):
        services.promote_cohort(users["calvijn"], glr_route, 2019, PromotionIn(apply=True))
    assert pattern(student) == [(2019, "17XG", True), (2020, "17XG", True), (2021, "25LX", True)]


def test_teldatum_reports_double_funding(enrol, glr_route, registry):
    student = enrol()
    Enrolment.objects.create(student=student, institution=registry["rocva"], school_year=2019, route_year=1,
                             start=date(2019, 8, 1), funded=True, phase="vo")
    [(s, result)] = services.teldatum_check(glr_route, date(2019, 10, 1))
    assert "R-10" in result.violations and result.funded_institution == "17XG"


def test_kb_student_in_route_without_vmbo_diploma_is_refused(enrol):
    with pytest.raises(services.RuleViolation) as refused:
        enrol(leerweg="KB")
    assert {f.rule for f in refused.value.findings} == {"R-05"}
    assert not Student.objects.exists()


def test_bb_student_in_glr_needs_joint_judgment(enrol):
    with pytest.raises(services.RuleViolation) as refused:
        enrol(judgment=None)
    assert [f.rule for f in refused.value.findings] == ["R-17"]
    assert not Student.objects.exists()


def test_promotion_preview_saves_nothing_and_exceptions_apply(enrol, glr_route, users):
    a, b, c = enrol("Anna", "Bakker"), enrol("Bram", "Jansen"), enrol("Chris", "Visser")
    choices = [{"students": [b.pk], "action": "doublure"},
               {"students": [c.pk], "action": "uitstroom", "destination": "entree"}]
    rows = services.promote_cohort(users["calvijn"], glr_route, 2019, PromotionIn(choices=choices)).rows
    assert {r.student.pk: r.action for r in rows} == {a.pk: "overgang", b.pk: "doublure", c.pk: "uitstroom"}
    assert Enrolment.objects.filter(school_year=2020).count() == 0
    services.promote_cohort(users["calvijn"], glr_route, 2019, PromotionIn(choices=choices, apply=True))
    a.refresh_from_db(), b.refresh_from_db(), c.refresh_from_db()
    assert (a.route_year, b.route_year) == (2, 1)
    assert (c.status, c.destination, c.left_route_year) == ("uitgestroomd", "entree", 1)
    assert list(b.events.values_list("kind", flat=True)) == ["instroom", "doublure"]


def test_vmbo_part_after_route_year_3_is_refused(enrol, users):
    student = enrol()
    data = ExamPartIn(sector="vmbo", kind="SE", name="Nederlands", planned_route_year=4, result="open")
    with pytest.raises(services.RuleViolation) as refused:
        services.save_exam_part(users["calvijn"], student, data)
    assert refused.value.findings[0].rule == "R-04"
    assert not student.exam_parts.filter(sector="vmbo", planned_route_year=4).exists()


def test_export_and_erase(enrol, users):
    student = enrol(number="C9999")
    privacy.log_read(users["calvijn"], student)
    data = privacy.export(student)
    assert data["student"]["first_name"] == "Sanne" and data["student_numbers"][0]["number"] == "C9999"
    student_id = student.pk
    privacy.erase(student, users["calvijn"])
    assert not Student.objects.filter(pk=student_id).exists()
    from auditlog.models import LogEntry
    assert not LogEntry.objects.filter(object_repr__icontains="de Vries").exists()
    assert list(AccessLog.objects.filter(student_id=student_id).values_list("action", flat=True)) == ["erase"]


def test_responsible_party_follows_the_phase_unless_agreed(enrol, glr_route, registry, users):
    from apps.routes.models import Responsibility
    student = enrol()
    assert dict(services.responsible_parties(student))["verzuim- en VSV-melding"] == "Calvijn College"
    for _ in range(2):
        services.promote_cohort(users["calvijn"], glr_route, 2019, PromotionIn(apply=True))
    student.refresh_from_db()
    parties = dict(services.responsible_parties(student))
    assert parties["verzuim- en VSV-melding"] == parties["BPV"] == "ROC van Amsterdam"  # mbo-fase
    Responsibility.objects.create(route=glr_route, task="verzuim_vsv", party="vo")
    assert dict(services.responsible_parties(student))["verzuim- en VSV-melding"] == "Calvijn College"


def test_route_rule_check_shows_students_that_break_a_rule(enrol, glr_route, registry, client):
    student = enrol()
    Enrolment.objects.create(student=student, institution=registry["rocva"], school_year=2019, route_year=1,
                             start=date(2019, 8, 1), funded=True, phase="vo")
    glr_route.partners.filter(role="mbo").update(rio_registered_on=None)
    client.login(username="rocva", password="pw-rocva")
    html = client.get(f"/routes/{glr_route.pk}/compliance/").content.decode()
    assert 'data-rule="R-10" data-count="1"' in html and "de Vries, Sanne" in html
    assert 'data-rule="R-12" data-status="failed"' in html  # no RIO registration: an error once students exist
    client.login(username="regio", password="pw-regio")
    html = client.get(f"/routes/{glr_route.pk}/compliance/").content.decode()
    assert 'data-rule="R-10" data-count="&lt;5"' in html and "de Vries" not in html  # counts only, below 5 hidden


def test_teldatum_page_and_export(enrol, glr_route, client):
    enrol()
    client.login(username="calvijn", password="pw-calvijn")
    html = client.get(f"/routes/{glr_route.pk}/teldatum/?date=2019-10-01").content.decode()
    assert 'data-violations=""' in html and "17XG" in html
    csv_text = client.get(f"/routes/{glr_route.pk}/teldatum/?date=2019-10-01&export=csv").content.decode("utf-8-sig")
    assert csv_text.splitlines()[1].split(";")[6] == "17XG"   # after the two partners' own numbers


def test_student_page_forms(enrol, client):
    student = enrol()
    client.login(username="calvijn", password="pw-calvijn")
    page = client.get(f"/leerlingen/{student.pk}/").content.decode()
    assert "Tijdlijn" in page and "Calvijn College" in page
    client.post(f"/leerlingen/{student.pk}/gebeurtenis/", {"kind": "uitstroom", "date": "2020-02-01"})
    student.refresh_from_db()
    assert student.status == "actief"  # destination missing: refused with a message
    response = client.post(f"/leerlingen/{student.pk}/gebeurtenis/",
                           {"kind": "uitstroom", "date": "2020-02-01", "destination": "werk"}, follow=True)
    assert "Gebeurtenis vastgelegd" in response.content.decode()
    response = client.post(f"/leerlingen/{student.pk}/bpv/", {"leerbedrijf": "Zorg BV", "start": "2020-01-06"},
                           follow=True)
    assert "R-19" in response.content.decode() and not student.bpv_periods.exists()
    client.post(f"/leerlingen/{student.pk}/bpv/", {"leerbedrijf": "Zorg BV", "start": "2020-01-06",
                                                   "recognised": "on", "praktijkovereenkomst": "on"})
    assert student.bpv_periods.count() == 1
    response = client.post(f"/leerlingen/{student.pk}/examenonderdelen/",
                           {"sector": "vmbo", "kind": "SE", "name": "Nederlands", "planned_route_year": 4,
                            "result": "open"}, follow=True)
    assert "R-04" in response.content.decode()
    assert not student.exam_parts.filter(sector="vmbo", planned_route_year=4).exists()


def test_teldatum_lists_active_students_without_enrolment(enrol, glr_route):
    student = enrol()
    [(s, result)] = services.teldatum_check(glr_route, date(2020, 10, 1))  # not promoted into 2020-2021
    assert s == student and result.violations == ("R-10",) and result.funded_institution == "17XG"


def test_promotion_only_once_per_school_year_and_path_guards(enrol, glr_route, users):
    student = enrol()
    services.promote_cohort(users["calvijn"], glr_route, 2019, PromotionIn(apply=True))
    Enrolment.objects.filter(student=student, school_year=2020).update(school_year=2026)  # pretend far ahead
    rows = services.promote_cohort(users["calvijn"], glr_route, 2019, PromotionIn()).rows
    assert rows[0].problems and "nu in schooljaar 2026-2027" in rows[0].problems[0]
    with pytest.raises(services.RuleViolation):
        services.record_event(users["calvijn"], student, EventIn(kind="mbo_diploma", date=date(2021, 6, 30)))
    services.record_event(users["calvijn"], student,
                          EventIn(kind="uitstroom", date=date(2021, 3, 1), destination="werk"))
    with pytest.raises(services.RuleViolation):
        services.record_event(users["calvijn"], student,
                              EventIn(kind="doorstroom", date=date(2021, 10, 1), doorstroom_level="mbo3"))


def test_correcting_a_students_data_is_checked_and_audited(enrol, client):
    from auditlog.models import LogEntry
    student = enrol()
    client.login(username="calvijn", password="pw-calvijn")
    form = {"first_name": "Sanne", "last_name": "de Vries-Bakker", "leerweg": student.leerweg_id,
            "vmbo_year_at_start": 3, "glr_judgment_on": "2019-06-15"}
    assert client.post(f"/leerlingen/{student.pk}/bewerken/", form).status_code == 302
    student.refresh_from_db()
    assert student.last_name == "de Vries-Bakker"
    assert LogEntry.objects.filter(object_pk=str(student.pk), changes__icontains="de Vries-Bakker").exists()
    from apps.registry.models import Leerweg
    response = client.post(f"/leerlingen/{student.pk}/bewerken/",
                           {**form, "leerweg": Leerweg.objects.get(code="KB").pk})
    assert "R-05" in response.content.decode()
    student.refresh_from_db()
    assert student.leerweg.code == "BB"


def test_student_is_enrolled_at_their_own_vo_school(enrol, glr_route, registry, users):
    from apps.registry.models import Institution
    from apps.routes.models import RoutePartner
    other = Institution.objects.create(brin="19ZZ", name="Tweede vo-school", sector="vo", kind="vo-school",
                                       bestuur=registry["boards"]["zaam"])
    RoutePartner.objects.create(route=glr_route, institution=other, role="vo")
    student = enrol()
    student.numbers.all().delete()
    student.numbers.create(institution=other, number="T1")
    student.enrolments.update(institution=other)
    Student.objects.filter(pk=student.pk).update(vo_school=other)
    services.promote_cohort(users["calvijn"], glr_route, 2019, PromotionIn(apply=True))
    assert student.enrolments.get(school_year=2020, funded=True).institution == other
