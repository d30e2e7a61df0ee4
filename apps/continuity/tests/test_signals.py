"""Each signal kind with a case that raises it and one that does not, computed as the daily command computes
them (services.compute over the real database), and the bookkeeping: first_seen kept, resolved_on set."""
from datetime import date, timedelta

import pytest
from django.core.management import call_command

from apps.continuity import services
from apps.continuity.models import Signal
from apps.cooperation.models import Decision, Meeting
from apps.finance.models import Settlement
from apps.routes.models import Agreement, Person

from .conftest import TODAY


def kinds(route, kind=None):
    signals = Signal.objects.open().filter(route=route)
    if kind:
        signals = signals.filter(kind=kind)
    return list(signals)


def raised(route, kind, today=TODAY):
    services.compute(today, [kind])
    return kinds(route, kind)


# --- S-01 a partner with a single contact person ---------------------------------------------------------

def test_single_contact_raised_per_partner(route, registry, make_contact):
    make_contact(route, registry["calvijn"], "Anna de Vries")
    make_contact(route, registry["rocva"], "Bert Jansen")
    make_contact(route, registry["rocva"], "Carla Smit", role="examencoordinator")
    found = raised(route, "single_contact")
    assert [s.key for s in found] == [str(registry["calvijn"].pk)]
    assert found[0].params == {"institution": "Calvijn College", "count": 1, "person": "Anna de Vries",
                               "role": "kartrekker"}


def test_single_contact_not_raised_with_two_each_and_ended_contacts_do_not_count(route, registry, make_contact):
    for name in ("Anna de Vries", "Dirk Bos"):
        make_contact(route, registry["calvijn"], name)
    for name in ("Bert Jansen", "Carla Smit"):
        make_contact(route, registry["rocva"], name)
    assert raised(route, "single_contact") == []
    make_contact(route, registry["rocva"], "Eva Oud", end=TODAY - timedelta(days=1))
    Person.objects.get(name="Carla Smit").roles.update(end=TODAY - timedelta(days=10))
    assert [s.key for s in raised(route, "single_contact")] == [str(registry["rocva"].pk)]


# --- S-02 a role whose holder leaves within 60 days without a successor ----------------------------------

def test_leaving_without_successor(route, registry, make_contact):
    leaving = make_contact(route, registry["calvijn"], "Anna de Vries", end=TODAY + timedelta(days=45))
    make_contact(route, registry["rocva"], "Bert Jansen", end=TODAY + timedelta(days=61))
    found = raised(route, "leaving_without_successor")
    assert [s.key for s in found] == [str(leaving.pk)]
    assert found[0].params["end"] == (TODAY + timedelta(days=45)).isoformat()
    assert found[0].severity == "medium"


def test_leaving_with_successor_not_raised(route, registry, make_contact):
    leaving = make_contact(route, registry["calvijn"], "Anna de Vries", end=TODAY + timedelta(days=20))
    leaving.successor = make_contact(route, registry["calvijn"], "Dirk Bos", start=TODAY + timedelta(days=21))
    leaving.save()
    assert raised(route, "leaving_without_successor") == []


# --- S-03 no meeting with both sides for longer than the configured period --------------------------------

def test_no_meeting_raised_after_six_months_not_before(route):
    Meeting.objects.create(route=route, kind="stuurgroep", held_on=date(2026, 5, 1), both_sides=True)
    found = raised(route, "no_meeting")
    assert found and found[0].params == {"last": "2026-05-01", "months": 6}
    Meeting.objects.create(route=route, kind="stuurgroep", held_on=date(2026, 10, 1), both_sides=True)
    assert raised(route, "no_meeting") == []


def test_no_meeting_counts_only_held_meetings_of_both_sides(route):
    route.last_partner_meeting = None
    route.save()
    Meeting.objects.create(route=route, kind="stuurgroep", held_on=date(2026, 11, 1), both_sides=False)
    Meeting.objects.create(route=route, kind="stuurgroep", held_on=date(2026, 11, 2), both_sides=True, cancelled=True)
    assert raised(route, "no_meeting")[0].params["last"] is None
    Meeting.objects.create(route=route, kind="stuurgroep", held_on=date(2026, 10, 1), both_sides=True)
    assert raised(route, "no_meeting") == []


