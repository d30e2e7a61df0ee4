"""The cooperation use cases on a real database: meetings with attendance and the derived "laatste
partneroverleg" (R-16), decisions open and overdue per person and route, knelpunten counted per category."""
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from apps.cooperation import models as m
from apps.cooperation import services
from apps.cooperation.schemas import CancelIn, CloseIn, CompleteIn, DecisionIn, KnelpuntIn, MeetingIn, SeriesIn
from apps.routes.models import ComplianceFinding, Route
from apps.routes.services import ChangeRefused

TODAY = date(2026, 11, 30)


def meeting(day, *attendance, **extra):
    return MeetingIn(kind="directieberaad", held_on=day,
                     attendance=[{"person": p.pk, "present": present} for p, present in attendance], **extra)


def r16_meeting_findings(route):
    return list(ComplianceFinding.objects.filter(route=route, rule="R-16", field="last_partner_meeting")
                .values_list("message", flat=True))


def test_the_last_partner_meeting_is_the_latest_with_both_sides(route, users, people):
    user = users["calvijn"]
    assert route.last_partner_meeting is None
    first = services.record_meeting(user, route, meeting(date(2026, 9, 1), (people["anna"], True),
                                                         (people["bram"], True)), today=TODAY)
    assert first.both_sides
    route.refresh_from_db()
    assert route.last_partner_meeting == date(2026, 9, 1)
    # a later meeting where the mbo side was absent does not count, and is marked as such
    absent = services.record_meeting(user, route, meeting(date(2026, 11, 1), (people["anna"], True),
                                                          (people["kees"], True), (people["bram"], False)),
                                     today=TODAY)
    assert not absent.both_sides and absent.one_side_absent
    route.refresh_from_db()
    assert route.last_partner_meeting == date(2026, 9, 1)
    # correcting its attendance makes it count
    services.change_meeting(user, absent, meeting(date(2026, 11, 1), (people["anna"], True), (people["bram"], True)),
                            today=TODAY)
    route.refresh_from_db()
    assert route.last_partner_meeting == date(2026, 11, 1)
    # cancelling it takes it out again
    services.cancel_meeting(user, absent, CancelIn(reason="De mbo-partners konden niet"))
    route.refresh_from_db()
    assert route.last_partner_meeting == date(2026, 9, 1)
    assert absent.cancelled and not absent.one_side_absent


def test_r16_follows_the_derived_date(route, users, people):
    Route.objects.filter(pk=route.pk).update(without_structural_meetings=False)
    route.refresh_from_db()
    from apps.routes import compliance
    compliance.refresh(route)
    assert r16_meeting_findings(route)            # no partner meeting recorded
    services.record_meeting(users["calvijn"], route, meeting(date.today(), (people["anna"], True),
                                                             (people["bram"], True)))
    assert r16_meeting_findings(route) == []


def test_meeting_input_is_checked_against_the_route(route, users, people):
    user = users["calvijn"]
    with pytest.raises(ChangeRefused) as refused:
        services.record_meeting(user, route, meeting(date(2026, 12, 5), (people["anna"], True),
                                                     (people["other"], True)), today=TODAY)
    assert {e["field"] for e in refused.value.errors} == {"held_on", "attendance[1].person"}
    with pytest.raises(ChangeRefused) as refused:
        services.record_meeting(user, route, MeetingIn(held_on=date(2026, 9, 1), series=999999), today=TODAY)
    assert [e["field"] for e in refused.value.errors] == ["series"]
    with pytest.raises(ChangeRefused) as refused:
        services.record_meeting(user, route, MeetingIn(held_on=date(2026, 9, 1)), today=TODAY)
    assert [e["field"] for e in refused.value.errors] == ["kind"]
    assert not m.Meeting.objects.exists()


def test_a_series_gives_its_kind_and_default_frequency(route, users):
    series = services.add_series(users["calvijn"], route, SeriesIn(kind="directieberaad"))
    assert series.times_per_year == 6
    held = services.record_meeting(users["calvijn"], route, MeetingIn(series=series.pk, held_on=date(2026, 10, 1)),
                                   today=TODAY)
    assert held.kind == "directieberaad" and not held.both_sides
    assert services.held_this_year(route, date(2026, 8, 1)) == {series.pk: 1}
    planning = services.add_series(users["calvijn"], route, SeriesIn(kind="planning", months="mei/juni"))
    assert planning.times_per_year == 1


def test_only_the_route_editors_change_its_overleg(route, users, people):
    for name in ("regio", "achterhoek", "examen"):
        with pytest.raises(PermissionDenied):
            services.record_meeting(users[name], route, meeting(date(2026, 9, 1)), today=TODAY)
    services.record_meeting(users["rocva"], route, meeting(date(2026, 9, 1)), today=TODAY)


