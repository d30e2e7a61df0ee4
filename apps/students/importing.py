"""Import of student and result lists exported from the schools' own systems (the import wizard).

A file is read once (CSV with any common delimiter and encoding, or Excel) into an ImportJob. BSN
columns are replaced by their pseudonym while the file is read, before anything is stored: a BSN
is never stored, logged or shown. A column is a BSN column by its values (most pass the elfproef),
whatever its header, or because the user maps it as BSN. The user maps the file's columns to the
target fields once per institution (the mapping is saved).

The checking and the import run in the background worker (``tasks.py``), or in
``manage.py import_students``. Student rows are checked all at once on the pure core, with the
route's facts built once (``StudentRows``), and written in bulk in one transaction as exactly what
``services.enrol`` writes for one student, with one audit entry for the job. Result rows go through
``services.save_exam_part``. All rows are imported, or none.

Errors are dicts {row, column, value, rule, message}: ``row`` is the row in the file (the header
is row 1), ``column`` the file's column (or the target field when it is not mapped), ``rule`` a
rule id ("R-05") or the kind of input problem (verplicht, ongeldig, onbekend, uniek, niet gevonden).
The error report adds the row's own values as the file had them (``original_values``).

The columns are mapped automatically by the names the schools' systems give them (Magister's
"Stamnummer", EduArte's "Deelnemernummer", Somtoday's "Voorvoegsel" …, see ``TARGETS``); the user
can correct the mapping. A downloadable template (``template_table``) holds the columns a route
needs and a note row, which the import skips. A column a rule makes required for the route (R-17's
joint judgment in a GLR, ``domain.import_columns``) is asked for before any row is checked.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, datetime

from auditlog.models import LogEntry
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, connections, router, transaction
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pydantic import ValidationError

from apps.core import schema_errors
from apps.core.lib.pseudonym import national_key, normalise_bsn, valid_bsn
from apps.core.lib.tabular import read_table
from apps.registry.models import Kwalificatie, Leerweg, Profiel
from apps.routes import compliance
from domain import facts, import_columns
from domain import path as core
from domain.calendar import school_year_of, year_start
from domain.rules import blocking, evaluate_student
from domain.rules.base import FAILED, WARNING

from . import exam_plan, schemas, services
from . import forms as f
from . import models as m

CHUNK = 200            # result rows checked per rolled-back transaction
MAX_ROWS = 100_000     # a region's students in one file
HIDDEN = "(verborgen)"  # shown instead of a BSN value
MASK = "•••"            # shown in the preview instead of a BSN value
INVALID_BSN = "!ongeldig"  # stored instead of a BSN that fails the elfproef

# rule labels of input problems (rules of the catalogue use their id)
REQUIRED, INVALID, UNKNOWN, UNIQUE, NOT_FOUND = "verplicht", "ongeldig", "onbekend", "uniek", "niet gevonden"


class ImportRefused(ValueError):
    """The file cannot be taken in at all (e.g. it holds BSNs and no pseudonym key is set)."""


@dataclass(frozen=True)
class Target:
    key: str
    label: str
    required: bool = False
    aliases: tuple[str, ...] = ()


# The names are compared without case, accents and punctuation (``_norm``): "Geb. datum" is "geb datum".
# Besides Leerroute's own names (the template's columns) they hold the names the schools' systems
# give their export columns: Magister (Stamnummer, Roepnaam, Tussenvoegsel(s), Officiële achternaam,
# Geboortedatum, Studie, Profiel, Leerjaar, Lesperiode), Somtoday (Leerlingnummer, Roepnaam,
# Voorvoegsel, Achternaam, Geboortedatum, BSN, Leerweg, Leerjaar, Schooljaar) and EduArte
# (Deelnemernummer, Studentnummer, Roepnaam, Voorvoegsel, Achternaam, Geboortedatum, Crebocode,
# Opleidingscode, Cohort).
NUMBER_ALIASES = ("leerlingnummer", "leerling nummer", "leerlingnr", "llnr", "lln nr", "ll nr", "studentnummer",
                  "studentnr", "student nummer", "deelnemernummer", "deelnemer nummer", "deelnemernr", "deelnemer nr",
                  "stamnummer", "stamnr", "stam nummer", "stam nr", "leerlingnummer school", "student number",
                  "student id", "studentid", "pupil number", "number", "nummer")
BSN_ALIASES = ("bsn", "burgerservicenummer", "burger service nummer", "bsn leerling", "bsn student",
               "bsn deelnemer", "sofinummer", "sofi nummer", "bsn sofinummer", "bsn sofi nummer",
               "citizen service number", "national id")

TARGETS: dict[str, list[Target]] = {
    m.ImportJob.Kind.STUDENTS: [
        Target("number", gettext_lazy("leerlingnummer"), True, NUMBER_ALIASES),
        Target("first_name", gettext_lazy("voornaam"), True,
               ("voornaam", "roepnaam", "voornamen", "roepnaam leerling", "roepnaam deelnemer", "officiele voornamen",
                "officiele voornaam", "first name", "firstname", "given name")),
        Target("prefix", gettext_lazy("tussenvoegsel"), False,
               ("tussenvoegsel", "tussenvoegsels", "tussenvoegsel s", "tussenv", "voorvoegsel", "voorvoegsels",
                "voorv", "officieel tussenvoegsel", "officiele tussenvoegsels", "officiele voorvoegsels", "prefix",
                "infix")),
        Target("last_name", gettext_lazy("achternaam"), True,
               ("achternaam", "familienaam", "geslachtsnaam", "officiele achternaam", "achternaam leerling",
                "achternaam deelnemer", "last name", "lastname", "surname", "family name")),
        Target("date_of_birth", gettext_lazy("geboortedatum"), False,
               ("geboortedatum", "geb datum", "gebdatum", "geb dat", "geboren", "geboren op", "geboortedatum leerling",
                "geboortedatum deelnemer", "date of birth", "birth date", "birthdate", "dob")),
        Target("bsn", gettext_lazy("BSN"), False, BSN_ALIASES),
        Target("leerweg", gettext_lazy("leerweg"), True,
               ("leerweg", "vmbo leerweg", "leerweg vo", "leerweg vmbo", "leerweg vooropleiding", "studie",
                "learning pathway", "track")),
        Target("profiel", gettext_lazy("profiel"), False,
               ("profiel", "profielcode", "vmbo profiel", "profiel vmbo", "profielnaam", "beroepsgericht profiel",
                "profile")),
        Target("vmbo_year_at_start", gettext_lazy("vmbo-leerjaar bij start"), False,
               ("vmbo leerjaar bij start", "leerjaar bij start", "vmbo leerjaar", "leerjaar", "jaarlaag", "lj",
                "vmbo year at start", "vmbo year", "year")),
        Target("cohort", gettext_lazy("cohort"), True,
               ("cohort", "startcohort", "cohort start", "schooljaar", "startjaar", "lesperiode", "school year",
                "start year")),
        Target("kwalificatie", gettext_lazy("uitstroomrichting (crebo)"), False,
               ("crebo", "crebocode", "crebo code", "crebonummer", "crebo nummer", "kwalificatie", "kwalificatiecode",
                "kwalificatie code", "opleidingscode", "opleiding code", "code opleiding", "uitstroomrichting",
                "opleiding", "qualification", "qualification code")),
        Target("glr_judgment_on", gettext_lazy("gezamenlijk oordeel (GLR) op"), False,
               ("gezamenlijk oordeel", "datum gezamenlijk oordeel", "gezamenlijk oordeel op", "oordeel glr",
                "glr oordeel", "datum oordeel glr", "glr", "joint judgment", "glr judgment on")),
        # Only needed when the route has several: an import by a vo-school gives its own school.
        Target("vo_school", gettext_lazy("vo-school (BRIN)"), False,
               ("vo school", "vo school brin", "brin vo", "brin vo school", "school brin", "vo brin",
                "brin school")),
        Target("mbo_institution", gettext_lazy("mbo-instelling (BRIN)"), False,
               ("mbo instelling", "mbo brin", "brin mbo", "mbo instelling brin", "brin mbo instelling")),
    ],
    m.ImportJob.Kind.RESULTS: [
        Target("number", gettext_lazy("leerlingnummer"), True, NUMBER_ALIASES),
        Target("name", gettext_lazy("examenonderdeel"), True,
               ("examenonderdeel", "onderdeel", "vak", "exam part", "part", "subject", "name")),
        Target("sector", gettext_lazy("sector (vmbo/mbo)"), False, ("sector", "vmbo mbo", "sector vmbo mbo")),
        Target("kind", gettext_lazy("soort"), False, ("soort", "soort onderdeel", "type", "kind", "examensoort")),
        Target("planned_route_year", gettext_lazy("gepland in routejaar"), False,
               ("gepland in routejaar", "routejaar", "gepland", "planned route year", "route year")),
        Target("result", gettext_lazy("resultaat"), False, ("resultaat", "uitslag", "result", "status")),
        Target("grade", gettext_lazy("cijfer"), False, ("cijfer", "eindcijfer", "grade", "mark", "score")),
        Target("result_on", gettext_lazy("resultaat op"), False,
               ("resultaat op", "datum resultaat", "datum", "examendatum", "result on", "date")),
    ],
}

# the rules' field names (domain.rules.evaluate_student) -> target field of the row
RULE_FIELDS = {
    m.ImportJob.Kind.STUDENTS: {"vmbo_year_at_start": "vmbo_year_at_start", "leerweg": "leerweg",
                                "kwalificatie": "kwalificatie", "glr_judgment_on": "glr_judgment_on"},
    m.ImportJob.Kind.RESULTS: {"exam_parts": "planned_route_year"},
}


def targets(kind: str) -> list[Target]:
    return TARGETS[kind]


def _norm(text: str) -> str:
    """A name or value as compared: lower case, without accents ("Officiële" is "officiele") and
    punctuation."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


