"""Routes, their partners and parts, agreements, and the stored compliance state."""
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from apps.registry.models import Bestuur, Institution, Kwalificatie, Leerweg, Location, Profiel, Region
from domain.calendar import school_year_label, year_start
from domain.facts import DLR_TYPES, MANDATORY_TOPICS, RECOMMENDED_TOPICS
from domain.numbers import format_number
from domain.rules.base import TOPIC_NAMES


class RouteType(models.TextChoices):
    DOORLOPEND = "doorlopend", _("doorlopend (DLR)")
    GEINTEGREERD = "geintegreerd", _("geïntegreerd (GLR)")
    GESTAPELD = "gestapeld", _("gestapeld")
    GEDEELTELIJK = "gedeeltelijk", _("gedeeltelijk")
    EXPERIMENT = "experiment", _("experiment (VM2, VMR, TR)")


class LegalStatus(models.TextChoices):
    WET_DLR = "wet_dlr", _("Wet doorlopende leerroutes")
    GEEN_DLR = "geen_dlr", _("geen doorlopende leerroute")
    EXPERIMENT = "experiment", _("experimentregeling (historisch)")


def legal_status_for(route_type: str) -> str:
    if route_type in DLR_TYPES:
        return LegalStatus.WET_DLR
    if route_type == RouteType.EXPERIMENT:
        return LegalStatus.EXPERIMENT
    return LegalStatus.GEEN_DLR


class Phase(models.TextChoices):
    IN_ONTWIKKELING = "in_ontwikkeling", _("in ontwikkeling")
    OPSTARTFASE = "opstartfase", _("opstartfase")
    EERSTE_COHORT = "eerste_cohort", _("1e cohort gestart")
    REGULIER = "regulier", _("reguliere samenwerking")
    GESTOPT = "gestopt", _("gestopt")


class Selection(models.TextChoices):
    ALLE = "alle", _("alle leerlingen")
    VRIJWILLIG_ADVIES = "vrijwillig_advies", _("vrijwillig, met advies")
    INTAKE_GESPREK = "intake_gesprek", _("sollicitatie- of intakegesprek")
    CIJFERS_MOTIVATIE = "cijfers_motivatie", _("cijfers en motivatie")
    NA_DIPLOMA = "na_diploma", _("na het vmbo-diploma")


class Acceleration(models.TextChoices):
    GEEN = "geen", _("geen")
    OPTIONEEL = "optioneel", _("mogelijk")
    ALLEN = "allen", _("voor iedereen")


class SettlementModel(models.TextChoices):
    M1 = "M1", _("M1 verdeelmodel lessentabel")
    M2 = "M2", _("M2 aandeel bekostiging naar dagen")
    M3 = "M3", _("M3 uurtarief")
    M4 = "M4", _("M4 kostendeling netwerk")
    M5 = "M5", _("M5 gesloten beurzen")


class RoutePart(models.Model):
    """A record that belongs to one route; its audit entries point at the route."""

    class Meta:
        abstract = True

    def get_additional_data(self):
        return {"route_id": self.route_id}


class AgreementPart(models.Model):
    class Meta:
        abstract = True

    def get_additional_data(self):
        return {"agreement_id": self.agreement_id}


class IntakeScope(models.TextChoices):
    """What the route's minimum group size (R-15) is counted over."""
    UITSTROOMRICHTING = "uitstroomrichting", _("per uitstroomrichting")
    KLAS = "klas", _("per klas")
    VO_SCHOOL = "vo_school", _("per vo-school (cohort)")
    ROUTE = "route", _("per route of opleiding")


def _partnered_with(user) -> Q:
    """Routes in which one of the user's institutions is a partner."""
    return Q(pk__in=RoutePartner.objects.filter(institution__in=user.institutions.all()).values("route"))


