"""The work list on the start page, per role, through real HTTP: each kind of item appears with its cause
and goes when the cause is gone, an item past its day is marked overdue, and nobody sees the items of a
route of another institution."""
import re
from datetime import date
from unittest import mock

import pytest
from django.urls import reverse

from apps.accounts.models import Role
from apps.accounts.testing import login_with_second_factor
from apps.finance import services as finance
from apps.finance.models import Settlement
from apps.routes import compliance
from apps.routes.models import Route
from apps.routes.tests.payloads import route_payload
from apps.students import services
from apps.students.models import Enrolment, ExamPart, ImportJob
from apps.students.schemas import PromotionIn
from apps.students.tests.conftest import enrol  # noqa: F401 - fixture

ITEM = re.compile(r'<li data-kind="([a-z0-9]+)"( class="overdue" data-overdue)?>\s*(.*?)</li>', re.S)
LINK = re.compile(r'<a href="([^"]+)">([^<]+)</a>')


def on(day):
    return mock.patch("django.utils.timezone.localdate", return_value=day)


def work(client, user, day) -> list[dict]:
    """The start page's work items of ``user`` on ``day``: kind, overdue, link, label and the whole line."""
    if user.is_beheerder:
        login_with_second_factor(client, user)
    else:
        client.force_login(user)
    with on(day):
        response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="worklist"' in html
    items = []
    for kind, overdue, body in ITEM.findall(html):
        link, label = LINK.search(body).groups()
        items.append({"kind": kind, "overdue": bool(overdue), "link": link.replace("&amp;", "&"), "label": label,
                      "text": re.sub(r"\s+", " ", re.sub("<[^>]+>", "", body)).strip()})
    return items


def of_kind(items, kind):
    return [i for i in items if i["kind"] == kind]


@pytest.fixture
def other_route(registry, users, api_client):
    """A route of the Achterhoek schools only (its vo-school's coordinator: users["achterhoek"])."""
    headers = api_client.token_for("achterhoek")
    payload = route_payload(registry, name="Route Achterhoek", region=registry["ach"].pk, partners=[
        {"institution": "20DE", "role": "vo", "rio_registered_on": "2020-09-01"},
        {"institution": "25LF", "role": "mbo", "rio_registered_on": "2020-09-01"}])
    response = api_client.post("/api/v1/routes", payload, content_type="application/json", **headers)
    assert response.status_code == 201, response.content
    return Route.objects.get(pk=response.json()["id"])


@pytest.fixture
def finance_users(make_user, registry):
    return {"vo": make_user("fin-calvijn", Role.FINANCIEEL, [registry["calvijn"]]),
            "mbo": make_user("fin-rocva", Role.FINANCIEEL, [registry["rocva"]]),
            "other": make_user("fin-ach", Role.FINANCIEEL, [registry["vo_ach"]])}


# --- funding errors ------------------------------------------------------------------------------------

def test_a_second_funded_enrolment_is_a_funding_error_on_the_last_teldatum(client, enrol, glr_route,  # noqa: F811
                                                                          users, registry):
    student = enrol()                                       # cohort 2019, funded at Calvijn
    day = date(2019, 11, 15)
    assert of_kind(work(client, users["calvijn"], day), "funding") == []
    second = Enrolment.objects.create(student=student, institution=registry["rocva"], school_year=2019, route_year=1,
                                      start=date(2019, 8, 1), funded=True, phase="vo")
    [item] = of_kind(work(client, users["calvijn"], day), "funding")
    assert item["overdue"] and "te laat" in item["text"] and "01-10-2019" in item["text"]
    assert item["label"] == "1 leerling met een bekostigingsfout op de teldatum"
    assert item["link"] == reverse("students:teldatum", args=[glr_route.pk]) + "?date=2019-10-01"
    assert "Testroute Zorg" in item["text"]
    assert len(of_kind(work(client, users["rocva"], day), "funding")) == 1     # the mbo side sees the route's students
    assert of_kind(work(client, users["achterhoek"], day), "funding") == []    # another institution: nothing
    # the link opens where to act: the teldatum check of that day, naming the student
    client.force_login(users["calvijn"])
    assert "Sanne" in client.get(item["link"]).content.decode()
    second.funded = False
    second.save()
    assert of_kind(work(client, users["calvijn"], day), "funding") == []


def test_a_funded_enrolment_on_the_wrong_side_is_a_funding_error(client, enrol, glr_route, users, registry):  # noqa: F811
    student = enrol()
    student.enrolments.update(institution=registry["rocva"])   # funded at the mbo in the vo-fase
    assert len(of_kind(work(client, users["calvijn"], date(2019, 11, 15)), "funding")) == 1


