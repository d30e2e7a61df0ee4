"""Import of student and result lists exported from the schools' own systems (the import wizard).

A file is read once (CSV with any common delimiter and encoding, or Excel) into an ImportJob. BSN
columns are replaced by their pseudonym while the file is read, before anything is stored: a BSN
is never stored, logged or shown. The user maps the file's columns to the target fields once per
institution (the mapping is saved). Every row is then checked through the same use cases as the
interface (services.enrol, services.save_exam_part) inside transactions that are always rolled
back; the import itself runs every row again in one transaction. All rows are imported, or none.

Errors are dicts {row, column, value, rule, message}: ``row`` is the row in the file (the header
is row 1), ``column`` the file's column (or the target field when it is not mapped), ``rule`` a
rule id ("R-05") or the kind of input problem (verplicht, ongeldig, onbekend, uniek, niet gevonden).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.core.lib.pseudonym import national_key, normalise_bsn, valid_bsn
from apps.core.lib.tabular import read_table
from apps.registry.models import Kwalificatie, Leerweg, Profiel

from . import forms as f
from . import models as m
from . import services

CHUNK = 200            # rows validated per step of the progress page
MAX_ROWS = 20000
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


NUMBER_ALIASES = ("leerlingnummer", "leerling nummer", "leerlingnr", "llnr", "lln nr", "studentnummer",
                  "studentnr", "student nummer", "deelnemernummer", "deelnemer nummer", "student number",
                  "student id", "studentid", "pupil number", "number", "nummer")
BSN_ALIASES = ("bsn", "burgerservicenummer", "burger service nummer", "bsn leerling", "bsn student",
               "sofinummer", "sofi nummer", "citizen service number", "national id")

TARGETS: dict[str, list[Target]] = {
    m.ImportJob.Kind.STUDENTS: [
        Target("number", gettext_lazy("leerlingnummer"), True, NUMBER_ALIASES),
        Target("first_name", gettext_lazy("voornaam"), True,
               ("voornaam", "roepnaam", "voornamen", "first name", "firstname", "given name")),
        Target("prefix", gettext_lazy("tussenvoegsel"), False,
               ("tussenvoegsel", "tussenvoegsels", "voorvoegsel", "prefix", "infix")),
        Target("last_name", gettext_lazy("achternaam"), True,
               ("achternaam", "familienaam", "geslachtsnaam", "last name", "lastname", "surname", "family name")),
        Target("date_of_birth", gettext_lazy("geboortedatum"), False,
               ("geboortedatum", "geb datum", "geboren", "geboren op", "date of birth", "birth date", "birthdate",
                "dob")),
        Target("bsn", gettext_lazy("BSN"), False, BSN_ALIASES),
        Target("leerweg", gettext_lazy("leerweg"), True, ("leerweg", "vmbo leerweg", "learning pathway", "track")),
        Target("profiel", gettext_lazy("profiel"), False, ("profiel", "profielcode", "vmbo profiel", "profile")),
        Target("vmbo_year_at_start", gettext_lazy("vmbo-leerjaar bij start"), False,
               ("vmbo leerjaar bij start", "leerjaar bij start", "vmbo leerjaar", "leerjaar", "vmbo year at start",
                "vmbo year", "year")),
        Target("cohort", gettext_lazy("cohort"), True,
               ("cohort", "startcohort", "schooljaar", "startjaar", "school year", "start year")),
        Target("kwalificatie", gettext_lazy("uitstroomrichting (crebo)"), False,
               ("crebo", "crebocode", "crebo code", "kwalificatie", "kwalificatiecode", "uitstroomrichting",
                "opleiding", "qualification", "qualification code")),
        Target("glr_judgment_on", gettext_lazy("gezamenlijk oordeel (GLR) op"), False,
               ("gezamenlijk oordeel", "datum gezamenlijk oordeel", "oordeel glr", "glr oordeel", "glr",
                "joint judgment", "glr judgment on")),
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
    return re.sub(r"[^a-z0-9]+", " ", str(text).lower()).strip()


# --- reading the file --------------------------------------------------------------------------

@dataclass
class Parsed:
    headers: list[str]
    rows: list[list[str]]
    bsn_columns: list[str]


def _bsn_like(value: str) -> bool:
    return bool(re.fullmatch(r"[\d .-]+", value)) and valid_bsn(normalise_bsn(value))


def _looks_like_bsns(values: list[str]) -> bool:
    """Most filled cells are 8-9 digit numbers passing the elfproef."""
    filled = [v for v in values if v]
    return bool(filled) and sum(_bsn_like(v) for v in filled) >= max(1, 0.8 * len(filled))


def _pseudonym(value: str) -> str:
    if not value.strip():
        return ""
    try:
        return national_key(value)
    except ValueError:
        return INVALID_BSN


def find_bsn_columns(kind: str, headers: list[str], rows: list[list[str]], saved: dict) -> list[str]:
    """Columns that hold BSNs: named as such, mapped as BSN before, or holding BSN-like numbers
    (unless the saved mapping or the header says they are something else)."""
    found = [h for h in headers if _norm(h) in {_norm(a) for a in BSN_ALIASES}]
    if saved.get("bsn") in headers and saved["bsn"] not in found:
        found.append(saved["bsn"])
    claimed = {h for key, h in guess_mapping(kind, headers, saved).items() if key != "bsn"}
    for i, header in enumerate(headers):
        if header not in found and header not in claimed and _looks_like_bsns([r[i] for r in rows]):
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
    rows = [[str(row.get(raw, "") or "").strip() for raw in sources] for row in table.rows]
    rows = [row for row in rows if any(row)]
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
    return Parsed(headers, rows, bsn_columns)


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


def parse_date(text: str) -> date:
    text = text.strip().split("T")[0].split(" ")[0]
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


# --- checking and importing rows ---------------------------------------------------------------

class StudentRowForm(f.StudentForm):
    """The interface's student form, with leerweg, profiel and kwalificatie given by their code."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("leerweg", "profiel", "kwalificatie"):
            self.fields[name].to_field_name = "code"


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
        if job.kind == m.ImportJob.Kind.STUDENTS:
            self.leerwegen = {}
            for leerweg in Leerweg.objects.all():
                self.leerwegen[leerweg.code.upper()] = self.leerwegen[_norm(leerweg.name)] = leerweg
            self.profielen = {}
            for profiel in Profiel.objects.all():
                self.profielen[profiel.code.upper()] = self.profielen[_norm(profiel.name)] = profiel
            self.route_kwalificaties = set(self.route.uitstroomrichtingen.values_list("kwalificatie__code", flat=True))
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
        return {"row": index + 2, "column": self.column(key) if key else "",
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
                                         % {"row": first + 2}))
        return errors

    # -- one row --------------------------------------------------------------------------------

    def apply(self, index: int, user) -> list[dict]:
        """Check the row and make its change through the services (in a savepoint: a row with an
        error leaves nothing behind). Returns the row's errors."""
        try:
            with transaction.atomic():
                if self.job.kind == m.ImportJob.Kind.STUDENTS:
                    return self._student(index, user)
                return self._result(index)
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

    def _student(self, index: int, user) -> list[dict]:
        v = lambda key: self.value(index, key)  # noqa: E731
        errors = self._required(index) + self.duplicates(index)
        number = v("number")
        if number and m.StudentNumber.objects.filter(institution=self.institution, number=number).exists():
            errors.append(self.error(index, "number", UNIQUE, _("Dit leerlingnummer bestaat al bij %(school)s.")
                                     % {"school": self.institution.name}))
        bsn = v("bsn")
        if bsn == INVALID_BSN:
            errors.append(self.error(index, "bsn", INVALID, _("Dit is geen geldig BSN (elfproef).")))
        elif bsn and m.Student.objects.filter(route=self.route, national_key=bsn).exists():
            errors.append(self.error(index, "bsn", UNIQUE, _("Een leerling met dit BSN staat al in deze route.")))
        data = {"first_name": v("first_name"), "last_name": " ".join(filter(None, [v("prefix"), v("last_name")])),
                "vmbo_year_at_start": parse_int(v("vmbo_year_at_start")) or "3", "glr_judgment_note": ""}
        for key in ("date_of_birth", "glr_judgment_on"):
            data[key] = ""
            if v(key):
                try:
                    data[key] = parse_date(v(key)).isoformat()
                except ValueError:
                    errors.append(self.error(index, key, INVALID,
                                             _("Geen geldige datum; gebruik dd-mm-jjjj of jjjj-mm-dd.")))
        data["cohort"] = ""
        if v("cohort"):
            try:
                data["cohort"] = str(parse_cohort(v("cohort")))
            except ValueError:
                errors.append(self.error(index, "cohort", INVALID,
                                         _("Geen geldig cohort; schrijf het eerste jaar (2021) of het schooljaar "
                                           "(2021-2022).")))
        data["leerweg"] = ""
        if v("leerweg"):
            leerweg = self.leerwegen.get(v("leerweg").upper()) or self.leerwegen.get(_norm(v("leerweg")))
            if leerweg:
                data["leerweg"] = leerweg.code
            else:
                errors.append(self.error(index, "leerweg", UNKNOWN, _("Onbekende leerweg; gebruik BB, KB, GL of TL.")))
        data["profiel"] = ""
        if v("profiel"):
            profiel = self.profielen.get(v("profiel").upper()) or self.profielen.get(_norm(v("profiel")))
            if profiel:
                data["profiel"] = profiel.code
            else:
                errors.append(self.error(index, "profiel", UNKNOWN, _("Onbekend profiel; gebruik de profielcode.")))
        data["kwalificatie"] = ""
        if v("kwalificatie"):
            code = parse_int(v("kwalificatie"))
            if code in self.route_kwalificaties:
                data["kwalificatie"] = code
            elif Kwalificatie.objects.filter(code=code).exists():
                errors.append(self.error(index, "kwalificatie", UNKNOWN,
                                         _("Kwalificatie %(code)s is geen uitstroomrichting van deze route.")
                                         % {"code": code}))
            else:
                errors.append(self.error(index, "kwalificatie", UNKNOWN,
                                         _("Onbekende kwalificatie (crebo) %(code)s.") % {"code": code}))
        for key, role in (("vo_school", "vo"), ("mbo_institution", "mbo")):
            school, problem = self._own_school(index, key, role)
            data[key] = school.pk if school else ""
            if problem:
                errors.append(problem)
        if errors:
            return errors
        form = StudentRowForm(data, route=self.route)
        if not form.is_valid():
            return self._form_errors(index, form, {name: name for name in data if name in self.targets})
        student = form.save(commit=False)
        student.route = self.route
        student.national_key = bsn
        try:
            services.enrol(student, {self.institution: number}, user)
        except services.RuleViolation as violation:
            return self._violations(index, violation)
        return []

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

    def _result(self, index: int) -> list[dict]:
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
        data = {"name": v("name"), "sector": "", "kind": "", "planned_route_year": "", "actual_route_year": "",
                "examiner": "", "location": "", "integrated": False, "result": "open", "grade": "", "result_on": ""}
        if part:
            data.update({"name": part.name, "sector": part.sector, "kind": part.kind,
                         "planned_route_year": part.planned_route_year,
                         "actual_route_year": part.actual_route_year or "",
                         "examiner": part.examiner_id or "", "location": part.location, "integrated": part.integrated,
                         "result": part.result, "grade": "" if part.grade is None else str(part.grade),
                         "result_on": part.result_on.isoformat() if part.result_on else ""})
        if v("sector"):
            sector = v("sector").lower()
            if sector in m.ExamPart.Sector.values:
                data["sector"] = sector
            else:
                errors.append(self.error(index, "sector", INVALID, _("Onbekende sector; gebruik vmbo of mbo.")))
        if v("kind"):
            try:
                data["kind"] = parse_part_kind(v("kind"))
            except ValueError:
                errors.append(self.error(index, "kind", UNKNOWN, _(
                    "Onbekende soort; gebruik SE, CSPE, generiek, kerntaak, keuzedeel of BPV.")))
        if v("planned_route_year"):
            data["planned_route_year"] = parse_int(v("planned_route_year"))
        if v("result"):
            try:
                data["result"] = parse_result(v("result"))
            except ValueError:
                errors.append(self.error(index, "result", INVALID,
                                         _("Onbekend resultaat; gebruik behaald, niet behaald of open.")))
        if v("grade"):
            data["grade"] = v("grade").replace(",", ".")
        if v("result_on"):
            try:
                data["result_on"] = parse_date(v("result_on")).isoformat()
            except ValueError:
                errors.append(self.error(index, "result_on", INVALID,
                                         _("Geen geldige datum; gebruik dd-mm-jjjj of jjjj-mm-dd.")))
        if errors:
            return errors
        form = f.ExamPartForm(data, instance=part, route=self.route)
        if not form.is_valid():
            return self._form_errors(index, form, {name: name for name in data if name in self.targets})
        try:
            services.save_exam_part(student, form)
        except services.RuleViolation as violation:
            return self._violations(index, violation)
        return []


