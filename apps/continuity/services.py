"""The use cases of the continuity app: compute and store the signals (the daily command), read them for a
user (with or without names), change one's digest subscription, and send the weekly digest."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Case, IntegerField, Value, When
from django.template.loader import render_to_string
from django.utils import timezone, translation

from apps.routes.models import Route
from domain import continuity as core

from . import detect, messages
from .models import DigestSubscription, Signal
from .schemas import DigestIn

logger = logging.getLogger("leerroute.continuity")

NEW_DAYS = 7     # the pages mark a signal first seen in the last week as new; the digest since its last mail


# --- computing -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Computed:
    opened: int
    kept: int
    resolved: int


def compute(today: date | None = None, kinds=None) -> Computed:
    """Find every signal of every active route (``detect.FINDERS``) and store the outcome: a signal found
    again keeps its ``first_seen`` and gets today as ``last_seen`` (and its current parameters); a new one
    is opened; an open one not found any more is resolved today. Idempotent: running it twice on a day
    changes nothing the second time. ``kinds`` limits the kinds computed (and resolved)."""
    today = today or timezone.localdate()
    kinds = tuple(kinds or core.CODES)
    routes = Route.objects.active()
    found = {}
    for code in kinds:
        for item in detect.FINDERS[code](routes, today):
            found[(item.route_id, item.kind, item.key)] = item
    with transaction.atomic():
        current = {(s.route_id, s.kind, s.key): s for s in Signal.objects.open().filter(kind__in=kinds)}
        gone = [signal.pk for key, signal in current.items() if key not in found]
        Signal.objects.filter(pk__in=gone).update(resolved_on=today)
        kept, new = [], []
        for key, item in found.items():
            name, args = item.link()
            signal = current.get(key)
            if signal is None:
                new.append(Signal(route_id=item.route_id, kind=item.kind, key=item.key, severity=item.severity,
                                  params=item.params, link_name=name, link_args=args, first_seen=today,
                                  last_seen=today))
                continue
            signal.params, signal.severity = item.params, item.severity
            signal.link_name, signal.link_args, signal.last_seen = name, args, today
            kept.append(signal)
        Signal.objects.bulk_update(kept, ["params", "severity", "link_name", "link_args", "last_seen"], batch_size=500)
        Signal.objects.bulk_create(new, batch_size=500)
    return Computed(len(new), len(kept), len(gone))


# --- reading -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Shown:
    """A signal as a reader sees it: the text in their language, a person's name only for partners."""
    signal: Signal
    id: str
    title: str
    text: str
    link: str
    new: bool = False

    @property
    def route(self):
        return self.signal.route


def open_signals(user, route=None, kind: str | None = None):
    """The open signals the user may see (``Signal.objects.visible_to``), of one route or kind if given."""
    signals = Signal.objects.visible_to(user).open().select_related("route").annotate(
        kind_order=Case(*[When(kind=k.code, then=Value(i)) for i, k in enumerate(core.KINDS)],
                        output_field=IntegerField()))
    if route is not None:
        signals = signals.filter(route=route)
    if kind:
        signals = signals.filter(kind=kind)
    return signals.order_by("route__name", "kind_order", "key")


def shown(user, signals, since: date | None = None) -> list[Shown]:
    """The signals as ``user`` reads them: with names only on the routes where one of the user's institutions
    is a partner; ``since`` marks the ones first seen since then as new."""
    partner_of = Signal.partner_routes(user)
    return [Shown(s, s.kind_def.id, messages.title(s.kind),
                  messages.text(s.kind, s.params, names=s.route_id in partner_of),
                  messages.link(s.link_name, s.link_args, s.route_id, partner=s.route_id in partner_of),
                  new=since is not None and core.is_new(s.first_seen, since))
            for s in signals]


def counts_per_kind(signals) -> dict[tuple[int, str], int]:
    """(route id, kind) -> number of open signals, in one aggregating query."""
    from django.db.models import Count

    return {(route, kind): n for route, kind, n in
            signals.order_by().values_list("route", "kind").annotate(n=Count("pk"))}


# --- the digest ----------------------------------------------------------------------------------------

def subscription(user) -> DigestSubscription | None:
    return DigestSubscription.objects.filter(user=user).first()


def set_digest(user, data: DigestIn) -> DigestSubscription:
    """Turn the user's own weekly digest on or off (audited)."""
    sub, _created = DigestSubscription.objects.get_or_create(user=user, defaults={"active": data.active})
    if sub.active != data.active:
        sub.active = data.active
        sub.save()
    return sub


@dataclass(frozen=True)
class Sent:
    mails: int
    skipped: int


def digest_for(user, since: date) -> list[Shown]:
    return shown(user, open_signals(user), since)


def send_digest(today: date | None = None) -> Sent:
    """Mail each active subscriber with an e-mail address the open signals of the routes they see, those
    first seen since their last digest (or in the last week) marked new. Counts and names of institutions
    and agreements only: no student is named (the signals hold no student data); a person is named only to
    the route's partners. A subscriber without open signals gets no mail."""
    today = today or timezone.localdate()
    mails = skipped = 0
    for sub in DigestSubscription.objects.filter(active=True).select_related("user"):
        user = sub.user
        if not user.is_active or not user.email:
            skipped += 1
            continue
        since = sub.last_sent or today - timedelta(days=NEW_DAYS)
        with translation.override(settings.LANGUAGE_CODE):
            items = digest_for(user, since)
            if not items:
                skipped += 1
                continue
            context = {"user": user, "items": items, "today": today, "new": sum(1 for i in items if i.new),
                       "base_url": getattr(settings, "LEERROUTE_BASE_URL", "")}
            subject = render_to_string("continuity/digest_subject.txt", context).strip()
            body = render_to_string("continuity/digest.txt", context)
        send_mail(subject, body, None, [user.email])
        DigestSubscription.objects.filter(pk=sub.pk).update(last_sent=today)   # bookkeeping, not a user's change
        mails += 1
    logger.info("signal digest: %d sent, %d skipped", mails, skipped)
    return Sent(mails, skipped)
