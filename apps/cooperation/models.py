"""The cooperation around a route: its meeting structure (overleg), the meetings held with who was
there, the decisions taken, and the knelpunten of a route or a region (domain.md section 8)."""
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from apps.accounts.models import Role
from apps.registry.models import Region
from apps.routes.models import Person, Route, RoutePart, RoutePartner
from domain.cooperation import KNELPUNT_CATEGORIES, MEETING_FREQUENCY

# --- who sees and changes the cooperation records (every view and API endpoint asks here) -------------


def partner_routes(user):
    """The routes whose overleg, minutes and decisions the user reads: the beheerder every route; anyone
    else the routes they may read in which one of their own institutions is a partner (a regional user,
    who has no institution, none)."""
    if not user.is_authenticated:
        return Route.objects.none()
    if user.is_beheerder:
        return Route.objects.all()
    own = RoutePartner.objects.filter(institution__in=user.institutions.all()).values("route")
    return Route.objects.visible_to(user).filter(pk__in=own)


def keeps_region_knelpunten(user, region) -> bool:
    """The beheerder and the regiocoördinator of the region keep the region's own knelpunten."""
    region_id = getattr(region, "pk", region)
    return user.is_authenticated and (
        user.is_beheerder or (user.role == Role.REGIOCOORDINATOR and user.region_id == region_id))


class PartnersOnly:
    """Audited with the route's id under its own key, not "route_id": the route's history page (read by the
    regiocoördinator too) leaves the overleg, its minutes and decisions out; they are for the partners."""

    def get_additional_data(self):
        return {"overleg_route_id": self.route_id}


class RouteRecordQuerySet(models.QuerySet):
    """A route's cooperation records: read by its partners and the beheerder, changed by its editors."""

    def visible_to(self, user):
        return self.filter(route__in=partner_routes(user).values("pk"))

    def editable_by(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(route__in=Route.objects.editable_by(user).values("pk"))


class DecisionQuerySet(RouteRecordQuerySet):
    def open(self):
        return self.filter(done_on=None)

    def overdue(self, today):
        """Open decisions whose due date has passed."""
        return self.open().filter(due_on__lt=today)


class KnelpuntQuerySet(models.QuerySet):
    """A route's knelpunten: as its other cooperation records, and the regiocoördinator of the route's
    region (``Route.objects.in_region``) reads them too; a region's own knelpunten (no route): the
    beheerder and the region's regiocoördinator."""

    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        if user.is_beheerder:
            return self
        shown = Q(route__in=partner_routes(user).values("pk"))
        if user.is_regional and user.region_id is not None:
            shown |= Q(route__in=Route.objects.in_region(user.region_id).values("pk"))
            shown |= Q(route=None, region=user.region_id)
        return self.filter(shown)

    def editable_by(self, user):
        if not user.is_authenticated:
            return self.none()
        if user.is_beheerder:
            return self
        kept = Q(route__in=Route.objects.editable_by(user).values("pk"))
        if user.role == Role.REGIOCOORDINATOR and user.region_id is not None:
            kept |= Q(route=None, region=user.region_id)
        return self.filter(kept)

    def of_region(self, region):
        """The knelpunten of a region's routes (``Route.objects.in_region``) and the region's own."""
        return self.filter(Q(route__in=Route.objects.in_region(region).values("pk"))
                           | Q(route=None, region=getattr(region, "pk", region)))


class MeetingKind(models.TextChoices):
    STUURGROEP = "stuurgroep", _("stuurgroep")
    WERKGROEP = "werkgroep", _("werkgroep (per profiel)")
    DIRECTIEBERAAD = "directieberaad", _("directieberaad")
    DOCENTENOVERLEG = "docentenoverleg", _("docentenoverleg")
    PLANNING = "planning", _("jaarlijks planningsoverleg (mei/juni)")
    BESTUURLIJK = "bestuurlijk", _("jaarlijks bestuurlijk gesprek")
    OVERIG = "overig", _("ander overleg")


assert set(MeetingKind.values) == set(MEETING_FREQUENCY)


class MeetingSeries(PartnersOnly, RoutePart):
    """One part of a route's meeting structure, with how often it is meant to meet. A route that runs
    without structural meetings says so on the route (Route.without_structural_meetings)."""
    route = models.ForeignKey(Route, models.CASCADE, related_name="meeting_series")
    kind = models.CharField(_("soort overleg"), max_length=20, choices=MeetingKind.choices)
    name = models.CharField(_("naam"), max_length=120, blank=True)
    profiel = models.CharField(_("profiel"), max_length=20, blank=True)
    times_per_year = models.PositiveSmallIntegerField(_("keren per schooljaar"), default=0)
    months = models.CharField(_("maanden"), max_length=60, blank=True,
                              help_text=_("Wanneer in het jaar, bijvoorbeeld 'mei/juni'."))
    note = models.TextField(_("toelichting"), blank=True)
    active = models.BooleanField(_("actief"), default=True)

    objects = RouteRecordQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("overlegvorm")
        verbose_name_plural = _("overlegstructuur")

    def __str__(self):
        return self.name or self.get_kind_display()


class Meeting(PartnersOnly, RoutePart):
    """A meeting held (or cancelled). `both_sides` is kept by the use case from the attendance: at least
    one person of a vo partner and one of an mbo partner were there."""
    route = models.ForeignKey(Route, models.CASCADE, related_name="meetings")
    series = models.ForeignKey(MeetingSeries, models.SET_NULL, null=True, blank=True, related_name="meetings",
                               verbose_name=_("overlegvorm"))
    kind = models.CharField(_("soort overleg"), max_length=20, choices=MeetingKind.choices)
    held_on = models.DateField(_("datum"))
    title = models.CharField(_("onderwerp"), max_length=200, blank=True)
    minutes = models.TextField(_("verslag"), blank=True)
    cancelled = models.BooleanField(_("afgelast"), default=False)
    cancel_reason = models.CharField(_("reden afgelasting"), max_length=200, blank=True)
    both_sides = models.BooleanField(_("beide kanten aanwezig"), default=False)

    objects = RouteRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on"]
        verbose_name = _("overleg")
        verbose_name_plural = _("overleggen")
        indexes = [models.Index(fields=["route", "both_sides", "held_on"])]

    def __str__(self):
        return f"{self.title or self.get_kind_display()} ({self.held_on:%d-%m-%Y})"

    @property
    def one_side_absent(self) -> bool:
        """Held (not cancelled) without both sides: the mark "één kant afwezig"."""
        return not self.cancelled and not self.both_sides

    def get_absolute_url(self):
        return reverse("cooperation:meeting", args=[self.pk])


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, models.CASCADE, related_name="attendance")
    person = models.ForeignKey(Person, models.PROTECT, related_name="attendance", verbose_name=_("persoon"))
    present = models.BooleanField(_("aanwezig"), default=True)

    class Meta:
        verbose_name = _("aanwezigheid")
        verbose_name_plural = _("aanwezigheid")
        constraints = [models.UniqueConstraint(fields=["meeting", "person"], name="attendance_unique")]

    def get_additional_data(self):
        return {"overleg_route_id": self.meeting.route_id}


