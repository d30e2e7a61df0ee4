"""The use cases of the regional app: importing DUO population counts (the K-10 denominator and
the "students in a profiel" side of the coverage gaps).

The accepted shape is DUO's open data file "Leerlingen vo per vestiging naar onderwijstype, lwoo
indicatie, sector/afdeling, opleiding", in its older wide form (one row per vestiging, onderwijstype
and opleiding, with columns LEER- OF VERBLIJFSJAAR 1 - MAN ... 6 - VROUW) or its newer long form
(a LEERJAAR and an AANTAL LEERLINGEN column per row). The column mapping is in the README
("Populatie: DUO-leerlingaantallen"). All rows or none: any row error refuses the whole file with a
row-by-row report naming row, column and value."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from apps.core.lib.tabular import TableError, read_table
from apps.registry.models import Institution, Leerweg, Location, PopulationCount, Profiel
from domain.numbers import NumberError, parse_number

from .schemas import MAX_UPLOAD, MAX_UPLOAD_MB, PopulationImportIn

MAX_COUNT = 10**7   # students in one cell: far above any vestiging, far below the database's integer

MAX_ROWS = 200_000
SHOWN_ERRORS = 500

COL_BRIN = "BRIN NUMMER"
COL_VESTIGING = "VESTIGINGSNUMMER"
COL_TYPE = ("ONDERWIJSTYPE VO EN LEER- OF VERBLIJFSJAAR", "ONDERWIJSTYPE VO")
COL_SCHOOLJAAR = "SCHOOLJAAR"
COL_GEMEENTE = ("GEMEENTENAAM", "GEMEENTENAAM VESTIGING", "PLAATSNAAM VESTIGING", "PLAATSNAAM")
COL_STADSDEEL = "STADSDEEL"
COL_PROFIEL = "PROFIEL"
COL_OPLEIDING = ("OPLEIDINGSNAAM", "AFDELING", "VMBO SECTOR")
COL_LEERJAAR, COL_AANTAL = "LEERJAAR", "AANTAL LEERLINGEN"
WIDE = re.compile(r"^LEER- OF VERBLIJFSJAAR ([1-6])(?: - (MAN|VROUW|ONBEKEND))?$")
VMBO = re.compile(r"^VMBO[\s-]*(BB|BL|KB|KL|GL|TL|GT|G/T)\b")
LEERWEG_OF = {"BB": "BB", "BL": "BB", "KB": "KB", "KL": "KB", "GL": "GL", "TL": "TL"}
BELOW_FIVE = "<5"
VMBO_LEERJAREN = range(1, 5)


class PopulationImportError(ValueError):
    """The file is refused; ``errors`` are {row, column, value, rule, message}, nothing was written."""

    def __init__(self, errors: list[dict]):
        super().__init__(_("Het bestand is niet geïmporteerd."))
        self.errors = errors


@dataclass
class PopulationImportResult:
    school_year: int
    rows_read: int
    rows_skipped: int            # rows that are not vmbo (havo, vwo, brugjaar 1-2, pro, vavo, VM2)
    counts_written: int
    counts_replaced: int
    vestigingen: int
    below_five: int = 0
    notes: list[str] = field(default_factory=list)


def _norm(text: str) -> str:
    return " ".join(text.upper().split())


def _words(text: str) -> str:
    """Lower case, "&" as "en", punctuation out: to find a profiel's name in an opleidingsnaam."""
    text = text.lower().replace("&", " en ")
    return " " + " ".join(re.sub(r"[^a-z0-9à-ÿ]+", " ", text).split()) + " "


