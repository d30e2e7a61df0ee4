"""The rule check page in English: every finding's message goes through the translation catalogue (the
templates the domain marks with gettext_noop), its dates in English, the rules' English titles; a reader
outside the partners gets the same, with the counts suppressed through the message's parameters.

The catalogue itself is filled after makemessages; here a fake English catalogue translates every
template the domain marks as "[en] " + the template, so any message that does not go through it shows."""
import re
from datetime import date, timedelta
from html import unescape

import pytest
from django.utils import timezone
from django.utils.translation import trans_real

from apps.core.lib.texts import marked_templates
from apps.routes import compliance
from apps.students.models import Enrolment

MARK = "[en] "


@pytest.fixture
def fake_english():
    """Every domain template translated as "[en] " + template in the English catalogue, for this test."""
    catalog = trans_real.translation("en")._catalog
    fake = {template: MARK + template for template in marked_templates()}
    saved = {key: catalog._catalogs[0][key] for key in fake if key in catalog._catalogs[0]}
    catalog._catalogs[0].update(fake)
    yield
    for key in fake:
        catalog._catalogs[0].pop(key, None)
    catalog._catalogs[0].update(saved)


def in_english(client, url):
    response = client.post("/i18n/setlang/", {"language": "en", "next": url})
    assert response.status_code == 302
    page = client.get(url)
    assert page.status_code == 200
    assert page.headers["Content-Language"] == "en"
    return page.content.decode()


def cells(html, table):
    """Per row of the table: its data-rule, data-status and the text of its last cell."""
    body = html.split(f'id="{table}"', 1)[1].split("</table>", 1)[0]
    rows = []
    for row in body.split('<tr data-rule="')[1:]:
        rule, row = row.split('"', 1)
        last = row.split("</tr>", 1)[0].rsplit("<td>", 1)[1]
        rows.append((rule, " ".join(unescape(re.sub(r"<[^>]+>", "", last)).split())))
    return rows


@pytest.fixture
def failing_route(glr_route, enrol, registry):
    """The GLR route with route warnings (one contact per partner, an old partner meeting) and a student
    with two funded enrolments (R-10)."""
    glr_route.last_partner_meeting = timezone.localdate() - timedelta(days=400)
    glr_route.save()
    student = enrol()
    Enrolment.objects.create(student=student, institution=registry["rocva"], school_year=2019, route_year=1,
                             start=date(2019, 8, 1), funded=True, phase="vo")
    compliance.refresh(glr_route, students=True)
    return glr_route


def test_every_finding_on_the_rule_check_page_is_translated(failing_route, client, fake_english):
    client.login(username="calvijn", password="pw-calvijn")
    html = in_english(client, f"/routes/{failing_route.pk}/compliance/")
    rows = cells(html, "compliance")
    assert {rule for rule, _text in rows} >= {"R-10", "R-16"}
    for rule, text in rows:
        assert text.startswith(MARK), (rule, text)
    meeting = failing_route.last_partner_meeting
    assert f"{meeting.day} {meeting.strftime('%B')} {meeting.year}" in html      # the date in English
    assert "Continuity risk" in html and "Continuïteitsrisico" not in html       # the rules' English titles
    students = cells(html, "student-compliance")
    assert [rule for rule, _text in students] == ["R-10"]
    [(_rule, text)] = students
    assert "de Vries, Sanne: " + MARK + MARK + "Op " in text   # the message and its nested context
    assert "1 October 2019" in text


def test_without_a_translation_the_page_shows_the_dutch_text(failing_route, client):
    client.login(username="calvijn", password="pw-calvijn")
    html = client.get(f"/routes/{failing_route.pk}/compliance/").content.decode()
    assert "1 leerling van de route voldoet niet aan R-10" in html
    assert "Op 1 oktober 2019" in html
    assert MARK not in html


def test_an_outside_reader_gets_the_translated_summary_with_the_count_suppressed(failing_route, client, fake_english):
    client.login(username="regio", password="pw-regio")
    html = in_english(client, f"/routes/{failing_route.pk}/compliance/")
    [text] = [text for rule, text in cells(html, "compliance") if rule == "R-10"]
    assert text.startswith(MARK + "<5 leerlingen van de route voldoen niet aan R-10: Funding phase"), text
    assert "Sanne" not in html


def test_the_stored_finding_keeps_its_template_and_the_api_its_dutch_text(failing_route, api_client):
    stored = failing_route.findings.get(rule="R-10", field="students")
    assert stored.message.startswith("1 leerling van de route voldoet niet aan R-10")
    assert stored.message_data["p"]["n"] == 1
    headers = api_client.token_for("regio")
    found = api_client.get(f"/api/v1/routes/{failing_route.pk}", **headers).json()["findings"]
    assert any(f["message"].startswith("<5 leerlingen van de route voldoen niet aan R-10") for f in found)


def test_an_outside_reader_sees_a_met_intake_rule_as_met(failing_route, client):
    failing_route.min_intake, failing_route.min_intake_scope = 0, "uitstroomrichting"
    failing_route.save()
    failing_route.uitstroomrichtingen.update(min_intake=None)
    compliance.refresh(failing_route)
    client.login(username="regio", password="pw-regio")
    response = client.get(f"/routes/{failing_route.pk}/compliance/")
    assert response.status_code == 200
    assert [text for rule, text in cells(response.content.decode(), "compliance") if rule == "R-15"] == [
        "Voldoet aan R-15."]
