"""Continuity signals (R-16 and more, issue 11 point 6), stored by the daily computation so that the start
page, the route page and the signals page read them fast, and the users' subscriptions to the weekly
digest. A signal's parameters never hold student data (students are only counted); a person's name may be
in them, and the pages show it only to the route's partners (``Signal.names_shown_to``)."""
from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.routes.models import Route, RoutePartner
from domain import continuity as core

KIND_CHOICES = [(k.code, f"{k.id} {k.title}") for k in core.KINDS]


class Severity(models.TextChoices):
    HIGH = core.HIGH, _("hoog")
    MEDIUM = core.MEDIUM, _("aandacht")


class SignalQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_on__isnull=True)

    def visible_to(self, user):
        """The signals of the routes the user sees (``Route.objects.visible_to``): nobody else's."""
        return self.filter(route__in=Route.objects.visible_to(user))


class Signal(models.Model):
    """One continuity signal of a route. ``key`` tells apart several signals of one kind on one route (the
    partner institution, the contact, the agreement, the intake group). Open while ``resolved_on`` is empty;
    the computation keeps ``first_seen`` while the signal stays, and resolves it the day it is gone."""
    route = models.ForeignKey(Route, models.CASCADE, related_name="signals", verbose_name=_("route"))
    kind = models.CharField(_("soort"), max_length=30, choices=KIND_CHOICES)
    key = models.CharField(_("onderwerp"), max_length=60, blank=True)
    severity = models.CharField(_("ernst"), max_length=8, choices=Severity.choices, default=Severity.MEDIUM)
    params = models.JSONField(_("gegevens"), default=dict)
    link_name = models.CharField(_("pagina"), max_length=80)
    link_args = models.JSONField(default=list)
    first_seen = models.DateField(_("eerst gezien"))
    last_seen = models.DateField(_("laatst gezien"))
    resolved_on = models.DateField(_("opgelost op"), null=True, blank=True)

    objects = SignalQuerySet.as_manager()

    class Meta:
        ordering = ["route__name", "kind", "key"]
        verbose_name = _("continuïteitssignaal")
        verbose_name_plural = _("continuïteitssignalen")
        constraints = [models.UniqueConstraint(fields=["route", "kind", "key"], condition=Q(resolved_on__isnull=True),
                                               name="signal_open_unique")]
        indexes = [models.Index(fields=["resolved_on", "kind"])]

    def __str__(self):
        return f"{self.kind_def.id} {self.route}"

    @property
    def kind_def(self) -> core.SignalKind:
        return core.kind(self.kind)

    @staticmethod
    def partner_routes(user) -> set[int]:
        """The ids of the routes in which one of the user's institutions is a partner: there a signal may
        name a person; everywhere else (regional users, beheerders, a board's other routes) it does not."""
        if not user.is_authenticated:
            return set()
        return set(RoutePartner.objects.filter(institution__in=user.institutions.all())
                   .values_list("route", flat=True))


class DigestSubscription(models.Model):
    """A user's wish to receive the weekly e-mail digest of the open signals of their routes."""
    user = models.OneToOneField(settings.AUTH_USER_MODEL, models.CASCADE, related_name="signal_digest")
    active = models.BooleanField(_("wekelijkse samenvatting"), default=True)
    last_sent = models.DateField(_("laatst verstuurd"), null=True, blank=True)
    changed = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("abonnement op de signalensamenvatting")
        verbose_name_plural = _("abonnementen op de signalensamenvatting")

    def __str__(self):
        return f"{self.user} ({'aan' if self.active else 'uit'})"
