"""The leerweg as the schools' systems spell it, and the columns a rule makes required (pure core)."""
import pytest

from domain.facts import Route
from domain.import_columns import is_mbo_leerweg, leerweg_code, required_columns


@pytest.mark.parametrize(("text", "code"), [
    ("BB", "BB"), ("bb", "BB"), ("BL", "BB"), ("basis", "BB"), ("Basisberoepsgerichte leerweg", "BB"),
    ("vmbo-b", "BB"), ("VMBO BB", "BB"), ("3 BB", "BB"), ("bb3", "BB"), ("vmbo-bb 4", "BB"),
    ("KB", "KB"), ("KL", "KB"), ("kader", "KB"), ("kaderberoepsgerichte leerweg", "KB"), ("vmbo-k", "KB"),
    ("GL", "GL"), ("gemengde leerweg", "GL"), ("Gemengd", "GL"), ("vmbo-g", "GL"),
    ("TL", "TL"), ("theoretische leerweg", "TL"), ("VMBO-T", "TL"), ("mavo", "TL"),
    ("GT", "GT"), ("G/T", "GT"), ("vmbo-(g)t", "GT"), ("GL/TL", "GT"), ("gemengde/theoretische leerweg", "GT"),
    ("havo", None), ("BOL", None), ("BBL", None), ("", None), ("XX", None),
])
def test_leerweg_spellings(text, code):
    assert leerweg_code(text) == code


def test_the_mbo_leerweg_is_recognised():
    assert is_mbo_leerweg("BOL") and is_mbo_leerweg("bbl") and is_mbo_leerweg("BOL/BBL")
    assert not is_mbo_leerweg("BB") and not is_mbo_leerweg("kader")


def test_r17_makes_the_judgment_column_required_in_a_glr_only():
    glr = Route(name="GLR", type="geintegreerd", phase="regulier", vmbo_diploma=False, leerwegen=frozenset({"BB"}))
    [column] = required_columns(glr)
    assert (column.field, column.rule) == ("glr_judgment_on", "R-17") and "gezamenlijk oordeel" in column.reason
    assert required_columns(Route(name="GLR", type="geintegreerd", phase="regulier", vmbo_diploma=False)) != ()
    assert required_columns(Route(name="DLR", type="doorlopend", phase="regulier", vmbo_diploma=True)) == ()
    # no BB admitted, or not a legal route: R-17 asks nothing
    assert required_columns(Route(name="x", type="geintegreerd", phase="regulier", vmbo_diploma=False,
                                  leerwegen=frozenset({"KB"}))) == ()
    assert required_columns(Route(name="x", type="regionaal", phase="regulier", vmbo_diploma=False)) == ()
