"""Exam plan templates shipped with the product.

These are PRODUCT DEFAULTS, not facts about a real qualification or a real vmbo exam programme:
a starting point so that every student's diploma check compares results with something required
from day one. A beheerder (``/beheer/``) or a route coordinator (for the kwalificaties of their
routes) replaces them with the real requirements: a kwalificatie's own template overrides the
default of its level, a leerweg+profiel template the default of the leerweg.

mbo, per level (2, 3, 4): the generic parts (Nederlands, rekenen, Engels from level 4, loopbaan en
burgerschap), a number of beroepsgerichte kerntaken, a number of keuzedelen and BPV hours. The
placement ("year") is the mbo-leerjaar of the default plan.

vmbo, per leerweg (BB, KB, GL, TL and GT, the merged gemengd/theoretisch "nieuwe leerweg"): the
subjects with their school exam (SE) and, where the product assumes a central exam, a CSPE part;
the placement is the vmbo-leerjaar (3 or 4).

The same data is used in two ways: the registry migration writes it as template rows (which the
beheerder can then edit), and ``requirements_for_level``/``requirements_for_leerweg`` serve it when
no row exists (e.g. a leerweg added later)."""
from __future__ import annotations

from domain.diploma import RequiredPart, Requirements

GENERIC = [("Nederlands", 1), ("Rekenen", 1), ("Loopbaan en burgerschap", 2)]

# level -> (generic parts (name, mbo-leerjaar), kerntaken (name, mbo-leerjaar), keuzedelen, BPV hours)
MBO_LEVELS: dict[int, dict] = {
    2: {"generiek": GENERIC, "kerntaken": [("Kerntaak 1", 1), ("Kerntaak 2", 2)],
        "keuzedelen": 2, "bpv_hours": 800},
    3: {"generiek": GENERIC, "kerntaken": [("Kerntaak 1", 1), ("Kerntaak 2", 2), ("Kerntaak 3", 3)],
        "keuzedelen": 3, "bpv_hours": 1200},
    4: {"generiek": [("Nederlands", 1), ("Rekenen", 1), ("Engels", 2), ("Loopbaan en burgerschap", 3)],
        "kerntaken": [("Kerntaak 1", 1), ("Kerntaak 2", 2), ("Kerntaak 3", 3)],
        "keuzedelen": 4, "bpv_hours": 1600},
}

_CORE = [("SE", "Nederlands", 4), ("CSPE", "Nederlands", 4), ("SE", "Engels", 4), ("CSPE", "Engels", 4),
         ("SE", "Maatschappijleer", 3), ("SE", "Lichamelijke opvoeding", 4), ("SE", "Kunstvakken (CKV)", 3)]
_PROFIELVAK = [("SE", "Beroepsgericht profielvak", 4), ("CSPE", "Beroepsgericht profielvak", 4)]

# leerweg code -> required vmbo parts (kind, name, vmbo-leerjaar)
VMBO_LEERWEGEN: dict[str, list[tuple[str, str, int]]] = {
    "BB": _CORE + _PROFIELVAK,
    "KB": _CORE + _PROFIELVAK,
    "GL": _CORE + [("SE", "Wiskunde", 4), ("CSPE", "Wiskunde", 4)] + _PROFIELVAK,
    "GT": _CORE + [("SE", "Wiskunde", 4), ("CSPE", "Wiskunde", 4)] + _PROFIELVAK,
    "TL": _CORE + [("SE", "Wiskunde", 4), ("CSPE", "Wiskunde", 4), ("SE", "Tweede algemeen vak", 4),
                   ("CSPE", "Tweede algemeen vak", 4)],
}


def requirements_for_level(level: int) -> Requirements | None:
    spec = MBO_LEVELS.get(level)
    if spec is None:
        return None
    parts = tuple(RequiredPart("generiek", n, y) for n, y in spec["generiek"]) + tuple(
        RequiredPart("kerntaak", n, y) for n, y in spec["kerntaken"])
    return Requirements("mbo", parts, spec["keuzedelen"], spec["bpv_hours"], source=f"standaard niveau {level}")


def requirements_for_leerweg(code: str) -> Requirements | None:
    spec = VMBO_LEERWEGEN.get((code or "").upper())
    if spec is None:
        return None
    return Requirements("vmbo", tuple(RequiredPart(k, n, y) for k, n, y in spec), source=f"standaard {code}")


def seed(apps) -> None:
    """Write the defaults as template rows where none exists yet (``apps``: a migration's app
    registry or django.apps.apps); an edited default is never overwritten."""
    Template = apps.get_model("registry", "ExamPlanTemplate")
    Part = apps.get_model("registry", "ExamPlanTemplatePart")
    Leerweg = apps.get_model("registry", "Leerweg")
    note = "Productstandaard; vervang door de eisen van de kwalificatie."
    for level, spec in MBO_LEVELS.items():
        template, created = Template.objects.get_or_create(
            sector="mbo", kwalificatie=None, level=level,
            defaults={"keuzedelen": spec["keuzedelen"], "bpv_hours": spec["bpv_hours"], "note": note})
        if created:
            rows = ([("generiek", n, y) for n, y in spec["generiek"]]
                    + [("kerntaak", n, y) for n, y in spec["kerntaken"]])
            for order, (kind, name, year) in enumerate(rows):
                Part.objects.create(template=template, kind=kind, name=name, year=year, order=order)
    for leerweg in Leerweg.objects.all():
        spec = VMBO_LEERWEGEN.get(leerweg.code.upper())
        if spec is None:
            continue
        template, created = Template.objects.get_or_create(
            sector="vmbo", leerweg=leerweg, profiel=None,
            defaults={"note": "Productstandaard; vervang door het examenprogramma van de school."})
        if created:
            for order, (kind, name, year) in enumerate(spec):
                Part.objects.create(template=template, kind=kind, name=name, year=year, order=order)