# --- reading the file --------------------------------------------------------------------------

@dataclass
class Parsed:
    headers: list[str]
    rows: list[list[str]]
    bsn_columns: list[str]
    skipped_lines: list[int] = ()   # the file's note rows and empty rows (header = row 1), not in ``rows``


NOTE = "#"   # every filled cell of a note row starts with it (the template's row under the header)


def is_note(row: list[str]) -> bool:
    """A note row (the template's explanation under the header): every filled cell starts with #."""
    filled = [cell for cell in row if cell]
    return bool(filled) and all(cell.startswith(NOTE) for cell in filled)


def _bsn_like(value: str) -> bool:
    """A BSN as written (9 digits, or 8, with spaces, dots or dashes) that passes the elfproef; a
    date ("04-05-2006": 8 digits that may pass the elfproef too) is not."""
    if DMY.fullmatch(value) or re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", value):
        return False
    return bool(re.fullmatch(r"[\d .-]+", value)) and valid_bsn(normalise_bsn(value))


def _looks_like_bsns(values: list[str]) -> bool:
    """Most filled cells (more than half) are 8-9 digit numbers passing the elfproef. A sample of 200
    cells rules out a column that clearly holds none (a quarter or less), so that a large file is
    read quickly; otherwise every cell counts."""
    filled = [v for v in values if v]
    if len(filled) > 400 and sum(_bsn_like(v) for v in filled[:200]) <= 50:
        return False
    return bool(filled) and sum(_bsn_like(v) for v in filled) > len(filled) / 2


def _pseudonym(value: str) -> str:
    if not value.strip():
        return ""
    try:
        return national_key(value)
    except ValueError:
        return INVALID_BSN


def find_bsn_columns(kind: str, headers: list[str], rows: list[list[str]], saved: dict) -> list[str]:
    """Columns that hold BSNs: named as such (the name contains BSN or burgerservicenummer), mapped
    as BSN before, or holding BSN-like numbers, whatever their header says ("Nummer",
    "BSN/onderwijsnummer": the values decide, not the name)."""
    names = {_norm(a) for a in BSN_ALIASES}
    found = [h for h in headers if _norm(h) in names
             or {"bsn", "burgerservicenummer", "sofinummer"} & set(_norm(h).split())]
    if saved.get("bsn") in headers and saved["bsn"] not in found:
        found.append(saved["bsn"])
    for i, header in enumerate(headers):
        if header not in found and _looks_like_bsns([r[i] for r in rows]):
            found.append(header)
    return found


def read_upload(kind: str, name: str, content: bytes, saved: dict | None = None) -> Parsed:
    """The table of an uploaded file, BSNs replaced by their pseudonym. Raises TableError for a
    file that cannot be read and ImportRefused for one that cannot be taken in."""
    if name.lower().endswith(".xls"):
        raise ImportRefused(_("Oude Excel-bestanden (.xls) worden niet gelezen; sla het bestand op als .xlsx of CSV."))
    table = read_table(name, content)
    headers, sources = [], []
    for i, raw in enumerate(table.headers):
        if not raw and not any(row.get(raw) for row in table.rows):
            continue   # an empty column without a header
        header = raw or _("kolom %(n)d") % {"n": i + 1}
        while header in headers:
            header += "'"
        headers.append(header)
        sources.append(raw)
    rows, skipped = [], []
    for line, row in enumerate(table.rows, start=2):
        values = [str(row.get(raw, "") or "").strip() for raw in sources]
        if is_note(values) or not any(values):
            skipped.append(line)
        else:
            rows.append(values)
    if not rows:
        raise ImportRefused(_("Het bestand bevat geen rijen onder de kopregel."))
    if len(rows) > MAX_ROWS:
        raise ImportRefused(_("Het bestand heeft %(n)d rijen; splits het in delen van hoogstens %(max)d rijen.")
                            % {"n": len(rows), "max": MAX_ROWS})
    bsn_columns = find_bsn_columns(kind, headers, rows, saved or {})
    if bsn_columns:
        if not settings.LEERROUTE_PSEUDONYM_KEY:
            raise ImportRefused(_(
                "Het bestand bevat BSN's (kolom %(columns)s), maar er is geen sleutel voor pseudoniemen ingesteld "
                "(LEERROUTE_PSEUDONYM_KEY). Zonder sleutel worden BSN's niet verwerkt: verwijder de kolom uit het "
                "bestand of vraag de beheerder een sleutel in te stellen. Er is niets opgeslagen.")
                % {"columns": ", ".join(f"‘{h}’" for h in bsn_columns)})
        positions = [headers.index(h) for h in bsn_columns]
        for row in rows:
            for i in positions:
                row[i] = _pseudonym(row[i])
    return Parsed(headers, rows, bsn_columns, skipped)


# --- mapping -----------------------------------------------------------------------------------

def guess_mapping(kind: str, headers: list[str], saved: dict | None = None, bsn_columns=None) -> dict:
    """Target field -> header: the saved mapping where its columns are in the file, else the
    header that matches one of the field's names (Dutch or English, case-insensitive). With
    ``bsn_columns`` given, only those columns can be the BSN and none of them anything else."""
    saved = saved or {}

    def allowed(key, header):
        return bsn_columns is None or (key == "bsn") == (header in bsn_columns)

    mapping, used = {}, set()
    for target in TARGETS[kind]:
        header = saved.get(target.key)
        if header in headers and header not in used and allowed(target.key, header):
            mapping[target.key] = header
            used.add(header)
    by_name = {}
    for header in headers:
        by_name.setdefault(_norm(header), header)
    for target in TARGETS[kind]:
        if target.key in mapping:
            continue
        for alias in (target.key, str(target.label), *target.aliases):
            header = by_name.get(_norm(alias))
            if header and header not in used and allowed(target.key, header):
                mapping[target.key] = header
                used.add(header)
                break
    if bsn_columns and "bsn" not in mapping and any(t.key == "bsn" for t in TARGETS[kind]):
        free = [h for h in bsn_columns if h not in used]
        if free:
            mapping["bsn"] = free[0]
    return mapping


