"""Reference data: boards, institutions, regions, profielen, leerwegen, kwalificaties."""
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Count, F, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

brin_validator = RegexValidator(
    r"^[0-9]{2}[A-Z]{2}$", _("Een BRIN-code bestaat uit 2 cijfers en 2 hoofdletters, bijvoorbeeld 25LX.")
)
location_validator = RegexValidator(r"^[0-9]{2}$", _("Een vestigingscode bestaat uit 2 cijfers, bijvoorbeeld 01."))
crebo_validator = RegexValidator(r"^[0-9]{5}$", _("Een kwalificatiecode (crebo) bestaat uit 5 cijfers."))


class RegionQuerySet(models.QuerySet):
    def readable_by(self, user):
        """The regions whose aggregated figures (dashboard, coverage, report, KPIs; always suppressed as
        outside a route's partners) the user may read: a beheerder every region, a regional coordinator
        their own, a bestuurder or route coordinator the regions their institutions are in (to compare
        their routes with the region). Other roles, and anonymous users, none. The one rule for every
        regional page and API endpoint."""
        from apps.accounts.models import Role

        if not user.is_authenticated:
            return self.none()
        if user.is_beheerder:
            return self.all()
        if user.is_regional:
            return self.filter(pk=user.region_id) if user.region_id else self.none()
        if user.role in (Role.BESTUURDER, Role.ROUTECOORDINATOR):
            return self.filter(institutions__in=user.institutions.all()).distinct()
        return self.none()


class Region(models.Model):
    class Kind(models.TextChoices):
        RMC = "rmc", _("RMC-regio")
        ARBEIDSMARKT = "arbeidsmarktregio", _("arbeidsmarktregio")
        GEMEENTE = "gemeente", _("gemeente")
        SWV = "samenwerkingsverband", _("samenwerkingsverband")

    kind = models.CharField(_("soort"), max_length=24, choices=Kind.choices)
    code = models.CharField(_("code"), max_length=20, blank=True)
    name = models.CharField(_("naam"), max_length=120)

    objects = RegionQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("regio")
        verbose_name_plural = _("regio's")
        constraints = [models.UniqueConstraint(fields=["kind", "name"], name="region_unique_kind_name")]

    def __str__(self):
        return f"{self.name} ({self.get_kind_display()})"


