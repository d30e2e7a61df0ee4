"""The reflection instrument of a partnership (domain.reflection): a round of a route, opened by a
coordinator of a partner, in which each invited participant of each partner institution fills in the
self-assessment once (a draft first, then submitted and locked), with a note per item and the question
whether the agreements still fit the route's phase.

Who sees what: a route's rounds, their progress and results are for the route's partners (the users of
its partner institutions) and the beheerder; not for other institutions, not for the region
(``ReflectionRound.objects.visible_to``). Rounds are opened by the route's editors (``editable_by``);
a response is changed by its own participant only."""
from datetime import date

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.registry.models import Institution
from apps.routes.models import Phase, Route
from domain import reflection as core


class RoundQuerySet(models.QuerySet):
    """Who sees and opens which rounds: every view and API endpoint asks here."""

    def visible_to(self, user):
        """The rounds of the routes the user is a partner in (through an institution), every round for a
        beheerder; none for regional users, who read a route's register but not its partners' reflection."""
        if not user.is_authenticated or user.is_regional:
            return self.none()
        return self.filter(route__in=Route.objects.visible_to(user))

    def editable_by(self, user):
        """Rounds whose participants the user may invite: those of the routes the user may edit."""
        return self.filter(route__in=Route.objects.editable_by(user))


def routes_reflected_by(user):
    """The routes whose reflection the user sees (the same rule as ``RoundQuerySet.visible_to``)."""
    if not user.is_authenticated or user.is_regional:
        return Route.objects.none()
    return Route.objects.visible_to(user)


class ReflectionRound(models.Model):
    class Status(models.TextChoices):
        PLANNED = "gepland", _("gepland")
        OPEN = "open", _("open")
        CLOSED = "gesloten", _("gesloten")

    route = models.ForeignKey(Route, models.CASCADE, related_name="reflection_rounds", verbose_name=_("route"))
    title = models.CharField(_("titel"), max_length=200)
    opens_on = models.DateField(_("open vanaf"))
    closes_on = models.DateField(_("open tot en met"))
    phase = models.CharField(_("fase van de samenwerking"), max_length=16, choices=Phase.choices,
                             help_text=_("De fase van de route toen de ronde werd geopend."))
    note = models.TextField(_("toelichting"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+",
                                   editable=False)
    closed_on = models.DateField(_("gesloten op"), null=True, blank=True, editable=False,
                                 help_text=_("De dag waarop de coördinator de ronde sloot (vroeg of aan het eind)."))
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+",
                                  editable=False)
    closing_note = models.TextField(_("toelichting bij het sluiten"), blank=True)
    reminded_on = models.DateField(_("laatste herinnering"), null=True, blank=True, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = RoundQuerySet.as_manager()

    class Meta:
        ordering = ["opens_on", "pk"]
        verbose_name = _("reflectieronde")
        verbose_name_plural = _("reflectierondes")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("reflection:round", args=[self.route_id, self.pk])

    def get_additional_data(self):
        return {"reflection_round_id": self.pk}

    def status_on(self, on: date | None = None) -> str:
        """Planned before ``opens_on``, closed after ``closes_on`` or from the day a coordinator closed it
        (``closed_on``), open in between."""
        on = on or timezone.localdate()
        if self.closed_on is not None and on >= self.closed_on:
            return self.Status.CLOSED
        if on < self.opens_on:
            return self.Status.PLANNED
        if on > self.closes_on:
            return self.Status.CLOSED
        return self.Status.OPEN

    @property
    def status(self) -> str:
        return self.status_on()

    @property
    def closed_early(self) -> bool:
        """Closed by a coordinator before its last day (``closes_on``)."""
        return self.closed_on is not None and self.closed_on <= self.closes_on

    @property
    def ended_on(self) -> date:
        """The round's last day: its planned last day, or the day it was closed if that came first."""
        return min(self.closes_on, self.closed_on) if self.closed_on else self.closes_on

    def get_status_display(self) -> str:
        return self.Status(self.status).label


class Response(models.Model):
    """One participant's self-assessment in a round: made when they are invited (status "uitgenodigd"),
    saved as a draft ("concept") and submitted once ("ingediend"), after which it is locked. The
    participant answers for the partner institution they were invited for."""

    class Status(models.TextChoices):
        INVITED = "uitgenodigd", _("uitgenodigd")
        DRAFT = "concept", _("concept")
        SUBMITTED = "ingediend", _("ingediend")

    class PhaseFit(models.TextChoices):
        JA = "ja", _("ja, ze passen")
        DEELS = "deels", _("deels")
        NEE = "nee", _("nee, ze moeten herzien worden")

    round = models.ForeignKey(ReflectionRound, models.CASCADE, related_name="responses",
                              verbose_name=_("reflectieronde"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="reflection_responses",
                             verbose_name=_("deelnemer"))
    institution = models.ForeignKey(Institution, models.PROTECT, related_name="+", verbose_name=_("partner"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.INVITED)
    phase_fit = models.CharField(_("afspraken passen bij de fase"), max_length=5, choices=PhaseFit.choices,
                                 blank=True)
    phase_fit_note = models.TextField(_("toelichting bij de fase"), blank=True)
    submitted_on = models.DateField(_("ingediend op"), null=True, blank=True)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+",
                                   editable=False)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["institution__name", "user__username"]
        verbose_name = _("reflectie van een deelnemer")
        verbose_name_plural = _("reflecties van deelnemers")
        constraints = [models.UniqueConstraint(fields=["round", "user"], name="reflection_response_once")]

    def __str__(self):
        return f"{self.round}: {self.user} ({self.institution.name})"

    def get_additional_data(self):
        return {"reflection_round_id": self.round_id}

    @property
    def locked(self) -> bool:
        return self.status == self.Status.SUBMITTED

    def scores(self) -> dict[str, int | None]:
        return {a.item: a.score for a in self.answers.all()}


class Answer(models.Model):
    """A participant's answer to one item: a score on the scale, or none ("weet ik niet"), and a note."""

    response = models.ForeignKey(Response, models.CASCADE, related_name="answers")
    item = models.CharField(_("onderdeel"), max_length=4, choices=[(i.id, f"{i.id} {i.title}") for i in core.ITEMS])
    score = models.PositiveSmallIntegerField(_("score"), null=True, blank=True,
                                             choices=[(k, f"{k} {v}") for k, v in core.SCALE_LABELS.items()])
    note = models.TextField(_("toelichting"), blank=True)

    class Meta:
        ordering = ["response", "item"]
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")
        constraints = [models.UniqueConstraint(fields=["response", "item"], name="reflection_answer_once")]

    def __str__(self):
        return f"{self.item}: {self.score if self.score is not None else core.DONT_KNOW}"

    def get_additional_data(self):
        return {"reflection_round_id": self.response.round_id}
