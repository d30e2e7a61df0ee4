"""Building blocks of the rules catalogue: findings, the Rule base and shared helpers.

A rule is a small class with its catalogue text as class attributes and two methods:
``applies(obj, settings)`` says whether the rule is relevant for a fact, ``check(obj, settings)``
returns only the problems it finds (an empty list means the rule is met).

Rules that check students (``"student" in subjects``) do so through a second pair of methods,
``applies_to_student(student, settings)`` and ``student_problems(student, settings)``, so a rule
can check a route and a student with its own logic for each; ``check_student()`` is the entry
point (like ``check_route()``). Student rules only apply to students of a legal route
(doorlopend/geïntegreerd).

Pure Python: no Django imports.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, ClassVar, Generic, TypeVar

from domain import numbers
from domain.calendar import MONTHS_NL, format_date  # noqa: F401 (re-exported for the rules)
from domain.facts import Agreement, Kwalificatie, Route, Settings, Student
from domain.messages import Message, RuleTitle, gettext_noop

PASSED = "passed"
WARNING = "warning"
FAILED = "failed"
STATUSES = (PASSED, WARNING, FAILED)

LEVELS = ("error", "warning")
SUBJECTS = ("route", "agreement", "student")
ACTIONS = frozenset({"route.save", "agreement.save", "agreement.sign", "student.enrol",
                     "student.exam", "student.bpv"})

T = TypeVar("T")


@dataclass(frozen=True)
class Finding:
    rule: str       # "R-01"
    status: str     # "passed" | "warning" | "failed"
    field: str      # form/API field the finding is about; "" = the record as a whole
    message: str    # plain Dutch: what is wrong and what to do
    item: str = ""  # the entry of a list field concerned (kwalificatie code, leerweg, exam part,
                    # school year "2021-2022", leerbedrijf), "" = none
    # the message as a Dutch template with its parameters, for the interface to show in the reader's
    # language (``message`` is its Dutch text); None for a finding built from plain text
    text: Message | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, rule: str, status: str, field: str, message: Message | str, item: str = "") -> Finding:
        """A finding whose message is a Message (or plain Dutch text)."""
        if isinstance(message, Message):
            return cls(rule, status, field, str(message), item, text=message)
        return cls(rule, status, field, message, item)


class Rule(Generic[T]):
    """One rule of the catalogue. Subclasses set the class attributes and implement check()."""

    id: ClassVar[str]
    level: ClassVar[str]                    # "error" | "warning"
    subject: ClassVar[str]                  # the subject the catalogue lists the rule under
    # every subject the rule checks; defaults to {subject} (R-13 checks routes and agreements)
    subjects: ClassVar[frozenset[str]]
    title: ClassVar[str]
    description: ClassVar[str]
    title_en: ClassVar[str]
    description_en: ClassVar[str]
    source: ClassVar[str]
    blocks: ClassVar[frozenset[str]] = frozenset()   # actions an error of this rule blocks

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "subject" in cls.__dict__ and "subjects" not in cls.__dict__:
            cls.subjects = frozenset({cls.subject})

    def applies(self, obj: T, settings: Settings) -> bool:
        return True

    def check(self, obj: T, settings: Settings) -> list[Finding]:
        raise NotImplementedError

    # -- findings ---------------------------------------------------------------------------

    def fail(self, field: str, message: Message | str, item: str = "") -> Finding:
        """A problem at the rule's own level: "failed" for an error rule, else "warning"."""
        return self.finding(FAILED if self.level == "error" else WARNING, field, message, item)

    def finding(self, status: str, field: str, message: Message | str, item: str = "") -> Finding:
        """A problem with an explicit status, for rules whose status depends on the facts."""
        return Finding.of(self.id, status, field, message, item)

    def passed(self) -> Finding:
        return Finding.of(self.id, PASSED, "", Message.of(gettext_noop("Voldoet aan %(rule)s."), rule=self.id))

    # -- evaluation on a route --------------------------------------------------------------

    def check_route(self, route: Route, settings: Settings) -> list[Finding] | None:
        """The rule's problems for a route, or None when it does not apply to the route.

        Route subjects are checked on the route itself; agreement subjects on each current
        agreement in ``route.agreements`` (not superseded, not expired), with the agreement's
        title before the message and the route's field "agreements".
        """
        targets: list[Any] = []
        if "route" in self.subjects:
            targets.append(route)
        if "agreement" in self.subjects:
            targets.extend(a for a in route.agreements if a.current(settings.today))
        applicable = [obj for obj in targets if self.applies(obj, settings)]
        if not applicable:
            return None
        findings: list[Finding] = []
        for obj in applicable:
            for found in self.check(obj, settings):
                if isinstance(obj, Agreement):
                    text = Message.of(gettext_noop("%(agreement)s: %(message)s"), agreement=obj.title,
                                      message=found.text or found.message)
                    found = replace(found, field="agreements", message=str(text), text=text)
                findings.append(found)
        return findings

    # -- evaluation on a student ------------------------------------------------------------

    def applies_to_student(self, student: Student, settings: Settings) -> bool:
        """Whether the rule checks this student (only asked when "student" is in subjects).

        The student rules are rules of the Wet doorlopende leerroutes: they apply to students of
        a doorlopende or geïntegreerde leerroute only. Subclasses narrow this further.
        """
        return student.route.is_legal_route

    def student_problems(self, student: Student, settings: Settings) -> list[Finding]:
        """The rule's problems for a student it applies to; fields are the student's field
        names ("vmbo_year_at_start", "leerweg", "exam_parts", "enrolments", "bpv", ...)."""
        raise NotImplementedError

    def check_student(self, student: Student, settings: Settings) -> list[Finding] | None:
        """The rule's problems for a student, or None when it does not apply to the student."""
        if "student" not in self.subjects or not self.applies_to_student(student, settings):
            return None
        return self.student_problems(student, settings)


