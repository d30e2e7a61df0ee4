"""Every page, export and API answer that shows a student by name or id writes a read-log entry; the
walk below covers them all (a guard fails when a page or endpoint is added without a decision)."""
from datetime import date

import pytest

from apps.students.models import AccessLog, Enrolment
from leerroute.api import api

# Pages and exports that show students: (url, shows the student in the walk's data)
PAGES = [
    "/routes/{route}/leerlingen/?cohort=2019",                 # cohort list with the diploma check
    "/routes/{route}/leerlingen/?cohort=2019&export=csv",
    "/routes/{route}/leerlingen/?export=xlsx",
    "/routes/{route}/leerlingen/?q=Leesspoor&status=actief",  # the list filtered
    "/leerlingen/?q=Leesspoor",                                # the search across the user's routes
    "/leerlingen/?q=Leesspoor&export=csv",
    "/routes/{route}/cohorten/2019/doorzetten/",               # promotion
    "/routes/{route}/teldatum/?date=2019-10-01",
    "/routes/{route}/teldatum/?date=2019-10-01&export=csv",
    "/routes/{route}/examens/",
    "/routes/{route}/examens/?export=csv",
    "/routes/{route}/examens/resultaten/?cohort=2019&part=vmbo%7CSE%7CNederlands",   # the grid of a group's results
    "/routes/{route}/compliance/",                             # rule check: the students per rule
    "/leerlingen/{student}/",
    "/leerlingen/{student}/bewerken/",
    "/leerlingen/{student}/export/",
    "/routes/{route}/resultaten/K-01/leerlingen/?cohort=2019&on=2019-10-01",   # the students behind a KPI
]
# URL names of pages that show no student (or only counts), and changes (audited, not read-logged).
NO_STUDENT_PAGES = {
    "students:create", "students:event_add", "students:event_change", "students:event_remove",
    "students:exam_part_add", "students:bpv_add", "students:erase",
    "students:cijferlijst",        # walked apart: only for a student who gets one (see below)
    "routes:list", "routes:create", "routes:detail", "routes:edit", "routes:stop", "routes:history",
    "routes:draft_agreement", "routes:agreements", "routes:agreement_create", "routes:agreement",
    "routes:agreement_edit", "routes:agreement_history", "routes:agreement_upload", "routes:document",
    "routes:rules", "routes:exam_templates", "finance:route", "finance:create", "finance:scenario", "finance:detail",
    "finance:edit", "finance:approve", "finance:overview",
    "results:route",               # figures only; its counts link to results:students
    "routes:proposal_create", "routes:proposal_confirm", "routes:proposal_reject", "routes:proposal_withdraw",
    "routes:goal_add", "routes:goal_change", "routes:goal_remove", "routes:goal_judge",
    # dashboards: counts and percentages only (apps/dashboard), suppressed outside the route's partners
    "dashboard:route", "dashboard:region", "dashboard:board",
    # people and roles of a route: staff of the partners, no students
    "routes:people", "routes:person", "routes:my_roles", "routes:role_add", "routes:role_change",
    "routes:role_departure",
}
WALKED = {"students:cohorts", "students:search", "students:promote", "students:teldatum", "students:exam_deadlines",
          "students:detail", "students:edit", "students:export", "students:compliance",
          "results:students", "students:group_results",
          "students:exam_part_edit"}     # walked apart: its URL names one of the student's parts (below)

API_READS = [
    ("get", "/api/v1/routes/{route}/students", None),
    ("get", "/api/v1/students/{student}", None),
    ("get", "/api/v1/students/{student}/diploma", None),
    ("get", "/api/v1/students/{student}/export", None),
    ("get", "/api/v1/routes/{route}/teldatum?date=2019-10-01", None),
    ("get", "/api/v1/routes/{route}/diploma-check", None),
    ("post", "/api/v1/routes/{route}/cohorts/2019/promote", {"apply": False}),
]
# Student endpoints that change (audited; the student is read through privacy.read_student first)
# or that answer without student data.
API_OTHER = {
    ("post", "/api/v1/routes/{route_id}/students"), ("post", "/api/v1/students/{student_id}/events"),
    ("patch", "/api/v1/students/{student_id}/events/{event_id}"),
    ("delete", "/api/v1/students/{student_id}/events/{event_id}"),
    ("post", "/api/v1/students/{student_id}/exam-parts"), ("put", "/api/v1/students/{student_id}/exam-parts/{part_id}"),
    ("delete", "/api/v1/students/{student_id}"),
    # changes through privacy.read_student, which logs the read of the student they answer with
    ("put", "/api/v1/students/{student_id}"), ("patch", "/api/v1/students/{student_id}"),
    ("post", "/api/v1/students/{student_id}/bpv"), ("patch", "/api/v1/students/{student_id}/exam-parts/{part_id}"),
}


