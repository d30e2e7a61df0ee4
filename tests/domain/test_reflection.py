"""The reflection instrument's core (domain.reflection): the catalogue, the input checks naming the item,
and the averages, differences and change between rounds (plain examples and hypothesis properties)."""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from domain import reflection as r

# --- the catalogue --------------------------------------------------------------------------------------


def test_the_catalogue_has_the_five_conditions_three_domains_and_the_achtje():
    assert [i.id for i in r.items_of(r.Group.VOORWAARDE)] == ["V1", "V2", "V3", "V4", "V5"]
    titles = [i.title for i in r.items_of(r.Group.VOORWAARDE)]
    assert titles == ["Gedeelde ambitie", "Recht doen aan belangen", "Aandacht voor persoonlijke relaties",
                      "Professioneel organiseren van de samenwerking", "Ontwerpen van een passend proces"]
    assert {s.key for s in r.SECTIONS if s.group == r.Group.DOMEIN} == {"inhoud", "samenwerking", "verankering"}
    inhoud = " ".join(i.title for i in r.items_of(section="inhoud"))
    assert all(area in inhoud for area in ("curriculum", "leerling", "docent"))
    verankering = " ".join(i.title for i in r.items_of(section="verankering"))
    assert all(word in verankering for word in ("commitment", "faciliteren", "leerlingen"))
    achtje = r.items_of(r.Group.ACHTJE)
    for level in ("bestuurlijk", "management/projectleiding", "professioneel"):
        assert sum(level in i.title for i in achtje) == 2        # inside the school and between the schools
    assert len(set(r.ITEM_IDS)) == len(r.ITEMS) == 19
    assert set(r.SCALE_LABELS) == set(r.SCALE) == {1, 2, 3, 4, 5}


# --- input checks ---------------------------------------------------------------------------------------

ALL = {i: r.Answer(3) for i in r.ITEM_IDS}


def test_a_complete_response_has_no_problems():
    assert r.problems(ALL, "ja", complete=True) == []


def test_a_draft_may_leave_items_open():
    assert r.problems({"V1": r.Answer(4)}, "", complete=False) == []


def test_an_unknown_item_and_a_score_off_the_scale_are_named():
    found = r.problems({"X9": r.Answer(3), "V3": r.Answer(6)}, "")
    assert [p.field for p in found] == ["answers.X9", "answers.V3.score"]
    assert "X9" in found[0].message
    assert "V3 Aandacht voor persoonlijke relaties" in found[1].message


def test_submitting_names_every_item_left_open_and_the_phase_question():
    answers = {k: v for k, v in ALL.items() if k not in ("D4", "A6")}
    found = r.problems(answers, "", complete=True)
    assert [p.field for p in found] == ["answers.D4", "answers.A6", "phase_fit"]


def test_dont_know_is_an_answer():
    assert r.problems({**ALL, "A4": r.Answer(None)}, "deels", complete=True) == []


def test_an_unknown_phase_answer_is_refused():
    assert [p.field for p in r.problems({}, "misschien")] == ["phase_fit"]


# --- averages -------------------------------------------------------------------------------------------


def test_averages_per_partner_leave_dont_know_out():
    means = r.partner_means([("vo", {"V1": 4, "V2": None}), ("vo", {"V1": 5, "V2": 2}), ("mbo", {"V1": 2})])
    assert list(means) == ["vo", "mbo"]
    assert means["vo"]["V1"] == Fraction(9, 2)
    assert means["vo"]["V2"] == 2
    assert means["mbo"]["V2"] is None
    assert r.rounded(means["vo"]["V1"]) == Decimal("4.5")


def test_group_average_weighs_each_item_the_same():
    means = {i: None for i in r.ITEM_IDS} | {"V1": Fraction(5), "V2": Fraction(2), "D1": Fraction(4)}
    groups = r.group_means(means)
    assert groups == {"voorwaarde": Fraction(7, 2), "domein": Fraction(4), "achtje": None}
    assert r.section_means(means)["inhoud"] == 4


def test_the_largest_differences_come_first():
    by_partner = {"Calvijn": {"V1": Fraction(4), "V2": Fraction(2), "V3": Fraction(5)},
                  "ROC": {"V1": Fraction(4), "V2": Fraction(5), "V3": Fraction(4)}}
    found = r.differences(by_partner)
    assert [(d.item, d.spread, d.highest, d.lowest) for d in found[:3]] == [
        ("V2", 3, "ROC", "Calvijn"), ("V3", 1, "Calvijn", "ROC"), ("V1", 0, "Calvijn", "Calvijn")]


def test_an_item_scored_by_one_partner_only_has_no_difference():
    assert r.differences({"a": {"V1": Fraction(4)}, "b": {"V1": None}}) == []


def test_results_need_two_partners_that_submitted():
    assert not r.comparable({"vo": 3, "mbo": 0})
    assert r.comparable({"vo": 1, "mbo": 1})


def test_change_between_rounds_and_the_trend():
    before = {"voorwaarde": Fraction(3), "achtje": None}
    after = {"voorwaarde": Fraction(7, 2), "achtje": Fraction(4)}
    assert r.change(before, after) == {"voorwaarde": Fraction(1, 2), "achtje": None}
    rounds = [{"vo": {"voorwaarde": Fraction(3)}}, {"vo": {"voorwaarde": Fraction(4)}, "mbo": {"voorwaarde": 2}}]
    assert r.trend(rounds, "voorwaarde") == {"vo": [3, 4], "mbo": [None, 2]}


def test_rounding_is_half_up():
    assert r.rounded(Fraction(41, 20)) == Decimal("2.1")
    assert r.rounded(Fraction(10, 3)) == Decimal("3.3")
    assert r.rounded(None) is None


# --- properties -----------------------------------------------------------------------------------------

score = st.one_of(st.none(), st.sampled_from(r.SCALE))
response = st.fixed_dictionaries({}, optional={i: score for i in r.ITEM_IDS})
partnered = st.lists(st.tuples(st.sampled_from(["vo", "mbo", "mbo2"]), response), max_size=8)


@given(st.lists(response, max_size=6))
def test_an_average_stays_on_the_scale(responses):
    for value in r.item_means(responses).values():
        assert value is None or r.LOWEST <= value <= r.HIGHEST


@given(st.lists(response, max_size=6), st.randoms())
def test_averages_do_not_depend_on_the_order_of_the_responses(responses, rnd):
    shuffled = list(responses)
    rnd.shuffle(shuffled)
    assert r.item_means(responses) == r.item_means(shuffled)


@given(partnered)
def test_differences_are_the_spread_of_the_partner_averages(responses):
    by_partner = r.partner_means(responses)
    found = r.differences(by_partner)
    assert [d.spread for d in found] == sorted((d.spread for d in found), reverse=True)
    for d in found:
        assert d.spread >= 0
        assert by_partner[d.highest][d.item] - by_partner[d.lowest][d.item] == d.spread
        values = [m[d.item] for m in by_partner.values() if m[d.item] is not None]
        assert d.spread == max(values) - min(values) and len(values) >= 2


@given(partnered)
def test_a_change_from_a_round_to_itself_is_nothing(responses):
    for means in r.partner_means(responses).values():
        assert all(v in (0, None) for v in r.change(means, means).values())


@given(st.fractions(min_value=0, max_value=5, max_denominator=60))
def test_rounded_is_within_half_a_tenth(value):
    assert abs(Fraction(r.rounded(value)) - value) <= Fraction(1, 20)
