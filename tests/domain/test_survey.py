"""The survey's pure core: the scale, the codes and the results with small counts suppressed."""
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain import survey as core
from domain.suppression import HIDDEN, SMALL

counts_of = st.fixed_dictionaries({v: st.integers(0, 40) for v in core.VALUES})


def test_the_default_statements_are_calvijns():
    assert len(core.DEFAULT_STATEMENTS) == 5
    assert "Ik weet wat ik moet doen om mijn diploma te halen." in core.DEFAULT_STATEMENTS
    assert [label for _v, label in core.SCALE] == ["helemaal oneens", "oneens", "neutraal", "eens", "helemaal eens"]


def test_codes_are_long_unambiguous_and_typed_back_as_shown():
    code = core.new_code()
    assert len(code) == core.CODE_LENGTH >= 8 and not set(code) & set("0O1IL5S2Z8B")
    assert core.looks_like_code(core.shown_code(code).lower()) and core.normalise_code(core.shown_code(code)) == code
    assert not core.looks_like_code("ABC") and not core.looks_like_code("0" * core.CODE_LENGTH)


def test_distribution_and_share():
    counts = core.distribution([5, 4, 4, 1, 3])
    assert counts == {1: 1, 2: 0, 3: 1, 4: 2, 5: 1}
    assert core.agree_share(counts) == Decimal("60.0")
    assert core.agree_share(core.distribution([])) is None
    with pytest.raises(ValueError):
        core.distribution([6])


def test_fewer_than_five_answers_show_nothing():
    result = core.statement_result("s", {1: 0, 2: 0, 3: 1, 4: 2, 5: 1})
    assert set(result.shown.values()) == {HIDDEN} and result.answered == SMALL and result.agree is None


@given(counts_of)
def test_no_count_from_1_to_4_can_be_read_or_worked_out(counts):
    result = core.statement_result("s", counts)
    total = sum(counts.values())
    for value, shown in result.shown.items():
        assert shown not in {"1", "2", "3", "4"}
        if shown not in (SMALL, HIDDEN):
            assert int(shown) == counts[value]
    if total >= 5:
        # With the total known, the hidden counts together are known: never one hidden cell alone when small.
        hidden = [v for v, s in result.shown.items() if s in (SMALL, HIDDEN)]
        if len(hidden) == 1:
            assert not 0 < counts[hidden[0]] < 5
        assert result.answered == str(total)
    exact = {v for v, s in result.shown.items() if s not in (SMALL, HIDDEN)}
    for group in ({4, 5}, {1, 2, 3}):
        if total >= 5 and 0 < sum(counts[v] for v in group) < 5:
            assert not group <= exact and not (set(core.VALUES) - group) <= exact
    if result.agree is not None:
        agree = counts[4] + counts[5]
        assert result.agree == core.agree_share(counts) and not 0 < agree < 5 and not 0 < total - agree < 5


@given(st.integers(5, 200), st.lists(st.integers(0, 100), min_size=1, max_size=8))
def test_synthetic_answers_reproduce_the_shares(respondents, shares):
    for share, counts in zip(shares, core.answers_for_shares(respondents, shares), strict=True):
        assert sum(counts.values()) == respondents and min(counts.values()) >= 0
        assert abs(core.agree_share(counts) - share) <= Decimal(100) / respondents / 2 + Decimal("0.1")


def test_survey_results_need_one_value_per_statement():
    results = core.survey_results(["a", "b"], [[4, 5]] * 6)
    assert [r.shown[4] for r in results] == ["6", "0"] and results[1].agree == Decimal("100.0")
    with pytest.raises(ValueError):
        core.survey_results(["a", "b"], [[4]])