@pytest.fixture
def shown(enrol, glr_route, registry):
    """A student who appears on every page above: active in cohort 2019, failing R-10 (two funded
    enrolments on 1 October: the rule check lists them), with an open vmbo exam part."""
    student = enrol(first="Lotte", last="Leesspoor")
    Enrolment.objects.create(student=student, institution=registry["rocva"], school_year=2019, route_year=1,
                             start=date(2019, 8, 1), funded=True, phase="vo")
    student.exam_parts.create(sector="vmbo", kind="se", name="Nederlands", planned_route_year=1)
    return student


def _reads(student):
    return AccessLog.objects.filter(student_id=student.pk, action__in=["read", "export"]).count()


@pytest.mark.parametrize("url", PAGES)
def test_pages_that_show_students_log_the_read(url, shown, glr_route, client):
    client.login(username="calvijn", password="pw-calvijn")
    before = _reads(shown)
    response = client.get(url.format(route=glr_route.pk, student=shown.pk))
    assert response.status_code == 200
    body = response.content.decode(errors="replace") if "xlsx" not in url else ""
    assert "xlsx" in url or "Leesspoor" in body, "the walk's student is not on the page"
    assert _reads(shown) > before


@pytest.mark.parametrize("method, url, payload", API_READS)
def test_api_answers_that_show_students_log_the_read(method, url, payload, shown, glr_route, api_client):
    headers = api_client.token_for("calvijn")
    before = _reads(shown)
    call = getattr(api_client, method)
    response = call(url.format(route=glr_route.pk, student=shown.pk), payload, content_type="application/json",
                    **headers) if payload is not None else call(url.format(route=glr_route.pk, student=shown.pk),
                                                                **headers)
    assert response.status_code == 200, response.content
    if "{student}" not in url:   # a list names its students; a student's own answer is theirs by its address
        assert f'"student": {shown.pk}' in response.content.decode() or f'"id": {shown.pk}' in response.content.decode()
    assert _reads(shown) > before


def test_the_exam_parts_page_logs_the_read(shown, client):
    client.login(username="calvijn", password="pw-calvijn")
    before = _reads(shown)
    part = shown.exam_parts.first()
    response = client.get(f"/leerlingen/{shown.pk}/examenonderdelen/{part.pk}/")
    assert response.status_code == 200 and "Leesspoor" in response.content.decode()
    assert _reads(shown) > before


def test_the_cijferlijst_logs_the_read(shown, client):
    from apps.students import services

    client.login(username="calvijn", password="pw-calvijn")
    before = _reads(shown)
    response = client.get(f"/leerlingen/{shown.pk}/cijferlijst/")
    if not services.diploma_status(shown)["cijferlijst"]:
        assert response.status_code == 404
        assert _reads(shown) > before     # the student was looked up (and the read logged) before the refusal
    else:
        assert response.status_code == 200 and _reads(shown) > before


def test_every_page_and_endpoint_is_walked_or_shows_no_student():
    from apps.finance.urls import urlpatterns as finance
    from apps.results.urls import urlpatterns as results
    from apps.routes.urls import urlpatterns as routes
    from apps.students.urls import urlpatterns as students

    apps = (("students", students), ("routes", routes), ("finance", finance), ("results", results))
    names = {f"{ns}:{p.name}" for ns, patterns in apps for p in patterns if getattr(p, "name", None)}
    assert names - WALKED - NO_STUDENT_PAGES == set()
    paths = api.get_openapi_schema()["paths"]
    operations = {(method, path) for path, item in paths.items() for method in item
                  if "/students" in path or "/teldatum" in path or "/diploma" in path or "/promote" in path}
    walked = {(method, url.split("?")[0].replace("{route}", "{route_id}").replace("{student}", "{student_id}"))
              for method, url, _p in API_READS}
    walked = {(method, path.replace("/cohorts/2019/", "/cohorts/{cohort}/")) for method, path in walked}
    assert operations - walked - API_OTHER == set()