def preview(job: m.ImportJob, mapping: dict, size: int = 10) -> list[list[str]]:
    """The first rows as mapped, one value per target; BSN values masked."""
    index = {h: i for i, h in enumerate(job.headers)}
    rows = []
    for row in job.rows[:size]:
        values = []
        for target in TARGETS[job.kind]:
            header = mapping.get(target.key)
            value = row[index[header]] if header in index else ""
            if value and (target.key == "bsn" or header in job.bsn_columns):
                value = MASK
            values.append(value)
        rows.append(values)
    return rows


# --- values ------------------------------------------------------------------------------------

DATE_FORMATS = ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%Y/%m/%d")


DMY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")


def parse_date(text: str) -> date:
    text = text.strip().split("T")[0].split(" ")[0]
    match = DMY.fullmatch(text)   # the common forms first, without strptime (large files)
    if match:
        day, month, year = map(int, match.groups())
        return date(year, month, day)
    if len(text) == 10 and text[4] == "-":
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def parse_cohort(text: str) -> int:
    match = re.fullmatch(r"(\d{4})\s*(?:[-/]\s*(\d{4}|\d{2}))?", text.strip())
    if not match:
        raise ValueError(text)
    first, second = int(match.group(1)), match.group(2)
    if second and int(second) not in (first + 1, (first + 1) % 100):
        raise ValueError(text)
    if not 1990 <= first <= 2100:
        raise ValueError(text)
    return first


def parse_int(text: str) -> str:
    match = re.fullmatch(r"(\d+)(?:[.,]0+)?", text.strip())
    return match.group(1) if match else text.strip()


RESULTS = {
    "passed": ("behaald", "gehaald", "passed", "pass", "voldoende", "v", "ja", "geslaagd"),
    "failed": ("niet behaald", "niet gehaald", "failed", "fail", "onvoldoende", "o", "nee", "gezakt"),
    "open": ("open", "nog open", "niet afgerond"),
}


def parse_result(text: str) -> str:
    value = _norm(text)
    for result, names in RESULTS.items():
        if value in names:
            return result
    raise ValueError(text)


def parse_part_kind(text: str) -> str:
    value = _norm(text)
    for kind, label in m.ExamPart.Kind.choices:
        if value in (_norm(kind), _norm(label)):
            return kind
    aliases = {"schoolexamen": "SE", "centraal examen": "CSPE", "ce": "CSPE", "cse": "CSPE", "kerntaken": "kerntaak",
               "keuzedelen": "keuzedeel", "generieke onderdelen": "generiek", "stage": "BPV"}
    if value in aliases:
        return aliases[value]
    raise ValueError(text)

# --- checking rows ------------------------------------------------------------------------------

class Rows:
    """The job's rows as the checks see them: values per target field, errors per row."""

    def __init__(self, job: m.ImportJob):
        self.job = job
        self.route, self.institution = job.route, job.institution
        self.targets = {t.key: t for t in TARGETS[job.kind]}
        position = {h: i for i, h in enumerate(job.headers)}
        self.columns = {key: position[h] for key, h in job.mapping.items() if h in position and key in self.targets}
        self.first_seen = {}
        for index in range(len(job.rows)):
            for key in self._unique_keys(index):
                self.first_seen.setdefault(key, index)
        self.partners = {"vo": {}, "mbo": {}}     # role -> BRIN -> institution
        for p in self.route.partners.select_related("institution"):
            self.partners[p.role][p.institution.brin.upper()] = p.institution

    def partners_of(self, role: str) -> list:
        return list(self.partners[role].values())

    def value(self, index: int, key: str) -> str:
        column = self.columns.get(key)
        return self.job.rows[index][column].strip() if column is not None else ""

    def column(self, key: str) -> str:
        if key in self.job.mapping:
            return self.job.mapping[key]
        target = self.targets.get(key)
        return _("%(field)s (niet gekoppeld)") % {"field": target.label} if target else ""

    def error(self, index: int, key: str, rule: str, message: str) -> dict:
        hidden = key == "bsn" or self.job.mapping.get(key) in self.job.bsn_columns
        value = self.value(index, key) if key else ""
        return {"row": self.job.line(index), "column": self.column(key) if key else "",
                "value": HIDDEN if hidden and value else value, "rule": rule, "message": str(message)}

    def _unique_keys(self, index: int) -> list[tuple]:
        number = self.value(index, "number")
        if self.job.kind == m.ImportJob.Kind.RESULTS:
            name = self.value(index, "name").lower()
            return [("part", number, name)] if number and name else []
        keys = [("number", number)] if number else []
        bsn = self.value(index, "bsn")
        if bsn and bsn != INVALID_BSN:
            keys.append(("bsn", bsn))
        return keys

    def duplicates(self, index: int) -> list[dict]:
        errors = []
        for key in self._unique_keys(index):
            first = self.first_seen[key]
            if first != index:
                column = "bsn" if key[0] == "bsn" else "number"
                errors.append(self.error(index, column, UNIQUE, _("Staat ook al in rij %(row)d van dit bestand.")
                                         % {"row": self.job.line(first)}))
        return errors

    # -- one row --------------------------------------------------------------------------------

    def apply(self, index: int, user) -> list[dict]:
        """Results: check the row and make its change through the services (in a savepoint: a row
        with an error leaves nothing behind). Returns the row's errors."""
        try:
            with transaction.atomic():
                return self._result(index, user)
        except DatabaseError:
            return [self.error(index, "", INVALID, _("Deze rij kan niet worden opgeslagen."))]

    def _form_errors(self, index: int, form, fields: dict) -> list[dict]:
        errors = []
        for name, problems in form.errors.as_data().items():
            key = fields.get(name, "")
            for problem in problems:
                rule = REQUIRED if problem.code == "required" else INVALID
                errors.append(self.error(index, key, rule, " ".join(problem.messages)))
        return errors

    def _violations(self, index: int, violation) -> list[dict]:
        fields = RULE_FIELDS[self.job.kind]
        return [self.error(index, fields.get(finding.field, ""), finding.rule, finding.message)
                for finding in violation.findings] or [
            self.error(index, "", INVALID, _("Een regel staat deze wijziging niet toe."))]

    def _required(self, index: int) -> list[dict]:
        return [self.error(index, key, REQUIRED, _("%(field)s ontbreekt.") % {"field": capfirst(t.label)})
                for key, t in self.targets.items() if t.required and not self.value(index, key)]
    def _own_school(self, index: int, key: str, role: str):
        """The row's own vo-school (or mbo): the importing institution when it is that side's
        partner; else the BRIN in the row's column; else the route's only partner of that side.
        Returns (institution or None, error or None)."""
        partners = self.partners[role]
        given = self.value(index, key).upper()
        if self.institution in partners.values():
            if given and given != self.institution.brin.upper():
                return None, self.error(index, key, INVALID, _(
                    "%(school)s importeert alleen leerlingen van de eigen school.") % {"school": self.institution.name})
            return self.institution, None
        if given:
            if given not in partners:
                return None, self.error(index, key, UNKNOWN, _("%(brin)s is geen %(role)s-partner van deze route.")
                                        % {"brin": given, "role": role})
            return partners[given], None
        if len(partners) > 1:
            return None, self.error(index, key, REQUIRED, _(
                "De route heeft meer dan één %(role)s-partner; geef per leerling de BRIN van de eigen school "
                "(%(brins)s).") % {"role": role, "brins": ", ".join(sorted(partners))})
        return next(iter(partners.values()), None), None

    def _result(self, index: int, user) -> list[dict]:
        v = lambda key: self.value(index, key)  # noqa: E731
        errors = self._required(index) + self.duplicates(index)
        if errors:
            return errors
        found = (m.StudentNumber.objects.filter(institution=self.institution, number=v("number"),
                                                student__route=self.route).select_related("student").first())
        if found is None:
            return [self.error(index, "number", NOT_FOUND,
                               _("Geen leerling met dit leerlingnummer bij %(school)s in deze route.")
                               % {"school": self.institution.name})]
        student = found.student
        vo_only = self.institution in self.partners_of("vo") and self.institution not in self.partners_of("mbo")
        if vo_only and student.vo_school_id not in (None, self.institution.pk):
            return [self.error(index, "number", NOT_FOUND,   # another vo-school's student: not theirs to see
                               _("Geen leerling met dit leerlingnummer bij %(school)s in deze route.")
                               % {"school": self.institution.name})]
        # The planned part the row belongs to: same name (case does not count), narrowed by sector and
        # kind when the row gives them (a plan holds e.g. "Nederlands" as vmbo SE, vmbo CSPE and mbo generiek).
        candidates = list(student.exam_parts.filter(name__iexact=" ".join(v("name").split())))
        if v("sector"):
            candidates = [p for p in candidates if p.sector == v("sector").lower()]
        if v("kind"):
            try:
                candidates = [p for p in candidates if p.kind == parse_part_kind(v("kind"))]
            except ValueError:
                pass  # reported below
        if len(candidates) > 1:
            return [self.error(index, "name", INVALID, _(
                "De leerling heeft meer dan één examenonderdeel met deze naam; vul sector en soort in."))]
        part = candidates[0] if candidates else None
        # The row's fields, as the use case takes them: a PATCH of the part in the plan, or a new part.
        given = {} if part else {"name": v("name")}
        if v("sector"):
            sector = v("sector").lower()
            if sector in m.ExamPart.Sector.values:
                given["sector"] = sector
            else:
                errors.append(self.error(index, "sector", INVALID, _("Onbekende sector; gebruik vmbo of mbo.")))
        if v("kind"):
            try:
                given["kind"] = parse_part_kind(v("kind"))
            except ValueError:
                errors.append(self.error(index, "kind", UNKNOWN, _(
                    "Onbekende soort; gebruik SE, CSPE, generiek, kerntaak, keuzedeel of BPV.")))
        if v("planned_route_year"):
            given["planned_route_year"] = v("planned_route_year")
        if v("result"):
            try:
                given["result"] = parse_result(v("result"))
            except ValueError:
                errors.append(self.error(index, "result", INVALID,
                                         _("Onbekend resultaat; gebruik behaald, niet behaald of open.")))
        if v("grade"):
            try:
                given["grade"] = f.parse_grade(v("grade"), from_file=True)
            except ValueError:
                errors.append(self.error(index, "grade", INVALID,
                                         _("Geen geldig cijfer; gebruik 1,0 tot en met 10,0, of O, V of G.")))
        if v("result_on"):
            try:
                given["result_on"] = parse_date(v("result_on"))
            except ValueError:
                errors.append(self.error(index, "result_on", INVALID,
                                         _("Geen geldige datum; gebruik dd-mm-jjjj of jjjj-mm-dd.")))
        if errors:
            return errors
        try:
            data = (schemas.ExamPartPatch if part else schemas.ExamPartIn).model_validate(given)
        except ValidationError as error:
            return [self.error(index, e["field"] if e["field"] in self.targets else "",
                               REQUIRED if e["field"] not in given else INVALID, e["message"])
                    for e in schema_errors.problems(error)]
        try:
            services.save_exam_part(user, student, data, part)
        except services.RuleViolation as violation:
            return self._violations(index, violation)
        return []

