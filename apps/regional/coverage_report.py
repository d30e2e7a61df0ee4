"""The coverage of a region as it is shown, on the page and in the API alike: plain data, with every
student count passed through ``suppress`` (counts from 1 to 4 as "<5"), since the readers (regional
coordinators, beheerders, partners of other routes) are outside most routes' partners. School counts
("12 of 41") are counts of schools, not of students, and are shown as they are."""
from __future__ import annotations

from apps.core.lib.suppression import suppress
from apps.registry.models import Region
from domain.calendar import school_year_label

from . import coverage as cov


def _school(s: cov.SchoolRef) -> dict:
    return {"id": s.id, "brin": s.brin, "name": s.name, "areas": list(s.areas)}


def _route(r: cov.RouteRef) -> dict:
    return {"id": r.id, "name": r.name, "type": r.type, "phase": r.phase,
            "vo_schools": [_school(s) for s in r.vo_schools]}


def _matrix(matrix: cov.Matrix) -> list[dict]:
    shown = suppress({code: matrix.students_by_profiel.get(code, 0) for code, _name in matrix.profielen})
    return [{"profiel": code, "name": name, "students": shown[code],
             "cells": [{"level": c.level, "gap": c.gap, "routes": [_route(r) for r in c.routes],
                        "developing": [_route(r) for r in c.developing],
                        "vo_schools": [_school(s) for s in c.schools]} for c in matrix.row(code)]}
            for code, name in matrix.profielen]


def _gaps(matrix: cov.Matrix) -> list[dict]:
    return [{"profiel": c.profiel, "level": c.level} for c in matrix.gaps]


def _bereik(rows: list[cov.Bereik], leerjaar: int) -> dict:
    """K-10 per leerweg, suppressed as ``coverage.bereik_shown``."""
    result = [{"leerweg": b.leerweg, "numerator": b.numerator, "denominator": b.denominator,
               "value": None if b.value is None else str(b.value)} for b in cov.bereik_shown(rows)]
    return {"kpi": "K-10", "leerjaar": leerjaar, "per_leerweg": result}


def coverage_report(region: Region, school_year: int, leerjaar: int = cov.DEFAULT_BEREIK_LEERJAAR) -> dict:
    c = cov.coverage(region, school_year)
    return {
        "region": {"id": region.pk, "kind": region.kind, "name": region.name},
        "school_year": school_year, "school_year_label": school_year_label(school_year),
        "levels": list(cov.LEVELS), "has_population": c.has_population,
        "matrix": _matrix(c.matrix), "gaps": _gaps(c.matrix),
        "by_gemeente": [{"area": m.area, "gaps": _gaps(m), "matrix": _matrix(m)} for m in c.by_area],
        "schools": {"total": len(c.schools), "with_route": len(c.schools_with_route),
                    "without_route": len(c.schools_without_route)},
        "schools_without_route": [_school(s) for s in c.schools_without_route],
        "bereik": _bereik(cov.bereik(region, school_year, leerjaar), leerjaar),
    }