class RouteQuerySet(models.QuerySet):
    """Who sees and changes which routes: every view and API endpoint asks here."""

    def active(self):
        return self.exclude(phase=Phase.GESTOPT)

    def visible_to(self, user):
        """Beheerders see every route, regional users the routes of their region (``in_region``),
        everyone else the routes of their own institutions."""
        if not user.is_authenticated:
            return self.none()
        if user.is_beheerder:
            return self
        if user.is_regional:
            return self.none() if user.region_id is None else self.in_region(user.region_id)
        return self.filter(_partnered_with(user))

    def in_region(self, region):
        """The routes of a region (a Region or its id): the routes whose own region it is, and those with
        a vo-school of the region among their partners (a practice belongs where its students' vo-school
        is; an mbo institution alone does not bring a route in, an ROC serves several regions). The one
        rule for the regional user's routes, the region's figures, dashboard and report."""
        region_id = getattr(region, "pk", region)
        with_school = RoutePartner.objects.filter(role=RoutePartner.Role.VO,
                                                  institution__regions=region_id).values("route")
        return self.filter(Q(region=region_id) | Q(pk__in=with_school))

    def editable_by(self, user):
        if not user.is_authenticated or not user.may_edit_routes:
            return self.none()
        if user.is_beheerder:
            return self
        return self.filter(_partnered_with(user))

    def with_students_for(self, user):
        """Routes whose students the user may see: those of the user's own institutions, for the
        roles that work with individual students."""
        if not user.is_authenticated or not user.reads_students:
            return self.none()
        return self.filter(_partnered_with(user))

    def with_people_for(self, user):
        """Routes whose people and roles (names, e-mail, phone, handover notes) the user may see: the
        beheerder every route, anyone else the routes they may read in which one of their own
        institutions is a partner (a regional user reads a route's rules and counts, not who works on it)."""
        if not user.is_authenticated:
            return self.none()
        if user.is_beheerder:
            return self
        return self.visible_to(user).filter(_partnered_with(user))

    def with_finance_for(self, user):
        """Routes whose settlements the user may see: those of the user's own institutions."""
        if not user.is_authenticated or not user.reads_finance:
            return self.none()
        return self.filter(_partnered_with(user))


@dataclass(frozen=True)
class CountedSide:
    """Whose students of a route a user's counts cover (``Route.counted_side``): the whole route
    (``vo_schools`` empty) or only the students of the user's own vo-schools among its several; and
    whether the user is outside the route's partners (the counts are then shown suppressed)."""
    vo_schools: tuple[int, ...]
    outside: bool

    @property
    def whole_route(self) -> bool:
        return not self.vo_schools