def test_in_september_the_coming_teldatum_is_due_not_overdue(client, enrol, glr_route, users, registry):  # noqa: F811
    student = enrol()
    services.promote_cohort(users["calvijn"], glr_route, 2019, PromotionIn(apply=True))   # into 2020-2021
    student.enrolments.filter(school_year=2020).update(funded=False)           # no funded enrolment in 2020
    [item] = of_kind(work(client, users["calvijn"], date(2020, 9, 10)), "funding")
    assert not item["overdue"] and "uiterlijk 01-10-2020" in item["text"]
    [item] = of_kind(work(client, users["calvijn"], date(2020, 10, 5)), "funding")
    assert item["overdue"]


# --- promotion --------------------------------------------------------------------------------------------

def test_a_cohort_not_promoted_into_the_school_year_is_listed_until_promoted(client, enrol, glr_route,  # noqa: F811
                                                                             users):
    enrol()
    enrol("Noor", "Bakker")
    [item] = of_kind(work(client, users["calvijn"], date(2020, 9, 10)), "promotion")
    assert item["label"] == "Cohort 2019-2020: 2 leerlingen nog niet doorgezet naar 2020-2021"
    assert not item["overdue"] and "uiterlijk 01-10-2020" in item["text"]
    assert item["link"] == reverse("students:promote", args=[glr_route.pk, 2019])
    with on(date(2020, 9, 10)):
        assert client.get(item["link"]).status_code == 200
    [late] = of_kind(work(client, users["calvijn"], date(2020, 10, 2)), "promotion")
    assert late["overdue"]
    assert of_kind(work(client, users["examen"], date(2020, 9, 10)), "promotion") == []   # not the exam role's
    assert of_kind(work(client, users["achterhoek"], date(2020, 9, 10)), "promotion") == []
    with on(date(2020, 9, 10)):
        services.promote_cohort(users["calvijn"], glr_route, 2019, PromotionIn(apply=True))
    assert of_kind(work(client, users["calvijn"], date(2020, 9, 10)), "promotion") == []


# --- vmbo exam parts and R-04 -------------------------------------------------------------------------------

def test_open_vmbo_parts_near_and_past_the_r04_deadline(client, enrol, glr_route, users):  # noqa: F811
    student = enrol()                           # starts in vmbo 3: first mbo-fase year 2021-2022, deadline 31-07-2022
    parts = student.exam_parts.filter(sector="vmbo")      # the exam plan's vmbo parts, open
    ExamPart.objects.create(student=student, sector="vmbo", kind="SE", name="Extra vak", planned_route_year=2)
    n = parts.count()
    assert n > 1
    assert of_kind(work(client, users["examen"], date(2021, 9, 1)), "r04") == []     # not within six months
    [item] = of_kind(work(client, users["examen"], date(2022, 3, 1)), "r04")
    assert not item["overdue"] and "uiterlijk 31-07-2022" in item["text"]
    assert item["label"] == f"{n} open vmbo-examenonderdelen met de R-04-termijn binnen 6 maanden"
    assert item["link"] == reverse("students:exam_deadlines", args=[glr_route.pk])
    with on(date(2022, 3, 1)):
        assert "Extra vak" in client.get(item["link"]).content.decode()
    [item] = of_kind(work(client, users["calvijn"], date(2022, 8, 15)), "r04")
    assert item["overdue"] and item["label"] == f"{n} open vmbo-examenonderdelen voorbij de R-04-termijn"
    assert of_kind(work(client, users["achterhoek"], date(2022, 8, 15)), "r04") == []
    parts.exclude(name="Extra vak").update(result="passed")
    [item] = of_kind(work(client, users["calvijn"], date(2022, 8, 15)), "r04")
    assert item["label"] == "1 open vmbo-examenonderdeel voorbij de R-04-termijn"
    parts.update(result="passed")
    assert of_kind(work(client, users["calvijn"], date(2022, 8, 15)), "r04") == []


# --- imports ----------------------------------------------------------------------------------------------

def test_an_import_waits_for_its_uploader_only(client, glr_route, users, registry):
    job = ImportJob.objects.create(route=glr_route, institution=registry["calvijn"], user=users["calvijn"],
                                   kind="students", filename="klas3.csv", status="mapping")
    [item] = of_kind(work(client, users["calvijn"], date(2025, 3, 1)), "import")
    assert item["label"] == "Import klas3.csv: kolommen koppelen"
    assert item["link"] == reverse("students:import_mapping", args=[job.pk])
    assert client.get(item["link"]).status_code == 200
    assert of_kind(work(client, users["rocva"], date(2025, 3, 1)), "import") == []   # someone else's upload
    job.status = "validated"
    job.save()
    [item] = of_kind(work(client, users["calvijn"], date(2025, 3, 1)), "import")
    assert item["link"] == reverse("students:import_job", args=[job.pk])
    job.status = "done"
    job.save()
    assert of_kind(work(client, users["calvijn"], date(2025, 3, 1)), "import") == []


# --- the rule check -----------------------------------------------------------------------------------------

