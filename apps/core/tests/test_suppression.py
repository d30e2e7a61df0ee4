"""Small-count suppression: no count from 1 to 4 can be read or derived from what is shown. The
derivation check below is a brute force over every table the reader could think of, independent
of the interval reasoning the helper itself uses."""
from itertools import product

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apps.core.lib.suppression import HIDDEN, SMALL, TOTAL, suppress


def test_small_counts_show_as_below_five():
    assert suppress({"R-06": 1, "R-10": 2, "R-11": 0, "R-04": 5, "R-05": 12}) == {
        "R-06": "<5", "R-10": "<5", "R-11": "0", "R-04": "5", "R-05": "12"}


def test_a_total_and_all_but_one_part_hide_another_part():
    shown = suppress({"BB": 8, "KB": 2}, total=10)
    assert shown["KB"] == SMALL and shown["BB"] == HIDDEN and shown[TOTAL] == "10"


def test_an_uncovered_rest_from_one_to_four_is_protected_too():
    shown = suppress({"BB": 20, "KB": 7}, total=30)   # 3 students in no part shown
    assert HIDDEN in shown.values()


def test_large_counts_stay():
    assert suppress({"a": 6, "b": 7}, total=13) == {"a": "6", "b": "7", TOTAL: "13"}


def test_bad_input_is_refused():
    with pytest.raises(ValueError):
        suppress({"a": 6, "b": 7}, total=12)
    with pytest.raises(ValueError):
        suppress({"a": -1})


def _range(label: str, bound: int):
    if label == SMALL:
        return range(1, 5)
    if label == HIDDEN:
        return range(bound + 1)
    return range(int(label), int(label) + 1)


def _readings(shown: dict, keys: list, rest: int, bound: int):
    """Every table consistent with what is shown (and with the rest, which the reader is assumed
    to know unless it is from 1 to 4): yields (parts, rest, total)."""
    rest_range = range(1, 5) if 0 < rest < 5 else range(rest, rest + 1)
    total_range = set(_range(shown[TOTAL], bound + 8))
    for parts in product(*(_range(shown[k], bound) for k in keys)):
        for r in rest_range:
            if sum(parts) + r in total_range:
                yield parts, r, sum(parts) + r


counts = st.dictionaries(st.sampled_from("abc"), st.integers(0, 7), max_size=3)


@settings(max_examples=150, deadline=None)
@given(counts, st.integers(0, 6))
def test_no_small_count_can_be_derived(parts, rest):
    total = sum(parts.values()) + rest
    shown = suppress(parts, total=total)
    keys = sorted(parts)
    readings = list(_readings(shown, keys, rest, total + 2))
    true = (tuple(parts[k] for k in keys), rest, total)
    assert true in readings   # what is shown is true
    for i, key in enumerate(keys):
        if 0 < parts[key] < 5:
            assert len({p[i] for p, _r, _t in readings}) > 1, (key, shown)
    if 0 < total < 5:
        assert len({t for _p, _r, t in readings}) > 1, shown
    if 0 < rest < 5:
        assert len({r for _p, r, _t in readings}) > 1, shown


@given(st.dictionaries(st.text(max_size=3), st.integers(0, 1000)))
def test_without_a_total_only_small_counts_are_hidden(parts):
    shown = suppress(parts)
    assert set(shown) == set(parts)
    for key, value in parts.items():
        assert shown[key] == (SMALL if 0 < value < 5 else str(value))


@given(st.dictionaries(st.text(max_size=3), st.integers(0, 40), max_size=6), st.integers(0, 40))
def test_shown_numbers_are_true_and_never_small(parts, rest):
    total = sum(parts.values()) + rest
    shown = suppress(parts, total=total)
    for key, value in [*parts.items(), (TOTAL, total)]:
        assert shown[key] in (SMALL, HIDDEN, str(value))
        assert shown[key] != SMALL or 0 < value < 5
        assert not (0 < value < 5) or shown[key] in (SMALL, HIDDEN)