class Route(models.Model):
    name = models.CharField(_("naam"), max_length=200)
    type = models.CharField(_("type"), max_length=16, choices=RouteType.choices)
    programme_label = models.CharField(
        _("programmalabel"), max_length=60, blank=True, help_text=_("Bijvoorbeeld VMR, TOT, STERA, omarmingsroute.")
    )
    region = models.ForeignKey(Region, models.PROTECT, related_name="routes", verbose_name=_("regio"))
    phase = models.CharField(_("fase van de samenwerking"), max_length=16, choices=Phase.choices,
                             default=Phase.IN_ONTWIKKELING)
    start_year = models.PositiveSmallIntegerField(
        _("startjaar"), null=True, blank=True, validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text=_("Eerste kalenderjaar van het schooljaar waarin het eerste cohort begint, bijv. 2014 voor "
                    "2014-2015."),
    )
    end_date = models.DateField(_("einddatum"), null=True, blank=True)
    description = models.TextField(_("beschrijving"), blank=True)
    source = models.CharField(_("bron"), max_length=200, blank=True)

    profielen = models.ManyToManyField(Profiel, blank=True, related_name="routes", verbose_name=_("vmbo-profielen"))
    leerwegen = models.ManyToManyField(Leerweg, blank=True, related_name="routes",
                                       verbose_name=_("toegelaten leerwegen"))
    selection = models.CharField(_("selectie"), max_length=20, choices=Selection.choices, default=Selection.ALLE)
    vmbo_diploma = models.BooleanField(_("vmbo-diploma wordt uitgereikt"), default=True)
    acceleration = models.CharField(_("versnelling"), max_length=10, choices=Acceleration.choices,
                                    default=Acceleration.GEEN)
    acceleration_note = models.CharField(_("toelichting versnelling"), max_length=200, blank=True)
    start_vmbo_year = models.PositiveSmallIntegerField(
        _("vmbo-leerjaar bij start"), default=3, validators=[MinValueValidator(1), MaxValueValidator(4)],
        help_text=_("Het vmbo-leerjaar waarin routejaar 1 valt (R-03: niet vóór leerjaar 3)."),
    )
    vmbo_exam_route_year = models.PositiveSmallIntegerField(
        _("vmbo-examen afgerond in routejaar"), null=True, blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(8)],
        help_text=_("R-04: uiterlijk in het eerste schooljaar na vmbo-leerjaar 4 (routejaar 3 als de route in vmbo 3 "
                    "begint, routejaar 2 als ze in vmbo 4 begint)."),
    )
    study_duration_years = models.PositiveSmallIntegerField(
        _("studieduur (jaren)"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(8)])
    onderwijstijd_hours = models.PositiveIntegerField(_("onderwijstijd (uren, hele route)"), null=True, blank=True)
    onderwijstijd_deviation = models.CharField(
        _("afwijking van de standaard onderwijstijd"), max_length=300, blank=True,
        help_text=_("Bijvoorbeeld meer BPV, minder begeleide uren, verkorte route (R-20)."),
    )
    mr_consent_on = models.DateField(_("instemming medezeggenschapsraad"), null=True, blank=True)
    integrated_exam = models.BooleanField(_("examenonderdelen die vmbo en mbo integreren"), default=False)
    pta_oer = models.CharField(_("gezamenlijk PTA/OER (verwijzing)"), max_length=200, blank=True)
    includes_lwt = models.BooleanField(_("bevat een leerwerktraject"), default=False,
                                       help_text=_("R-13: een leerwerktraject hoort niet in een doorlopende "
                                                   "leerroute."))
    settlement_model = models.CharField(_("financiële afspraak"), max_length=2, choices=SettlementModel.choices,
                                        blank=True)
    choice_route_year = models.PositiveSmallIntegerField(
        _("uitstroomrichting gekozen uiterlijk in routejaar"), null=True, blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(8)],
        help_text=_("Tot dit moment mag de uitstroomrichting van een leerling openstaan (leeg: bij de start)."))
    choice_month = models.PositiveSmallIntegerField(
        _("uiterlijk in maand"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_("Maand van dat routejaar (bijv. 1 voor januari); leeg: het eind van het routejaar."))
    min_intake = models.PositiveSmallIntegerField(
        _("minimale instroom"), null=True, blank=True,
        help_text=_("Minimale groepsgrootte (R-15); per uitstroomrichting kan een eigen minimum gelden."))
    min_intake_scope = models.CharField(_("minimale instroom geldt"), max_length=17, choices=IntakeScope.choices,
                                        default=IntakeScope.UITSTROOMRICHTING)
    without_structural_meetings = models.BooleanField(
        _("geen structureel overleg"), default=False,
        help_text=_("De route draait zonder structureel partneroverleg (een 'lopend machientje'); R-16 controleert "
                    "dan niet op het laatste overleg."))
    reported_students = models.PositiveIntegerField(_("aantal leerlingen (opgegeven)"), null=True, blank=True)
    last_partner_meeting = models.DateField(_("laatste partneroverleg"), null=True, blank=True)

    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = RouteQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("route")
        verbose_name_plural = _("routes")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("routes:detail", args=[self.pk])

    @property
    def legal_status(self) -> str:
        return legal_status_for(self.type)

    def get_legal_status_display(self):
        return LegalStatus(self.legal_status).label

    @property
    def is_legal_route(self) -> bool:
        return self.type in DLR_TYPES

    @property
    def start_date(self) -> date | None:
        return year_start(self.start_year) if self.start_year else None

    def students_at(self, institution_id: int, role: str) -> int:
        """How many of the route's students have ``institution_id`` as their own school of that side
        or an enrolment there (a student without a recorded vo-school belongs to the route's vo-school).
        Routes do not import the students app: the reverse relation is used."""
        own = Q(vo_school=institution_id) if role == "vo" else Q(mbo_institution=institution_id)
        if role == "vo":
            own |= Q(vo_school__isnull=True)
        return self.students.filter(own | Q(enrolments__institution=institution_id)).distinct().count()

    def assignable_institutions(self, user, role: str):
        """The route's partner institutions of ``role`` ("vo" | "mbo") the user may assign a student
        to: a vo-school user only their own vo-school(s); mbo staff every partner."""
        partners = Institution.objects.filter(route_partnerships__route=self, route_partnerships__role=role)
        own = user.institutions.all()
        if role == "vo" and not self.partners.filter(role="mbo", institution__in=own).exists():
            partners = partners.filter(pk__in=own)
        return partners.distinct().order_by("name")

    def counted_side(self, user) -> CountedSide:
        """Whose students of this route the user's counts cover, the one rule for the figures (the KPI
        API, the dashboards) and the counts of the route's pages (``Student.objects.counted_for``):
        staff of the mbo side, and of the only vo-school, count the whole route; staff of one or more
        of several vo-schools (and of no mbo partner) their own vo-schools' students; everyone else
        who sees the route (regional users, beheerders) the whole route, as an outsider."""
        own = set(user.institutions.values_list("pk", flat=True)) if user.is_authenticated else set()
        partners = list(self.partners.values_list("institution", "role"))
        mine = [(pk, role) for pk, role in partners if pk in own]
        if not mine:
            return CountedSide((), outside=True)
        several_vo = sum(1 for _pk, role in partners if role == RoutePartner.Role.VO) > 1
        if not several_vo or any(role == RoutePartner.Role.MBO for _pk, role in mine):
            return CountedSide((), outside=False)
        return CountedSide(tuple(sorted(pk for pk, _role in mine)), outside=False)

    def editable_by(self, user) -> bool:
        return Route.objects.editable_by(user).filter(pk=self.pk).exists()

    def people_visible_to(self, user) -> bool:
        """Whether the user sees this route's people and their contact details."""
        return Route.objects.with_people_for(user).filter(pk=self.pk).exists()

    @property
    def vo_partner(self):
        return next((p for p in self.partners.all() if p.role == RoutePartner.Role.VO), None)

    @property
    def mbo_partners(self):
        return [p for p in self.partners.all() if p.role == RoutePartner.Role.MBO]


class RoutePartner(RoutePart):
    class Role(models.TextChoices):
        VO = "vo", _("vo-school")
        MBO = "mbo", _("mbo-instelling")

    route = models.ForeignKey(Route, models.CASCADE, related_name="partners")
    institution = models.ForeignKey(Institution, models.PROTECT, related_name="route_partnerships",
                                    verbose_name=_("instelling"))
    role = models.CharField(_("rol"), max_length=3, choices=Role.choices)
    location = models.ForeignKey(Location, models.SET_NULL, null=True, blank=True, verbose_name=_("vestiging"))
    joined_on = models.DateField(_("partner sinds"), null=True, blank=True)
    rio_registered_on = models.DateField(_("geregistreerd in RIO (DUO) op"), null=True, blank=True)

    class Meta:
        ordering = ["role", "institution__name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = [
            models.UniqueConstraint(fields=["route", "institution", "role"], name="routepartner_unique")
        ]

    def __str__(self):
        return f"{self.institution.name} ({self.get_role_display()})"


class Uitstroomrichting(RoutePart):
    route = models.ForeignKey(Route, models.CASCADE, related_name="uitstroomrichtingen")
    kwalificatie = models.ForeignKey(Kwalificatie, models.PROTECT, related_name="uitstroomrichtingen",
                                     verbose_name=_("kwalificatie"))
    min_intake = models.PositiveSmallIntegerField(_("minimale instroom"), null=True, blank=True)
    active = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["-active", "kwalificatie__level", "kwalificatie__name"]
        verbose_name = _("uitstroomrichting")
        verbose_name_plural = _("uitstroomrichtingen")
        constraints = [
            models.UniqueConstraint(fields=["route", "kwalificatie"], name="uitstroomrichting_unique")
        ]

    def __str__(self):
        return str(self.kwalificatie)


class TeachingPlace(models.TextChoices):
    VO = "vo", _("op de vo-school")
    MBO = "mbo", _("op de mbo-locatie")
    BEDRIJF = "bedrijf", _("bij het leerbedrijf")
    GEMENGD = "gemengd", _("gemengd")


class TeachingBy(models.TextChoices):
    MBO = "mbo", _("mbo-docenten")
    VO = "vo", _("vo-docenten")
    TEAM = "team", _("gezamenlijk team")


class UnfundedAt(models.TextChoices):
    VO = "vo", _("de vo-school")
    MBO = "mbo", _("het mbo")


class RouteYear(RoutePart):
    route = models.ForeignKey(Route, models.CASCADE, related_name="years")
    route_year = models.PositiveSmallIntegerField(_("routejaar"), validators=[MinValueValidator(1),
                                                                             MaxValueValidator(8)])
    vmbo_year = models.PositiveSmallIntegerField(_("vmbo-leerjaar"), null=True, blank=True)
    days_at_mbo = models.DecimalField(_("dagen per week op het mbo"), max_digits=3, decimal_places=1, default=0,
                                      validators=[MinValueValidator(0), MaxValueValidator(5)])
    days_bpv = models.DecimalField(_("dagen per week BPV"), max_digits=3, decimal_places=1, default=0,
                                   validators=[MinValueValidator(0), MaxValueValidator(5)])
    teaching_location = models.CharField(_("mbo-onderwijs waar"), max_length=8, choices=TeachingPlace.choices,
                                         blank=True)
    teaching_by = models.CharField(_("mbo-onderwijs door"), max_length=4, choices=TeachingBy.choices, blank=True)
    unfunded_at = models.CharField(
        _("onbekostigde inschrijving ook bij"), max_length=3, choices=UnfundedAt.choices, blank=True,
        help_text=_("Het inschrijvingspatroon van de route: naast de bekostigde inschrijving (bij de vo-school in "
                    "de vo-fase, bij het mbo in de mbo-fase) ook een onbekostigde inschrijving bij de andere "
                    "partner. Leeg: alleen wat de wet vraagt (R-10, R-11)."))
    note = models.CharField(_("toelichting"), max_length=200, blank=True)

    def __str__(self):
        return f"{_('routejaar')} {self.route_year}"

    class Meta:
        ordering = ["route_year"]
        verbose_name = _("routejaar")
        verbose_name_plural = _("routejaren")
        constraints = [models.UniqueConstraint(fields=["route", "route_year"], name="routeyear_unique")]


class RouteTarget(RoutePart):
    class Operator(models.TextChoices):
        GTE = ">=", "≥"
        LTE = "<=", "≤"

    route = models.ForeignKey(Route, models.CASCADE, related_name="targets")
    kpi = models.CharField(_("KPI"), max_length=5, help_text=_("Bijvoorbeeld K-04."))
    parameter = models.CharField(_("parameter"), max_length=20, blank=True,
                                 help_text=_("Bijvoorbeeld 3 voor diploma binnen 3 jaar."))
    operator = models.CharField(_("norm"), max_length=2, choices=Operator.choices, default=Operator.GTE)
    value = models.DecimalField(_("waarde"), max_digits=7, decimal_places=2)

    class Meta:
        ordering = ["kpi", "parameter"]
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")

    def __str__(self):
        param = f"({self.parameter})" if self.parameter else ""
        return f"{self.kpi}{param} {self.get_operator_display()} {format_number(self.value.normalize())}"   # "85,5"


class Judgement(models.TextChoices):
    """Whether a qualitative target was met in a school year."""
    JA = "ja", _("ja")
    DEELS = "deels", _("deels")
    NEE = "nee", _("nee")


class RouteGoal(RoutePart):
    """A qualitative target of the route (kwalitatief doel), e.g. "elke leerling heeft een vaste
    loopbaancoach", judged per school year (``GoalJudgement``)."""
    route = models.ForeignKey(Route, models.CASCADE, related_name="goals")
    text = models.CharField(_("doel"), max_length=1000)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("kwalitatief doel")
        verbose_name_plural = _("kwalitatieve doelen")

    def __str__(self):
        return self.text


class GoalJudgement(models.Model):
    """The judgement of one qualitative target for one school year: ja, deels or nee, with a note."""
    goal = models.ForeignKey(RouteGoal, models.CASCADE, related_name="judgements", verbose_name=_("doel"))
    school_year = models.PositiveSmallIntegerField(
        _("schooljaar"), validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text=_("Eerste kalenderjaar van het schooljaar, bijv. 2024 voor 2024-2025."))
    judgement = models.CharField(_("oordeel"), max_length=5, choices=Judgement.choices)
    note = models.CharField(_("toelichting"), max_length=1000, blank=True)

    class Meta:
        ordering = ["goal", "school_year"]
        verbose_name = _("oordeel over een doel")
        verbose_name_plural = _("oordelen over doelen")
        constraints = [models.UniqueConstraint(fields=["goal", "school_year"], name="goaljudgement_unique")]

    def __str__(self):
        return f"{school_year_label(self.school_year)}: {self.get_judgement_display()}"

    def get_additional_data(self):
        return {"route_id": self.goal.route_id}   # shown in the route's history


class PhaseChange(RoutePart):
    route = models.ForeignKey(Route, models.CASCADE, related_name="phase_history")
    phase = models.CharField(_("fase"), max_length=16, choices=Phase.choices)
    since = models.DateField(_("sinds"))
    note = models.CharField(_("toelichting"), max_length=300, blank=True)

    def __str__(self):
        return f"{self.get_phase_display()} ({self.since:%d-%m-%Y})"

    class Meta:
        ordering = ["-since", "-pk"]
        verbose_name = _("fasewisseling")
        verbose_name_plural = _("fasegeschiedenis")


class PersonQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The people the user may see: those holding a role in a route whose contacts the user sees
        (``Contact.objects.visible_to``), and the people of the user's own institutions."""
        if not user.is_authenticated:
            return self.none()
        if user.is_beheerder:
            return self
        roles = Contact.objects.visible_to(user).values("person")
        return self.filter(Q(pk__in=roles) | Q(institution__in=user.institutions.all()))


class Person(models.Model):
    """Someone who works on routes for one institution. A person can hold roles (Contact) in several
    routes; their contact details are kept once, here (the one source of a name, e-mail and phone)."""
    institution = models.ForeignKey(Institution, models.PROTECT, related_name="people", verbose_name=_("instelling"))
    name = models.CharField(_("naam"), max_length=120)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="people",
                             verbose_name=_("account"))

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")

    def __str__(self):
        return f"{self.name} ({self.institution.name})"

    def get_absolute_url(self):
        return reverse("routes:person", args=[self.pk])


