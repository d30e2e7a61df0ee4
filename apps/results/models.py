"""Benchmarks: published figures a route's results are compared with (beside the route's own
targets, ``apps.routes.models.RouteTarget``). A beheerder adds them in the admin; the sources'
benchmarks are seeded by a data migration."""
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from domain.calendar import school_year_label


class Benchmark(models.Model):
    class Level(models.TextChoices):
        NATIONAL = "landelijk", _("landelijk")
        REGION = "regio", _("regio")
        INSTITUTION = "instelling", _("instelling")

    kpi = models.CharField(_("KPI"), max_length=5, help_text=_("Het KPI-nummer waarmee vergeleken wordt, bijv. K-08."))
    parameter = models.CharField(
        _("parameter"), max_length=20, blank=True,
        help_text=_("Welk cijfer van de KPI: leeg voor het cijfer zelf, \"uitval\" voor de jaarlijkse uitval (K-08), "
                    "3 voor diploma binnen 3 jaar (K-04)."))
    label = models.CharField(_("omschrijving"), max_length=200)
    value = models.DecimalField(_("waarde"), max_digits=7, decimal_places=2)
    level = models.CharField(_("niveau"), max_length=10, choices=Level.choices, default=Level.REGION)
    scope = models.CharField(_("geldt voor"), max_length=120, blank=True,
                             help_text=_("Bijvoorbeeld: Amsterdam, RMC-regio Amsterdam, ROC van Amsterdam."))
    mbo_level = models.PositiveSmallIntegerField(
        _("mbo-niveau"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(4)],
        help_text=_("Het mbo-niveau waarop het cijfer betrekking heeft (leeg: alle niveaus)."))
    school_year = models.PositiveSmallIntegerField(
        _("schooljaar"), validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text=_("Eerste kalenderjaar van het schooljaar, bijv. 2018 voor 2018-2019."))
    source = models.CharField(_("bron"), max_length=300, help_text=_("De titel van de bron."))

    class Meta:
        ordering = ["kpi", "-school_year", "label"]
        verbose_name = _("benchmark")
        verbose_name_plural = _("benchmarks")

    def __str__(self):
        return f"{self.kpi} {self.label} ({school_year_label(self.school_year)}): {self.value.normalize():f}"