def test_open_and_overdue_decisions_per_person_and_route(route, users, people):
    user = users["calvijn"]
    late = services.add_decision(user, route, DecisionIn(text="Rooster afstemmen", owner=people["bram"].pk,
                                                          due_on=date(2026, 10, 1)))
    later = services.add_decision(user, route, DecisionIn(text="Ouderavond", owner=people["anna"].pk,
                                                           due_on=date(2027, 1, 15)))
    services.add_decision(user, route, DecisionIn(text="Zonder eigenaar"))
    assert list(m.Decision.objects.filter(route=route).overdue(TODAY)) == [late]
    assert late.overdue(TODAY) and not later.overdue(TODAY)
    assert list(services.open_decisions(user, owner=people["bram"])) == [late]
    assert [d.text for d in services.open_decisions(user, route=route)] == [
        "Rooster afstemmen", "Ouderavond", "Zonder eigenaar"]
    services.complete_decision(user, late, CompleteIn(done_on=date(2026, 11, 2)), today=TODAY)
    assert list(services.open_decisions(user, owner=people["bram"])) == []
    assert list(m.Decision.objects.filter(route=route).overdue(TODAY)) == []
    # a partner of another route sees none of them
    assert list(services.open_decisions(users["achterhoek"])) == []
    assert list(services.open_decisions(users["regio"])) == []


def test_a_decision_owner_works_at_a_partner(route, users, people):
    with pytest.raises(ChangeRefused) as refused:
        services.add_decision(users["calvijn"], route, DecisionIn(text="x", owner=people["other"].pk, meeting=12345))
    assert [e["field"] for e in refused.value.errors] == ["owner", "meeting"]


def test_knelpunten_counted_per_category_across_the_region(route, users, people, registry, api_client):
    from apps.routes.tests.payloads import route_payload
    headers = api_client.token_for("calvijn")
    response = api_client.post("/api/v1/routes", route_payload(registry, name="Tweede route"),
                               content_type="application/json", **headers)
    second = Route.objects.get(pk=response.json()["id"])
    user = users["calvijn"]
    services.add_knelpunt(user, KnelpuntIn(category="ov_kaart", title="Geen OV-kaart"), route=route, today=TODAY)
    services.add_knelpunt(user, KnelpuntIn(category="ov_kaart", title="Reizen naar het mbo"), route=second,
                          today=TODAY)
    fixed = services.add_knelpunt(user, KnelpuntIn(category="docenttijd", title="Geen uren",
                                                   owner=people["anna"].pk), route=route, today=TODAY)
    own = services.add_knelpunt(users["regio"], KnelpuntIn(category="docenttijd", title="Regio: docenttijd"),
                                region=registry["ams"], today=TODAY)
    assert own.route is None and own.reported_on == TODAY
    services.close_knelpunt(user, fixed, CloseIn(action="Uren in de taakbeleidsregeling"), today=TODAY)
    assert fixed.status == "opgelost" and fixed.resolved_on == TODAY
    region_knelpunten = m.Knelpunt.objects.visible_to(users["regio"]).of_region(registry["ams"])
    counts = services.category_counts(region_knelpunten)
    assert [(c.category, c.routes, c.total, c.open, c.recurring) for c in counts] == [
        ("ov_kaart", 2, 2, 2, True), ("docenttijd", 1, 2, 1, False)]
    # who reads: the partners (not the region's own), the regiocoördinator, not another region or route
    assert set(m.Knelpunt.objects.visible_to(users["rocva"])) == {k for k in region_knelpunten if k.route}
    assert list(m.Knelpunt.objects.visible_to(users["achterhoek"])) == []
    assert m.Knelpunt.objects.editable_by(users["regio"]).get() == own


def test_region_knelpunten_are_kept_by_the_regions_coordinator(registry, users, make_user):
    from apps.accounts.models import Role
    other = make_user("regio-ach", Role.REGIOCOORDINATOR, region=registry["ach"])
    for user in (users["calvijn"], other):
        with pytest.raises(PermissionDenied):
            services.add_knelpunt(user, KnelpuntIn(category="overig", title="x"), region=registry["ams"])


def test_knelpunt_owner_and_close_date_are_checked(route, users, people):
    user = users["calvijn"]
    with pytest.raises(ChangeRefused) as refused:
        services.add_knelpunt(user, KnelpuntIn(category="ouders", title="x", owner=people["other"].pk), route=route)
    assert [e["field"] for e in refused.value.errors] == ["owner"]
    knelpunt = services.add_knelpunt(user, KnelpuntIn(category="ouders", title="x", reported_on=date(2026, 10, 1)),
                                     route=route, today=TODAY)
    with pytest.raises(ChangeRefused) as refused:
        services.close_knelpunt(user, knelpunt, CloseIn(resolved_on=date(2026, 9, 1)), today=TODAY)
    assert [e["field"] for e in refused.value.errors] == ["resolved_on"]