# --- leerweg and profiel as the schools' systems write them -------------------------------------

def _compact(code: str) -> str:
    """A code without punctuation: "ZW" is "Z&W"."""
    return re.sub(r"[^A-Z0-9]+", "", _norm(code).upper())


def _without_en(name: str) -> str:
    """A name without "en"/"&": "Zorg & welzijn" is "Zorg en welzijn"."""
    return " ".join(word for word in _norm(name).split() if word != "en")


def register_leerwegen() -> dict:
    """The register's leerwegen by code (upper case) and by name (``_norm``)."""
    found = {}
    for leerweg in Leerweg.objects.all():
        found[leerweg.code.upper()] = found[_norm(leerweg.name)] = leerweg
    return found


def read_leerweg(text: str, leerwegen: dict):
    """(the register's Leerweg, None) for a cell, or (None, the message why not). Every spelling of
    ``domain.import_columns.leerweg_code`` counts. GT, since 2024 the merged gemengde/theoretische
    leerweg, is the register's GT when it has one, else GL (the leerweg it grew from: the same exam
    programme in the default plans)."""
    found = leerwegen.get(text.upper()) or leerwegen.get(_norm(text))
    if found:
        return found, None
    code = import_columns.leerweg_code(text)
    if code == import_columns.MERGED and code not in leerwegen:
        code = import_columns.MERGED_FROM
    if code in leerwegen:
        return leerwegen[code], None
    if import_columns.is_mbo_leerweg(text):
        return None, _("‘%(value)s’ is een leerweg van het mbo (BOL/BBL); deze kolom is de vmbo-leerweg: BB, KB, GL, "
                       "TL of GT.") % {"value": text}
    return None, _("Onbekende leerweg ‘%(value)s’; gebruik BB, KB, GL, TL of GT (of voluit, bijvoorbeeld ‘gemengde "
                   "leerweg’ of ‘kader’).") % {"value": text}


def merged_leerweg_rows(job: m.ImportJob) -> int:
    """How many rows give the leerweg GT while the register has no GT: they are recorded as GL."""
    column = job.mapping.get("leerweg")
    if job.kind != m.ImportJob.Kind.STUDENTS or column not in job.headers or not job.rows:
        return 0
    if Leerweg.objects.filter(code=import_columns.MERGED).exists():
        return 0
    i, codes = job.headers.index(column), {}
    for row in job.rows:
        if row[i] not in codes:
            codes[row[i]] = import_columns.leerweg_code(row[i])
    return sum(1 for row in job.rows if codes[row[i]] == import_columns.MERGED)


# --- students: checked all at once on the pure core, written in bulk ----------------------------

@dataclass(frozen=True)
class Shape:
    """What ``services.enrol`` makes of a new student, for every student of the same kind (cohort,
    vmbo leerjaar, leerweg, profiel, uitstroomrichting, own schools, joint judgment): the instroom,
    the summary the path gives, the exam plan, the enrolments and the rules' verdict. Computed once
    per kind with the core (``domain.path``, ``domain.rules``) and the exam plan templates."""
    on: date                                  # the instroom (start of the cohort's school year)
    state: core.PathState
    parts: tuple[tuple, ...]                  # (sector, kind, name, planned route year, examiner id)
    enrolments: tuple[tuple, ...]             # (institution id, school year, route year, start, end, funded, phase)
    failed: str                               # the student rules failed / warned (StudentFinding)
    warnings: str
    blocked: tuple                            # findings that refuse the enrolment


@dataclass
class Planned:
    index: int
    values: dict          # the student's own fields
    number: str
    shape: Shape