def test_no_meeting_not_checked_without_structural_meetings(route):
    route.last_partner_meeting = date(2024, 5, 1)
    route.without_structural_meetings = True
    route.save()
    assert raised(route, "no_meeting") == []


def test_meeting_interval_is_the_setting(route, settings):
    settings.LEERROUTE_MEETING_INTERVAL_MONTHS = 1
    assert raised(route, "no_meeting")[0].params["months"] == 1


# --- S-04 no approved settlement for the current school year ----------------------------------------------

def test_no_approved_settlement(route):
    Settlement.objects.create(route=route, school_year=2026, model="M1")        # a draft
    Settlement.objects.create(route=route, school_year=2025, model="M1", status="goedgekeurd")
    found = raised(route, "no_approved_settlement")
    assert found and found[0].params["school_year"] == 2026 and found[0].link_name == "finance:route"
    Settlement.objects.create(route=route, school_year=2026, model="M1", version=2, status="goedgekeurd")
    assert raised(route, "no_approved_settlement") == []


def test_no_settlement_asked_of_a_route_in_development(route):
    route.phase = "in_ontwikkeling"
    route.save()
    assert raised(route, "no_approved_settlement") == []


# --- S-05 intake below the minimum (R-15) ------------------------------------------------------------------

def test_intake_below_minimum(route, make_student):
    richting = route.uitstroomrichtingen.get()
    richting.min_intake = 2
    richting.save()
    make_student(route, 2026)
    found = raised(route, "intake_below_minimum")
    assert found and found[0].params == {"scope": "uitstroomrichting", "group": "Helpende zorg en welzijn (25498)",
                                         "count": 1, "minimum": 2, "school_year": 2026}
    make_student(route, 2026, last_name="Tweede")
    make_student(route, 2025, {2025: 1, 2026: 2}, last_name="Ouder")    # route year 2 is no intake
    assert raised(route, "intake_below_minimum") == []


def test_intake_minimum_for_the_whole_route(route, make_student):
    route.min_intake_scope = "route"
    route.min_intake = 1
    route.save()
    assert raised(route, "intake_below_minimum")[0].params["count"] == 0
    make_student(route, 2026)
    assert raised(route, "intake_below_minimum") == []


# --- S-06 intake falling over three cohorts ---------------------------------------------------------------

def test_intake_falling_over_three_cohorts(route, make_student):
    for cohort, n in ((2024, 3), (2025, 2), (2026, 1)):
        for i in range(n):
            make_student(route, cohort, last_name=f"L{cohort}{i}")
    found = raised(route, "intake_falling")
    assert found and found[0].params == {"cohorts": [2024, 2025, 2026], "counts": [3, 2, 1]}


def test_intake_not_falling_when_one_year_holds(route, make_student):
    for cohort, n in ((2024, 3), (2025, 3), (2026, 1)):
        for i in range(n):
            make_student(route, cohort, last_name=f"L{cohort}{i}")
    assert raised(route, "intake_falling") == []


# --- S-07 an agreement that expires within 90 days --------------------------------------------------------

def test_agreement_expiring(glr_route):
    agreement = glr_route.agreements.get()
    agreement.valid_to = TODAY + timedelta(days=20)
    agreement.save()
    found = raised(glr_route, "agreement_expiring")
    assert found[0].params == {"agreement": "SOK", "valid_to": "2026-12-20", "days": 20}
    assert found[0].severity == "high" and found[0].link_name == "routes:agreement"


def test_agreement_expiring_later_or_extended_not_raised(glr_route):
    agreement = glr_route.agreements.get()
    agreement.valid_to = TODAY + timedelta(days=91)
    agreement.save()
    assert raised(glr_route, "agreement_expiring") == []
    agreement.valid_to = TODAY + timedelta(days=10)
    agreement.save()
    extension = Agreement.objects.create(title="SOK verlengd", valid_from=agreement.valid_to, supersedes=agreement)
    extension.routes.add(glr_route)
    assert raised(glr_route, "agreement_expiring") == []


# --- S-08 vmbo exam parts at risk of missing the R-04 deadline ---------------------------------------------