class ContactQuerySet(models.QuerySet):
    """Who sees and changes a route's people and roles: the route's partners and the beheerder."""

    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        if user.is_beheerder:
            return self
        return self.filter(route__in=Route.objects.with_people_for(user))

    def editable_by(self, user):
        """A route editor changes the roles of their own institutions in the routes they may change;
        the beheerder every role."""
        if not user.is_authenticated or not user.may_edit_routes:
            return self.none()
        if user.is_beheerder:
            return self
        return self.filter(route__in=Route.objects.editable_by(user), institution__in=user.institutions.all())

    def current(self, day: date):
        return self.filter(Q(start__isnull=True) | Q(start__lte=day), Q(end__isnull=True) | Q(end__gte=day))


class Contact(RoutePart):
    """A role a person holds in a route, for one partner institution, from start to end."""

    class Role(models.TextChoices):
        KARTREKKER = "kartrekker", _("kartrekker/coördinator")
        PROJECTLEIDER = "projectleider", _("projectleider")
        KERNDOCENT = "kerndocent", _("kerndocent/profielcoördinator")
        EXAMENCOORDINATOR = "examencoordinator", _("examencoördinator")
        MENTOR = "mentor", _("mentor")
        SLB = "slb", _("studieloopbaanbegeleider")
        BPV = "bpv_coordinator", _("BPV-coördinator")
        DECAAN = "decaan", _("decaan")
        ZORGCOORDINATOR = "zorgcoordinator", _("zorgcoördinator")
        OPLEIDINGSMANAGER = "opleidingsmanager", _("opleidingsmanager")
        TEAMLEIDER = "teamleider", _("teamleider")
        BESTUURDER = "bestuurder", _("bestuurder")
        ASSESSOR = "assessor", _("assessor")

    route = models.ForeignKey(Route, models.CASCADE, related_name="contacts")
    institution = models.ForeignKey(Institution, models.PROTECT, verbose_name=_("instelling"))
    person = models.ForeignKey(Person, models.PROTECT, related_name="roles", verbose_name=_("persoon"))
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices)
    uitstroomrichting = models.ForeignKey("Uitstroomrichting", models.SET_NULL, null=True, blank=True,
                                          related_name="contacts", verbose_name=_("uitstroomrichting"))
    start = models.DateField(_("vanaf"), null=True, blank=True)
    end = models.DateField(_("tot"), null=True, blank=True)
    handover_note = models.TextField(_("overdrachtsnotitie"), blank=True)
    successor = models.ForeignKey("self", models.SET_NULL, null=True, blank=True, related_name="predecessors",
                                  verbose_name=_("opvolger"))

    class Meta:
        ordering = ["role", "person__name"]
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")

    objects = ContactQuerySet.as_manager()

    def __str__(self):
        return f"{self.person.name} ({self.get_role_display()})"

    def active_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