# -- bases by subject ------------------------------------------------------------------------

class RouteRule(Rule[Route]):
    subject = "route"

    def applies(self, obj: Route, settings: Settings) -> bool:
        return isinstance(obj, Route)


class LegalRouteRule(RouteRule):
    """Rules of the Wet doorlopende leerroutes: only doorlopend and geïntegreerd routes."""

    def applies(self, obj: Route, settings: Settings) -> bool:
        return super().applies(obj, settings) and obj.is_legal_route


class ActiveRouteRule(RouteRule):
    """Rules for every route type, as long as the route is not stopped."""

    def applies(self, obj: Route, settings: Settings) -> bool:
        return super().applies(obj, settings) and obj.active


class AgreementRule(Rule[Agreement]):
    subject = "agreement"
    kinds: ClassVar[frozenset[str]] = frozenset({"sok", "interne_regeling"})

    def applies(self, obj: Agreement, settings: Settings) -> bool:
        return isinstance(obj, Agreement) and obj.kind in self.kinds


class StudentRule(Rule[Student]):
    """Rules about students only. ``applies``/``check`` take a Student (and never apply to a route
    or an agreement); subclasses implement ``student_problems`` (and may narrow
    ``applies_to_student``)."""

    subject = "student"

    def applies(self, obj: Any, settings: Settings) -> bool:
        return isinstance(obj, Student) and self.applies_to_student(obj, settings)

    def check(self, obj: Any, settings: Settings) -> list[Finding]:
        return self.student_problems(obj, settings) if isinstance(obj, Student) else []


# -- Dutch wording helpers -------------------------------------------------------------------

LEERWEG_ORDER = ("BB", "KB", "GL", "TL")

PHASE_NAMES = {
    "in_ontwikkeling": gettext_noop("in ontwikkeling"),
    "opstartfase": gettext_noop("opstartfase"),
    "eerste_cohort": gettext_noop("1e cohort gestart"),
    "regulier": gettext_noop("reguliere samenwerking"),
    "gestopt": gettext_noop("gestopt"),
}

TOPIC_NAMES = {
    # mandatory
    "aansturing": gettext_noop("aansturing"),
    "inrichting": gettext_noop("organisatorische en onderwijskundige inrichting"),
    "bekostiging": gettext_noop("bekostiging (overdracht van bekostiging, of uitdrukkelijk geen)"),
    "overstapoptie": gettext_noop("overstapoptie"),
    # recommended
    "faciliteiten": gettext_noop("gebruik van voorzieningen"),
    "sector_domein": gettext_noop("sector en opleidingsdomein"),
    "werkgevers": gettext_noop("betrokkenheid van werkgevers"),
    "klachten": gettext_noop("klachten"),
    "examinering": gettext_noop("examinering en diplomering"),
    "administratie_avg": gettext_noop("administratie en gegevensuitwisseling (AVG)"),
    "begeleiding_zorg": gettext_noop("begeleiding en zorg"),
    "verzuim": gettext_noop("verzuimmelding"),
    "looptijd": gettext_noop("looptijd"),
    "evaluatie_beeindiging": gettext_noop("evaluatie en beëindiging"),
    "medezeggenschap": gettext_noop("medezeggenschap"),
}


def sorted_leerwegen(leerwegen: frozenset[str]) -> list[str]:
    """Leerwegen in their usual order BB, KB, GL, TL (unknown codes last, alphabetically)."""
    return sorted(leerwegen, key=lambda code: (
        LEERWEG_ORDER.index(code) if code in LEERWEG_ORDER else len(LEERWEG_ORDER), code))


def format_number(number: int) -> str:
    """3.000 (Dutch thousands separator)"""
    return numbers.group(number)


def join_nl(items: list[str] | tuple[str, ...]) -> str:
    """"A", "A en B", "A, B en C"."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def kwalificatie_label(kwalificatie: Kwalificatie) -> str:
    """25255 Assistent dienstverlening en zorg"""
    return f"{kwalificatie.code} {kwalificatie.name}".strip()


def months_before(day: date, months: int) -> date:
    """The same day ``months`` calendar months earlier (clamped to the month's last day)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    next_month = date(year + (month == 12), month % 12 + 1, 1)
    last_day = (next_month - date(year, month, 1)).days
    return date(year, month, min(day.day, last_day))


# -- a route's summary of its students' findings ---------------------------------------------

def students_summary(count: int | str, rule: str, failed: bool) -> Message:
    """One finding per student rule on a route, without names: "2 leerlingen van de route voldoen
    niet aan R-10: ...". ``count`` may be a suppressed count ("<5", "x"), read as more than one."""
    one = count == 1
    if failed:
        template = (gettext_noop("%(n)s leerling van de route voldoet niet aan %(rule)s: %(title)s. Zie de "
                                 "leerlingen op de regeltoets van de route.") if one else
                    gettext_noop("%(n)s leerlingen van de route voldoen niet aan %(rule)s: %(title)s. Zie de "
                                 "leerlingen op de regeltoets van de route."))
    else:
        template = (gettext_noop("%(n)s leerling van de route heeft een waarschuwing op %(rule)s: %(title)s.")
                    if one else
                    gettext_noop("%(n)s leerlingen van de route hebben een waarschuwing op %(rule)s: %(title)s."))
    return Message.of(template, n=count, rule=rule, title=RuleTitle(rule))
