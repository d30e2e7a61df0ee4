"""The work list on the start page: per role, what needs the user now. Every kind of item is made by the
app that owns its records (``apps.students.worklist``, ``apps.finance.worklist``), which decides with its
own visibility methods what the user may see; this module only chooses the kinds per role and orders
the items (overdue first, then by due day)."""
from __future__ import annotations

from datetime import date

from apps.accounts.models import Role
from apps.core.lib.worklist import WorkItem, ordered
from apps.finance import worklist as finance
from apps.students import worklist as students

KINDS_PER_ROLE = {
    # the route coordinator guides the students and keeps the route's register
    Role.ROUTECOORDINATOR: (students.funding_errors, students.promotions_waiting, students.vmbo_parts_due,
                            students.imports_waiting, students.rule_check_errors),
    # the exam coordinator: the exam parts, their own imports, the rule check (student rules on exams)
    Role.EXAMENCOORDINATOR: (students.vmbo_parts_due, students.imports_waiting, students.rule_check_errors),
    Role.FINANCIEEL: (finance.approvals_waiting,),
    # readers who follow the routes up: the routes whose rule check fails
    Role.BESTUURDER: (students.rule_check_errors,),
    Role.REGIOCOORDINATOR: (students.rule_check_errors,),
    Role.BEHEERDER: (students.rule_check_errors,),
}


def for_user(user, today: date) -> list[WorkItem]:
    """The user's work items as of ``today``, overdue first."""
    role = Role.BEHEERDER if user.is_beheerder else user.role
    return ordered(item for make in KINDS_PER_ROLE.get(role, ()) for item in make(user, today))