class Decision(PartnersOnly, RoutePart):
    """A decision or action point, with its owner and due date; open until done."""
    route = models.ForeignKey(Route, models.CASCADE, related_name="decisions")
    meeting = models.ForeignKey(Meeting, models.SET_NULL, null=True, blank=True, related_name="decisions",
                                verbose_name=_("overleg"))
    text = models.TextField(_("besluit of actie"))
    owner = models.ForeignKey(Person, models.PROTECT, null=True, blank=True, related_name="decisions",
                              verbose_name=_("eigenaar"))
    due_on = models.DateField(_("uiterlijk"), null=True, blank=True)
    done_on = models.DateField(_("afgerond op"), null=True, blank=True)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["done_on", "due_on"]
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")
        indexes = [models.Index(fields=["done_on", "due_on"])]

    def __str__(self):
        return self.text[:60]

    def overdue(self, today) -> bool:
        return self.done_on is None and self.due_on is not None and self.due_on < today


class KnelpuntCategory(models.TextChoices):
    OV_KAART = "ov_kaart", _("OV-kaart")
    VERVOERSKOSTEN = "vervoerskosten", _("vervoerskosten")
    PROGRAMMA_OVERLADEN = "programma_overladen", _("overladen programma")
    BPV_PLAATSEN = "bpv_plaatsen", _("BPV-plaatsen voor jonge leerlingen")
    PERSONEELSVERLOOP = "personeelsverloop", _("personeelsverloop")
    DOCENTTIJD = "docenttijd", _("docenttijd niet gefaciliteerd")
    EXAMENMOMENTEN = "examenmomenten", _("examenmomenten en -duur vastgelegd door de regels")
    CASCADETELLING = "cascadetelling", _("cascadetelling beperkt stapelen")
    MBO_REGISTRATIE = "mbo_registratie", _("mbo kan resultaten van nog niet ingeschreven leerlingen niet registreren")
    OUDERS = "ouders", _("ouders tegen een route zonder vmbo-diploma")
    CONCURRENTIE = "concurrentie", _("concurrentie tussen vo-scholen om één mbo-partner")
    CAO_CULTUUR = "cao_cultuur", _("cao- en cultuurverschillen")
    ARBEIDSMARKT = "arbeidsmarkt", _("einde uitstroomrichting door gebrek aan arbeidsmarktperspectief")
    OVERIG = "overig", _("overig")


assert tuple(KnelpuntCategory.values) == KNELPUNT_CATEGORIES


class Knelpunt(models.Model):
    """A problem of one route, or of a region as a whole (route empty)."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        IN_BEHANDELING = "in_behandeling", _("in behandeling")
        OPGELOST = "opgelost", _("opgelost")

    route = models.ForeignKey(Route, models.CASCADE, null=True, blank=True, related_name="knelpunten")
    region = models.ForeignKey(Region, models.PROTECT, related_name="knelpunten", verbose_name=_("regio"))
    category = models.CharField(_("categorie"), max_length=30, choices=KnelpuntCategory.choices)
    title = models.CharField(_("knelpunt"), max_length=200)
    description = models.TextField(_("toelichting"), blank=True)
    owner = models.ForeignKey(Person, models.PROTECT, null=True, blank=True, related_name="knelpunten",
                              verbose_name=_("eigenaar"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    action = models.TextField(_("ondernomen actie"), blank=True)
    reported_on = models.DateField(_("gemeld op"))
    resolved_on = models.DateField(_("opgelost op"), null=True, blank=True)

    objects = KnelpuntQuerySet.as_manager()

    class Meta:
        ordering = ["status", "-reported_on"]
        verbose_name = _("knelpunt")
        verbose_name_plural = _("knelpunten")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("cooperation:knelpunt", args=[self.pk])

    def get_additional_data(self):
        return {"route_id": self.route_id} if self.route_id else {}
