"""The pure core of the cooperation records: when a meeting counts as one of both sides, and how a
region's knelpunten are counted per category."""
from hypothesis import given
from hypothesis import strategies as st

from domain.cooperation import KNELPUNT_CATEGORIES, Attendee, LoggedKnelpunt, both_sides_present, count_per_category


def test_both_sides_needs_one_present_person_of_each_side():
    assert both_sides_present([Attendee("vo", True), Attendee("mbo", True)])
    assert not both_sides_present([Attendee("vo", True), Attendee("vo", True)])
    assert not both_sides_present([Attendee("vo", True), Attendee("mbo", False)])   # the mbo side was absent
    assert not both_sides_present([])


attendees = st.lists(st.builds(Attendee, st.sampled_from(["vo", "mbo"]), st.booleans()), max_size=8)


@given(attendees)
def test_both_sides_is_whether_each_side_has_someone_present(people):
    present = {a.side for a in people if a.present}
    assert both_sides_present(people) == (present == {"vo", "mbo"})


@given(attendees, st.lists(st.builds(Attendee, st.sampled_from(["vo", "mbo"]), st.just(False)), max_size=4))
def test_absent_people_change_nothing(people, absent):
    assert both_sides_present(people + absent) == both_sides_present(people)


def test_counts_per_category_put_recurring_categories_on_top():
    logged = [LoggedKnelpunt("docenttijd", 1, True), LoggedKnelpunt("ov_kaart", 1, True),
              LoggedKnelpunt("ov_kaart", 2, False), LoggedKnelpunt("ov_kaart", 3, True),
              LoggedKnelpunt("docenttijd", 1, False), LoggedKnelpunt("docenttijd", None, True)]
    counts = count_per_category(logged)
    assert [(c.category, c.routes, c.total, c.open, c.recurring) for c in counts] == [
        ("ov_kaart", 3, 3, 2, True), ("docenttijd", 1, 3, 2, False)]


knelpunten = st.lists(st.builds(LoggedKnelpunt, st.sampled_from(KNELPUNT_CATEGORIES),
                                st.one_of(st.none(), st.integers(1, 5)), st.booleans()), max_size=30)


@given(knelpunten)
def test_counts_add_up_and_are_ordered(logged):
    counts = count_per_category(logged)
    assert sum(c.total for c in counts) == len(logged)
    assert sum(c.open for c in counts) == sum(k.open for k in logged)
    assert [c.routes for c in counts] == sorted((c.routes for c in counts), reverse=True)
    assert all(0 < c.total and c.open <= c.total and c.routes <= c.total for c in counts)
