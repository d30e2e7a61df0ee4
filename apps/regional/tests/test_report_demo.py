"""The demo's Amsterdam report for 2020-21 lists the practices of Tabel 1 of the Amsterdam inventory
("Doorlopende leerroutes in Amsterdam", 2021): vo-school and board, mbo, phase and type, existing and
in development, and every route of the demo data whose source is that table."""
import shutil
from datetime import date

import pytest

from apps.demo import dataset
from apps.demo.loader import DemoLoader
from apps.regional import report
from apps.registry.models import Region

TODAY = date(2026, 11, 30)
GEINTEGREERD = {"doorlopend", "geintegreerd"}   # the inventory's "geïntegreerd": the legal DLR or GLR

# Tabel 1: vo-school, board, mbo, phase (2de/1ste cohort gestart: eerste_cohort), type
TABEL_1 = [
    ("Noorderlicht", "ZAAM", "ROC van Amsterdam", "eerste_cohort", GEINTEGREERD),                 # 1A
    ("Montessori Lyceum Oostpoort", "MSA", "ROC van Amsterdam", "regulier", GEINTEGREERD),        # 2
    ("Bindelmeer College", "ZAAM", "ROC van Amsterdam", "eerste_cohort", GEINTEGREERD),           # 3
    ("Calvijn College", "ZAAM", "ROC van Amsterdam", "regulier", GEINTEGREERD),                   # 4
    ("Hubertus & Berkhoff", "VOvA", "ROC van Amsterdam", "regulier", {"gestapeld"}),              # 5
    ("Mediacollege", "Mediacollege", "Mediacollege", "regulier", {"gestapeld"}),                  # 6
    ("Cburg College", "VOvA", "ROC van Amsterdam", "opstartfase", {"gestapeld"}),                 # 7
    ("Noorderlicht", "ZAAM", "ROC van Amsterdam", "eerste_cohort", {"gedeeltelijk"}),             # 1B
    ("IJburg College", "IJburg", "ROC van Amsterdam", "in_ontwikkeling", GEINTEGREERD),           # 8
    ("Wellant College vmbo Sloten", "Wellant", "Wellant", "in_ontwikkeling", {"gestapeld"}),      # 9
    ("Noorderlicht", "ZAAM", "ROC van Amsterdam", "in_ontwikkeling", {"gedeeltelijk"}),           # 1C
    ("Mundus College", "Esprit", "ROC van Amsterdam", "in_ontwikkeling", {"gedeeltelijk"}),       # 10
    ("Over-Y College", "ZAAM", "HMC", "in_ontwikkeling", {"gedeeltelijk"}),                       # 11
    ("Zuiderlicht College", "ZAAM", "ROC van Amsterdam", "in_ontwikkeling", {"gedeeltelijk"}),    # 12
]
DEMO_FILES = ("registry.toml", "amsterdam.toml", "het-element.toml", "tot-route.toml")   # the demo accounts' schools


def load_amsterdam(tmp_path, today=TODAY) -> Region:
    """The demo's Amsterdam practices (with their students) and the demo accounts, as the demo loads them."""
    for name in DEMO_FILES:
        shutil.copy(dataset.DATA_DIR / name, tmp_path / name)
    DemoLoader(today=today, data=dataset.load(tmp_path)).load()
    return Region.objects.get(kind="rmc", name="Agglomeratie Amsterdam")


def _matches(row, expected) -> bool:
    school, board, mbo, phase, types = expected
    return (school in row["vo_schools"] and board in row["boards"] and mbo in row["mbo"] and row["phase"] == phase
            and row["type"] in types)


@pytest.mark.django_db
def test_amsterdam_2020_lists_the_practices_of_tabel_1(demo_2026):
    """On the whole demo (the root conftest's demo_2026, as of 30 November 2026)."""
    assert demo_2026.today == TODAY
    region = Region.objects.get(kind="rmc", name="Agglomeratie Amsterdam")
    practices = report.build(region, 2020, today=TODAY)["practices"]
    assert len(practices) == len(TABEL_1)
    unmatched = list(practices)
    for expected in TABEL_1:   # one practice for each row of the table
        found = next((row for row in unmatched if _matches(row, expected)), None)
        assert found is not None, (expected, [(r["vo_schools"], r["phase"], r["type"]) for r in unmatched])
        unmatched.remove(found)
    assert [p["status"] for p in practices] == ["bestaand"] * 8 + ["in_ontwikkeling"] * 6
    from_tabel_1 = {spec.name for spec in dataset.load().routes if "Tabel 1" in spec.source}
    assert from_tabel_1 == {p["route"] for p in practices}