# --- the job's steps ---------------------------------------------------------------------------

def start_validation(job: m.ImportJob, mapping: dict) -> None:
    job.mapping = mapping
    job.status, job.position, job.errors, job.imported = m.ImportJob.State.VALIDATING, 0, [], 0
    job.save()
    m.ImportMapping.objects.update_or_create(institution=job.institution, kind=job.kind,
                                             defaults={"mapping": mapping})


def validate_step(job: m.ImportJob, user, size: int | None = None) -> m.ImportJob:
    """Check the next ``size`` rows against the database and the rules; nothing is kept (the
    rows' changes are always rolled back). Ends in status validated or failed. The job is locked
    meanwhile, so two open pages cannot check the same rows twice."""
    with transaction.atomic():
        job = m.ImportJob.objects.select_for_update().select_related("route", "institution").get(pk=job.pk)
        if job.status != m.ImportJob.State.VALIDATING:
            return job
        rows = Rows(job)
        end = min(job.position + (size or CHUNK), job.total)
        errors = []
        with transaction.atomic():
            for index in range(job.position, end):
                errors += rows.apply(index, user)
            transaction.set_rollback(True)
        job.errors = job.errors + errors
        job.position = end
        if end >= job.total:
            job.status = m.ImportJob.State.FAILED if job.errors else m.ImportJob.State.VALIDATED
        job.save(update_fields=["errors", "position", "status", "updated"])
    return job


def run_import(job: m.ImportJob, user) -> m.ImportJob:
    """Import every row in one transaction, again through the services; if any row fails nothing
    is kept and the job shows the errors. The stored rows are cleared after a successful import."""
    with transaction.atomic():
        job = m.ImportJob.objects.select_for_update().select_related("route", "institution").get(pk=job.pk)
        if job.status != m.ImportJob.State.VALIDATED:
            return job
        rows = Rows(job)
        errors = []
        for index in range(job.total):
            errors += rows.apply(index, user)
        if errors:
            transaction.set_rollback(True)
    if errors:
        job.status, job.errors, job.position = m.ImportJob.State.FAILED, errors, job.total
        job.save(update_fields=["status", "errors", "position", "updated"])
    else:
        job.status, job.imported, job.rows = m.ImportJob.State.IMPORTED, job.total, []
        job.save(update_fields=["status", "imported", "rows", "updated"])
    return job


ERROR_HEADERS = ["rij", "kolom", "waarde", "regel", "melding"]


def error_rows(job: m.ImportJob) -> list[list]:
    return [[e["row"], e["column"], e["value"], e["rule"], e["message"]] for e in job.errors]
