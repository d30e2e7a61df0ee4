"""The KPI core (plain pytest + hypothesis): the writing of figures (one decimal half up, "–" for a
denominator 0, K-06 with two decimals), the reference computation on small hand-made cohorts with known
answers, suppression of counts from 1 to 4, and the signal against targets and benchmarks."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain import kpi
from domain.kpi import Figure, PathRecord, Step, figure, reference_cohort, reference_year

ON = date(2023, 10, 15)


def start(cohort=2019, kw="25498", zij=False):
    return Step("zij_instroom" if zij else "instroom", date(cohort + zij, 8, 1), kwalificatie=kw)


def rec(*steps, cohort=2019, **extra):
    return PathRecord(cohort=cohort, steps=(start(cohort), *steps), **extra)


def figures(records, cohort=2019, on=ON, length=None):
    return {f.id: f for f in reference_cohort(records, cohort, on, length)}


def counts(f: Figure):
    return f.numerator, f.denominator


# -- writing ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("num, den, text", [(50, 57, "87.7"), (44, 50, "88.0"), (1, 8, "12.5"), (1, 16, "6.3"),
                                            (1, 80, "1.3"), (2, 3, "66.7"), (4, 78, "5.1"), (0, 5, "0.0"),
                                            (5, 5, "100.0")])
def test_percentages_have_one_decimal_rounded_half_up(num, den, text):
    assert str(kpi.percentage(num, den)) == text


def test_a_denominator_zero_is_no_value_and_shown_as_a_dash():
    assert kpi.percentage(0, 0) is None and kpi.mean_years(0, 0) is None
    assert figure("K-02", 0, 0).text == "–" and kpi.shown(None, "%") == "–"


def test_years_have_two_decimals_and_pages_write_a_comma():
    assert str(kpi.mean_years(37, 6)) == "3.08" and str(kpi.mean_years(11, 2)) == "2.75"
    assert str(kpi.mean_years(1, 8)) == "0.06"               # 0.0625 -> half up
    assert kpi.shown(Decimal("88.0"), "%") == "88,0%" and kpi.shown(Decimal("3.09"), "jaar") == "3,09 jaar"


def test_labels():
    assert kpi.label_of("K-04/3") == "Diploma binnen 3 jaar"
    assert kpi.label_of("K-08/2022") == "Jaarresultaat 2022-2023"
    assert kpi.label_of("K-08/2022/uitval") == "Uitval 2022-2023"
    assert list(kpi.k_range(3)) == [2, 3, 4] and list(kpi.k_range(5)) == [2, 3, 4, 5]


# -- the reference on hand-made cohorts ---------------------------------------------------------------

def test_a_doublure_is_not_uitval_and_does_not_reset_the_clock():
    repeat = rec(Step("doublure", date(2020, 8, 1)), Step("mbo_diploma", date(2023, 6, 1), level=2))
    on_time = rec(Step("overgang", date(2020, 8, 1)), Step("mbo_diploma", date(2022, 6, 1), level=2))
    f = figures([repeat, on_time])
    assert counts(f["K-02"]) == (0, 2)
    assert counts(f["K-04/3"]) == (1, 2) and counts(f["K-04/4"]) == (2, 2)
    assert f["K-06"].value == Decimal("3.50")                # (4 + 3) / 2: elapsed school years


def test_leaving_and_coming_back_is_not_a_leaver():
    back = rec(Step("uitstroom", date(2020, 3, 1), destination="werk"), Step("terugkeer", date(2020, 9, 1)))
    f = figures([back])
    assert counts(f["K-02"]) == (0, 1) and counts(f["K-03"]) == (0, 1) and counts(f["K-07"]) == (1, 1)
    assert counts(figures([back], on=date(2020, 5, 1))["K-02"]) == (1, 1)      # out on that day


def test_vsv_is_leaving_without_startkwalificatie_to_no_education():
    records = [rec(Step("uitstroom", date(2020, 7, 31), destination="entree")),
               rec(Step("uitstroom", date(2021, 1, 5), destination="werk")),
               rec(Step("uitstroom", date(2021, 1, 5), destination="geen")),
               rec(Step("uitstroom", date(2021, 1, 5), destination="havo")),
               rec(Step("uitstroom", date(2021, 1, 5), destination="werk"),
                   other_startkwalificatie_on=date(2020, 6, 1)),       # a havo diploma: startkwalificatie
               rec()]
    f = figures(records)
    assert counts(f["K-02"]) == (5, 6)
    assert counts(f["K-03"]) == (2, 6)                       # work and none; Entree and havo are education
    assert counts(f["K-07"]) == (2, 6)                       # in the route, or the havo diploma


def test_startkwalificatie_is_level_two_or_higher():
    entree = rec(Step("mbo_diploma", date(2021, 7, 1), kwalificatie="25253", level=1))
    level2 = rec(Step("mbo_diploma", date(2021, 7, 1), level=2))
    f = figures([entree, level2])
    assert counts(f["K-07"]) == (1, 2) and counts(f["K-02"]) == (0, 2)


def test_a_diploma_in_january_of_the_third_school_year_is_two_and_a_half():
    f = figures([rec(Step("mbo_diploma", date(2022, 1, 20), level=2))])
    assert f["K-06"].value == Decimal("2.50") and counts(f["K-04/3"]) == (1, 1)


def test_a_switch_counts_once_and_a_first_choice_is_none():
    switched = rec(Step("switch", date(2020, 1, 1), kwalificatie="25491"),
                   Step("switch", date(2021, 1, 1), kwalificatie="25498"))
    chosen = PathRecord(2019, (start(kw=""), Step("switch", date(2020, 1, 1), kwalificatie="25491")))
    assert counts(figures([switched, chosen])["K-11"]) == (1, 2)
    assert counts(figures([switched], on=date(2019, 12, 1))["K-11"]) == (0, 1)


def test_zij_instroom_joins_the_cohort_of_its_group():
    zij = PathRecord(2019, (start(zij=True),))
    f = figures([zij, rec()])
    assert counts(f["K-01"]) == (2, None) and counts(f["K-01/zij"]) == (1, None)
    assert counts(figures([zij, rec()], on=date(2020, 1, 1))["K-01"]) == (1, None)     # not entered yet


def test_doorstroom_on_the_first_first_of_october_and_success_after_it():
    up = rec(Step("mbo_diploma", date(2022, 7, 1), level=2), Step("doorstroom", date(2022, 9, 1), level=3),
             followup_diploma_on=date(2023, 7, 1))
    late = rec(Step("mbo_diploma", date(2022, 7, 1), level=2), Step("doorstroom", date(2022, 10, 2), level=3))
    same = rec(Step("mbo_diploma", date(2022, 7, 1), kwalificatie="25491", level=3),
               Step("doorstroom", date(2022, 9, 1), level=3))
    fresh = rec(Step("mbo_diploma", date(2023, 7, 1), level=2))           # 1 October 2023 has passed ...
    f = figures([up, late, same, fresh])
    assert counts(f["K-05"]) == (1, 4)                        # late is after 1 October; level 3 is not higher
    assert counts(f["K-12"]) == (1, 1)
    assert counts(figures([fresh], on=date(2023, 9, 30))["K-05"]) == (0, 0)   # ... but not on 30 September


def test_jaarresultaat_per_school_year():
    records = [rec(Step("mbo_diploma", date(2022, 7, 1), level=2)),
               rec(Step("uitstroom", date(2021, 11, 1), destination="werk")),
               rec(Step("uitstroom", date(2021, 11, 1), destination="werk"), Step("terugkeer", date(2022, 2, 1))),
               rec(Step("uitstroom", date(2022, 3, 1), destination="werk"), Step("terugkeer", date(2022, 9, 1)))]
    [result, uitval] = reference_year(records, 2021)
    assert counts(result) == (1, 3) and result.value == Decimal("33.3")      # diploma / (diploma + 2 ended)
    assert counts(uitval) == (2, 4)
    assert counts(reference_year(records, 2017)[0]) == (0, 0) and reference_year(records, 2017)[0].value is None


@st.composite
def simple_path(draw):
    steps = [start()]
    end = draw(st.sampled_from(("stay", "diploma", "leave", "leave_back")))
    day = date(2020, 1, 1) + draw(st.integers(0, 1200)) * (date(2020, 1, 2) - date(2020, 1, 1))
    if end == "diploma":
        steps.append(Step("mbo_diploma", day, level=draw(st.sampled_from((2, 3, 4)))))
    elif end.startswith("leave"):
        steps.append(Step("uitstroom", day, destination=draw(st.sampled_from(("werk", "entree", "geen")))))
        if end == "leave_back":
            steps.append(Step("terugkeer", day + (date(2020, 1, 31) - date(2020, 1, 1))))
    return PathRecord(2019, tuple(steps))


@given(st.lists(simple_path(), max_size=20), st.dates(date(2019, 9, 1), date(2025, 1, 1)))
def test_every_member_is_bound_or_out(records, on):
    f = figures(records, on=on)
    n = f["K-01"].numerator
    assert f["K-02"].numerator + f["K-07"].numerator == n
    assert f["K-03"].numerator <= f["K-02"].numerator
    ks = [f[f"K-04/{k}"].numerator for k in kpi.k_range(None)]
    assert ks == sorted(ks) and ks[-1] <= n


# -- suppression ------------------------------------------------------------------------------------

def test_small_counts_and_what_they_give_away_are_hidden():
    shown = {f.id: f for f in kpi.suppress_figures([
        figure("K-01", 57, None), figure("K-02", 2, 57), figure("K-07", 55, 57), figure("K-04/3", 50, 57),
        figure("K-04/4", 53, 57), figure("K-04/5", 54, 57), figure("K-03", 8, 10 + 50), figure("K-05", 0, 0)])}
    assert shown["K-01"].numerator == 57 and not shown["K-01"].suppressed
    assert shown["K-02"].suppressed and shown["K-02"].value is None and shown["K-02"].text == "<5"
    assert shown["K-07"].suppressed                           # 57 - 55 = 2 would be read off
    assert shown["K-04/4"].suppressed                         # 57 - 53 = 4 without a diploma in 4 years
    assert not shown["K-04/3"].suppressed                     # ... so 53 - 50 can no longer be read
    assert shown["K-04/3"].suppressed is False and shown["K-04/5"].suppressed    # 57 - 54 = 3 (own rest)
    across = {f.id: f for f in kpi.suppress_figures([figure("K-04/3", 40, 60), figure("K-04/4", 43, 47),
                                                        figure("K-04/5", 52, 60)])}
    assert across["K-04/4"].suppressed and not across["K-04/3"].suppressed  # 47 - 43 = 4 ...
    assert not across["K-04/5"].suppressed                    # ... and 52 - 40 = 12 across the hidden one
    across = {f.id: f for f in kpi.suppress_figures([figure("K-04/3", 40, 60), figure("K-04/4", 43, 47),
                                                        figure("K-04/5", 44, 60)])}
    assert across["K-04/3"].suppressed                        # 44 - 40 = 4 across the hidden K-04/4
    assert not shown["K-05"].suppressed                       # 0 of 0 reveals nothing


@given(st.lists(st.tuples(st.integers(0, 12), st.integers(0, 12)), min_size=1, max_size=6))
def test_no_shown_figure_reveals_a_count_from_one_to_four(pairs):
    ids = ["K-02", "K-03", "K-04/2", "K-04/3", "K-04/4", "K-07"]
    figures_ = [figure(i, min(a, b), max(a, b)) for i, (a, b) in zip(ids, pairs, strict=False)]
    for f in kpi.suppress_figures(figures_):
        if not f.suppressed:
            assert not 0 < f.numerator < 5 and not 0 < f.denominator < 5
            assert not 0 < f.denominator - f.numerator < 5


def test_late_diplomas_cannot_be_read_from_the_holders_and_the_last_year_count():
    """K-06's denominator (all holders) minus the last K-04/k shown are the diplomas after k years;
    K-06's holders minus K-05's counted holders are the diplomas too recent for doorstroom."""
    shown = {f.id: f for f in kpi.suppress_figures([
        figure("K-01", 60, None), figure("K-04/3", 40, 60), figure("K-04/4", 47, 60),
        figure("K-06", None, 50, Decimal("3.60")), figure("K-05", 20, 40)])}
    assert shown["K-04/4"].suppressed                         # 50 - 47 = 3 late diplomas
    assert not shown["K-04/3"].suppressed                     # 50 - 40 = 10 across it
    assert not shown["K-06"].suppressed and not shown["K-05"].suppressed   # 50 - 40 = 10 counted
    recent = {f.id: f for f in kpi.suppress_figures([figure("K-06", None, 50, Decimal("3.60")),
                                                      figure("K-05", 20, 48)])}
    assert recent["K-05"].suppressed                          # 50 - 48 = 2 diplomas since the last 1 October


def test_one_small_intake_group_is_not_given_away_by_the_total_and_the_other_groups():
    groups = [figure("K-09/2022", 23, None), figure("K-09/2022/a", 10, None), figure("K-09/2022/b", 3, None),
              figure("K-09/2022/c", 10, None)]
    shown = {f.id: f for f in kpi.suppress_figures(groups)}
    assert shown["K-09/2022/b"].suppressed                    # 3: "<5"
    readable = [f.numerator for f in shown.values() if not f.suppressed]
    assert len(readable) <= 2                                 # 23 - 10 - 10 = 3 would be read off
    assert shown["K-09/2022"].suppressed or sum(1 for i in "ac" if shown[f"K-09/2022/{i}"].suppressed)
    big = {f.id: f for f in kpi.suppress_figures([figure("K-09/2022", 30, None), figure("K-09/2022/a", 10, None),
                                                  figure("K-09/2022/b", 10, None), figure("K-09/2022/c", 10, None)])}
    assert not any(f.suppressed for f in big.values())


def test_a_whole_hides_what_any_of_its_parts_hides():
    parts = [[figure("K-01", 30, None), figure("K-02", 3, 30)], [figure("K-01", 40, None), figure("K-02", 8, 40)]]
    whole = {f.id: f for f in kpi.suppress_with_parts([figure("K-01", 70, None), figure("K-02", 11, 70)], parts)}
    assert whole["K-02"].suppressed                           # 11 - 8 = 3 of the first route
    assert not whole["K-01"].suppressed


@given(st.lists(st.integers(0, 9), min_size=2, max_size=5))
def test_no_intake_group_can_be_derived(groups):
    """The groups add up to the total: shown counts, and the total minus the groups shown when one
    group is hidden, are never from 1 to 4."""
    total = sum(groups)
    figures_ = [figure("K-09/2022", total, None)] + [figure(f"K-09/2022/{i}", n, None) for i, n in enumerate(groups)]
    known = {f.id: f.numerator for f in kpi.suppress_figures(figures_) if not f.suppressed}
    for i, n in known.items():
        assert not 0 < n < 5, i
    unknown = [f.id for f in figures_[1:] if f.id not in known]
    if "K-09/2022" in known and len(unknown) == 1:
        derived = known["K-09/2022"] - sum(n for i, n in known.items() if i != "K-09/2022")
        assert not 0 < derived < 5


# -- targets and benchmarks -------------------------------------------------------------------------

def test_the_signal_knows_the_operator():
    assert kpi.signal(Decimal("87.7"), ">=", Decimal(85)) == kpi.MEETS
    assert kpi.signal(Decimal("84.9"), ">=", Decimal(85)) == kpi.MISSES
    assert kpi.signal(Decimal("3.5"), "<=", Decimal(5)) == kpi.MEETS
    assert kpi.signal(Decimal("5.1"), "<=", Decimal(5)) == kpi.MISSES
    assert kpi.signal(None, ">=", Decimal(85)) is None
    with pytest.raises(ValueError):
        kpi.signal(Decimal(1), "==", Decimal(1))
    assert kpi.benchmark_operator("K-08/2019") == ">=" and kpi.benchmark_operator("K-08/2018/uitval") == "<="


def test_targets_and_benchmarks_match_their_figures():
    assert kpi.matches("K-04/3", "K-04", "3") and not kpi.matches("K-04/4", "K-04", "3")
    assert kpi.matches("K-02", "K-02", "") and not kpi.matches("K-02", "K-04", "")
    assert kpi.matches("K-08/2021", "K-08", "") and not kpi.matches("K-08/2021/uitval", "K-08", "")
    assert kpi.matches("K-08/2021/uitval", "K-08", "uitval")
    assert not kpi.matches("K-02", "K-08", "uitval")          # a yearly uitval is never compared with K-02
