"""Student surveys (enquêtes) of a route: per school year and cohort(s) a questionnaire of Likert
statements, answered anonymously with one-time codes.

Anonymity is in the tables: a ``Response`` has a random UUID as its key (no order of arrival), no
timestamp and no link to the ``Code`` used or to any student; a code only records that it was used
(not when). Its ``Answer`` rows have random keys too. Neither is registered with django-auditlog."""
import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from apps.routes.models import Route
from domain import survey as core
from domain.calendar import school_year_label


class Status(models.TextChoices):
    CONCEPT = "concept", _("in voorbereiding")
    OPEN = "open", _("open")
    GESLOTEN = "gesloten", _("gesloten")


class SurveyQuerySet(models.QuerySet):
    """Who sees and changes which surveys: those of the routes the user sees or changes."""

    def visible_to(self, user):
        return self.filter(route__in=Route.objects.visible_to(user))

    def editable_by(self, user):
        return self.filter(route__in=Route.objects.editable_by(user))


class Survey(models.Model):
    route = models.ForeignKey(Route, models.CASCADE, related_name="surveys", verbose_name=_("route"))
    title = models.CharField(_("titel"), max_length=200)
    school_year = models.PositiveSmallIntegerField(
        _("schooljaar"), validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text=_("Eerste kalenderjaar van het schooljaar, bijv. 2024 voor 2024-2025."))
    cohorts = models.JSONField(_("cohorten"), default=list,
                               help_text=_("De cohorten (jaar van routejaar 1) die de enquête krijgen."))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.CONCEPT)
    note = models.CharField(_("toelichting"), max_length=500, blank=True,
                            help_text=_("Bijvoorbeeld de bron, of dat de resultaten ter illustratie zijn."))
    updated = models.DateTimeField(auto_now=True)

    objects = SurveyQuerySet.as_manager()

    class Meta:
        ordering = ["-school_year", "pk"]
        verbose_name = _("leerlingenquête")
        verbose_name_plural = _("leerlingenquêtes")

    def __str__(self):
        return self.title

    @property
    def school_year_label(self) -> str:
        return school_year_label(self.school_year)

    def get_absolute_url(self):
        return reverse("survey:detail", args=[self.route_id, self.pk])

    def editable_by(self, user) -> bool:
        return self.route.editable_by(user)

    @property
    def is_concept(self) -> bool:
        return self.status == Status.CONCEPT

    @property
    def is_open(self) -> bool:
        return self.status == Status.OPEN

    @property
    def is_closed(self) -> bool:
        return self.status == Status.GESLOTEN


class Statement(models.Model):
    """One Likert statement of a survey, in the order of ``position``."""
    survey = models.ForeignKey(Survey, models.CASCADE, related_name="statements", verbose_name=_("enquête"))
    position = models.PositiveSmallIntegerField(_("volgorde"))
    text = models.CharField(_("stelling"), max_length=300)

    class Meta:
        ordering = ["survey", "position", "pk"]
        verbose_name = _("stelling")
        verbose_name_plural = _("stellingen")

    def __str__(self):
        return self.text


class Code(models.Model):
    """A one-time code for one student of a cohort, handed out by the mentor. It names no student and
    records only whether it was used, not when, and not which response it gave."""
    survey = models.ForeignKey(Survey, models.CASCADE, related_name="codes", verbose_name=_("enquête"))
    cohort = models.PositiveSmallIntegerField(_("cohort"))
    code = models.CharField(_("code"), max_length=core.CODE_LENGTH, unique=True)
    used = models.BooleanField(_("gebruikt"), default=False)

    class Meta:
        ordering = ["survey", "cohort", "pk"]
        verbose_name = _("code")
        verbose_name_plural = _("codes")

    def __str__(self):
        return core.shown_code(self.code)

    @property
    def shown(self) -> str:
        return core.shown_code(self.code)


class Response(models.Model):
    """One student's anonymous response: a random key and the survey, nothing else (not even the
    cohort: results are only shown over the whole survey)."""
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, models.CASCADE, related_name="responses")

    class Meta:
        verbose_name = _("antwoord op een enquête")
        verbose_name_plural = _("antwoorden op enquêtes")


class Answer(models.Model):
    """The value (1-5) a response gives one statement."""
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(Response, models.CASCADE, related_name="answers")
    statement = models.ForeignKey(Statement, models.CASCADE, related_name="answers")
    value = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(5)])

    class Meta:
        constraints = [models.UniqueConstraint(fields=["response", "statement"], name="survey_answer_unique")]
