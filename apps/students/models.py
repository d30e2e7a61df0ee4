"""Students in a route: their enrolments per school year and partner, the events of their path,
their exam plan and BPV. The events are the record; the summary fields on Student (status, route
year, diploma and leaving route year) are kept in step by the services so that cohort figures can
be aggregated in the database for a national data set."""
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connections, models, transaction
from django.db.models import Case, Count, Exists, F, Max, Min, OuterRef, Q, When
from django.db.models.functions import Length, Lower, Substr
from django.db.models.lookups import GreaterThan, StartsWith
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from apps.registry.models import Institution, Kwalificatie, Leerweg, Profiel
from apps.routes.models import Route, RoutePartner
from apps.students import columns
from domain.calendar import school_year_label
from domain.names import PREFIXES
from domain.numbers import format_number
from domain.phase import phase_of, vmbo_leerjaar


class Destination(models.TextChoices):
    REGULIER_VMBO = "regulier_vmbo", _("regulier vmbo")
    ENTREE = "entree", _("Entree (mbo 1)")
    ANDER_MBO = "ander_mbo", _("andere mbo-opleiding")
    HAVO = "havo", _("havo")
    WERK = "werk", _("werk")
    GEEN = "geen", _("geen of onbekend")


class Origin(models.TextChoices):
    """Where a zij-instromer comes from (entry in a later route year)."""
    HAVO = "havo", _("havo")
    ANDERE_SCHOOL = "andere_school", _("andere vo-school")
    MBO = "mbo", _("mbo")
    REGULIER_VMBO = "regulier_vmbo", _("regulier vmbo")
    ANDERS = "anders", _("anders")


class Status(models.TextChoices):
    ACTIEF = "actief", _("in de route")
    GEDIPLOMEERD = "gediplomeerd", _("mbo-diploma behaald")
    UITGESTROOMD = "uitgestroomd", _("uit de route")


def _own_side(user) -> Q:
    """Which students of the user's routes are the user's: staff of a route's mbo institution see all
    its students; staff of a vo-school only the students whose own vo-school is theirs (a route may
    have several vo-schools). A user of institutions on both sides sees the union. A student without
    a recorded vo-school (older data) belongs to the route's only vo-school, if it has one."""
    own = user.institutions.all()
    as_mbo = RoutePartner.objects.filter(role="mbo", institution__in=own).values("route")
    as_vo = RoutePartner.objects.filter(role="vo", institution__in=own).values("route")
    several_vo = (RoutePartner.objects.filter(role="vo").values("route").annotate(n=Count("pk"))
                  .filter(n__gt=1).values("route"))
    return (Q(route__in=as_mbo) | Q(vo_school__in=own)
            | (Q(vo_school__isnull=True, route__in=as_vo) & ~Q(route__in=several_vo)))


def surname_sort_key():
    """The database's version of ``domain.names.sort_key``: the surname lowercased, without the
    tussenvoegsel it starts with (the longest matching prefix first, and only when more name follows)."""
    lowered = Lower("last_name")
    return Case(*[When(StartsWith(lowered, prefix) & GreaterThan(Length(lowered), len(prefix)),
                       then=Substr(lowered, len(prefix) + 1))
                  for prefix, _elided in PREFIXES],
                default=lowered, output_field=models.CharField(max_length=120))