class StudentRows(Rows):
    """Student rows: every row checked on the pure core with the route's facts built once, the
    valid rows written in bulk as exactly what ``services.enrol`` writes for one student (record,
    number, instroom event, exam plan, enrolments, rule state); a test compares the two."""

    def __init__(self, job: m.ImportJob):
        super().__init__(job)
        self.leerwegen, self.profielen, self.read_leerwegen = register_leerwegen(), {}, {}
        for profiel in Profiel.objects.all():
            self.profielen[profiel.code.upper()] = self.profielen[_norm(profiel.name)] = profiel
            self.profielen[_compact(profiel.code)] = self.profielen[_without_en(profiel.name)] = profiel
        self.kwalificaties = {u.kwalificatie.code: u.kwalificatie
                              for u in self.route.uitstroomrichtingen.select_related("kwalificatie")}
        self.all_codes = None
        self.roles = {p.institution_id: p.role for p in self.route.partners.all()}
        self.route_facts = replace(compliance.route_facts(self.route), has_students=True)
        self.rule_settings = compliance.rule_settings()
        self.shapes: dict[tuple, Shape] = {}
        self.templates: dict = {}
        self.load_taken()

    def load_taken(self) -> None:
        """The numbers and pseudonyms already in the register (read once, not per row)."""
        self.taken_numbers = set(m.StudentNumber.objects.filter(institution=self.institution)
                                 .values_list("number", flat=True))
        self.taken_keys = set(m.Student.objects.filter(route=self.route).exclude(national_key="")
                              .values_list("national_key", flat=True))

    def recheck(self, planned: list[Planned]) -> list[dict]:
        """The uniqueness checks again, against the register as it is now (in the writing transaction)."""
        self.load_taken()
        errors = []
        for p in planned:
            if p.number in self.taken_numbers:
                errors.append(self.error(p.index, "number", UNIQUE, _("Dit leerlingnummer bestaat al bij %(school)s.")
                                         % {"school": self.institution.name}))
            if p.values["national_key"] and p.values["national_key"] in self.taken_keys:
                errors.append(self.error(p.index, "bsn", UNIQUE,
                                         _("Een leerling met dit BSN staat al in deze route.")))
        return errors

    def known_code(self, code: str) -> bool:
        if self.all_codes is None:
            self.all_codes = set(Kwalificatie.objects.values_list("code", flat=True))
        return code in self.all_codes

    def check(self, index: int) -> tuple[list[dict], Planned | None]:
        """The row's errors, or what it becomes."""
        v = lambda key: self.value(index, key)  # noqa: E731
        errors = self._required(index) + self.duplicates(index)
        number = v("number")
        if number and number in self.taken_numbers:
            errors.append(self.error(index, "number", UNIQUE, _("Dit leerlingnummer bestaat al bij %(school)s.")
                                     % {"school": self.institution.name}))
        if len(number) > 30:
            errors.append(self.error(index, "number", INVALID, _("Een leerlingnummer heeft hoogstens 30 tekens.")))
        bsn = v("bsn")
        if bsn == INVALID_BSN:
            errors.append(self.error(index, "bsn", INVALID, _("Dit is geen geldig BSN (elfproef).")))
        elif bsn and bsn in self.taken_keys:
            errors.append(self.error(index, "bsn", UNIQUE, _("Een leerling met dit BSN staat al in deze route.")))
        first_name = v("first_name")
        last_name = " ".join(filter(None, [v("prefix"), v("last_name")]))
        if len(first_name) > 80:
            errors.append(self.error(index, "first_name", INVALID, _("Een voornaam heeft hoogstens 80 tekens.")))
        if len(last_name) > 120:
            errors.append(self.error(index, "last_name", INVALID, _("Een achternaam heeft hoogstens 120 tekens.")))
        vmbo_year = parse_int(v("vmbo_year_at_start")) or "3"
        if not (vmbo_year.isascii() and vmbo_year.isdigit()) or not 1 <= int(vmbo_year) <= 6:
            errors.append(self.error(index, "vmbo_year_at_start", INVALID,
                                     _("Geef het vmbo-leerjaar bij de start als getal (bijvoorbeeld 3).")))
        dates = {}
        for key in ("date_of_birth", "glr_judgment_on"):
            dates[key] = None
            if v(key):
                try:
                    dates[key] = parse_date(v(key))
                except ValueError:
                    errors.append(self.error(index, key, INVALID,
                                             _("Geen geldige datum; gebruik dd-mm-jjjj of jjjj-mm-dd.")))
        cohort = None
        if v("cohort"):
            try:
                cohort = parse_cohort(v("cohort"))
            except ValueError:
                errors.append(self.error(index, "cohort", INVALID,
                                         _("Geen geldig cohort; schrijf het eerste jaar (2021) of het schooljaar "
                                           "(2021-2022).")))
        leerweg = None
        if v("leerweg"):
            if v("leerweg") not in self.read_leerwegen:   # once per spelling, not per row
                self.read_leerwegen[v("leerweg")] = read_leerweg(v("leerweg"), self.leerwegen)
            leerweg, problem = self.read_leerwegen[v("leerweg")]
            if problem:
                errors.append(self.error(index, "leerweg", UNKNOWN, problem))
        profiel = None
        if v("profiel"):
            text = v("profiel")
            profiel = (self.profielen.get(text.upper()) or self.profielen.get(_norm(text))
                       or self.profielen.get(_compact(text)) or self.profielen.get(_without_en(text)))
            if not profiel:
                errors.append(self.error(index, "profiel", UNKNOWN, _("Onbekend profiel; gebruik de profielcode.")))
        kwalificatie = None
        if v("kwalificatie"):
            code = parse_int(v("kwalificatie"))
            kwalificatie = self.kwalificaties.get(code)
            if kwalificatie is None and self.known_code(code):
                errors.append(self.error(index, "kwalificatie", UNKNOWN,
                                         _("Kwalificatie %(code)s is geen uitstroomrichting van deze route.")
                                         % {"code": code}))
            elif kwalificatie is None:
                errors.append(self.error(index, "kwalificatie", UNKNOWN,
                                         _("Onbekende kwalificatie (crebo) %(code)s.") % {"code": code}))
        elif self.route.choice_route_year is None:
            errors.append(self.error(index, "kwalificatie", REQUIRED, _(
                "De uitstroomrichting (crebo) ontbreekt; deze route legt haar bij de start vast.")))
        schools = {}
        for key, role in (("vo_school", "vo"), ("mbo_institution", "mbo")):
            schools[key], problem = self._own_school(index, key, role)
            if problem:
                errors.append(problem)
        if not errors and schools["vo_school"] is None:
            errors.append(self.error(index, "vo_school", REQUIRED, _("De route heeft geen vo-school.")))
        if errors:
            return errors, None
        values = {"first_name": first_name, "last_name": last_name, "date_of_birth": dates["date_of_birth"],
                  "vo_school": schools["vo_school"], "mbo_institution": schools["mbo_institution"],
                  "leerweg": leerweg, "profiel": profiel, "vmbo_year_at_start": int(vmbo_year), "cohort": cohort,
                  "kwalificatie": kwalificatie, "glr_judgment_on": dates["glr_judgment_on"], "national_key": bsn}
        shape = self.shape(values)
        if shape.blocked:
            return self._violations(index, services.RuleViolation(list(shape.blocked))), None
        return [], Planned(index, values, number, shape)

    def student(self, values: dict, shape: Shape | None = None) -> m.Student:
        """The new student record (unsaved) as services.enrol saves it, its summary from the path."""
        student = m.Student(route=self.route, glr_judgment_note="", entry_route_year=1, route_year=1, **values)
        if shape is not None:
            state = shape.state
            student.route_year, student.status = state.route_year, state.status
            student.entry_route_year, student.zij_instroom = state.entry_route_year, state.zij_instroom
        return student

    def shape(self, values: dict) -> Shape:
        key = tuple(getattr(values[k], "pk", values[k]) for k in (
            "cohort", "vmbo_year_at_start", "leerweg", "profiel", "kwalificatie", "vo_school", "mbo_institution",
            "glr_judgment_on"))
        if key not in self.shapes:
            self.shapes[key] = self._shape(self.student(values))
        return self.shapes[key]

    def _shape(self, student: m.Student) -> Shape:
        """As services.enrol: the instroom event, the exam plan from the templates, the summary and the
        enrolments the replayed path gives (rederive), then the rules guarding an enrolment."""
        on = year_start(student.cohort)
        kwalificatie = student.kwalificatie
        state = core.replay([core.PathEvent(kind=m.EventKind.INSTROOM, date=on, route_year=1,
                                            kwalificatie=kwalificatie.code if kwalificatie else "", key="nieuw")])
        parts = exam_plan.template_parts(student, cache=self.templates)
        vo, mbo = student.vo_school, student.mbo_institution
        base = facts.Student(
            key="nieuw", route=self.route_facts, leerweg=student.leerweg.code,
            vmbo_year_at_start=student.vmbo_year_at_start, cohort=student.cohort,
            kwalificatie=(facts.Kwalificatie(kwalificatie.code, kwalificatie.name, kwalificatie.level)
                          if kwalificatie else None),
            exam_parts=tuple(facts.ExamPart(name=p.name, sector=p.sector, kind=p.kind,
                                            planned_route_year=p.planned_route_year, actual_route_year=None,
                                            result=p.result, integrated=p.integrated, result_on=None)
                             for p in parts),
            vmbo_diploma_on=state.vmbo_diploma_on, glr_judgment_on=student.glr_judgment_on, active=True,
            vo_brin=vo.brin if vo else "", mbo_brin=mbo.brin if mbo else "")
        own = {}
        for side, chosen in (("vo", vo), ("mbo", mbo)):
            partners = self.partners[side]
            brin = core.own_brin(chosen.brin if chosen else "", list(partners))
            own[side] = partners.get(brin.upper() if brin else "", chosen)
        enrolments = tuple((own[row.side].pk, row.school_year, row.route_year, row.start, row.end, row.funded,
                            row.phase)
                           for row in core.required_for_path(base, state) if own[row.side] is not None)
        brins = {i.pk: i.brin for i in own.values() if i is not None}
        evaluated = replace(base, enrolments=tuple(
            facts.Enrolment(brin=brins[e[0]], role=self.roles.get(e[0], "mbo"), school_year=e[1], route_year=e[2],
                            start=e[3], end=e[4], funded=e[5], phase=e[6]) for e in enrolments))
        findings = evaluate_student(evaluated, self.rule_settings)
        failed = sorted({f.rule for f in findings if f.status == FAILED})
        warned = sorted({f.rule for f in findings if f.status == WARNING} - set(failed))
        return Shape(on=on, state=state,
                     parts=tuple((p.sector, p.kind, p.name, p.planned_route_year, p.examiner_id) for p in parts),
                     enrolments=enrolments, failed=" ".join(failed), warnings=" ".join(warned),
                     blocked=tuple(blocking(findings, "student.enrol")))

    def write(self, planned: list[Planned], user) -> list[int]:
        """Write the checked rows in bulk (call inside a transaction; the audit trail gets one entry
        for the job, written by the caller, not one per record): the students, their numbers, events,
        exam plans, enrolments and rule state as plain rows (``insert_rows``). Returns the students' ids."""
        now = timezone.now()
        ids = allocate_ids(m.Student, len(planned))
        defaults = {f.attname: f.get_default() for f in written_fields(m.Student)}
        defaults.update(route_id=self.route.pk, glr_judgment_note="", created=now, updated=now)
        students, numbers, events, parts, enrolments, findings = [], [], [], [], [], []
        user_id, institution_id = getattr(user, "pk", None), self.institution.pk
        for pk, p in zip(ids, planned):
            shape, values, state = p.shape, p.values, p.shape.state
            student = dict(defaults, id=pk, **{(f"{k}_id" if hasattr(v, "pk") or k in FOREIGN else k):
                                               (v.pk if hasattr(v, "pk") else v) for k, v in values.items()})
            student.update(route_year=state.route_year, status=state.status, entry_route_year=state.entry_route_year,
                           zij_instroom=state.zij_instroom)
            students.append(student)
            if p.number:
                numbers.append((pk, institution_id, p.number))
            events.append((pk, m.EventKind.INSTROOM, shape.on, school_year_of(shape.on), state.entry_route_year,
                           student["kwalificatie_id"], "", "", "", user_id))
            parts += [(pk, sector, kind, name, year, None, examiner, "", False, m.ExamPart.Result.OPEN, None, None)
                      for sector, kind, name, year, examiner in shape.parts]
            enrolments += [(pk, *enrolment) for enrolment in shape.enrolments]
            findings.append((pk, shape.failed, shape.warnings, now))
        names = list(students[0]) if students else []
        insert_rows(m.Student, [m.Student._meta.pk.name if n == "id" else n for n in names],
                    [tuple(row[n] for n in names) for row in students])
        insert_rows(m.StudentNumber, ["student", "institution", "number"], numbers)
        insert_rows(m.Event, ["student", "kind", "date", "school_year", "route_year", "kwalificatie",
                              "destination", "origin", "detail", "recorded_by"], events)
        insert_rows(m.ExamPart, ["student", "sector", "kind", "name", "planned_route_year", "actual_route_year",
                                 "examiner", "location", "integrated", "result", "grade", "result_on"], parts)
        insert_rows(m.Enrolment, ["student", "institution", "school_year", "route_year", "start", "end", "funded",
                                  "phase"], enrolments)
        insert_rows(m.StudentFinding, ["student", "failed", "warnings", "evaluated_at"], findings)
        m.Student.objects.refresh_plain_paths(ids)
        return ids


