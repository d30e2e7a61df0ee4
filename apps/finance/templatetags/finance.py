from django import template

from domain.settlement import format_eur, to_cents

register = template.Library()


@register.filter
def party(key, names):
    """A statement party key ("vo", "mbo") as the institution's name; other keys (a school, a partner) as they are."""
    return names.get(key, key) if key else "—"


@register.filter
def eur(value):
    """Cents (int) or a two-decimal string ("90708.00") as Dutch euros: € 90.708,00."""
    if value in (None, ""):
        return "—"
    cents = value if isinstance(value, int) else to_cents(str(value))
    return format_eur(cents)