class StudentQuerySet(models.QuerySet):
    """Who sees which students: every page, export and API endpoint on students asks here."""

    def refresh_plain_paths(self, ids=None) -> None:
        """Derive the plain-path fields (``Student.plain_entered_on`` ...) of these students (and of ``ids``,
        in chunks) from their events, in the database: the fields emptied, then one UPDATE ... FROM the
        grouped events. Every writer of events calls it after writing (``services.rederive`` for one
        student, the bulk writers for their rows): a plain path left behind by a later event would give
        the KPIs a wrong state; an empty one only makes the engine read the events."""
        if ids is not None:
            ids = list(ids)
            for i in range(0, len(ids), 2000):
                self.filter(pk__in=ids[i:i + 2000]).refresh_plain_paths()
            return
        connection = connections[self.db]
        quote = connection.ops.quote_name
        with transaction.atomic(using=self.db):
            self.update(**dict.fromkeys(PLAIN_FIELDS))
            sql, params = plain_paths(Event.objects.filter(student__in=self.values("pk"))).query.sql_with_params()
            table, pk = quote(self.model._meta.db_table), quote(self.model._meta.pk.column)
            assignments = ", ".join(f"{quote(f)} = p.{quote(f.removeprefix('plain_'))}" for f in PLAIN_FIELDS)
            with connection.cursor() as cursor:
                cursor.execute(f"UPDATE {table} SET {assignments} FROM ({sql}) p WHERE {table}.{pk} = p.sid",
                               params)

    def visible_to(self, user, route=None):
        """The students the user may see (and, with a role that changes students, change): only
        users of the route's partner institutions with a role that works with students; with
        ``route`` only that route's."""
        if not user.is_authenticated or not user.reads_students:
            return self.none()
        students = self.filter(route__in=Route.objects.with_students_for(user))
        if route is not None:
            students = students.filter(route=route)
        return students.filter(_own_side(user))

    def counted_for(self, user, route):
        """The route's students whose numbers the user is shown (rule-check counts, cohort sizes), by
        ``Route.counted_side``: regional users and beheerders the whole route (they never see names); a
        partner's staff the whole route or their own vo-schools' students, whatever their role."""
        if not user.is_authenticated:
            return self.none()
        side = route.counted_side(user)
        if side.outside and not (user.is_beheerder or user.is_regional):
            return self.none()      # not a reader of this route
        students = self.filter(route=route)
        return students if side.whole_route else students.filter(vo_school__in=side.vo_schools)


