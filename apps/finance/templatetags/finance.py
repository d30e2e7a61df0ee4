from django import template

from apps.core.templatetags.numbers import eur as core_eur

register = template.Library()


@register.filter
def party(key, names):
    """A statement party key ("vo", "mbo") as the institution's name; other keys (a school, a partner) as they are."""
    return names.get(key, key) if key else "—"


@register.filter
def eur(value):
    """Cents (int) or a two-decimal string ("90708.00") as Dutch euros: € 90.708,00 (the core filter)."""
    return core_eur(value)