class _Reader:
    """Turns the table's rows into counts per (vestiging, leerweg, profiel, leerjaar), collecting
    every row error."""

    def __init__(self, headers: list[str], school_year: int | None):
        self.columns = {_norm(h): h for h in headers}
        self.school_year = school_year
        self.errors: list[dict] = []
        self.totals: dict[tuple, list] = defaultdict(lambda: [0, False, "", ""])
        self.skipped = 0
        self.below_five = 0
        self.institutions = {i.brin: i for i in Institution.objects.all()}
        self.locations = {(loc.institution_id, loc.code): loc for loc in Location.objects.all()}
        self.leerwegen = {lw.code: lw for lw in Leerweg.objects.all()}
        self.profielen = list(Profiel.objects.all())
        self.profiel_codes = {p.code.upper(): p for p in self.profielen}
        self.profiel_words = sorted(((_words(p.name), p) for p in self.profielen), key=lambda x: -len(x[0]))

    def column(self, *names) -> str | None:
        for name in names:
            if name in self.columns:
                return self.columns[name]
        return None

    def error(self, row: int, column: str, value: str, message: str) -> None:
        self.errors.append({"row": row, "column": column or "", "value": value or "", "rule": None,
                            "message": message})

    def check_columns(self) -> bool:
        missing = [name for name in (COL_BRIN, COL_VESTIGING) if not self.column(name)]
        if not self.column(*COL_TYPE):
            missing.append(COL_TYPE[0])
        self.wide = {name: m for name in self.columns if (m := WIDE.match(name))}
        self.long = self.column(COL_LEERJAAR) and self.column(COL_AANTAL)
        if not self.wide and not self.long:
            missing.append(f"{COL_LEERJAAR} + {COL_AANTAL} " + _("of") + " LEER- OF VERBLIJFSJAAR 1 - MAN ...")
        for name in missing:
            self.error(1, name, "", _("Deze kolom ontbreekt; zie de kolommen van het DUO-bestand in de handleiding."))
        if self.school_year is None and not self.column(COL_SCHOOLJAAR):
            self.error(1, COL_SCHOOLJAAR, "", _("Geef het schooljaar op: in het formulier of als kolom SCHOOLJAAR."))
        return not self.errors

    def read(self, index: int, raw: dict) -> None:
        row = index + 2  # row 1 holds the column names
        before = len(self.errors)
        kind_col = self.column(*COL_TYPE)
        kind = _norm(raw.get(kind_col, ""))
        match = VMBO.match(kind)
        if not match:
            self.skipped += 1
            return
        code = match.group(1)
        if code not in LEERWEG_OF:
            self.error(row, kind_col, raw.get(kind_col, ""),
                       _("De leerweg GT (gemengde/theoretische leerweg) staat niet in het register (GL en TL); "
                         "splits deze rijen of voeg de leerweg eerst toe."))
            return
        leerweg = self.leerwegen[LEERWEG_OF[code]]
        self._school_year(row, raw)
        location = self._location(row, raw)
        profiel = self._profiel(row, raw)
        counts = self._counts(row, raw)
        if len(self.errors) > before or location is None:
            return
        gemeente = (raw.get(self.column(*COL_GEMEENTE) or "", "") or location.city or "").strip()[:100]
        stadsdeel = (raw.get(self.column(COL_STADSDEEL) or "", "") or "").strip()[:100]
        for leerjaar, (n, small) in counts.items():
            key = (location.pk, leerweg.pk, profiel.pk if profiel and leerjaar >= 3 else None, leerjaar)
            total = self.totals[key]
            total[0] += n
            total[1] = total[1] or small
            total[2], total[3] = gemeente, stadsdeel

    def _school_year(self, row: int, raw: dict) -> None:
        column = self.column(COL_SCHOOLJAAR)
        if not column:
            return
        value = raw.get(column, "").strip()
        found = re.match(r"^(\d{4})(?:\s*[-/]\s*(\d{4}))?$", value)
        if not found or (found.group(2) and int(found.group(2)) != int(found.group(1)) + 1):
            self.error(row, column, value, _("Geen schooljaar; verwacht bijvoorbeeld 2020-2021 of 2020."))
            return
        year = int(found.group(1))
        if self.school_year is None:
            self.school_year = year
        elif year != self.school_year:
            self.error(row, column, value, _("Een ander schooljaar dan %(y)s: importeer één schooljaar per bestand.")
                       % {"y": f"{self.school_year}-{self.school_year + 1}"})

    def _location(self, row: int, raw: dict) -> Location | None:
        brin_col, vest_col = self.column(COL_BRIN), self.column(COL_VESTIGING)
        brin = raw.get(brin_col, "").strip().upper()
        institution = self.institutions.get(brin)
        if institution is None:
            self.error(row, brin_col, brin, _("Onbekende BRIN-code: deze instelling staat niet in het register."))
            return None
        if institution.sector != Institution.Sector.VO:
            self.error(row, brin_col, brin, _("Deze instelling is geen vo-school."))
            return None
        value = raw.get(vest_col, "").strip().upper()
        code = value[len(brin):] if value.startswith(brin) else value
        code = code.zfill(2) if code.isdigit() and len(code) <= 2 else code
        location = self.locations.get((institution.pk, code))
        if location is None:
            self.error(row, vest_col, value, _("Onbekende vestiging van %(brin)s: deze vestiging staat niet in het "
                                               "register.") % {"brin": brin})
        return location

    def _profiel(self, row: int, raw: dict) -> Profiel | None:
        column = self.column(COL_PROFIEL)
        if column and raw.get(column, "").strip():
            value = raw[column].strip()
            profiel = self.profiel_codes.get(value.upper())
            if profiel is None:
                self.error(row, column, value, _("Onbekend profiel; gebruik een code als Z&W, E&O of BWI."))
            return profiel
        for name in COL_OPLEIDING:
            text = _words(raw.get(self.columns.get(name, ""), "") or "")
            for words, profiel in self.profiel_words:
                if words in text:
                    return profiel
        return None  # leerjaar 1-2 or a year without profielen (sectors before 2016)

    def _count(self, row: int, column: str, value: str) -> tuple[int, bool] | None:
        value = value.strip()
        if value == "":
            return 0, False
        if value == BELOW_FIVE:
            self.below_five += 1
            return 0, True
        try:   # DUO writes plain digits ("1234"); a file saved by Dutch Excel may group them ("1.234")
            count = parse_number(value, decimals=0)
        except NumberError as error:
            self.error(row, column, value, _("Geen aantal: verwacht een heel getal van 0 of meer, of <5.")
                       + f" {error}")
            return None
        if not 0 <= count <= MAX_COUNT:
            self.error(row, column, value, _("Geen aantal: verwacht een heel getal van 0 of meer, of <5."))
            return None
        return int(count), False

    def _counts(self, row: int, raw: dict) -> dict[int, tuple[int, bool]]:
        result: dict[int, list] = {}
        if self.long:
            column, value = self.column(COL_LEERJAAR), raw.get(self.column(COL_LEERJAAR), "").strip()
            if not (value.isascii() and value.isdigit()) or int(value) not in VMBO_LEERJAREN:
                self.error(row, column, value, _("Een vmbo-leerjaar is 1, 2, 3 of 4."))
                return {}
            count = self._count(row, self.column(COL_AANTAL), raw.get(self.column(COL_AANTAL), ""))
            return {int(value): count} if count else {}
        for name, match in self.wide.items():
            count = self._count(row, self.columns[name], raw.get(self.columns[name], ""))
            if count is None or (count[0] == 0 and not count[1]):
                continue
            leerjaar = int(match.group(1))
            if leerjaar not in VMBO_LEERJAREN:
                self.error(row, self.columns[name], raw.get(self.columns[name], ""),
                           _("Een vmbo-leerling zit in leerjaar 1 tot en met 4."))
                continue
            total = result.setdefault(leerjaar, [0, False])
            total[0] += count[0]
            total[1] = total[1] or count[1]
        return {k: (v[0], v[1]) for k, v in result.items()}


