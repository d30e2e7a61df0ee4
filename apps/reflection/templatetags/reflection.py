"""The route page's reflection card: ``{% load reflection %}{% reflection_of route %}``. The routes app
does not import this app (dependencies run one way), so its page asks with this tag; it shows nothing
to a reader who may not see the route's reflection (the region)."""
from django import template

from ..models import ReflectionRound, routes_reflected_by

register = template.Library()


@register.inclusion_tag("reflection/_route_card.html", takes_context=True)
def reflection_of(context, route):
    user = getattr(context.get("request"), "user", None)
    if user is None or not routes_reflected_by(user).filter(pk=route.pk).exists():
        return {"shown": False}
    rounds = list(ReflectionRound.objects.visible_to(user).filter(route=route).prefetch_related("responses"))
    latest = rounds[-1] if rounds else None
    own_open = [(rnd, r) for rnd in rounds for r in rnd.responses.all()
                if r.user_id == user.pk and not r.locked and rnd.status == ReflectionRound.Status.OPEN]
    return {"shown": True, "route": route, "latest": latest, "count": len(rounds), "own_open": own_open,
            "submitted": sum(r.locked for r in latest.responses.all()) if latest else 0,
            "invited": len(latest.responses.all()) if latest else 0}


@register.inclusion_tag("reflection/_route_tab.html", takes_context=True)
def reflection_tab(context, route, tab=""):
    """The "Reflectie" tab of the route's tabs (routes/_route_tabs.html), for those who see the reflection."""
    user = getattr(context.get("request"), "user", None)
    shown = user is not None and routes_reflected_by(user).filter(pk=route.pk).exists()
    return {"shown": shown, "route": route, "active": tab == "reflection"}
