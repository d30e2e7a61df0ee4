#!/usr/bin/env python
"""KPI benchmark at national scale: prints a JSON report with figures, it is not a timed test.

    DEBUG=1 .venv/bin/python scripts/bench_kpis.py                  # both engines, full scale (make bench)
    ... scripts/bench_kpis.py --scale 0.1 --runs 5                  # a tenth of the country
    ... scripts/bench_kpis.py --engines sqlite --reuse              # keep the data set of the last run
    ... scripts/bench_kpis.py --sqlite-file /tmp/copy.sqlite3 --reuse   # another SQLite file

Per engine (SQLite: a file in /tmp; PostgreSQL: DATABASE_URL when it points at PostgreSQL, else the
local server's database ``leerroute_bench``, created by the script) it migrates a fresh database,
writes the synthetic national data set (``manage.py generate_national``; ``--reuse`` keeps a set that
is there) and times, cold and warm, median and 95th percentile over ``--runs`` runs:

* the regional dashboard: the KPI engine's figures for the region with the most students,
* the national dashboard: the same for the whole country,

where "a dashboard" is (until the dashboard app names its own function) the cohort figures
(K-01 .. K-07, K-11) of the three latest cohorts whose third school year has ended, computed the way
the dashboards' trends compute them (``engine.cohort_figures_of``: one query for the three cohorts),
plus the yearly figures (``engine.year_figures``: K-08, K-09) of the last finished school year.
"Cold" is the first computation on a new database connection (SQLite's page cache is per
connection; PostgreSQL's shared buffers and the operating system's file cache stay warm: the
machine is shared, caches are not dropped); "warm" repeats it on the same connection.

As the physical reference, national K-02 and K-04/3 of the same three cohorts are computed by one
hand-written SQL query on the same database; the report gives its times, whether its counts agree
with the engine's, and the ratio product / hand-written (the engine's cohort figures of the three
cohorts, which compute more KPIs in the same query, against the reference).

Each engine runs in a child process (Django binds one database per process); the parent prints one
JSON document on stdout, progress goes to stderr.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SQLITE_FILE = Path(tempfile.gettempdir()) / "leerroute-bench-kpis.sqlite3"
LOCAL_POSTGRES = "postgres://leerroute_ci:leerroute_ci@127.0.0.1:5432/leerroute_bench"
TARGET_MS = {"regional": 300, "national": 2000}
MAX_RATIO = 2.0

# National K-02 (out of the route on D without an mbo diploma on D) and K-04/3 (mbo diploma by
# 31 July of cohort + 3, at most D) per cohort, over the cohort's members on D: the definitions of
# domain.md section 7 as the engine reads them (the last uitstroom and terugkeer on or before D).
REFERENCE_SQL = """
SELECT s.cohort,
       COUNT(*) AS members,
       SUM(CASE WHEN o.last_out IS NOT NULL AND (b.last_back IS NULL OR b.last_back <= o.last_out)
                     AND NOT (s.mbo_diploma_on IS NOT NULL AND s.mbo_diploma_on <= %(on)s) THEN 1 ELSE 0 END) AS k02,
       SUM(CASE WHEN s.mbo_diploma_on <= (CASE s.cohort {diploma_by} END) THEN 1 ELSE 0 END) AS k04_3
FROM students_student s
LEFT JOIN (SELECT student_id, MAX(date) AS last_out FROM students_event
           WHERE kind = 'uitstroom' AND date <= %(on)s GROUP BY student_id) o ON o.student_id = s.id
LEFT JOIN (SELECT student_id, MAX(date) AS last_back FROM students_event
           WHERE kind = 'terugkeer' AND date <= %(on)s GROUP BY student_id) b ON b.student_id = s.id
WHERE s.cohort IN ({cohorts})
  AND EXISTS (SELECT 1 FROM students_event e WHERE e.student_id = s.id
              AND e.kind IN ('instroom', 'zij_instroom') AND e.date <= %(on)s)