def test_vmbo_parts_at_risk(route, make_student):
    late = make_student(route, 2023, {2023: 1, 2024: 2, 2025: 3, 2026: 4})    # deadline 31-07-2026
    late.exam_parts.create(sector="vmbo", kind="SE", name="Nederlands", planned_route_year=2)
    late.exam_parts.create(sector="vmbo", kind="SE", name="Engels", planned_route_year=2)
    found = raised(route, "vmbo_parts_at_risk")
    assert [(s.key, s.params["parts"], s.severity) for s in found] == [("overdue", 2, "high")]
    assert "Nederlands" not in str(found[0].params) and "Sanne" not in str(found[0].params)


def test_vmbo_parts_far_from_the_deadline_or_passed_not_raised(route, make_student):
    young = make_student(route, 2026)                                           # deadline 31-07-2028
    young.exam_parts.create(sector="vmbo", kind="SE", name="Nederlands", planned_route_year=1)
    late = make_student(route, 2023, {2023: 1, 2024: 2, 2025: 3}, last_name="Klaar")
    late.exam_parts.create(sector="vmbo", kind="SE", name="Engels", planned_route_year=2, result="passed")
    assert raised(route, "vmbo_parts_at_risk") == []


# --- S-09 open decisions past their due date --------------------------------------------------------------

def test_decisions_overdue(route):
    Decision.objects.create(route=route, text="Rooster afstemmen", due_on=TODAY - timedelta(days=3))
    Decision.objects.create(route=route, text="Later", due_on=TODAY + timedelta(days=3))
    Decision.objects.create(route=route, text="Klaar", due_on=TODAY - timedelta(days=30), done_on=TODAY)
    found = raised(route, "decisions_overdue")
    assert found[0].params == {"count": 1, "oldest_due": "2026-11-27"}


def test_no_decisions_overdue(route):
    Decision.objects.create(route=route, text="Later", due_on=TODAY + timedelta(days=3))
    Decision.objects.create(route=route, text="Geen termijn")
    assert raised(route, "decisions_overdue") == []


# --- bookkeeping -------------------------------------------------------------------------------------------

def test_compute_is_idempotent_keeps_first_seen_and_resolves(route):
    Decision.objects.create(route=route, text="Rooster", due_on=TODAY - timedelta(days=3))
    first = services.compute(TODAY)
    count = Signal.objects.count()
    again = services.compute(TODAY)
    assert (again.opened, again.resolved, again.kept) == (0, 0, first.opened)
    assert Signal.objects.count() == count
    services.compute(TODAY + timedelta(days=1))
    signal = Signal.objects.get(route=route, kind="decisions_overdue")
    assert (signal.first_seen, signal.last_seen, signal.resolved_on) == (TODAY, TODAY + timedelta(days=1), None)
    Decision.objects.update(done_on=TODAY + timedelta(days=2))
    result = services.compute(TODAY + timedelta(days=2))
    signal.refresh_from_db()
    assert signal.resolved_on == TODAY + timedelta(days=2) and result.resolved == 1
    Decision.objects.update(done_on=None)
    services.compute(TODAY + timedelta(days=3))
    reopened = Signal.objects.open().get(route=route, kind="decisions_overdue")
    assert reopened.pk != signal.pk and reopened.first_seen == TODAY + timedelta(days=3)


def test_a_stopped_route_has_no_open_signals(route):
    services.compute(TODAY)
    assert kinds(route)
    route.phase = "gestopt"
    route.save()
    services.compute(TODAY)
    assert kinds(route) == []


def test_command(route, capsys):
    call_command("compute_signals", "--date", "2026-11-30")
    assert "nieuw" in capsys.readouterr().out
    assert kinds(route)


def test_command_refuses_a_bad_date(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--date"):
        call_command("compute_signals", "--date", "30-11-2026")


def test_compute_asks_the_database_per_kind_not_per_route(route, registry, users, api_client, make_contact):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from apps.routes.tests.payloads import route_payload

    make_contact(route, registry["calvijn"], "Anna de Vries")
    services.compute(TODAY)
    with CaptureQueriesContext(connection) as one:
        services.compute(TODAY)
    headers = api_client.token_for("calvijn")
    for n in range(3):
        response = api_client.post("/api/v1/routes", route_payload(registry, name=f"Route {n}"),
                                   content_type="application/json", **headers)
        assert response.status_code == 201
    services.compute(TODAY)
    with CaptureQueriesContext(connection) as four:
        services.compute(TODAY)
    assert len(four) == len(one)
