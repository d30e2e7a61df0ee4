"""Checks on a loaded demo, shared by the tests that build it on different days: the KPIs as
domain.md section 7 defines them (elapsed time: "by the end of year k" for cohort Y is a date on
or before 31 July of Y + k; a KPI "on D" uses the state on D), the published figures of the
practices, and the current school year filled in."""
from datetime import date

from django.db.models import Count, Q

from apps.demo import dataset
from apps.finance.models import Settlement
from apps.routes.models import Route
from apps.students import models as m
from apps.students import services

ROUTES_WITH_STUDENTS = ("calvijn-vmr", "bindelmeer-vmr", "mlo-glr", "noorderlicht-hzw", "tot-route", "wvo-kwic",
                        "het-element-routes", "voorbeeld-dlr", "voorbeeld-glr", "voorbeeld-r06")

_SPECS = None


def specs():
    global _SPECS
    if _SPECS is None:
        _SPECS = {spec.key: spec for spec in dataset.load().routes}
    return _SPECS


def route_of(key):
    return Route.objects.get(name=specs()[key].name)


def pct(part, whole):
    return round(100 * part / whole, 1) if whole else None


def cohort(route, year):
    return m.Student.objects.filter(route=route, cohort=year)


def k01_instroom(route, year):
    """K-01: the students of cohort ``year``."""
    return cohort(route, year).count()


def k02_uitval(route, year, on):
    """K-02 on ``on``: cohort members out of the route without an mbo diploma: (count, %)."""
    n = cohort(route, year).count()
    out = cohort(route, year).filter(status=m.Status.UITGESTROOMD, left_on__lte=on).count()
    return out, pct(out, n)


def k04_diploma_binnen(route, year, k):
    """K-04/k: cohort members with an mbo diploma dated on or before 31 July of ``year`` + k: (count, %)."""
    n = cohort(route, year).count()
    ok = cohort(route, year).filter(mbo_diploma_on__lte=date(year + k, 7, 31)).count()
    return ok, pct(ok, n)


def first_teldatum_after(day):
    return date(day.year, 10, 1) if day < date(day.year, 10, 1) else date(day.year + 1, 10, 1)


def k05_doorstroom(route, years, on):
    """K-05 on ``on``: of the cohorts' mbo-diploma holders whose first 1 October after the diploma has
    passed, those enrolled at mbo 3/4 or hbo: (count, holders, %)."""
    holders = [s for s in m.Student.objects.filter(route=route, cohort__in=years, mbo_diploma_on__isnull=False)
               if first_teldatum_after(s.mbo_diploma_on) <= on]
    on_level = sum(s.doorstroom_level in ("mbo3", "mbo4", "hbo") for s in holders)
    return on_level, len(holders), pct(on_level, len(holders))


def deliberate_pks():
    """{student pk: rule} of the students the data marks as breaking a rule on purpose."""
    pks = {}
    for key, spec in specs().items():
        if not spec.students:
            continue
        for d in spec.students.deliberate:
            for s in m.Student.objects.filter(route__name=spec.name, first_name=d.first_name, last_name=d.last_name):
                pks[s.pk] = d.rule
    return pks