class Student(models.Model):
    route = models.ForeignKey(Route, models.PROTECT, related_name="students", verbose_name=_("route"))
    first_name = models.CharField(_("voornaam"), max_length=80)
    last_name = models.CharField(_("achternaam"), max_length=120)
    # Computed by the database on every write (forms, API, the import's plain rows, the demo loaders):
    # lists sort and page on it in SQL, "de Vries" under V.
    sort_name = models.GeneratedField(expression=surname_sort_key(), output_field=models.CharField(max_length=120),
                                      db_persist=True, verbose_name=_("sorteernaam"))
    date_of_birth = models.DateField(_("geboortedatum"), null=True, blank=True)
    national_key = models.CharField(
        _("pseudoniem (landelijk)"), max_length=64, blank=True, db_index=True, editable=False,
        help_text=_("Sleutel-hash van het BSN; het BSN zelf wordt nooit bewaard."))
    vo_school = models.ForeignKey(
        Institution, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("vo-school"),
        help_text=_("De eigen vo-school van de leerling: één van de vo-scholen van de route."))
    mbo_institution = models.ForeignKey(
        Institution, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("mbo-instelling"),
        help_text=_("De eigen mbo-instelling van de leerling, als de route er meer dan één heeft."))
    klas = models.CharField(_("klas of groep"), max_length=30, blank=True)
    zij_instroom = models.BooleanField(_("zij-instroom"), default=False,
                                       help_text=_("Ingestroomd in een later routejaar."))
    entry_route_year = models.PositiveSmallIntegerField(_("ingestroomd in routejaar"), default=1)
    leerweg = models.ForeignKey(Leerweg, models.PROTECT, verbose_name=_("leerweg"))
    profiel = models.ForeignKey(Profiel, models.PROTECT, null=True, blank=True, verbose_name=_("profiel"))
    vmbo_year_at_start = models.PositiveSmallIntegerField(_("vmbo-leerjaar bij start"), default=3)
    cohort = models.PositiveSmallIntegerField(
        _("cohort"), validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text=_("Eerste kalenderjaar van het schooljaar van routejaar 1, bijv. 2019 voor 2019-2020."))
    kwalificatie = models.ForeignKey(Kwalificatie, models.PROTECT, null=True, blank=True,
                                     verbose_name=_("uitstroomrichting"))
    route_year = models.PositiveSmallIntegerField(_("routejaar"), default=1)
    status = models.CharField(_("status"), max_length=14, choices=Status.choices, default=Status.ACTIEF)
    vmbo_diploma_on = models.DateField(_("vmbo-diploma op"), null=True, blank=True)
    mbo_diploma_on = models.DateField(_("mbo-diploma op"), null=True, blank=True)
    mbo_diploma_route_year = models.PositiveSmallIntegerField(_("mbo-diploma in routejaar"), null=True, blank=True)
    # the niveau of the diploma's kwalificatie (None: the diploma names none, the student's own counts);
    # kept beside the date so the KPI engine reads it from the row, not from the events
    mbo_diploma_level = models.PositiveSmallIntegerField(_("niveau van het mbo-diploma"), null=True, blank=True)
    left_on = models.DateField(_("uit de route op"), null=True, blank=True)
    left_route_year = models.PositiveSmallIntegerField(_("uit de route in routejaar"), null=True, blank=True)
    destination = models.CharField(_("bestemming"), max_length=14, choices=Destination.choices, blank=True)
    doorstroom_level = models.CharField(_("doorstroom na diploma"), max_length=8, blank=True,
                                        help_text=_("mbo3, mbo4 of hbo"))
    # A plain path (one entry, no terugkeer, at most one uitstroom; most students): what its events say,
    # kept on the row for the KPI engine, which then reads the student's state on any day from these
    # dates instead of grouping the events. Derived data, written only by ``refresh_plain_paths`` after
    # every change of events; empty (``plain_entered_on`` null) for any other path, which the engine
    # reads from the events.
    plain_entered_on = models.DateField(null=True, editable=False)
    plain_out_on = models.DateField(null=True, editable=False)
    plain_out_to = models.CharField(max_length=14, choices=Destination.choices, null=True, editable=False)
    plain_switched_on = models.DateField(null=True, editable=False)     # the first switch to another kwalificatie
    plain_doorstroom_on = models.DateField(null=True, editable=False)   # the first doorstroom
    # What the KPIs take from the dates above, computed by the database on every write (``columns``).
    plain_doorstroom_year = models.GeneratedField(expression=columns.teldatum_year_from("plain_doorstroom_on"),
                                                  output_field=models.IntegerField(null=True), db_persist=True)
    diploma_school_year = models.GeneratedField(expression=columns.school_year("mbo_diploma_on"),
                                                output_field=models.IntegerField(null=True), db_persist=True)
    diploma_half_years = models.GeneratedField(expression=columns.half_years("mbo_diploma_on"),
                                               output_field=models.IntegerField(null=True), db_persist=True)
    diploma_teldatum_year = models.GeneratedField(expression=columns.teldatum_year_after("mbo_diploma_on"),
                                                  output_field=models.IntegerField(null=True), db_persist=True)
    doorstroom_rank = models.GeneratedField(expression=columns.doorstroom_rank("doorstroom_level"),
                                            output_field=models.IntegerField(), db_persist=True)
    glr_judgment_on = models.DateField(_("gezamenlijk oordeel vo en mbo (GLR) op"), null=True, blank=True)
    glr_judgment_note = models.CharField(_("toelichting gezamenlijk oordeel"), max_length=300, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = StudentQuerySet.as_manager()

    class Meta:
        ordering = ["sort_name", "first_name", "pk"]
        verbose_name = _("leerling")
        verbose_name_plural = _("leerlingen")
        indexes = [models.Index(fields=["route", "cohort", "status"]), models.Index(fields=["cohort", "status"]),
                   models.Index(fields=["route", "sort_name", "first_name"], name="student_route_sort_name"),
                   # the few students without a plain path, whose events the KPI engine reads
                   models.Index(fields=["cohort"], condition=Q(plain_entered_on__isnull=True),
                                name="student_not_plain")]

    def __str__(self):
        return f"{self.first_name} {self.last_name}"

    def get_absolute_url(self):
        return reverse("students:detail", args=[self.pk])

    def get_additional_data(self):
        # Not "route_id": the route's history page is read by regional users; student data stays out.
        return {"student_id": self.pk}

    @property
    def cohort_label(self):
        return school_year_label(self.cohort)

    def phase_in(self, route_year: int) -> str:
        """The funding phase of a route year for this student (by vmbo leerjaar, R-10)."""
        return phase_of(self.vmbo_year_at_start, route_year)

    @property
    def vmbo_leerjaar(self) -> int:
        return vmbo_leerjaar(self.vmbo_year_at_start, self.route_year)


class StudentPart(models.Model):
    class Meta:
        abstract = True

    def get_additional_data(self):
        return {"student_id": self.student_id}


class StudentNumber(StudentPart):
    student = models.ForeignKey(Student, models.CASCADE, related_name="numbers")
    institution = models.ForeignKey(Institution, models.PROTECT, verbose_name=_("instelling"))
    number = models.CharField(_("leerlingnummer"), max_length=30)

    class Meta:
        verbose_name = _("leerlingnummer")
        verbose_name_plural = _("leerlingnummers")
        constraints = [models.UniqueConstraint(fields=["institution", "number"], name="studentnumber_unique")]


class Phase(models.TextChoices):
    VO = "vo", _("vo-fase")
    MBO = "mbo", _("mbo-fase")


class Enrolment(StudentPart):
    student = models.ForeignKey(Student, models.CASCADE, related_name="enrolments")
    institution = models.ForeignKey(Institution, models.PROTECT, related_name="enrolments",
                                    verbose_name=_("instelling"))
    school_year = models.PositiveSmallIntegerField(_("schooljaar"))
    route_year = models.PositiveSmallIntegerField(_("routejaar"))
    start = models.DateField(_("ingeschreven vanaf"))
    end = models.DateField(_("ingeschreven tot en met"), null=True, blank=True)
    funded = models.BooleanField(_("bekostigd"), default=True)
    phase = models.CharField(_("fase"), max_length=3, choices=Phase.choices)

    class Meta:
        ordering = ["school_year", "-funded", "institution__name"]
        verbose_name = _("inschrijving")
        verbose_name_plural = _("inschrijvingen")
        # school_year/route_year: a school year's intake (K-09), the enrolments in route year 1
        indexes = [models.Index(fields=["institution", "school_year", "funded"]),
                   models.Index(fields=["school_year", "route_year"], name="enrolment_intake")]

    @property
    def school_year_label(self):
        return school_year_label(self.school_year)


class EventKind(models.TextChoices):
    INSTROOM = "instroom", _("instroom")
    OVERGANG = "overgang", _("overgang")
    DOUBLURE = "doublure", _("doublure")
    SWITCH = "switch", _("andere uitstroomrichting")
    VMBO_PART = "vmbo_part", _("vmbo-examenonderdeel")
    VMBO_DIPLOMA = "vmbo_diploma", _("vmbo-diploma")
    MBO_PART = "mbo_part", _("mbo-examenonderdeel")
    BPV_START = "bpv_start", _("start BPV")
    BPV_END = "bpv_end", _("einde BPV")
    CERTIFICAAT = "certificaat", _("tussentijds certificaat")
    MBO_DIPLOMA = "mbo_diploma", _("mbo-diploma")
    UITSTROOM = "uitstroom", _("uitstroom uit de route")
    TERUGKEER = "terugkeer", _("terugkeer in de route")
    ZIJ_INSTROOM = "zij_instroom", _("zij-instroom")
    DOORSTROOM = "doorstroom", _("doorstroom na het diploma")
    VERVOLGDIPLOMA = "vervolgdiploma", _("diploma op het hogere niveau (na doorstroom)")


class FollowupLevel(models.IntegerChoices):
    """The level of a vervolgdiploma: mbo 3, mbo 4 or hbo (5), as K-05 counts doorstroom."""
    MBO3 = 3, _("mbo 3")
    MBO4 = 4, _("mbo 4")
    HBO = 5, _("hbo")


class FollowupSource(models.TextChoices):
    """Where a follow-up record (vervolgdiploma) comes from."""
    INSTELLING = "instelling", _("opgave van de mbo-instelling of hogeschool")
    DUO = "duo", _("DUO of diplomaregister")
    LEERLING = "leerling", _("opgave van de (oud-)leerling")
    ANDERS = "anders", _("anders")


class Event(StudentPart):
    student = models.ForeignKey(Student, models.CASCADE, related_name="events")
    kind = models.CharField(_("gebeurtenis"), max_length=14, choices=EventKind.choices)
    date = models.DateField(_("datum"))
    school_year = models.PositiveSmallIntegerField(_("schooljaar"))
    route_year = models.PositiveSmallIntegerField(_("routejaar"))
    kwalificatie = models.ForeignKey(Kwalificatie, models.PROTECT, null=True, blank=True,
                                     verbose_name=_("kwalificatie"))
    destination = models.CharField(_("bestemming"), max_length=14, choices=Destination.choices, blank=True)
    origin = models.CharField(_("herkomst"), max_length=14, choices=Origin.choices, blank=True)
    detail = models.CharField(_("toelichting"), max_length=300, blank=True)
    # vervolgdiploma (K-12): the diploma's level and where the record comes from; the programme is the
    # kwalificatie (mbo) or, free text, the detail (hbo)
    level = models.PositiveSmallIntegerField(_("niveau"), choices=FollowupLevel.choices, null=True, blank=True)
    source = models.CharField(_("bron"), max_length=10, choices=FollowupSource.choices, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, editable=False)

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("gebeurtenis")
        verbose_name_plural = _("gebeurtenissen")
        # kind/school_year: yearly figures; student/kind/date: a student's last uitstroom or terugkeer on a
        # date, which every cohort KPI asks (the national benchmark: a third to half less CPU)
        indexes = [models.Index(fields=["kind", "school_year"]),
                   models.Index(fields=["student", "kind", "date"], name="event_student_kind_date")]


PLAIN_FIELDS = ("plain_entered_on", "plain_out_on", "plain_out_to", "plain_switched_on", "plain_doorstroom_on")
ENTRY_EVENTS = (EventKind.INSTROOM, EventKind.ZIJ_INSTROOM)
CHOICE_EVENTS = (*ENTRY_EVENTS, EventKind.SWITCH)      # the events that choose an uitstroomrichting
# the events a student's KPI state reads (the engine's, and a plain path's)
STATE_EVENTS = (*CHOICE_EVENTS, EventKind.UITSTROOM, EventKind.TERUGKEER, EventKind.DOORSTROOM)


def plain_paths(events):
    """Per student of ``events`` whose path is plain (one entry, no terugkeer, at most one uitstroom):
    ``sid`` (the student) and the values of ``PLAIN_FIELDS`` without their prefix. A switch counts from the first one
    that changed the kwalificatie (an earlier choice, by date then record, named another one)."""
    other_choice = (Event.objects.filter(student=OuterRef("student"), kind__in=CHOICE_EVENTS,
                                         kwalificatie__isnull=False)
                    .exclude(kwalificatie=OuterRef("kwalificatie"))
                    .filter(Q(date__lt=OuterRef("date"))
                            | Q(date=OuterRef("date"), pk__lt=OuterRef("pk"))))
    return (events.filter(kind__in=STATE_EVENTS)
            .order_by().values(sid=F("student")).annotate(
                entries=Count("pk", filter=Q(kind__in=ENTRY_EVENTS)),
                returns=Count("pk", filter=Q(kind=EventKind.TERUGKEER)),
                exits=Count("pk", filter=Q(kind=EventKind.UITSTROOM)),
                entered_on=Min("date", filter=Q(kind__in=ENTRY_EVENTS)),
                out_on=Max("date", filter=Q(kind=EventKind.UITSTROOM)),
                out_to=Max("destination", filter=Q(kind=EventKind.UITSTROOM)),
                switched_on=Min("date", filter=Q(kind=EventKind.SWITCH, kwalificatie__isnull=False)
                                       & Exists(other_choice)),
                doorstroom_on=Min("date", filter=Q(kind=EventKind.DOORSTROOM)))
            .filter(entries=1, returns=0, exits__lte=1)
            .values("sid", "entered_on", "out_on", "out_to", "switched_on", "doorstroom_on"))


class ExamPart(StudentPart):
    class Sector(models.TextChoices):
        VMBO = "vmbo", _("vmbo")
        MBO = "mbo", _("mbo")

    class Kind(models.TextChoices):
        SE = "SE", _("schoolexamen (SE)")
        CSPE = "CSPE", _("centraal schriftelijk en praktisch examen (CSPE)")
        GENERIEK = "generiek", _("generiek (Nederlands, rekenen, Engels, loopbaan en burgerschap)")
        KERNTAAK = "kerntaak", _("beroepsgerichte kerntaak")
        KEUZEDEEL = "keuzedeel", _("keuzedeel")
        BPV = "BPV", _("BPV")

    class Result(models.TextChoices):
        OPEN = "open", _("open")
        PASSED = "passed", _("behaald")
        FAILED = "failed", _("niet behaald")

    student = models.ForeignKey(Student, models.CASCADE, related_name="exam_parts")
    sector = models.CharField(_("sector"), max_length=4, choices=Sector.choices)
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("onderdeel"), max_length=120)
    planned_route_year = models.PositiveSmallIntegerField(_("gepland in routejaar"))
    actual_route_year = models.PositiveSmallIntegerField(_("afgelegd in routejaar"), null=True, blank=True)
    examiner = models.ForeignKey(Institution, models.PROTECT, null=True, blank=True,
                                 verbose_name=_("examinerende partij"))
    location = models.CharField(_("locatie"), max_length=120, blank=True)
    integrated = models.BooleanField(_("integreert vmbo en mbo"), default=False)
    result = models.CharField(_("resultaat"), max_length=6, choices=Result.choices, default=Result.OPEN)
    class Assessment(models.TextChoices):
        """An mbo part's judgement instead of a number."""
        O = "O", _("onvoldoende")  # noqa: E741
        V = "V", _("voldoende")
        G = "G", _("goed")

    # 1.0 to 10.0 and consistent with the result: checked by the use case (domain.diploma.grade_problems)
    grade = models.DecimalField(_("cijfer"), max_digits=3, decimal_places=1, null=True, blank=True)
    assessment = models.CharField(_("beoordeling"), max_length=1, choices=Assessment.choices, blank=True,
                                  help_text=_("mbo: O, V of G in plaats van een cijfer."))
    result_on = models.DateField(_("resultaat op"), null=True, blank=True)

    @property
    def grade_shown(self) -> str:
        """The grade as people write it (6,5) or the mbo's O/V/G; "" when there is none."""
        if self.grade is not None:
            return format_number(self.grade, 1)
        return self.assessment

    @property
    def grade_value(self):
        """The grade as the API gives it: a number, "O"/"V"/"G", or None."""
        return self.grade if self.grade is not None else (self.assessment or None)

    class Meta:
        ordering = ["sector", "planned_route_year", "name"]
        verbose_name = _("examenonderdeel")
        verbose_name_plural = _("examenonderdelen")


