#!/usr/bin/env python
"""Benchmark of the student import at the scale of a region: prints figures, not a timed test.

    DEBUG=1 .venv/bin/python scripts/benchmark_import.py            # SQLite, a fresh file in /tmp
    DATABASE_URL=postgres://user:pw@127.0.0.1:5432/leerroute_bench DEBUG=1 .venv/bin/python scripts/benchmark_import.py
    BENCH_ROWS=10000 ...                                              # another number of rows (default 50,000)

It migrates the database, loads the demo data set when the database has no routes, picks a demo
route and writes a CSV of synthetic students (made-up names, valid BSNs that are pseudonymised when
read) whose kinds of student pass the route's rules, then runs the wizard's steps as the worker
does: read, check every row, import (check again and write in bulk). Prints rows per second per
step and the total. The students stay in the database (run it on a database of its own)."""
import csv
import io
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leerroute.settings")
os.environ.setdefault("LEERROUTE_PSEUDONYM_KEY", "benchmark-only-key")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{Path(tempfile.gettempdir()) / 'leerroute-benchmark.sqlite3'}"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from apps.accounts.models import User  # noqa: E402
from apps.routes.models import Route  # noqa: E402
from apps.students import importing  # noqa: E402
from apps.students import models as m  # noqa: E402

ROWS = int(os.environ.get("BENCH_ROWS", "50000"))
HEADER = ["Leerlingnummer", "BSN", "Voornaam", "Achternaam", "Geboortedatum", "Leerweg", "Profiel", "Cohort",
          "Crebo", "Gezamenlijk oordeel"]


def bsn(rng) -> str:
    while True:
        digits = [rng.randrange(10) for _ in range(8)]
        if digits[0] == 0:
            continue
        check = sum(d * (9 - i) for i, d in enumerate(digits)) % 11
        if check < 10:
            return "".join(map(str, digits)) + str(check)


def job_for(route, institution, user, rows):
    parsed = importing.read_upload("students", "bench.csv", to_csv(rows))
    job = m.ImportJob.objects.create(route=route, institution=institution, user=user, kind="students",
                                     filename="bench.csv", headers=parsed.headers, rows=parsed.rows,
                                     row_count=len(parsed.rows), bsn_columns=parsed.bsn_columns)
    importing.start_validation(job, importing.guess_mapping("students", parsed.headers, {}, parsed.bsn_columns))
    return job


def to_csv(rows) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows([HEADER, *rows])
    return buffer.getvalue().encode()


def kinds(route, institution, user, run):
    """The kinds of student (leerweg, profiel, cohort, crebo) the route takes without rule errors."""
    leerwegen = list(route.leerwegen.values_list("code", flat=True)) or ["BB"]
    profielen = list(route.profielen.values_list("code", flat=True)) or [""]
    crebos = list(route.uitstroomrichtingen.values_list("kwalificatie__code", flat=True))
    latest = m.Student.objects.filter(route=route).order_by("-cohort").values_list("cohort", flat=True).first()
    cohorts = [latest - 1, latest] if latest else [2024]
    candidates = [(lw, pr, c, k) for lw in leerwegen for pr in profielen[:2] for c in cohorts for k in crebos[:4]]
    rows = [[f"K{run}-{i}", "", "Proef", "Leerling", "01-10-2008", lw, pr, str(c), k, f"15-06-{c}"]
            for i, (lw, pr, c, k) in enumerate(candidates)]
    job = job_for(route, institution, user, rows)
    job = importing.validate(job, user)
    bad = {e["row"] - 2 for e in job.errors}
    job.delete()
    return [candidates[i] for i in range(len(candidates)) if i not in bad]


def main():
    call_command("migrate", verbosity=0)
    if not Route.objects.exists():
        print("demo data laden ...", flush=True)
        call_command("load_demo", verbosity=0)
    settings.DEBUG = False   # as in production: no query log (demo data needed DEBUG on to load)
    user, _ = User.objects.get_or_create(username="benchmark", defaults={"is_active": False})
    routes = sorted(Route.objects.filter(students__isnull=False).distinct(),
                    key=lambda r: -r.uitstroomrichtingen.count())
    run = int(time.time())
    rng = random.Random(run)
    for route in routes:
        partner = route.partners.select_related("institution").filter(role="vo").first()
        if partner is None:
            continue
        passing = kinds(route, partner.institution, user, run)
        if passing:
            break
    else:
        sys.exit("Geen demo-route waarin synthetische leerlingen de regels halen.")
    institution = partner.institution
    print(f"database: {connection.vendor} ({connection.settings_dict['NAME']}); route {route.pk} {route.name}; "
          f"namens {institution.name}; {len(passing)} soorten leerling; {ROWS} rijen", flush=True)
    rows, bsns = [], set()
    while len(bsns) < ROWS:
        bsns.add(bsn(rng))
    bsns = sorted(bsns, key=lambda _: rng.random())
    for i in range(ROWS):
        lw, pr, cohort, crebo = passing[i % len(passing)]
        rows.append([f"B{run}-{i}", bsns[i], rng.choice(["Sanne", "Daan", "Noa", "Milan", "Fatima", "Yusuf"]),
                     f"Achternaam {i}", f"{rng.randint(1, 28):02d}-{rng.randint(1, 12):02d}-{cohort - 15}", lw, pr,
                     f"{cohort}-{cohort + 1}", crebo, f"15-06-{cohort}"])
    content = to_csv(rows)
    total = time.perf_counter()
    started = time.perf_counter()
    parsed = importing.read_upload("students", "bench.csv", content)
    read = time.perf_counter() - started
    job = m.ImportJob.objects.create(route=route, institution=institution, user=user, kind="students",
                                     filename="bench.csv", headers=parsed.headers, rows=parsed.rows,
                                     row_count=len(parsed.rows), bsn_columns=parsed.bsn_columns)
    importing.start_validation(job, importing.guess_mapping("students", parsed.headers, {}, parsed.bsn_columns))
    started = time.perf_counter()
    job = importing.validate(job, user)
    validate = time.perf_counter() - started
    if job.status != m.ImportJob.State.VALIDATED:
        sys.exit(f"controle: {len(job.errors)} fouten, bijv. {job.errors[:3]}")
    importing.start_import(job)
    started = time.perf_counter()
    job = importing.run_import(job, user)
    imported = time.perf_counter() - started
    total = time.perf_counter() - total
    if job.status != m.ImportJob.State.DONE:
        sys.exit(f"import: {job.status} {job.message} {job.errors[:3]}")
    n = job.imported
    megabytes = len(content) / 1e6
    print(f"inlezen (CSV, {megabytes:.1f} MB, BSN's pseudonimiseren): {read:6.1f} s  {ROWS / read:8.0f} rijen/s")
    print(f"controleren (alle rijen):                   {validate:6.1f} s  {ROWS / validate:8.0f} rijen/s")
    print(f"importeren (opnieuw controleren + opslaan): {imported:6.1f} s  {n / imported:8.0f} rijen/s")
    print(f"totaal:                                     {total:6.1f} s  {n / total:8.0f} rijen/s")
    counts = {name: model.objects.filter(**{key: route}).count() for name, model, key in (
        ("leerlingen", m.Student, "route"), ("inschrijvingen", m.Enrolment, "student__route"),
        ("gebeurtenissen", m.Event, "student__route"), ("examenonderdelen", m.ExamPart, "student__route"))}
    print("in de route nu: " + ", ".join(f"{v} {k}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