FOREIGN = {"vo_school", "mbo_institution", "leerweg", "profiel", "kwalificatie"}   # may be None


def allocate_ids(model, count: int) -> list[int]:
    """Keys for ``count`` new rows of ``model`` (inside the writing transaction): from the table's
    sequence on PostgreSQL; on SQLite after the highest key ever given (the transaction holds the
    database's write lock from its start, so no other writer takes the same keys)."""
    connection = connections[router.db_for_write(model)]
    table, column = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                           [table, column, count])
            return [row[0] for row in cursor.fetchall()]
        cursor.execute(f"SELECT COALESCE(MAX({connection.ops.quote_name(column)}), 0) FROM "
                       f"{connection.ops.quote_name(table)}")
        start = cursor.fetchone()[0]
        cursor.execute("SELECT COALESCE(MAX(seq), 0) FROM sqlite_sequence WHERE name = %s", [table])
        start = max(start, cursor.fetchone()[0])
    return list(range(start + 1, start + count + 1))


def written_fields(model) -> list:
    """The columns an insert writes: not the primary key, and not the ones the database computes
    (generated fields such as ``Student.sort_name``)."""
    return [f for f in model._meta.concrete_fields if not f.primary_key and not f.generated]


def insert_rows(model, names: list[str], rows: list[tuple]) -> None:
    """Insert many plain rows into a model's table (inside the caller's transaction): COPY on
    PostgreSQL, executemany on SQLite. Dates and times are adapted for the database by the backend
    (once per distinct value); other values are given as they are. No model instances, signals or
    per-record audit entries."""
    if not rows:
        return
    connection = connections[router.db_for_write(model)]
    fields = [model._meta.get_field(name) for name in names]
    # A field the caller does not name gets its default (a field added to the model later included).
    rest = [f for f in written_fields(model) if f not in fields]
    if rest:
        now = timezone.now()
        defaults = tuple(now if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False) else f.get_default()
                         for f in rest)
        fields, rows = fields + rest, [tuple(row) + defaults for row in rows]
    adapt = {}
    for i, field in enumerate(fields):
        kind = field.get_internal_type()
        if kind == "DateField":
            adapt[i] = connection.ops.adapt_datefield_value
        elif kind == "DateTimeField":
            adapt[i] = connection.ops.adapt_datetimefield_value
    if adapt:
        cache = {}
        records = []
        for row in rows:
            row = list(row)
            for i, convert in adapt.items():
                value = row[i]
                if value is not None:
                    if value not in cache:
                        cache[value] = convert(value)
                    row[i] = cache[value]
            records.append(row)
    else:
        records = rows
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for record in records:
                    copy.write_row(record)
        else:
            placeholders = ", ".join(["%s"] * len(fields))
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", records)


