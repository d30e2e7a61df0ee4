"""The route page's targets with their KPI's label and current value (``apps.results.targets``). The
routes app does not import results (dependencies run one way), so its page asks with this tag:
``{% route_targets route %}``."""
from django import template
from django.utils import timezone

from apps.results import targets

register = template.Library()


@register.inclusion_tag("results/_route_targets.html", takes_context=True)
def route_targets(context, route):
    on = timezone.localdate()
    cohort, rows = targets.current(context["request"].user, route, on)
    return {"route": route, "rows": rows, "cohort": cohort, "cohort_label": f"{cohort}-{cohort + 1}"}
