"""Student paths for the KPI tests, as plain steps (``domain.kpi.Step``): a hypothesis strategy that
draws consistent paths (entry, doublures, switches, leaving and coming back, a diploma on any day of a
school year, doorstroom after it), and the helper that puts such a path into the register as events
(``services.rederive`` then keeps the summary fields in step, as the use cases do)."""
from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from domain.calendar import school_year_of
from domain.kpi import Step

LEVELS = {"25498": 2, "25491": 3}        # the test register's kwalificaties (conftest: helpende, verzorgende)
DESTINATIONS = ("regulier_vmbo", "entree", "ander_mbo", "havo", "werk", "geen")


@st.composite
def path(draw, cohorts=(2017, 2018, 2019)):
    """(cohort, steps, doorstroom level) of one student."""
    cohort = draw(st.sampled_from(cohorts))
    entry = draw(st.sampled_from((1, 1, 1, 2)))
    current = draw(st.sampled_from(tuple(LEVELS)))
    year = cohort + entry - 1
    kind = "instroom" if entry == 1 else "zij_instroom"
    steps = [Step(kind, date(year, 8, 1) + timedelta(days=draw(st.integers(0, 40))), kwalificatie=current)]
    out, level = False, ""
    for year in range(year, cohort + 6):
        day = max(steps[-1].date + timedelta(days=1), date(year, 8, 1))
        if day > date(year + 1, 7, 31):
            break
        if year > school_year_of(steps[0].date) and not out:
            steps.append(Step(draw(st.sampled_from(("overgang", "overgang", "doublure"))), day))
        action = draw(st.sampled_from(("stay", "stay", "switch", "leave", "diploma", "diploma")))
        on = day + timedelta(days=draw(st.integers(1, 330)))
        on = min(on, date(year + 1, 7, 31))
        if out:
            if draw(st.booleans()):
                steps.append(Step("terugkeer", on))
                out = False
            continue
        if action == "switch":
            new = "25491" if current == "25498" else "25498"
            steps.append(Step("switch", on, kwalificatie=new))
            current = new
        elif action == "leave":
            steps.append(Step("uitstroom", on, destination=draw(st.sampled_from(DESTINATIONS))))
            out = True
        elif action == "diploma" and year >= cohort + 1:
            steps.append(Step("mbo_diploma", on, kwalificatie=current, level=LEVELS[current]))
            if draw(st.booleans()):
                level = draw(st.sampled_from(("mbo3", "mbo4", "hbo")))
                later = on + timedelta(days=draw(st.integers(1, 500)))
                steps.append(Step("doorstroom", later, level={"mbo3": 3, "mbo4": 4, "hbo": 5}[level]))
            break
    return cohort, tuple(steps), level
