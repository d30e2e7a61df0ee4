"""The demo's overleg, decisions and knelpunten (apps/demo/cooperation.py), as of 30 November 2026: the four
practices the sources describe, one decision past its due date, a recurring knelpunt in Amsterdam, and every
route's last partner meeting derived from the meetings held."""
from datetime import timedelta

import pytest

from apps.cooperation import models as m
from apps.cooperation import services
from apps.registry.models import Region
from apps.routes.models import Route

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_2026):
    return demo_2026


def test_profijt_directieberaad_every_two_months_with_one_cancelled(demo):
    route = demo.routes["profijt-stera"]
    [beraad] = route.meeting_series.filter(kind="directieberaad")
    assert beraad.times_per_year == 6
    meetings = list(route.meetings.filter(series=beraad))
    assert len(meetings) == 6
    [cancelled] = [mt for mt in meetings if mt.cancelled]
    assert "mbo" in cancelled.cancel_reason and not cancelled.both_sides
    assert cancelled.attendance.filter(present=False, person__institution__route_partnerships__role="mbo").exists()
    route.refresh_from_db()
    assert route.last_partner_meeting == demo.today - timedelta(days=17)
    assert [d.text[:20] for d in m.Decision.objects.filter(route=route).overdue(demo.today)] == ["De coördinatoren ond"]


def test_tot_plans_in_may_june_without_structural_meetings(demo):
    route = demo.routes["tot-route"]
    assert route.without_structural_meetings
    [planning] = route.meeting_series.all()
    assert (planning.kind, planning.months, planning.times_per_year) == ("planning", "mei/juni", 1)
    assert planning.meetings.get().held_on.month == 6


def test_het_element_board_talk_and_assen_teachers(demo, client):
    element = demo.routes["het-element-routes"]
    assert element.meeting_series.get().kind == "bestuurlijk"
    assen = demo.routes["nassau-drenthe-college"]
    teachers = assen.meeting_series.get(kind="docentenoverleg")
    assert teachers.times_per_year == 6 and teachers.meetings.filter(both_sides=True).count() == 3
    client.login(username="element", password="demo")
    assert "Verdeling van het aanbod" in client.get("/besluiten/mijn/").content.decode()


def test_every_last_partner_meeting_comes_from_the_meetings(demo):
    for route in Route.objects.all():
        assert route.last_partner_meeting == services.last_partner_meeting(route), route.name


def test_amsterdam_sees_a_recurring_knelpunt(demo):
    region = Region.objects.get(name__icontains="Amsterdam", kind="rmc")
    counts = services.category_counts(m.Knelpunt.objects.of_region(region))
    assert counts[0].category == "cao_cultuur" and counts[0].recurring and counts[0].routes == 3
    assert m.Knelpunt.objects.filter(region=region, route=None).count() == 2
    assert m.Knelpunt.objects.filter(category="ov_kaart").count() >= 3     # Profijt, TOT and Het Element