class BpvPeriod(StudentPart):
    student = models.ForeignKey(Student, models.CASCADE, related_name="bpv_periods")
    leerbedrijf = models.CharField(_("leerbedrijf"), max_length=160)
    recognised = models.BooleanField(_("erkend leerbedrijf"), default=False)
    praktijkovereenkomst = models.BooleanField(_("praktijkovereenkomst getekend"), default=False)
    start = models.DateField(_("vanaf"))
    end = models.DateField(_("tot en met"), null=True, blank=True)

    class Meta:
        ordering = ["start"]
        verbose_name = _("BPV-periode")
        verbose_name_plural = _("BPV-periodes")


class ImportMapping(models.Model):
    """The column mapping an institution chose once for an import kind; reused next time."""

    institution = models.ForeignKey(Institution, models.CASCADE, related_name="import_mappings")
    kind = models.CharField(max_length=12)
    mapping = models.JSONField(default=dict)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["institution", "kind"], name="importmapping_unique")]


class AccessLog(models.Model):
    """Who read, exported or erased which student's data, and when. No personal data in here:
    the student is referred to by id only, which stays meaningless after an erasure."""

    class Action(models.TextChoices):
        READ = "read", _("ingezien")
        EXPORT = "export", _("geëxporteerd")
        ERASE = "erase", _("gewist")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    student_id = models.BigIntegerField(db_index=True)
    route_id = models.BigIntegerField()
    action = models.CharField(max_length=6, choices=Action.choices)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at"]