# --- the job's steps (run by the worker: tasks.py; or by manage.py import_students) ------------

PROGRESS_EVERY = 1000   # rows between two progress writes


def _progress(job: m.ImportJob, position: int) -> None:
    m.ImportJob.objects.filter(pk=job.pk).update(position=position, updated=timezone.now())


def claim(job: m.ImportJob, from_states, to_state: str, **fields) -> bool:
    """Move the job to ``to_state`` if it is in one of ``from_states``, in one conditional UPDATE: of
    two requests (a double click, two tabs, two workers) exactly one gets True."""
    fields.setdefault("updated", timezone.now())
    moved = m.ImportJob.objects.filter(pk=job.pk, status__in=list(from_states)).update(status=to_state, **fields)
    if moved:
        job.status = to_state
        for name, value in fields.items():
            setattr(job, name, value)
    return bool(moved)


def start_validation(job: m.ImportJob, mapping: dict) -> bool:
    """Queue the check of the job's rows with ``mapping``; False when it is already queued or running
    (or imported). A column the user maps as BSN is pseudonymised now, before anything else."""
    states = (m.ImportJob.State.MAPPING, m.ImportJob.State.VALIDATED, m.ImportJob.State.FAILED)
    with transaction.atomic():
        job = m.ImportJob.objects.select_for_update().get(pk=job.pk)
        if job.status not in states:
            return False
        bsn = mapping.get("bsn")
        if bsn and bsn not in job.bsn_columns and bsn in job.headers:
            if not settings.LEERROUTE_PSEUDONYM_KEY:
                raise ImportRefused(_(
                    "Kolom ‘%(column)s’ is als BSN gekoppeld, maar er is geen sleutel voor pseudoniemen ingesteld "
                    "(LEERROUTE_PSEUDONYM_KEY); BSN's worden dan niet verwerkt.") % {"column": bsn})
            i = job.headers.index(bsn)
            for row in job.rows:
                row[i] = _pseudonym(row[i])
            job.bsn_columns = [*job.bsn_columns, bsn]
        job.mapping = mapping
        job.row_count = len(job.rows)
        job.status, job.position, job.errors, job.imported, job.message = \
            m.ImportJob.State.QUEUED, 0, [], 0, ""
        job.save()
    m.ImportMapping.objects.update_or_create(institution=job.institution, kind=job.kind,
                                             defaults={"mapping": mapping})
    return True


def check_rows(job: m.ImportJob, user, progress=None):
    """Check every row. Students: on the core, nothing written (returns the errors and the planned
    rows); results: through the services in transactions that are rolled back."""
    progress = progress or (lambda n: None)
    if job.kind == m.ImportJob.Kind.STUDENTS:
        rows = StudentRows(job)
        errors, planned = [], []
        for index in range(job.total):
            problems, plan = rows.check(index)
            errors += problems
            if plan is not None:
                planned.append(plan)
            if (index + 1) % PROGRESS_EVERY == 0:
                progress(index + 1)
        return rows, errors, planned
    rows, errors = Rows(job), []
    for start in range(0, job.total, CHUNK):
        with transaction.atomic():
            for index in range(start, min(start + CHUNK, job.total)):
                errors += rows.apply(index, user)
            transaction.set_rollback(True)
        progress(min(start + CHUNK, job.total))
    return rows, errors, None


def validate(job: m.ImportJob, user=None) -> m.ImportJob:
    """The worker's check of a queued job: queued -> validating -> validated | failed."""
    if not claim(job, [m.ImportJob.State.QUEUED], m.ImportJob.State.VALIDATING, position=0):
        return job
    job.refresh_from_db()
    _rows, errors, _planned = check_rows(job, user or job.user, lambda n: _progress(job, n))
    job.errors, job.position = errors, job.total
    job.status = m.ImportJob.State.FAILED if errors else m.ImportJob.State.VALIDATED
    job.save(update_fields=["errors", "position", "status", "updated"])
    return job


def start_import(job: m.ImportJob) -> bool:
    """The Importeren button: validated -> importing, once however often it is pressed."""
    return claim(job, [m.ImportJob.State.VALIDATED], m.ImportJob.State.IMPORTING, position=0)


def run_import(job: m.ImportJob, user=None) -> m.ImportJob:
    """The worker's import of a job in state importing: every row is checked again (the register may
    have changed since), then written in one transaction with the job's end state, so the job says
    done only with its rows committed. A row that fails: nothing is written, the job is failed with
    the errors. Students are written in bulk with one audit entry for the job; results through the
    services. The stored rows are cleared after a successful import."""
    job = m.ImportJob.objects.select_related("route", "institution", "user").get(pk=job.pk)
    if job.status != m.ImportJob.State.IMPORTING:
        return job
    user = user or job.user
    rows, errors, planned = check_rows(job, user, lambda n: _progress(job, n))
    if errors:
        job.status, job.errors, job.position = m.ImportJob.State.FAILED, errors, job.total
        job.save(update_fields=["status", "errors", "position", "updated"])
        return job
    _progress(job, job.total)
    with transaction.atomic():
        locked = m.ImportJob.objects.select_for_update().get(pk=job.pk)
        if locked.status != m.ImportJob.State.IMPORTING:
            return locked   # another run got here first
        if planned is not None:
            errors = rows.recheck(planned)   # numbers and pseudonyms written meanwhile
            if errors:
                transaction.set_rollback(True)
            else:
                ids = rows.write(planned, user)
                audit_import(job, user, [(job.line(p.index), pk) for p, pk in zip(planned, ids)])
                compliance.refresh(job.route)
        else:
            for index in range(job.total):
                errors += rows.apply(index, user)
            if errors:
                transaction.set_rollback(True)
        if not errors:
            m.ImportJob.objects.filter(pk=job.pk).update(
                status=m.ImportJob.State.DONE, imported=job.total, rows=[], position=job.total,
                updated=timezone.now())
    if errors:
        job.status, job.errors = m.ImportJob.State.FAILED, errors
        job.save(update_fields=["status", "errors", "updated"])
    job.refresh_from_db()
    return job


def fail(job: m.ImportJob, message: str) -> None:
    """End a job that broke off (an unexpected error): failed, with a message, nothing imported."""
    m.ImportJob.objects.filter(pk=job.pk).exclude(status=m.ImportJob.State.DONE).update(
        status=m.ImportJob.State.FAILED, message=message[:300], updated=timezone.now())


def audit_import(job: m.ImportJob, user, rows: list[tuple[int, int]]) -> None:
    """One audit entry for a whole import: which file row became which student (ids only, no names
    or BSNs), instead of one entry per record."""
    LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(m.ImportJob), object_pk=str(job.pk), object_id=job.pk,
        object_repr=f"import {job.pk}", action=LogEntry.Action.CREATE, actor=user,
        changes={"imported": [None, len(rows)]}, changes_text="",
        additional_data={"import_job": job.pk, "kind": job.kind, "route_id": job.route_id,
                         "institution_id": job.institution_id, "rows": [[row, pk] for row, pk in rows]})


ERROR_HEADERS = ["rij", "kolom", "waarde", "regel", "melding"]


