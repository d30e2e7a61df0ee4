"""Settlements between the partners of a route: per route, school year and phase one statement of
a settlement model (M1..M5) with its parameters. An approved statement is locked; a change makes
a new version and the old one is kept."""
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from apps.registry.models import Institution
from apps.routes.models import Route, SettlementModel
from domain.settlement import calculate
from domain.teldatum import school_year_label


class Settlement(models.Model):
    class Status(models.TextChoices):
        DRAFT = "concept", _("concept")
        APPROVED = "goedgekeurd", _("goedgekeurd")

    class Phase(models.TextChoices):
        ALL = "", _("hele schooljaar")
        VO = "vo", _("vo-fase")
        MBO = "mbo", _("mbo-fase")

    route = models.ForeignKey(Route, models.PROTECT, related_name="settlements", verbose_name=_("route"))
    school_year = models.PositiveSmallIntegerField(_("schooljaar"))
    phase = models.CharField(_("fase"), max_length=3, choices=Phase.choices, blank=True)
    model = models.CharField(_("model"), max_length=2, choices=SettlementModel.choices)
    parameters = models.JSONField(_("parameters"), default=dict)
    version = models.PositiveSmallIntegerField(_("versie"), default=1)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    previous = models.OneToOneField("self", models.PROTECT, null=True, blank=True, related_name="next_version",
                                    verbose_name=_("vorige versie"))
    illustrative = models.BooleanField(_("tarieven ter illustratie"), default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-school_year", "phase", "-version"]
        verbose_name = _("afrekening")
        verbose_name_plural = _("afrekeningen")
        constraints = [models.UniqueConstraint(fields=["route", "school_year", "phase", "version"],
                                               name="settlement_unique_version")]

    def __str__(self):
        return f"{self.route} {school_year_label(self.school_year)} {self.get_model_display()} v{self.version}"

    def get_absolute_url(self):
        return reverse("finance:detail", args=[self.pk])

    @property
    def school_year_label(self):
        return school_year_label(self.school_year)

    @property
    def locked(self) -> bool:
        return self.status == self.Status.APPROVED

    @property
    def is_current(self) -> bool:
        return not hasattr(self, "next_version")

    def statement(self):
        return calculate(self.model, self.parameters)

    @property
    def approval_count(self) -> tuple[int, int]:
        """(parties that approved, parties that approve): the route's partner institutions."""
        parties = {p.institution_id for p in self.route.partners.all()}
        approved = {a.institution_id for a in self.approvals.all()}
        return len(approved & parties), len(parties)

    @property
    def status_text(self) -> str:
        """The status as the pages and the workbook show it: "concept", "1 van 2 goedgekeurd" while
        the parties approve, "goedgekeurd" once every party has."""
        if self.locked:
            return str(self.Status.APPROVED.label)
        approved, parties = self.approval_count
        if approved:
            return _("%(approved)d van %(parties)d goedgekeurd") % {"approved": approved, "parties": parties}
        return str(self.Status.DRAFT.label)


class Override(models.Model):
    """A parameter the register knows, set by hand to another value: who, when and why."""

    settlement = models.ForeignKey(Settlement, models.CASCADE, related_name="overrides")
    parameter = models.CharField(_("parameter"), max_length=60)
    register_value = models.CharField(_("waarde uit het register"), max_length=60)
    value = models.CharField(_("gebruikte waarde"), max_length=60)
    reason = models.CharField(_("reden"), max_length=300)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["parameter"]


class Approval(models.Model):
    """One partner's financieel medewerker approved the statement."""

    settlement = models.ForeignKey(Settlement, models.CASCADE, related_name="approvals")
    institution = models.ForeignKey(Institution, models.PROTECT, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at"]
        constraints = [models.UniqueConstraint(fields=["settlement", "institution"], name="approval_unique")]
