"""Who sees and changes which routes and agreements. Every view and API endpoint goes through here."""
from django.db.models import Count, Q, QuerySet

from apps.routes.models import Agreement, Route, RoutePartner


def _own_institution_routes(user) -> Q:
    return Q(pk__in=RoutePartner.objects.filter(institution__in=user.institutions.all()).values("route"))


def visible_routes(user) -> QuerySet:
    routes = Route.objects.all()
    if not user.is_authenticated:
        return routes.none()
    if user.is_beheerder:
        return routes
    if user.is_regional:
        if user.region_id is None:
            return routes.none()
        in_region = RoutePartner.objects.filter(institution__regions=user.region_id).values("route")
        return routes.filter(Q(region=user.region_id) | Q(pk__in=in_region))
    return routes.filter(_own_institution_routes(user))


def editable_routes(user) -> QuerySet:
    if not user.is_authenticated or not user.may_edit_routes:
        return Route.objects.none()
    if user.is_beheerder:
        return Route.objects.all()
    return Route.objects.filter(_own_institution_routes(user))


def _unattached_of_own_board(user) -> Q:
    """An agreement that covers no route yet (a draft) belongs to the boards that are party to it."""
    return Q(routes__isnull=True, signatures__bestuur__in=user.institutions.values("bestuur"))


def visible_agreements(user) -> QuerySet:
    """Agreements covering a route the user sees, and drafts without routes of the user's board."""
    if not user.is_authenticated:
        return Agreement.objects.none()
    if user.is_beheerder:
        return Agreement.objects.all()
    scope = Q(routes__in=visible_routes(user))
    if not user.is_regional:
        scope |= _unattached_of_own_board(user)
    return Agreement.objects.filter(pk__in=Agreement.objects.filter(scope).values("pk"))


def editable_agreements(user) -> QuerySet:
    """Agreements whose every route the user may change (or drafts without routes of their board)."""
    if not user.is_authenticated or not user.may_edit_routes:
        return Agreement.objects.none()
    if user.is_beheerder:
        return Agreement.objects.all()
    others = Route.objects.exclude(pk__in=editable_routes(user).values("pk"))
    foreign = Agreement.objects.filter(routes__in=others).values("pk")
    scope = Q(routes__in=editable_routes(user)) | _unattached_of_own_board(user)
    return Agreement.objects.filter(pk__in=Agreement.objects.filter(scope).values("pk")).exclude(pk__in=foreign)


def can_change(user, obj) -> bool:
    qs = editable_routes(user) if isinstance(obj, Route) else editable_agreements(user)
    return qs.filter(pk=obj.pk).exists()


# --- students: only users of the route's partner institutions, never regional or aggregate roles ---

# Data minimisation: individual student records are for the people who guide and examine students.
STUDENT_READER_ROLES = {"routecoordinator", "examencoordinator", "bestuurder"}
STUDENT_EDITOR_ROLES = {"routecoordinator", "examencoordinator"}


def student_routes(user) -> QuerySet:
    """Routes whose students the user may see: those of the user's own institutions, for the
    roles that work with individual students (finance staff see counts in their statements)."""
    if not user.is_authenticated or user.role not in STUDENT_READER_ROLES:
        return Route.objects.none()
    return Route.objects.filter(_own_institution_routes(user))


def _student_scope(user) -> Q:
    """Which students of the user's routes the user sees: staff of a route's mbo institution see
    all its students; staff of a vo-school only the students whose own vo-school is theirs (a route
    may have several vo-schools). A user of institutions on both sides sees the union. A student
    without a recorded vo-school (older data) belongs to the route's only vo-school, if it has one."""
    own = user.institutions.all()
    as_mbo = RoutePartner.objects.filter(role="mbo", institution__in=own).values("route")
    as_vo = RoutePartner.objects.filter(role="vo", institution__in=own).values("route")
    several_vo = (RoutePartner.objects.filter(role="vo").values("route").annotate(n=Count("pk"))
                  .filter(n__gt=1).values("route"))
    return (Q(route__in=as_mbo) | Q(vo_school__in=own)
            | (Q(vo_school__isnull=True, route__in=as_vo) & ~Q(route__in=several_vo)))