class Bestuur(models.Model):
    name = models.CharField(_("naam"), max_length=200, unique=True)
    bevoegd_gezag_nummer = models.CharField(_("bevoegd-gezagnummer"), max_length=10, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("bestuur")
        verbose_name_plural = _("besturen")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("registry:bestuur", args=[self.pk])


class Institution(models.Model):
    class Sector(models.TextChoices):
        VO = "vo", _("vo")
        MBO = "mbo", _("mbo")

    class Kind(models.TextChoices):
        VO_SCHOOL = "vo-school", _("vo-school")
        ROC = "roc", _("roc")
        AOC = "aoc", _("aoc")
        VAKINSTELLING = "vakinstelling", _("vakinstelling")
        HBO = "hbo", _("hbo-instelling")
        PRO = "pro", _("praktijkonderwijs")
        VSO = "vso", _("voortgezet speciaal onderwijs")

    brin = models.CharField(_("BRIN"), max_length=4, unique=True, validators=[brin_validator])
    name = models.CharField(_("naam"), max_length=200)
    sector = models.CharField(_("sector"), max_length=3, choices=Sector.choices)
    kind = models.CharField(_("soort"), max_length=16, choices=Kind.choices)
    bestuur = models.ForeignKey(Bestuur, models.PROTECT, related_name="institutions", verbose_name=_("bestuur"))
    city = models.CharField(_("plaats"), max_length=100, blank=True)
    regions = models.ManyToManyField(Region, blank=True, related_name="institutions", verbose_name=_("regio's"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("instelling")
        verbose_name_plural = _("instellingen")

    def __str__(self):
        return f"{self.name} ({self.brin})"

    def get_absolute_url(self):
        return reverse("registry:institution", args=[self.pk])


class Location(models.Model):
    institution = models.ForeignKey(Institution, models.CASCADE, related_name="locations", verbose_name=_("instelling"))
    code = models.CharField(_("vestigingscode"), max_length=2, validators=[location_validator])
    name = models.CharField(_("naam"), max_length=200)
    city = models.CharField(_("plaats"), max_length=100, blank=True)

    class Meta:
        ordering = ["institution__name", "code"]
        verbose_name = _("vestiging")
        verbose_name_plural = _("vestigingen")
        constraints = [models.UniqueConstraint(fields=["institution", "code"], name="location_unique_code")]

    def __str__(self):
        return f"{self.name} ({self.full_code})"

    def get_additional_data(self):
        return {"institution_id": self.institution_id}  # shown in the institution's history

    @property
    def full_code(self):
        return f"{self.institution.brin}{self.code}"


class Profiel(models.Model):
    code = models.CharField(_("code"), max_length=8, unique=True)
    name = models.CharField(_("naam"), max_length=100)

    class Meta:
        ordering = ["code"]
        verbose_name = _("profiel")
        verbose_name_plural = _("profielen")

    def __str__(self):
        return f"{self.code} ({self.name})"


class Leerweg(models.Model):
    code = models.CharField(_("code"), max_length=2, unique=True)
    name = models.CharField(_("naam"), max_length=60)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["order"]
        verbose_name = _("leerweg")
        verbose_name_plural = _("leerwegen")

    def __str__(self):
        return self.code


class KwalificatieQuerySet(models.QuerySet):
    def templates_editable_by(self, user):
        """Kwalificaties whose own exam plan template the user may create and change. A template is
        shared by every route offering the kwalificatie, so only where the user may change every one
        of those routes (a partner of each, with a role that changes routes); else the beheerder
        keeps it. The registry does not import the routes app: the reverse relations are used."""
        if not user.is_authenticated or not user.may_edit_routes:
            return self.none()
        if user.is_beheerder:
            return self
        routes = "uitstroomrichtingen__route"
        own = Q(uitstroomrichtingen__route__partners__institution__in=user.institutions.all())
        shared_only_with_own = (Kwalificatie.objects
                                .annotate(offered=Count(routes, distinct=True),
                                          own=Count(routes, distinct=True, filter=own))
                                .filter(offered__gt=0, own=F("offered")))
        return self.filter(pk__in=shared_only_with_own.values("pk"))


class Kwalificatie(models.Model):
    code = models.CharField(_("kwalificatiecode"), max_length=5, unique=True, validators=[crebo_validator])
    name = models.CharField(_("naam"), max_length=200)
    level = models.PositiveSmallIntegerField(
        _("niveau"), validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    dossier = models.CharField(_("kwalificatiedossier"), max_length=200, blank=True)
    bol = models.BooleanField(_("BOL"), default=True)
    bbl = models.BooleanField(_("BBL"), default=True)
    profielen = models.ManyToManyField(
        Profiel, through="ProfielKwalificatie", related_name="kwalificaties", verbose_name=_("verwante profielen")
    )

    objects = KwalificatieQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("kwalificatie")
        verbose_name_plural = _("kwalificaties")

    def __str__(self):
        return gettext("%(code)s %(name)s (niveau %(level)s)") % {"code": self.code, "name": self.name,
                                                                   "level": self.level}

    @property
    def is_entree(self):
        return self.level == 1


class ProfielKwalificatie(models.Model):
    """The R-02 relation table: which kwalificatie is 'verwant' to which vmbo profiel."""

    profiel = models.ForeignKey(Profiel, models.CASCADE, verbose_name=_("profiel"))
    kwalificatie = models.ForeignKey(Kwalificatie, models.CASCADE, verbose_name=_("kwalificatie"))

    class Meta:
        ordering = ["profiel__code", "kwalificatie__code"]
        verbose_name = _("verwantschap profiel-kwalificatie")
        verbose_name_plural = _("verwantschap profiel-kwalificatie")
        constraints = [
            models.UniqueConstraint(fields=["profiel", "kwalificatie"], name="profielkwalificatie_unique")
        ]

    def __str__(self):
        return f"{self.profiel.code} → {self.kwalificatie.code}"


class ExamPlanTemplateQuerySet(models.QuerySet):
    def editable_by(self, user):
        """The beheerder keeps every template (also the defaults per level and per leerweg); a route
        coordinator the templates of the kwalificaties of routes they may change."""
        if not user.is_authenticated:
            return self.none()
        if user.is_beheerder:
            return self
        return self.filter(kwalificatie__in=Kwalificatie.objects.templates_editable_by(user))


class ExamPlanTemplate(models.Model):
    """What a diploma requires (domain brief, section 5): for the mbo per kwalificatie (its own
    template) or per level (the default used when a kwalificatie has none); for the vmbo per
    leerweg and profiel, or per leerweg (the default). A student's plan starts from it and the
    diploma check compares the student's results with it, never with what happens to be planned.
    Keuzedelen are a number, BPV is a number of hours (0: no BPV required)."""

    class Sector(models.TextChoices):
        VMBO = "vmbo", _("vmbo")
        MBO = "mbo", _("mbo")

    sector = models.CharField(_("sector"), max_length=4, choices=Sector.choices)
    kwalificatie = models.OneToOneField(
        Kwalificatie, models.CASCADE, null=True, blank=True, related_name="exam_template",
        verbose_name=_("kwalificatie"), help_text=_("Leeg: de standaard voor alle kwalificaties van het niveau."))
    level = models.PositiveSmallIntegerField(
        _("niveau"), null=True, blank=True, validators=[MinValueValidator(2), MaxValueValidator(4)],
        help_text=_("Alleen voor de standaard per niveau (zonder kwalificatie)."))
    leerweg = models.ForeignKey(Leerweg, models.CASCADE, null=True, blank=True, related_name="exam_templates",
                                verbose_name=_("leerweg"))
    profiel = models.ForeignKey(Profiel, models.CASCADE, null=True, blank=True, related_name="exam_templates",
                                verbose_name=_("profiel"), help_text=_("Leeg: de standaard voor de leerweg."))
    keuzedelen = models.PositiveSmallIntegerField(_("aantal keuzedelen"), default=0)
    bpv_hours = models.PositiveIntegerField(_("BPV-uren"), default=0, help_text=_("0: geen BPV vereist."))
    note = models.CharField(_("toelichting"), max_length=300, blank=True)
    updated = models.DateTimeField(auto_now=True)

    objects = ExamPlanTemplateQuerySet.as_manager()

    class Meta:
        ordering = ["sector", "level", "kwalificatie__code", "leerweg__order", "profiel__code"]
        verbose_name = _("examenplan-sjabloon")
        verbose_name_plural = _("examenplan-sjablonen")
        constraints = [
            models.CheckConstraint(
                name="examplantemplate_scope",
                condition=(models.Q(sector="mbo", leerweg__isnull=True, profiel__isnull=True)
                           & (models.Q(kwalificatie__isnull=False, level__isnull=True)
                              | models.Q(kwalificatie__isnull=True, level__isnull=False)))
                | models.Q(sector="vmbo", leerweg__isnull=False, kwalificatie__isnull=True, level__isnull=True)),
            models.UniqueConstraint(fields=["level"], condition=models.Q(kwalificatie__isnull=True, sector="mbo"),
                                    name="examplantemplate_unique_level"),
            models.UniqueConstraint(fields=["leerweg"], condition=models.Q(profiel__isnull=True, sector="vmbo"),
                                    name="examplantemplate_unique_leerweg"),
            models.UniqueConstraint(fields=["leerweg", "profiel"], condition=models.Q(profiel__isnull=False),
                                    name="examplantemplate_unique_leerweg_profiel"),
        ]

    def __str__(self):
        if self.kwalificatie_id:
            return str(_("Examenplan %(k)s")) % {"k": self.kwalificatie}
        if self.sector == self.Sector.MBO:
            return str(_("Examenplan mbo niveau %(n)s (standaard)")) % {"n": self.level}
        if self.profiel_id:
            return str(_("Examenplan vmbo %(l)s %(p)s")) % {"l": self.leerweg, "p": self.profiel.code}
        return str(_("Examenplan vmbo %(l)s (standaard)")) % {"l": self.leerweg}

    def get_absolute_url(self):
        return reverse("registry:exam_template", args=[self.pk])

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.sector == self.Sector.MBO:
            if self.leerweg_id or self.profiel_id:
                raise ValidationError(_("Een mbo-sjabloon hoort bij een kwalificatie of een niveau, niet bij een "
                                        "leerweg."))
            if bool(self.kwalificatie_id) == bool(self.level):
                raise ValidationError(_("Kies een kwalificatie of (voor de standaard) een niveau, niet beide."))
            if self.kwalificatie_id and self.kwalificatie.level == 1:
                raise ValidationError({"kwalificatie": _("Entree (niveau 1) is geen uitstroomrichting van een route "
                                                         "(R-01).")})
        elif self.sector == self.Sector.VMBO:
            if not self.leerweg_id:
                raise ValidationError({"leerweg": _("Een vmbo-sjabloon hoort bij een leerweg.")})
            if self.kwalificatie_id or self.level:
                raise ValidationError(_("Een vmbo-sjabloon hoort bij een leerweg (en profiel), niet bij een "
                                        "kwalificatie."))


class ExamPlanTemplatePart(models.Model):
    """A required part of a template. Its kind and name are the stable key a student's exam part
    is matched by (case does not count), so a student's plan is copied with the same names."""

    class Kind(models.TextChoices):  # the named kinds of ExamPart; keuzedelen and BPV are counted on the template
        SE = "SE", _("schoolexamen (SE)")
        CSPE = "CSPE", _("centraal schriftelijk en praktisch examen (CSPE)")
        GENERIEK = "generiek", _("generiek (Nederlands, rekenen, Engels, loopbaan en burgerschap)")
        KERNTAAK = "kerntaak", _("beroepsgerichte kerntaak")

    template = models.ForeignKey(ExamPlanTemplate, models.CASCADE, related_name="parts", verbose_name=_("sjabloon"))
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("onderdeel"), max_length=120)
    year = models.PositiveSmallIntegerField(
        _("leerjaar"), default=1, validators=[MinValueValidator(1), MaxValueValidator(6)],
        help_text=_("Standaardplaats: vmbo-leerjaar (3 of 4) voor vmbo-onderdelen, mbo-leerjaar (1, 2, ...) voor mbo."))
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["template", "order", "pk"]
        verbose_name = _("vereist examenonderdeel")
        verbose_name_plural = _("vereiste examenonderdelen")
        constraints = [models.UniqueConstraint(Lower("name"), "kind", "template",
                                               name="examplantemplatepart_unique_name")]

    def __str__(self):
        return f"{self.name} ({self.kind})"

    def get_additional_data(self):
        return {"exam_template_id": self.template_id}  # shown in the template's history

    def clean(self):
        from django.core.exceptions import ValidationError

        self.name = " ".join((self.name or "").split())
        if self.template_id:
            vmbo = self.template.sector == ExamPlanTemplate.Sector.VMBO
            if vmbo and self.kind not in ("SE", "CSPE"):
                raise ValidationError({"kind": _("Een vmbo-onderdeel is een SE of CSPE.")})
            if not vmbo and self.kind not in ("generiek", "kerntaak"):
                raise ValidationError({"kind": _("Een mbo-onderdeel in het sjabloon is generiek of een kerntaak; "
                                                 "keuzedelen en BPV staan als aantal en uren op het sjabloon.")})
            if vmbo and self.year not in (3, 4):
                raise ValidationError({"year": _("Een vmbo-onderdeel ligt in vmbo-leerjaar 3 of 4.")})


class PopulationCount(models.Model):
    """How many vmbo students a vestiging had on 1 October of a school year, per leerweg, profiel and
    leerjaar, as DUO publishes it per vestiging ("Leerlingen vo per vestiging naar onderwijstype").
    The denominator of K-10 (bereik) and the "students in a profiel" side of the coverage gaps.
    A beheerder imports it (apps.regional.services); the profiel is empty for leerjaren and years
    without profielen (leerjaar 1-2, sectors before 2016). ``below_five`` marks a count DUO published
    as "<5" (files since November 2023): the count is then stored as 0 and totals are lower bounds."""

    school_year = models.PositiveSmallIntegerField(
        _("schooljaar"), validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text=_("Eerste kalenderjaar van het schooljaar, bijv. 2020 voor 2020-2021 (peildatum 1 oktober 2020)."))
    institution = models.ForeignKey(Institution, models.CASCADE, related_name="population_counts",
                                    verbose_name=_("instelling"))
    location = models.ForeignKey(Location, models.CASCADE, related_name="population_counts",
                                 verbose_name=_("vestiging"))
    gemeente = models.CharField(_("gemeente"), max_length=100, blank=True)
    stadsdeel = models.CharField(_("stadsdeel"), max_length=100, blank=True,
                                 help_text=_("Niet in het DUO-bestand; een regio kan het als extra kolom meegeven."))
    leerweg = models.ForeignKey(Leerweg, models.PROTECT, related_name="population_counts", verbose_name=_("leerweg"))
    profiel = models.ForeignKey(Profiel, models.PROTECT, null=True, blank=True, related_name="population_counts",
                                verbose_name=_("profiel"))
    leerjaar = models.PositiveSmallIntegerField(_("leerjaar"), validators=[MinValueValidator(1), MaxValueValidator(4)])
    count = models.PositiveIntegerField(_("aantal leerlingen"))
    below_five = models.BooleanField(_("kleiner dan 5 (DUO)"), default=False)

    class Meta:
        ordering = ["school_year", "institution__name", "location__code", "leerweg__order", "profiel__code",
                    "leerjaar"]
        verbose_name = _("leerlingaantal (DUO)")
        verbose_name_plural = _("leerlingaantallen (DUO)")
        constraints = [
            models.UniqueConstraint(fields=["school_year", "location", "leerweg", "profiel", "leerjaar"],
                                    condition=Q(profiel__isnull=False), name="populationcount_unique_key"),
            models.UniqueConstraint(fields=["school_year", "location", "leerweg", "leerjaar"],
                                    condition=Q(profiel__isnull=True), name="populationcount_unique_key_no_profiel"),
        ]
        indexes = [models.Index(fields=["school_year", "institution"])]

    def __str__(self):
        profiel = f" {self.profiel.code}" if self.profiel_id else ""
        return f"{self.location} {self.school_year} {self.leerweg}{profiel} lj {self.leerjaar}: {self.count}"
