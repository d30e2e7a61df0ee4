"""Each student's failing rules, kept on StudentFinding, and the route's student findings built
from them. ``route_summary`` is registered with ``apps.routes.compliance`` (see apps.py), so the
routes app stores, per student rule that active students fail, one finding without names: a
student-level error makes the route "voldoet niet" in the lists, on the start page and in the API.

A student change records that student's state (``record``) and refreshes the route; the route's
summary is then one aggregating query. Students without a stored state (loaded outside the use
cases) are evaluated when the route is next refreshed; ``reevaluate`` renews every student."""
from __future__ import annotations

from django.db.models import Count, Q
from django.utils.translation import get_language

from apps.routes import compliance
from domain.rules import CATALOGUE, evaluate_student
from domain.rules.base import FAILED, WARNING, Finding, students_summary

from . import models as m

STUDENT_RULES = tuple(rule for rule in CATALOGUE if "student" in rule.subjects)


def record(student: m.Student, findings) -> None:
    """Keep the student rules ``student`` fails (from its latest evaluation)."""
    failed = sorted({f.rule for f in findings if f.status == FAILED})
    warned = sorted({f.rule for f in findings if f.status == WARNING} - set(failed))
    m.StudentFinding.objects.update_or_create(
        student=student, defaults={"failed": " ".join(failed), "warnings": " ".join(warned)})


def evaluate_students(route, students) -> int:
    """Evaluate ``students`` (a queryset of the route's students) and record each; the route's
    facts are built once. Returns how many were evaluated."""
    from .services import PREFETCH, student_facts

    route_facts, settings = compliance.route_facts(route), compliance.rule_settings()
    count = 0
    for student in students.select_related("route", "leerweg", "kwalificatie").prefetch_related(*PREFETCH):
        record(student, evaluate_student(student_facts(student, route_facts), settings))
        count += 1
    return count


def route_summary(route, reevaluate: bool = False) -> list[Finding]:
    """Per student rule that active students of the route fail: one finding (field "students")
    with the number of students and no names. ``reevaluate`` evaluates every active student again;
    otherwise only those without a stored state are."""
    active = route.students.filter(status=m.Status.ACTIEF)
    todo = active if reevaluate else active.filter(rule_state__isnull=True)
    evaluate_students(route, todo)
    counts = m.StudentFinding.objects.filter(student__route=route, student__status=m.Status.ACTIEF).aggregate(
        **{f"failed_{i}": Count("pk", filter=Q(failed__contains=rule.id)) for i, rule in enumerate(STUDENT_RULES)},
        **{f"warned_{i}": Count("pk", filter=Q(warnings__contains=rule.id)) for i, rule in enumerate(STUDENT_RULES)},
    )
    findings = []
    for i, rule in enumerate(STUDENT_RULES):
        failed, warned = counts[f"failed_{i}"], counts[f"warned_{i}"]
        if failed:
            findings.append(Finding.of(rule.id, FAILED, "students", students_summary(failed, rule.id, True)))
        if warned:
            findings.append(Finding.of(rule.id, WARNING, "students", students_summary(warned, rule.id, False)))
    return findings


# -- shown in the reader's language ----------------------------------------------------------------------

def title(rule) -> str:
    """A rule's title in the user's language (the catalogue holds both)."""
    return rule.title_en if (get_language() or "").startswith("en") else rule.title