def check_published_figures():
    """The practices' published results, computed from the register in elapsed time."""
    # Bindelmeer cohort 2019-20: 78 start, 73 to "year 4", 4 to Entree, 1 repeated: uitval 5.1%.
    route = route_of("bindelmeer-vmr")
    assert k01_instroom(route, 2019) == 78
    events = m.Event.objects.filter(student__route=route, student__cohort=2019, school_year=2020)
    assert events.filter(kind="overgang", route_year=2).count() == 73
    assert events.filter(kind="doublure", route_year=1).count() == 1
    assert cohort(route, 2019).filter(status="uitgestroomd", destination="entree",
                                      left_on=date(2020, 7, 31)).count() == 4
    assert k02_uitval(route, 2019, date(2020, 10, 1)) == (4, 5.1)
    assert cohort(route, 2019).get(events__kind="doublure").status != "uitgestroomd"   # a doublure is not uitval

    # Noorderlicht: of the 30 in year 4 in 2020-21, 10 left the route during that year, before the
    # inventory's date (19 April 2021).
    route = route_of("noorderlicht-hzw")
    assert k01_instroom(route, 2019) == 30
    left = cohort(route, 2019).filter(status="uitgestroomd")
    assert all(date(2020, 8, 1) < s.left_on < date(2021, 4, 19) for s in left)
    assert k02_uitval(route, 2019, date(2021, 4, 19)) == (10, 33.3)

    # Calvijn 2019-20 (the diplomas of cohort 2017): 88% within 3 years (125 of 142 = 88.0%), uitval
    # 3.5% (5 of 142), 95% within 4 years; 90% of the 2019-20 diploma holders continue at mbo 3/4 (113
    # of 125), measured in the inventory's school year 2020-21, and of all holders once the fourth
    # year's diplomas count (124 of 137).
    route = route_of("calvijn-vmr")
    assert k01_instroom(route, 2017) == 142
    assert k04_diploma_binnen(route, 2017, 3) == (125, 88.0)
    assert k04_diploma_binnen(route, 2017, 4)[1] >= 95
    assert k02_uitval(route, 2017, date(2020, 7, 31)) == (5, 3.5)
    assert k05_doorstroom(route, [2017], date(2021, 3, 1)) == (113, 125, 90.4)
    assert k05_doorstroom(route, [2017], date(2021, 10, 1)) == (124, 137, 90.5)

    # MLO: pass rate near 100%, one student to Entree, ~95% continue to mbo 3/4.
    route = route_of("mlo-glr")
    finished = [2019, 2020, 2021, 2022]
    total = sum(k01_instroom(route, y) for y in finished)
    diplomas = sum(k04_diploma_binnen(route, y, 5)[0] for y in finished)
    assert pct(diplomas, total) >= 97
    assert list(route.students.filter(status="uitgestroomd").values_list("destination", flat=True)) == ["entree"]
    assert 93 <= k05_doorstroom(route, finished, date(2026, 10, 2))[2] <= 97
    assert route.students.filter(mbo_diploma_on__month=1).exists()                 # 4.5 years


def check_as_of(loader):
    """The current school year of the load day is filled in: new cohorts, teldatum enrolments,
    settlements of this and the previous school year, exam deadlines; nothing after the day happened."""
    today, year = loader.today, loader.school_year
    teldatum = date(year, 10, 1)
    for key in ROUTES_WITH_STUDENTS:
        spec, route = specs()[key], route_of(key)
        students = route.students.all()
        if spec.students.last_cohort is None and key != "voorbeeld-r06":
            assert students.filter(cohort=year).exists(), key                    # a new cohort every year
        active = students.filter(status="actief")
        assert active.count() == active.filter(enrolments__school_year=year).distinct().count() > 0, key
        if today >= teldatum:
            assert m.Enrolment.objects.filter(student__route=route, school_year=year, start__lte=teldatum,
                                              funded=True).exists(), key
        assert not m.Enrolment.objects.filter(student__route=route, school_year__gt=year).exists(), key
    assert not m.Event.objects.filter(date__gt=today).exists()
    assert not m.Student.objects.filter(Q(mbo_diploma_on__gt=today) | Q(left_on__gt=today)
                                        | Q(vmbo_diploma_on__gt=today)).exists()
    assert not m.ExamPart.objects.filter(result_on__gt=today).exists()
    # settlements: this school year and the previous one, for every route with a demo settlement
    with_settlement = [k for k, s in specs().items() if s.settlement]
    for key in with_settlement:
        years = set(Settlement.objects.filter(route=route_of(key)).values_list("school_year", flat=True))
        assert {year - 1, year} <= years, key
    # exam deadlines: students with open vmbo parts whose R-04 deadline is near
    # (services.open_vmbo_parts counts from the real today, so the deadlines are computed here)
    parts = list(m.ExamPart.objects.filter(sector="vmbo", student__status="actief").exclude(result="passed")
                 .select_related("student__route"))
    deadlines = services.vmbo_deadlines({p.student_id: p.student for p in parts}.values())
    near = {p.student.route.name for p in parts
            if deadlines[p.student_id] and abs((deadlines[p.student_id] - today).days) <= 366}
    assert {route_of(k).name for k in ("voorbeeld-dlr", "calvijn-vmr", "tot-route")} & near, near
    # published headcounts of 2020-21 (all route years together)
    for key, n in (("calvijn-vmr", 136), ("bindelmeer-vmr", 145), ("noorderlicht-hzw", 50)):
        assert m.Student.objects.filter(route=route_of(key), enrolments__school_year=2020).distinct().count() == n, key


def cohort_sizes(route):
    return dict(route.students.values_list("cohort").annotate(n=Count("pk")).order_by("cohort"))
