"""What an import file of student rows needs, on the pure core: the vmbo leerweg as the schools'
systems spell it, and the columns that a rule makes required for a route.

The schools' exports (Magister, Somtoday, EduArte, DUO files) spell a leerweg in many ways: the
code (BB, KB, GL, TL), the old codes (BL, KL), the name in full ("gemengde leerweg"), short
("kader", "basis"), as a school type ("VMBO-T", "mavo"), or with the leerjaar ("3 BB", "vmbo-b 4").
Since 2024 GL and TL are one leerweg, GT (gemengde/theoretische leerweg); exports hold GL, TL and
GT side by side. ``leerweg_code`` reads all of these to one code.

A rule can make a column required for a whole route before any row is read: R-17 asks a recorded
joint judgment for every BB student placed in a route without vmbo diploma (GLR), so the import of
such a route needs the column with the judgment's date. ``required_columns`` says which, with the
rule's id, so the wizard can ask for the column before it checks a single row.

Pure Python: no Django imports.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from domain.facts import Route
from domain.rules.r17_gezamenlijk_oordeel_glr import GLR_LEERWEG, R17GezamenlijkOordeelGlr

LEERWEGEN = ("BB", "KB", "GL", "TL", "GT")
MERGED = "GT"          # the merged gemengde/theoretische leerweg (since 2024)
MERGED_FROM = "GL"     # the register's leerweg closest to GT (same exam programme in the defaults)

# normalised spelling -> code (see _spelling): codes, old DUO codes, names, short forms, school types
SPELLINGS: dict[str, str] = {}
for _code, _names in {
    "BB": ("bb", "bl", "b", "basis", "basisberoepsgericht", "basisberoepsgerichte", "basis beroepsgericht",
           "basis beroepsgerichte", "beroepsgerichte basis", "vmbo b", "vmbo bb", "vmbo basis"),
    "KB": ("kb", "kl", "k", "kader", "kaderberoepsgericht", "kaderberoepsgerichte", "kader beroepsgericht",
           "kader beroepsgerichte", "beroepsgerichte kader", "vmbo k", "vmbo kb", "vmbo kader"),
    "GL": ("gl", "g", "gemengd", "gemengde", "vmbo g", "vmbo gl"),
    "TL": ("tl", "t", "theoretisch", "theoretische", "mavo", "vmbo t", "vmbo tl", "vmbo mavo"),
    "GT": ("gt", "g/t", "gl/tl", "g/tl", "(g)t", "gemengd/theoretisch", "gemengde/theoretische",
           "gemengd theoretisch", "gemengde theoretische", "vmbo gt", "vmbo g/t", "vmbo (g)t", "vmbo gl/tl"),
}.items():
    for _name in _names:
        SPELLINGS[_name] = _code

# the mbo's own leerwegen: an EduArte export calls them "Leerweg" too
MBO_LEERWEGEN = frozenset({"bol", "bbl", "bol/bbl", "mbo bol", "mbo bbl"})

NOISE = frozenset({"vmbo", "leerweg", "de", "lwoo", "leerjaar", "lj", "jaar", "klas"})


def _plain(text: str) -> str:
    """Lower case, without accents."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _spelling(text: str) -> str:
    """A leerweg as written, reduced to its words: without accents, punctuation (a slash and
    brackets stay: "g/t", "(g)t"), leerjaar numbers ("3 BB", "BB3") and filler words ("vmbo",
    "leerweg")."""
    words = re.sub(r"[^a-z0-9/()]+", " ", _plain(text)).split()
    kept = []
    for word in words:
        word = re.sub(r"^\d+(?=[a-z(])|(?<=[a-z)])\d+$", "", word)   # "3bb", "bb3"
        if word and not word.isdigit() and word not in NOISE:
            kept.append(word)
    return " ".join(kept)


def leerweg_code(text: str) -> str | None:
    """The leerweg code (BB, KB, GL, TL or GT) a file's cell means, or None when it is not a vmbo
    leerweg. "vmbo" and "leerweg" may be left out or written out; so may the leerjaar."""
    spelling = _spelling(text)
    if spelling in SPELLINGS:
        return SPELLINGS[spelling]
    with_vmbo = "vmbo " + spelling   # "vmbo-b" is read as the words "vmbo" and "b"; "vmbo" is noise
    return SPELLINGS.get(with_vmbo)


def is_mbo_leerweg(text: str) -> bool:
    """Whether the cell holds the mbo's leerweg (BOL/BBL) instead of the vmbo leerweg."""
    return " ".join(re.sub(r"[^a-z/]+", " ", _plain(text)).split()) in MBO_LEERWEGEN


@dataclass(frozen=True)
class RequiredColumn:
    field: str       # the import's target field (apps.students.importing.TARGETS)
    rule: str        # the rule's id
    reason: str      # why, in Dutch, for the mapping page


def glr_judgment_required(route: Route) -> bool:
    """R-17 asks a joint judgment of every student of the route: a legal route without vmbo
    diploma (GLR) that admits BB students (or has not limited its leerwegen)."""
    return (route.is_legal_route and not route.vmbo_diploma
            and (not route.leerwegen or GLR_LEERWEG in route.leerwegen))


def required_columns(route: Route) -> tuple[RequiredColumn, ...]:
    """The columns a rule makes required for the student import of this route."""
    columns = []
    if glr_judgment_required(route):
        columns.append(RequiredColumn("glr_judgment_on", R17GezamenlijkOordeelGlr.id, (
            "Deze route reikt geen vmbo-diploma uit (GLR): een BB-leerling wordt alleen geplaatst met een "
            "vastgelegd gezamenlijk oordeel van de vo-school en het mbo. Geef per leerling de datum van dat "
            "oordeel.")))
    return tuple(columns)
