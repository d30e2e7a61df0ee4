"""Routes shown on the register's pages (an institution's, a board's). The registry does not import
the routes app (dependencies run one way), so its templates ask for the routes with this tag."""
from django import template

from apps.routes.models import Route

register = template.Library()


@register.simple_tag(takes_context=True)
def routes_of(context, institution=None, bestuur=None):
    """The routes the user sees in which the institution, or one of the board's institutions, is a partner."""
    routes = Route.objects.visible_to(context["request"].user)
    if institution is not None:
        routes = routes.filter(partners__institution=institution)
    if bestuur is not None:
        routes = routes.filter(partners__institution__bestuur=bestuur)
    return routes.distinct()