def test_a_student_error_fails_the_route_and_lists_its_rule_check(client, enrol, glr_route, users, registry,  # noqa: F811
                                                                  other_route):
    student = enrol()
    day = date(2019, 11, 15)
    with on(day):
        compliance.refresh(glr_route, students=True)
    assert of_kind(work(client, users["calvijn"], day), "rules") == []
    Enrolment.objects.create(student=student, institution=registry["rocva"], school_year=2019, route_year=1,
                             start=date(2019, 8, 1), funded=True, phase="vo")
    with on(day):
        compliance.refresh(glr_route, students=True)        # what a student change and the daily run do
    assert compliance.summary(glr_route) == "failed"        # a student-level error counts in the route's status
    for user in ("calvijn", "rocva", "examen", "regio"):
        items = of_kind(work(client, users[user], day), "rules")
        assert len(items) == 1, (user, items)        # not the Achterhoek route (no agreement: R-06)
        [item] = items
        assert item["label"] == "Regeltoets: 1 regel voldoet niet (R-10)", user
        assert item["link"] == reverse("students:compliance", args=[glr_route.pk])
    everything = of_kind(work(client, users["beheer"], day), "rules")     # the beheerder sees every route
    assert {i["label"] for i in everything} == {"Regeltoets: 1 regel voldoet niet (R-10)",
                                                "Regeltoets: 1 regel voldoet niet (R-06)"}
    [theirs] = of_kind(work(client, users["achterhoek"], day), "rules")     # and its partners only their own
    assert "Route Achterhoek" in theirs["text"] and theirs["link"] == reverse("students:compliance",
                                                                             args=[other_route.pk])
    client.force_login(users["calvijn"])
    with on(day):
        assert 'data-rule="R-10"' in client.get(item["link"]).content.decode()


# --- settlements ----------------------------------------------------------------------------------------

def test_a_settlement_waits_for_each_partys_financieel_medewerker(client, route, finance_users, other_route):
    settlement = Settlement.objects.create(route=route, school_year=2024, model="M5", parameters={})
    theirs = Settlement.objects.create(route=other_route, school_year=2024, model="M5", parameters={})
    for user in ("vo", "mbo"):
        [item] = of_kind(work(client, finance_users[user], date(2025, 3, 1)), "approval")
        assert item["label"].startswith("Afrekening 2024-2025 (M5")
        assert item["label"].endswith("wacht op uw goedkeuring")
        assert not item["overdue"] and "uiterlijk 31-07-2025" in item["text"]
        assert item["link"] == settlement.get_absolute_url()
    [late] = of_kind(work(client, finance_users["vo"], date(2025, 9, 1)), "approval")
    assert late["overdue"]
    [other] = of_kind(work(client, finance_users["other"], date(2025, 3, 1)), "approval")   # only their own route's
    assert other["link"] == theirs.get_absolute_url() and "Route Achterhoek" in other["text"]
    finance.approve(settlement, finance_users["vo"])
    assert of_kind(work(client, finance_users["vo"], date(2025, 3, 1)), "approval") == []
    assert len(of_kind(work(client, finance_users["mbo"], date(2025, 3, 1)), "approval")) == 1
    assert client.get(settlement.get_absolute_url()).status_code == 200


# --- per role and order ---------------------------------------------------------------------------------------

def test_overdue_items_come_first_and_an_empty_list_says_so(client, enrol, glr_route, users, registry):  # noqa: F811
    enrol()
    ImportJob.objects.create(route=glr_route, institution=registry["calvijn"], user=users["calvijn"],
                             kind="students", filename="klas3.csv", status="mapping")
    items = work(client, users["calvijn"], date(2020, 10, 5))
    assert [i["kind"] for i in items][:2] == ["promotion", "import"] and items[0]["overdue"]
    client.force_login(users["achterhoek"])
    assert "Er wacht nu niets op u." in client.get("/").content.decode()


# --- the rule check in English (issue 10, point 9) ------------------------------------------------------

def test_the_rule_check_shows_titles_fields_and_student_summaries_in_the_chosen_language(client, enrol,  # noqa: F811
                                                                                       glr_route, users, registry):
    student = enrol()
    Enrolment.objects.create(student=student, institution=registry["rocva"], school_year=2019, route_year=1,
                             start=date(2019, 8, 1), funded=True, phase="vo")
    url = reverse("students:compliance", args=[glr_route.pk])
    client.force_login(users["calvijn"])
    with on(date(2019, 11, 15)):
        dutch = client.get(url).content.decode()
    assert "Bekostigingsfase en één bekostigde inschrijving" in dutch
    assert "1 leerling van de route voldoet niet aan R-10: Bekostigingsfase" in dutch   # rebuilt through gettext
    assert "(veld: leerlingen)" in dutch                                                 # not the code "students"
    client.post("/i18n/setlang/", {"language": "en", "next": url})
    with on(date(2019, 11, 15)):
        english = client.get(url).content.decode()
    assert "Funding phase and one funded enrolment" in english
    assert "Bekostigingsfase en één bekostigde inschrijving" not in english