def row_index(job: m.ImportJob, line: int) -> int | None:
    """The index in ``job.rows`` of the file's row ``line`` (the inverse of ``ImportJob.line``)."""
    skipped = job.skipped_lines or []
    if not isinstance(line, int) or line in skipped:
        return None
    index = line - 2 - sum(1 for s in skipped if s < line)
    return index if 0 <= index < len(job.rows) else None


def original_values(job: m.ImportJob, line: int) -> list[str]:
    """The file's row ``line`` as it was read, one value per column of the file (``job.headers``);
    a BSN column's values hidden. Empty when the rows are gone (imported, or the row is unknown)."""
    index = row_index(job, line)
    if index is None:
        return []
    hidden = set(job.bsn_columns) | ({job.mapping["bsn"]} if job.mapping.get("bsn") else set())
    return [HIDDEN if header in hidden and value else value for header, value in zip(job.headers, job.rows[index])]


def error_report_headers(job: m.ImportJob) -> list[str]:
    """The error report's columns: the error, then the file's own columns with the row's values."""
    return ERROR_HEADERS + list(job.headers)


def error_rows(job: m.ImportJob) -> list[list]:
    """One line per error: row, column, value, rule, message, then the row's values as in the file,
    so that the report can be corrected and read in again as it is."""
    width = len(job.headers)
    return [[e["row"], e["column"], e["value"], e["rule"], e["message"],
             *(original_values(job, e["row"]) or [""] * width)] for e in job.errors]


# --- the route's columns: what a rule makes required, and the template to fill in ----------------

def rule_columns(route) -> tuple[import_columns.RequiredColumn, ...]:
    """The columns a rule makes required for the student import of ``route`` (on the pure core)."""
    return import_columns.required_columns(compliance.route_facts(route))


def required_for_route(route, kind: str, institution=None, by_rule=None) -> dict[str, str]:
    """Target field -> why it is required for this route, for the fields that are not always
    required: the columns a rule makes required (``domain.import_columns``, with the rule's id), the
    uitstroomrichting when the route fixes it at the start, and the own school's BRIN when the route
    has several partners of that side and the importing institution is not one of them."""
    if kind != m.ImportJob.Kind.STUDENTS:
        return {}
    found = {column.field: _("Verplicht voor deze route (%(rule)s): %(reason)s")
             % {"rule": column.rule, "reason": column.reason}
             for column in (rule_columns(route) if by_rule is None else by_rule)}
    if route.choice_route_year is None:
        found["kwalificatie"] = _("Verplicht voor deze route: zij legt de uitstroomrichting bij de start vast.")
    partners = {"vo": [], "mbo": []}
    for partner in route.partners.select_related("institution"):
        partners[partner.role].append(partner.institution)
    for key, role in (("vo_school", "vo"), ("mbo_institution", "mbo")):
        if len(partners[role]) > 1 and (institution is None or institution not in partners[role]):
            found[key] = _("Verplicht voor deze route: zij heeft meer dan één %(role)s-partner (%(brins)s); geef "
                           "per leerling de BRIN van de eigen school.") % {
                "role": role, "brins": ", ".join(sorted(i.brin for i in partners[role]))}
    return found


def template_targets(route, kind: str, by_rule=None) -> list[Target]:
    """The columns of the template for this route: every field the import takes, except the BSN
    when no pseudonym key is set (a file with a BSN column is refused then), the joint judgment when
    no rule asks it (R-17: only in a route without vmbo diploma) and the own school's BRIN when the
    route has one partner of that side."""
    if kind != m.ImportJob.Kind.STUDENTS:
        return list(TARGETS[kind])
    roles = list(route.partners.values_list("role", flat=True))
    required = {c.field for c in (rule_columns(route) if by_rule is None else by_rule)}
    skip = set()
    if not settings.LEERROUTE_PSEUDONYM_KEY:
        skip.add("bsn")
    if "glr_judgment_on" not in required:
        skip.add("glr_judgment_on")
    if roles.count("vo") < 2:
        skip.add("vo_school")
    if roles.count("mbo") < 2:
        skip.add("mbo_institution")
    return [t for t in TARGETS[kind] if t.key not in skip]


def _notes(route, kind: str) -> dict[str, str]:
    """What each template column takes (the note row), with the route's own codes as examples."""
    if kind == m.ImportJob.Kind.RESULTS:
        return {"number": _("het leerlingnummer bij uw instelling, bijv. 123456"),
                "name": _("bijv. Nederlands"), "sector": _("vmbo of mbo"),
                "kind": _("SE, CSPE, generiek, kerntaak, keuzedeel of BPV"),
                "planned_route_year": _("routejaar, bijv. 2"), "result": _("behaald, niet behaald of open"),
                "grade": _("1,0 tot en met 10,0, of O, V of G"), "result_on": _("dd-mm-jjjj, bijv. 20-06-2025")}
    leerwegen = list(route.leerwegen.values_list("code", flat=True)) or ["BB", "KB", "GL", "TL", "GT"]
    profielen = list(route.profielen.values_list("code", flat=True)[:3])
    crebos = [f"{u.kwalificatie.code} ({u.kwalificatie.name})"
              for u in route.uitstroomrichtingen.select_related("kwalificatie")[:3]]
    brins = {role: sorted(route.partners.filter(role=role).values_list("institution__brin", flat=True))
             for role in ("vo", "mbo")}
    start = route.start_vmbo_year or 3
    return {
        "number": _("het leerlingnummer bij uw instelling (Magister: stamnummer), bijv. 123456"),
        "first_name": _("roepnaam, bijv. Sanne"), "prefix": _("bijv. de"), "last_name": _("bijv. Vries"),
        "date_of_birth": _("dd-mm-jjjj, bijv. 15-03-2010"),
        "bsn": _("wordt bij het inlezen direct vervangen door een pseudoniem"),
        "leerweg": _("in deze route: %(codes)s") % {"codes": ", ".join(leerwegen)},
        "profiel": _("profielcode, bijv. %(codes)s") % {"codes": ", ".join(profielen) or "Z&W"},
        "vmbo_year_at_start": _("leeg: %(year)d") % {"year": start},
        "cohort": _("het eerste schooljaar, bijv. 2025 of 2025-2026"),
        "kwalificatie": _("crebo, bijv. %(codes)s") % {"codes": "; ".join(crebos) or "25498"},
        "glr_judgment_on": _("datum van het gezamenlijk oordeel (R-17), dd-mm-jjjj"),
        "vo_school": _("BRIN: %(brins)s") % {"brins": ", ".join(brins["vo"])},
        "mbo_institution": _("BRIN: %(brins)s") % {"brins": ", ".join(brins["mbo"])},
    }


def template_table(route, kind: str) -> tuple[list[str], list[list[str]]]:
    """The template to fill in: the route's columns (named as the wizard maps them without help)
    and one note row, which the import skips (every cell starts with #): what the column takes,
    whether it is required (and by which rule), an example."""
    by_rule = rule_columns(route) if kind == m.ImportJob.Kind.STUDENTS else ()
    columns = template_targets(route, kind, by_rule)
    # the own school's BRIN is not marked: a vo-school's own rows leave it empty
    required = set(required_for_route(route, kind, by_rule=by_rule)) - {"vo_school", "mbo_institution"}
    rule_of = {c.field: c.rule for c in by_rule}
    notes = _notes(route, kind)
    note_row = []
    for target in columns:
        parts = []
        if target.required or target.key in required:
            parts.append(_("verplicht (%(rule)s)") % {"rule": rule_of[target.key]} if target.key in rule_of
                         else _("verplicht"))
        if notes.get(target.key):
            parts.append(notes[target.key])
        note_row.append(f"{NOTE} " + " · ".join(parts))
    return [capfirst(str(t.label)) for t in columns], [note_row]