def import_population(user, data: PopulationImportIn) -> PopulationImportResult:
    """Import one DUO file for one school year: every row checked, then, only if no row has an
    error, the counts of the vestigingen in the file for that school year are replaced by the file's
    (a vestiging not in the file keeps its counts). One audit entry for the whole import."""
    if not user.is_authenticated or not user.is_beheerder:
        raise PermissionDenied
    if len(data.content) > MAX_UPLOAD:
        raise PopulationImportError([{"row": 0, "column": "file", "value": "", "rule": None,
                                      "message": _("Het bestand is groter dan %(mb)s MB.") % {"mb": MAX_UPLOAD_MB}}])
    try:
        table = read_table(data.filename, data.content)
    except TableError as error:
        raise PopulationImportError([{"row": 0, "column": "file", "value": "", "rule": None,
                                      "message": str(error)}]) from None
    if len(table.rows) > MAX_ROWS:
        raise PopulationImportError([{"row": 0, "column": "file", "value": str(len(table.rows)), "rule": None,
                                      "message": _("Te veel rijen (hoogstens %(max)s).") % {"max": MAX_ROWS}}])
    reader = _Reader(table.headers, data.school_year)
    if reader.check_columns():
        for index, raw in enumerate(table.rows):
            reader.read(index, raw)
    if reader.errors:
        raise PopulationImportError(reader.errors)
    return _write(user, data.filename, reader, len(table.rows))


def _write(user, filename: str, reader: _Reader, rows_read: int) -> PopulationImportResult:
    year = reader.school_year
    locations = {loc_id for loc_id, _lw, _p, _lj in reader.totals}
    institution_of = dict(Location.objects.filter(pk__in=locations).values_list("pk", "institution"))
    records = [PopulationCount(school_year=year, location_id=loc, institution_id=institution_of[loc],
                               leerweg_id=lw, profiel_id=p, leerjaar=lj, count=n, below_five=small,
                               gemeente=gemeente, stadsdeel=stadsdeel)
               for (loc, lw, p, lj), (n, small, gemeente, stadsdeel) in reader.totals.items() if n or small]
    with transaction.atomic():
        replaced, _deleted = PopulationCount.objects.filter(school_year=year, location__in=locations).delete()
        PopulationCount.objects.bulk_create(records, batch_size=2000)
        LogEntry.objects.create(
            content_type=ContentType.objects.get_for_model(PopulationCount), object_pk=f"{year}", object_id=None,
            object_repr=f"leerlingaantallen DUO {year}-{year + 1}", action=LogEntry.Action.CREATE, actor=user,
            changes={"imported": [None, len(records)], "replaced": [replaced, None]}, changes_text="",
            additional_data={"school_year": year, "filename": filename[:255], "rows": rows_read,
                             "vestigingen": sorted(locations)})
    return PopulationImportResult(school_year=year, rows_read=rows_read, rows_skipped=reader.skipped,
                                  counts_written=len(records), counts_replaced=replaced,
                                  vestigingen=len(locations), below_five=reader.below_five)
