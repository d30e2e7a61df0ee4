"""Reference data: boards, institutions, regions, profielen, leerwegen, kwalificaties."""
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

brin_validator = RegexValidator(
    r"^[0-9]{2}[A-Z]{2}$", _("Een BRIN-code bestaat uit 2 cijfers en 2 hoofdletters, bijvoorbeeld 25LX.")
)
location_validator = RegexValidator(r"^[0-9]{2}$", _("Een vestigingscode bestaat uit 2 cijfers, bijvoorbeeld 01."))
crebo_validator = RegexValidator(r"^[0-9]{5}$", _("Een kwalificatiecode (crebo) bestaat uit 5 cijfers."))


class Region(models.Model):
    class Kind(models.TextChoices):
        RMC = "rmc", _("RMC-regio")
        ARBEIDSMARKT = "arbeidsmarktregio", _("arbeidsmarktregio")
        GEMEENTE = "gemeente", _("gemeente")
        SWV = "samenwerkingsverband", _("samenwerkingsverband")

    kind = models.CharField(_("soort"), max_length=24, choices=Kind.choices)
    code = models.CharField(_("code"), max_length=20, blank=True)
    name = models.CharField(_("naam"), max_length=120)

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

    class Meta:
        ordering = ["code"]
        verbose_name = _("kwalificatie")
        verbose_name_plural = _("kwalificaties")

    def __str__(self):
        return f"{self.code} {self.name} (niveau {self.level})"

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