class ProgrammeComponent(RoutePart):
    """A programme part of the route and who in the joint team covers it (R-09 teambevoegdheid)."""

    route = models.ForeignKey(Route, models.CASCADE, related_name="components")
    name = models.CharField(_("programmaonderdeel"), max_length=200)
    covered_by = models.CharField(_("gedekt door (teamlid en bevoegdheid)"), max_length=200, blank=True)

    def __str__(self):
        return self.name

    class Meta:
        ordering = ["name"]
        verbose_name = _("programmaonderdeel")
        verbose_name_plural = _("programmaonderdelen")


class Task(models.TextChoices):
    VERZUIM = "verzuim_vsv", _("verzuim- en VSV-melding")
    EXAMINERING = "examinering", _("examinering")
    BPV = "bpv", _("BPV")
    MEDEZEGGENSCHAP = "medezeggenschap", _("medezeggenschap")


class Responsibility(RoutePart):
    """A task the partners agreed to arrange differently from the phase rule (by default the
    vo-school is responsible in the vo-fase and the mbo in the mbo-fase)."""

    class Party(models.TextChoices):
        VO = "vo", _("de vo-school, de hele route")
        MBO = "mbo", _("de mbo-instelling, de hele route")

    route = models.ForeignKey(Route, models.CASCADE, related_name="responsibilities")
    task = models.CharField(_("taak"), max_length=16, choices=Task.choices)
    party = models.CharField(_("verantwoordelijk"), max_length=3, choices=Party.choices)
    note = models.CharField(_("toelichting"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("afwijkende verantwoordelijkheid")
        verbose_name_plural = _("afwijkende verantwoordelijkheden")
        constraints = [models.UniqueConstraint(fields=["route", "task"], name="responsibility_unique")]

    def __str__(self):
        return f"{self.get_task_display()}: {self.get_party_display()}"


def responsible_roles(route, phase: str) -> dict[str, str]:
    """Per task the partner role responsible in a phase: the phase's own partner unless the route
    recorded another agreement."""
    agreed = {r.task: r.party for r in route.responsibilities.all()}
    return {task: agreed.get(task, phase) for task in Task.values}


class AgreementKind(models.TextChoices):
    SOK = "sok", _("samenwerkingsovereenkomst")
    INTERNE_REGELING = "interne_regeling", _("interne regeling")
    LWT = "lwt", _("overeenkomst leerwerktraject")


# Topic codes and their Dutch names come from the rules core (R-07 mandatory first, then R-08).
TOPIC_CHOICES = [(code, TOPIC_NAMES[code]) for code in (*MANDATORY_TOPICS, *RECOMMENDED_TOPICS)]


def _unattached_of_own_board(user) -> Q:
    """An agreement that covers no route yet (a draft) belongs to the boards that are party to it."""
    return Q(routes__isnull=True, signatures__bestuur__in=user.institutions.values("bestuur"))


class AgreementQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Agreements covering a route the user sees, and drafts without routes of the user's board."""
        if not user.is_authenticated:
            return self.none()
        if user.is_beheerder:
            return self
        scope = Q(routes__in=Route.objects.visible_to(user))
        if not user.is_regional:
            scope |= _unattached_of_own_board(user)
        return self.filter(pk__in=Agreement.objects.filter(scope).values("pk"))

    def editable_by(self, user):
        """Agreements whose every route the user may change (or drafts without routes of their board)."""
        if not user.is_authenticated or not user.may_edit_routes:
            return self.none()
        if user.is_beheerder:
            return self
        editable = Route.objects.editable_by(user)
        foreign = Agreement.objects.filter(routes__in=Route.objects.exclude(pk__in=editable.values("pk")))
        scope = Q(routes__in=editable) | _unattached_of_own_board(user)
        return self.filter(pk__in=Agreement.objects.filter(scope).values("pk")).exclude(pk__in=foreign.values("pk"))


class Agreement(models.Model):
    kind = models.CharField(_("soort"), max_length=16, choices=AgreementKind.choices, default=AgreementKind.SOK)
    title = models.CharField(_("titel"), max_length=200)
    reference = models.CharField(_("kenmerk"), max_length=100, blank=True)
    valid_from = models.DateField(_("geldig vanaf"), null=True, blank=True)
    valid_to = models.DateField(_("geldig tot en met"), null=True, blank=True)
    routes = models.ManyToManyField(Route, blank=True, related_name="agreements", verbose_name=_("routes"))
    supersedes = models.OneToOneField(
        "self", models.PROTECT, null=True, blank=True, related_name="superseded_by",
        verbose_name=_("vervangt of verlengt"),
    )
    notes = models.TextField(_("opmerkingen"), blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = AgreementQuerySet.as_manager()

    class Meta:
        ordering = ["-valid_from", "title"]
        verbose_name = _("overeenkomst")
        verbose_name_plural = _("overeenkomsten")

    def editable_by(self, user) -> bool:
        return Agreement.objects.editable_by(user).filter(pk=self.pk).exists()

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("routes:agreement", args=[self.pk])

    @property
    def version(self) -> int:
        n, current = 1, self
        while current.supersedes_id:
            current, n = current.supersedes, n + 1
        return n

    @property
    def is_signed(self) -> bool:
        signatures = list(self.signatures.all())
        return bool(signatures) and all(s.signed_on for s in signatures)

    def topic_codes(self) -> set[str]:
        return {c.topic for c in self.clauses.all() if c.text.strip() or c.reference.strip()}


class Signature(AgreementPart):
    agreement = models.ForeignKey(Agreement, models.CASCADE, related_name="signatures")
    bestuur = models.ForeignKey(Bestuur, models.PROTECT, verbose_name=_("bevoegd gezag"))
    signed_on = models.DateField(_("getekend op"), null=True, blank=True)
    signatory = models.CharField(_("ondertekenaar (functie)"), max_length=120, blank=True)

    class Meta:
        ordering = ["bestuur__name"]
        verbose_name = _("ondertekening")
        verbose_name_plural = _("ondertekeningen")
        constraints = [models.UniqueConstraint(fields=["agreement", "bestuur"], name="signature_unique")]

    def __str__(self):
        return str(self.bestuur)


class Clause(AgreementPart):
    """What the agreement says about one topic (R-07/R-08)."""

    agreement = models.ForeignKey(Agreement, models.CASCADE, related_name="clauses")
    topic = models.CharField(_("onderwerp"), max_length=24, choices=TOPIC_CHOICES)
    text = models.TextField(_("afspraak"), blank=True)
    reference = models.CharField(_("verwijzing (artikel, bijlage)"), max_length=200, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("onderwerp")
        verbose_name_plural = _("onderwerpen")
        constraints = [models.UniqueConstraint(fields=["agreement", "topic"], name="clause_unique")]

    def __str__(self):
        return str(self.get_topic_display())


def agreement_upload_to(instance, filename):
    return f"agreements/{instance.agreement_id}/{filename}"


class AgreementDocument(AgreementPart):
    agreement = models.ForeignKey(Agreement, models.CASCADE, related_name="documents")
    file = models.FileField(_("bestand"), upload_to=agreement_upload_to)
    description = models.CharField(_("omschrijving"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, editable=False)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("document")
        verbose_name_plural = _("documenten")

    def __str__(self):
        return self.filename

    @property
    def filename(self):
        return self.file.name.rsplit("/", 1)[-1]


class ComplianceFinding(models.Model):
    """The latest rule evaluation of a route: warnings are shown and kept."""

    class Status(models.TextChoices):
        PASSED = "passed", _("voldoet")
        WARNING = "warning", _("waarschuwing")
        FAILED = "failed", _("voldoet niet")

    route = models.ForeignKey(Route, models.CASCADE, related_name="findings")
    rule = models.CharField(_("regel"), max_length=5)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices)
    field = models.CharField(_("veld"), max_length=40, blank=True)
    message = models.TextField(_("toelichting"))   # Dutch, as the API gives it
    item = models.CharField(_("onderdeel"), max_length=100, blank=True)   # the list entry concerned (Finding.item)
    # the message as its Dutch template and parameters (``domain.messages.Message.to_data``), shown in
    # the reader's language (``apps.core.lib.texts.shown``); null for a finding kept before it existed
    message_data = models.JSONField(null=True, blank=True, editable=False)
    evaluated_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["rule", "pk"]
        indexes = [models.Index(fields=["route", "status"])]


# --- partner proposals: a partner change the current partners agree on (see proposals.py) ---------

class PartnerProposal(RoutePart):
    """A proposal to add a partner to a route, to change a partner (another institution or side
    for a partner row without students) or to take a partner without students out of the route.
    It takes effect when every current partner institution of the route has confirmed it; the
    proposer's institution confirms when proposing."""

    class Action(models.TextChoices):
        ADD = "add", _("partner toevoegen")
        CHANGE = "change", _("partner wijzigen")
        REMOVE = "remove", _("partner uit de route")

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        ACCEPTED = "accepted", _("doorgevoerd")
        WITHDRAWN = "withdrawn", _("ingetrokken")
        REJECTED = "rejected", _("afgewezen")

    route = models.ForeignKey(Route, models.CASCADE, related_name="partner_proposals", verbose_name=_("route"))
    action = models.CharField(_("voorstel"), max_length=6, choices=Action.choices, default=Action.ADD)
    partner = models.ForeignKey(RoutePartner, models.SET_NULL, null=True, blank=True, related_name="+",
                                verbose_name=_("te wijzigen partner"))
    replaces = models.ForeignKey(Institution, models.PROTECT, null=True, blank=True, related_name="+",
                                 verbose_name=_("in plaats van"))
    institution = models.ForeignKey(Institution, models.PROTECT, related_name="partner_proposals",
                                    verbose_name=_("instelling"))
    role = models.CharField(_("rol"), max_length=3, choices=RoutePartner.Role.choices)
    location = models.ForeignKey(Location, models.SET_NULL, null=True, blank=True, related_name="+",
                                 verbose_name=_("vestiging"))
    joined_on = models.DateField(_("partner sinds"), null=True, blank=True)
    rio_registered_on = models.DateField(_("geregistreerd in RIO (DUO) op"), null=True, blank=True)
    note = models.CharField(_("toelichting"), max_length=300, blank=True)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+",
                                    verbose_name=_("voorgesteld door"))
    proposed_for = models.ForeignKey(Institution, models.PROTECT, related_name="+",
                                     verbose_name=_("voorgesteld namens"))
    created = models.DateTimeField(_("voorgesteld op"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=9, choices=Status.choices, default=Status.OPEN)
    decided_at = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("afgehandeld door"))
    reason = models.CharField(_("reden"), max_length=300, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("partnervoorstel")
        verbose_name_plural = _("partnervoorstellen")
        indexes = [models.Index(fields=["route", "status"])]

    def __str__(self):
        what = f"{self.institution.name} ({self.get_role_display()})"
        if self.action == self.Action.CHANGE and self.replaces_id:
            return f"{self.replaces.name} → {what}"
        return f"{'−' if self.action == self.Action.REMOVE else '+'} {what}"


class PartnerConfirmation(models.Model):
    """One partner institution's agreement with a partner proposal."""

    proposal = models.ForeignKey(PartnerProposal, models.CASCADE, related_name="confirmations",
                                 verbose_name=_("partnervoorstel"))
    institution = models.ForeignKey(Institution, models.PROTECT, related_name="+", verbose_name=_("instelling"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+",
                             verbose_name=_("bevestigd door"))
    at = models.DateTimeField(_("bevestigd op"), auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("bevestiging partnervoorstel")
        verbose_name_plural = _("bevestigingen partnervoorstel")
        constraints = [models.UniqueConstraint(fields=["proposal", "institution"],
                                               name="partnerconfirmation_unique")]

    def __str__(self):
        return f"{self.institution.name}: {self.proposal}"

    def get_additional_data(self):
        return {"route_id": self.proposal.route_id, "proposal_id": self.proposal_id}