GROUP BY s.cohort
ORDER BY s.cohort
"""


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- measuring (inside Django, on the configured database) --------------------------------------------

def dashboard_cohorts(on: date) -> list[int]:
    """The three latest cohorts whose third school year has ended on ``on``."""
    from domain.calendar import school_year_of

    latest = school_year_of(on) - 3
    return [latest - 2, latest - 1, latest]


def dashboard(scope, on: date) -> list:
    """The figures a dashboard computes for a scope (see the module's docstring)."""
    from apps.results import engine
    from domain.calendar import school_year_of

    figures = [f for per_cohort in engine.cohort_figures_of(scope, dashboard_cohorts(on), on).values()
               for f in per_cohort]
    figures += engine.year_figures(scope, school_year_of(on) - 1)
    return figures


def national_cohort_figures(on: date) -> dict:
    """The engine's national K-02 and K-04/3 of the dashboard's cohorts: cohort -> (members, k02, k04_3)."""
    from apps.results import engine

    result = {}
    for cohort, per_cohort in engine.cohort_figures_of(engine.Scope(national=True), dashboard_cohorts(on), on).items():
        figures = {f.id: f for f in per_cohort}
        result[cohort] = (figures["K-02"].denominator or 0, figures["K-02"].numerator or 0,
                          figures["K-04/3"].numerator or 0)
    return result


def reference(on: date) -> dict:
    """The hand-written query: cohort -> (members, k02, k04_3)."""
    from django.db import connection

    from domain.calendar import end_of_year

    cohorts = dashboard_cohorts(on)
    diploma_by = " ".join(f"WHEN {c} THEN %(by{c})s" for c in cohorts)
    sql = REFERENCE_SQL.format(cohorts=", ".join(str(c) for c in cohorts), diploma_by=diploma_by)
    with connection.cursor() as cursor:
        cursor.execute(sql, {"on": on, **{f"by{c}": min(end_of_year(c, 3), on) for c in cohorts}})
        rows = cursor.fetchall()
    found = {cohort: (int(n), int(k02 or 0), int(k04 or 0)) for cohort, n, k02, k04 in rows}
    return {c: found.get(c, (0, 0, 0)) for c in cohorts}


def _stats(times: list[tuple[float, float]]) -> dict:
    """Median and 95th percentile of the wall-clock times, and the median CPU time spent on the work:
    this process's (SQLite runs the query in it) plus, on PostgreSQL, the server process's. CPU time
    does not grow when the shared machine is busy; wall-clock time does."""
    ms = sorted(wall * 1000 for wall, _ in times)
    p95 = statistics.quantiles(ms, n=20, method="inclusive")[18] if len(ms) > 1 else ms[0]
    return {"median_ms": round(statistics.median(ms), 1), "p95_ms": round(p95, 1),
            "cpu_median_ms": round(statistics.median(cpu * 1000 for _, cpu in times), 1), "runs": len(ms)}


def _cpu() -> float:
    from apps.demo.national import server_cpu_seconds

    return time.process_time() + (server_cpu_seconds() or 0.0)


def _once(work) -> tuple[float, float]:
    cpu = _cpu()
    wall = time.perf_counter()
    work()
    wall = time.perf_counter() - wall
    return wall, _cpu() - cpu


def timed(work, runs: int) -> dict:
    """Cold: ``runs`` times on a new connection; warm: one run to warm up, then ``runs`` on it."""
    from django.db import connection

    cold = []
    for _ in range(runs):
        connection.close()
        connection.ensure_connection()
        cold.append(_once(work))
    work()
    warm = [_once(work) for _ in range(runs)]
    return {"cold": _stats(cold), "warm": _stats(warm)}


def largest_region() -> tuple[int, str, int] | None:
    """The region (by the route's region) with the most students: (id, name, students)."""
    from django.db.models import Count

    from apps.students.models import Student

    row = (Student.objects.values("route__region", "route__region__name").annotate(n=Count("pk"))
           .order_by("-n", "route__region").first())
    return (row["route__region"], row["route__region__name"], row["n"]) if row else None


def measure(on: date, runs: int) -> dict:
    """Time the dashboards and the reference on the configured database (it holds the data set); the
    national dashboard also in its two parts (``national_parts``: the cohort figures and the yearly
    figures), to see where its time goes."""
    from apps.results import engine
    from domain.calendar import school_year_of

    region = largest_region()
    if region is None:
        raise SystemExit("De database bevat geen leerlingen.")
    regional = engine.Scope(region=region[0])
    national = engine.Scope(national=True)
    cohorts = dashboard_cohorts(on)
    report = {"on": on.isoformat(), "cohorts": cohorts,
              "region": {"id": region[0], "name": region[1], "students": region[2]}}
    log(f"  regionaal dashboard ({region[1]}, {region[2]} leerlingen) ...")
    report["regional_dashboard"] = timed(lambda: dashboard(regional, on), runs)
    log("  landelijk dashboard ...")
    report["national_dashboard"] = timed(lambda: dashboard(national, on), runs)
    log("  landelijk dashboard in delen (cohortcijfers, jaarcijfers) ...")
    report["national_parts"] = {
        "cohort_figures": timed(lambda: engine.cohort_figures_of(national, cohorts, on), runs),
        "year_figures": timed(lambda: engine.year_figures(national, school_year_of(on) - 1), runs)}
    log("  landelijk K-02 en K-04/3: product en handgeschreven SQL ...")
    product = timed(lambda: national_cohort_figures(on), runs)
    handwritten = timed(lambda: reference(on), runs)
    engine_counts, reference_counts = national_cohort_figures(on), reference(on)
    report["national_k02_k04_3"] = {
        "product": product, "handwritten_sql": handwritten,
        "ratio_median_warm": round(product["warm"]["median_ms"] / max(handwritten["warm"]["median_ms"], 0.001), 2),
        "ratio_median_cold": round(product["cold"]["median_ms"] / max(handwritten["cold"]["median_ms"], 0.001), 2),
        "ratio_p95_warm": round(product["warm"]["p95_ms"] / max(handwritten["warm"]["p95_ms"], 0.001), 2),
        "counts_agree": engine_counts == reference_counts,
        "counts": {str(c): dict(zip(("members", "k02", "k04_3"), reference_counts[c])) for c in cohorts},
    }
    report["targets"] = targets(report)
    return report


def targets(report: dict) -> dict:
    """Which targets are met: p95 (cold and warm) under 300 ms regional and 2 s national, ratio <= 2."""
    met = {}
    for name, limit in TARGET_MS.items():
        timing = report[f"{name}_dashboard"]
        met[f"{name}_p95_under_{limit}_ms"] = max(timing["cold"]["p95_ms"], timing["warm"]["p95_ms"]) < limit
    met[f"ratio_at_most_{MAX_RATIO:g}"] = report["national_k02_k04_3"]["ratio_median_warm"] <= MAX_RATIO
    return met


def database_facts() -> dict:
    from django.db import connection

    from apps.routes.models import Route
    from apps.students import models as m

    counts = {"routes": Route.objects.count(), "students": m.Student.objects.count(),
              "events": m.Event.objects.count(), "enrolments": m.Enrolment.objects.count(),
              "exam_parts": m.ExamPart.objects.count()}
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_database_size(current_database())")
        else:
            cursor.execute("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()")
        size = cursor.fetchone()[0]
    return {"vendor": connection.vendor, **counts, "size_mb": round(size / 1e6, 1)}


def load(scale: float, seed: int, on: date, reuse: bool) -> dict:
    """Migrate and write the data set (or keep the one there with ``reuse``); returns the load times."""
    from django.core.management import call_command

    from apps.demo import national

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    migrated = time.perf_counter() - started
    if reuse and national.exists():
        national.analyse()   # statistics for what is there (a migration may have rebuilt a table or added an index)
        return {"migrate_s": round(migrated, 1), "reused": True}
    written = national.generate(scale=scale, seed=seed, today=on, progress=lambda line: log(f"  {line}"))
    return {"migrate_s": round(migrated, 1), "generate_s": written["seconds"],
            "load_s": round(migrated + written["seconds"], 1), "written": written}


def run_engine(scale: float, seed: int, on: date, runs: int, reuse: bool) -> dict:
    """The whole measurement on the configured database (a child process, or a test)."""
    from django.conf import settings

    settings.DEBUG = False   # no query log while measuring
    report = {"load": load(scale, seed, on, reuse)}
    report["database"] = database_facts()
    report.update(measure(on, runs))
    return report


# -- the parent: one child per engine -------------------------------------------------------------------

def postgres_url() -> str:
    """DATABASE_URL when it is a PostgreSQL URL, else the local server's bench database (created here)."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        return url
    import psycopg

    admin = LOCAL_POSTGRES.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = 'leerroute_bench'").fetchone():
            conn.execute("CREATE DATABASE leerroute_bench")
    return LOCAL_POSTGRES


def fresh_postgres(url: str) -> None:
    """Empty the bench database (every table of the product's schema)."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")


def child(engine: str, args) -> dict:
    env = dict(os.environ, DEBUG="1", DJANGO_SETTINGS_MODULE="leerroute.settings")
    if engine == "sqlite":
        if not args.reuse:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{args.sqlite_file}{suffix}").unlink(missing_ok=True)
        env["DATABASE_URL"] = f"sqlite:///{args.sqlite_file}"
    else:
        env["DATABASE_URL"] = postgres_url()
        if not args.reuse:
            fresh_postgres(env["DATABASE_URL"])
    log(f"{engine}: {env['DATABASE_URL'].split('@')[-1]}")
    command = [sys.executable, __file__, "--child", "--scale", str(args.scale), "--seed", str(args.seed),
               "--runs", str(args.runs), "--today", args.today.isoformat()] + (["--reuse"] if args.reuse else [])
    done = subprocess.run(command, env=env, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    if done.returncode:
        return {"error": f"exit {done.returncode}"}
    return json.loads(done.stdout)


def arguments(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--runs", type=int, default=10, help="runs per measurement (cold and warm each)")
    parser.add_argument("--today", type=date.fromisoformat, default=date.today(), metavar="YYYY-MM-DD")
    parser.add_argument("--engines", default="sqlite,postgresql")
    parser.add_argument("--reuse", action="store_true", help="keep the data set already in the database")
    parser.add_argument("--sqlite-file", type=Path, default=SQLITE_FILE, help=f"default {SQLITE_FILE}")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv=None) -> None:
    args = arguments(argv)
    if args.child:
        import django

        django.setup()
        print(json.dumps(run_engine(args.scale, args.seed, args.today, args.runs, args.reuse)))
        return
    report = {"scale": args.scale, "seed": args.seed, "today": args.today.isoformat(), "runs": args.runs,
              "cpus": os.cpu_count(), "load_average": [round(x, 2) for x in os.getloadavg()], "engines": {}}
    for engine in args.engines.split(","):
        report["engines"][engine] = child(engine.strip(), args)
    report["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
