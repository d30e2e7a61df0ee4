"""The continuity signals on other apps' pages: the route page (``{% route_signals route %}``) and the start
page (``{% my_signals %}``). The routes and dashboard apps do not ask this app for anything else; the tags
read the stored signals through the user's visibility (``Signal.objects.visible_to``)."""
from datetime import timedelta

from django import template
from django.utils import timezone

from apps.continuity import services

register = template.Library()

START_PAGE_LIMIT = 8


@register.inclusion_tag("continuity/_route_signals.html", takes_context=True)
def route_signals(context, route):
    user = context["request"].user
    return {"items": services.shown(user, services.open_signals(user, route=route)), "route": route}


@register.inclusion_tag("continuity/_my_signals.html", takes_context=True)
def my_signals(context):
    """The open signals of the user's routes, the most severe first, at most START_PAGE_LIMIT of them."""
    user = context["request"].user
    signals = services.open_signals(user)
    total = signals.count()
    first = signals.order_by("severity", "-first_seen", "route__name", "kind_order")[:START_PAGE_LIMIT]
    since = timezone.localdate() - timedelta(days=services.NEW_DAYS)
    return {"items": services.shown(user, first, since), "total": total, "more": max(total - START_PAGE_LIMIT, 0)}