def visible_students(user, route=None) -> QuerySet:
    """The students the user may see (and, with a role that changes students, change); with
    ``route`` only that route's. Every page, export and API endpoint on students goes through here."""
    from apps.students.models import Student

    students = Student.objects.filter(route__in=student_routes(user))
    if route is not None:
        students = students.filter(route=route)
    if not user.is_authenticated or user.role not in STUDENT_READER_ROLES:
        return students.none()
    return students.filter(_student_scope(user))


def counted_students(user, route) -> QuerySet:
    """The route's students whose numbers the user is shown (rule-check counts, cohort sizes):
    regional users and beheerders the whole route (they never see names); a partner's staff the
    students of their own side, as ``visible_students`` decides, whatever their role."""
    from apps.students.models import Student

    students = Student.objects.filter(route=route)
    if not user.is_authenticated:
        return students.none()
    if user.is_beheerder or user.is_regional:
        return students
    return students.filter(_student_scope(user))


def student_institutions(user, route, role: str) -> QuerySet:
    """The route's partner institutions of ``role`` ("vo" | "mbo") whose students the user may
    assign a student to: a vo-school user only their own vo-school(s); mbo staff every partner."""
    from apps.registry.models import Institution

    partners = Institution.objects.filter(route_partnerships__route=route, route_partnerships__role=role)
    own = user.institutions.all()
    if role == "vo" and not RoutePartner.objects.filter(route=route, role="mbo", institution__in=own).exists():
        partners = partners.filter(pk__in=own)
    return partners.distinct().order_by("name")


def may_change_students(user) -> bool:
    return user.is_authenticated and user.role in STUDENT_EDITOR_ROLES


def may_erase_students(user) -> bool:
    """Erasure on request (AVG) is done by the route coordinator."""
    return user.is_authenticated and user.role == "routecoordinator"


# --- finance: the partners' own staff; financieel medewerkers change and approve ---

def finance_routes(user) -> QuerySet:
    """Routes whose settlements the user may see: those of the user's own institutions."""
    if not user.is_authenticated or user.is_regional:
        return Route.objects.none()
    return Route.objects.filter(_own_institution_routes(user))


def may_change_finance(user) -> bool:
    return user.is_authenticated and user.role == "financieel"


# --- exam plan templates: the beheerder keeps every template (also the defaults per level and per
# leerweg); a route coordinator the templates of the kwalificaties of routes they may change ---

def exam_template_kwalificaties(user) -> QuerySet:
    """Kwalificaties whose own exam plan template the user may create and change: a template is shared by
    every route offering the kwalificatie, so only where the user may change every one of those routes
    (as with agreements); else the beheerder keeps it."""
    from apps.registry.models import Kwalificatie

    if not user.is_authenticated or not user.may_edit_routes:
        return Kwalificatie.objects.none()
    if user.is_beheerder:
        return Kwalificatie.objects.all()
    others = Route.objects.exclude(pk__in=editable_routes(user).values("pk"))
    return Kwalificatie.objects.filter(
        pk__in=Route.objects.filter(pk__in=editable_routes(user)).values("uitstroomrichtingen__kwalificatie")
    ).exclude(pk__in=others.values("uitstroomrichtingen__kwalificatie"))


def editable_exam_templates(user) -> QuerySet:
    from apps.registry.models import ExamPlanTemplate

    if not user.is_authenticated:
        return ExamPlanTemplate.objects.none()
    if user.is_beheerder:
        return ExamPlanTemplate.objects.all()
    return ExamPlanTemplate.objects.filter(kwalificatie__in=exam_template_kwalificaties(user))