class ImportJob(models.Model):
    """One upload of the import wizard: the parsed table (BSNs already replaced by their pseudonym
    when the file was read, so a BSN is never stored), the chosen mapping, and the state of its
    checking and importing, which the background worker (``tasks.py``) writes while it runs and the
    job page reads. A job belongs to the user who uploaded it.

    The state moves mapping -> queued -> validating -> validated | failed, and validated -> importing
    -> done | failed. Each move into queued or importing is one conditional UPDATE (``claim``), so a
    button pressed twice starts the work once. ``position`` counts the rows checked so far, ``imported``
    the rows written (only ever set with the state done, after the rows' transaction committed)."""

    class Kind(models.TextChoices):
        STUDENTS = "students", _("leerlingen en inschrijvingen")
        RESULTS = "results", _("examenresultaten")

    class State(models.TextChoices):
        MAPPING = "mapping", _("kolommen koppelen")
        QUEUED = "queued", _("wacht op de controle")
        VALIDATING = "validating", _("wordt gecontroleerd")
        VALIDATED = "validated", _("gecontroleerd, klaar om te importeren")
        FAILED = "failed", _("niet gelukt, niets geïmporteerd")
        IMPORTING = "importing", _("wordt geïmporteerd")
        DONE = "done", _("geïmporteerd")

    RUNNING = (State.QUEUED, State.VALIDATING, State.IMPORTING)

    route = models.ForeignKey(Route, models.CASCADE, related_name="+", verbose_name=_("route"))
    institution = models.ForeignKey(Institution, models.CASCADE, related_name="+", verbose_name=_("instelling"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices)
    filename = models.CharField(_("bestand"), max_length=255)
    headers = models.JSONField(default=list)
    rows = models.JSONField(default=list)          # list of lists, aligned with headers
    bsn_columns = models.JSONField(default=list)   # headers whose values were pseudonymised
    # the file's rows (header = 1) left out of ``rows`` as notes (the template's note row), so that an
    # error names the row as it is in the file
    skipped_lines = models.JSONField(default=list, blank=True)
    mapping = models.JSONField(default=dict)       # target field -> header
    status = models.CharField(_("status"), max_length=10, choices=State.choices, default=State.MAPPING)
    row_count = models.PositiveIntegerField(default=0)  # rows in the file (kept when the rows are cleared)
    position = models.PositiveIntegerField(default=0)   # rows checked so far by the running step
    errors = models.JSONField(default=list)        # [{row, column, value, rule, message}]
    message = models.CharField(_("melding"), max_length=300, blank=True)  # why a step ended in failed
    imported = models.PositiveIntegerField(default=0)
    task_id = models.CharField(max_length=64, blank=True)   # the worker's task (django-tasks result id)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)  # also the worker's heartbeat while it runs

    class Meta:
        ordering = ["-created"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.filename}"

    def get_absolute_url(self):
        return reverse("students:import_job", args=[self.pk])

    @property
    def total(self) -> int:
        return self.row_count or len(self.rows)

    def line(self, index: int) -> int:
        """The row in the file (the header is row 1) of ``rows[index]``, past the skipped note rows."""
        line = index + 2
        for skipped in sorted(self.skipped_lines):
            if skipped <= line:
                line += 1
            else:
                break
        return line

    @property
    def percent(self) -> int:
        return int(100 * self.position / self.total) if self.total else 100

    @property
    def running(self) -> bool:
        return self.status in self.RUNNING


class StudentFinding(models.Model):
    """The student rules a student fails, kept whenever the student changes, so the route's stored
    state ("voldoet niet" when a student fails an error rule) is one aggregating query instead of
    evaluating every student of the route. The daily evaluation (and a route change) renews all."""

    # A derived state, renewed by every evaluation: deleted with the student by the ORM (erasure), and
    # without a database constraint, so a bulk removal of students in SQL leaves no integrity error
    # (an orphan row is never read: the summary joins the route's students).
    student = models.OneToOneField(Student, models.CASCADE, primary_key=True, related_name="rule_state",
                                   db_constraint=False)
    failed = models.CharField(_("regels met fouten"), max_length=120, blank=True)        # "R-06 R-10"
    warnings = models.CharField(_("regels met waarschuwingen"), max_length=120, blank=True)
    evaluated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("regelstand van een leerling")
        verbose_name_plural = _("regelstand van leerlingen")

    def __str__(self):
        return f"{self.student_id}: {self.failed or '-'} / {self.warnings or '-'}"


class ErasureRecord(models.Model):
    """One erasure on request (AVG), kept without personal data so that it can be applied again after
    a backup from before the erasure is restored (``manage.py reapply_erasures``). The student is
    known by the internal id it had (meaningless once erased), its route, and keyed hashes of its
    school-local numbers and national key (see ``privacy.erasure_hash``): enough to recognise the
    same record, not to read who it was. A copy of each record is also appended to the file
    ``LEERROUTE_ERASURE_FILE`` outside the database, because a restore replaces this table too."""

    student_id = models.BigIntegerField(db_index=True)
    route_id = models.BigIntegerField()
    number_hashes = models.JSONField(default=list)     # keyed hashes of "BRIN:number", and of the national key
    erased_at = models.DateTimeField()
    erased_by_id = models.BigIntegerField(null=True)   # the user's id, no foreign key: users come and go
    reapplied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["erased_at"]
        verbose_name = _("wissing")
        verbose_name_plural = _("wissingen")
        constraints = [models.UniqueConstraint(fields=["student_id", "route_id"], name="erasurerecord_unique")]

    def __str__(self):
        return f"{self.student_id} ({self.erased_at:%Y-%m-%d})"
