"""The text of a signal, made at display time in the user's language (gettext) from the stored
parameters: why it is raised, and where to act (the link). Outside the route's partners a signal names no
person: the text that would name one is replaced by one without the name."""
from __future__ import annotations

from datetime import date

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from apps.routes.models import Contact, SettlementModel
from domain.calendar import school_year_label

TITLES = {
    "single_contact": gettext_lazy("Partner met één contactpersoon"),
    "leaving_without_successor": gettext_lazy("Vertrek zonder opvolger"),
    "no_meeting": gettext_lazy("Geen overleg met beide kanten"),
    "no_approved_settlement": gettext_lazy("Geen goedgekeurde afrekening"),
    "intake_below_minimum": gettext_lazy("Instroom onder het minimum"),
    "intake_falling": gettext_lazy("Dalende instroom"),
    "agreement_expiring": gettext_lazy("Overeenkomst loopt af"),
    "vmbo_parts_at_risk": gettext_lazy("Vmbo-examenonderdelen in gevaar (R-04)"),
    "decisions_overdue": gettext_lazy("Besluiten over de termijn"),
}


def _day(value: str | None) -> str:
    return date.fromisoformat(value).strftime("%d-%m-%Y") if value else "—"


def _role(code: str) -> str:
    try:
        return str(Contact.Role(code).label)
    except ValueError:
        return code


def text(kind: str, p: dict, names: bool) -> str:
    """The message of a signal of ``kind`` with parameters ``p``; ``names``: the reader is one of the route's
    partners and may read a person's name."""
    if kind == "single_contact":
        if not p.get("count"):
            return _("%(institution)s heeft geen actieve contactpersoon voor deze route; leg er minstens twee "
                     "vast.") % p
        if names and p.get("person"):
            return _("%(institution)s is afhankelijk van één contactpersoon (%(person)s, %(role)s); leg een "
                     "tweede contactpersoon vast zodat de overdracht geborgd is.") % {**p, "role": _role(p["role"])}
        return _("%(institution)s is afhankelijk van één contactpersoon; leg een tweede contactpersoon vast "
                 "zodat de overdracht geborgd is.") % p
    if kind == "leaving_without_successor":
        values = {**p, "role": _role(p["role"]), "end": _day(p["end"])}
        if names and p.get("person"):
            return _("%(person)s (%(role)s, %(institution)s) stopt op %(end)s en er is geen opvolger vastgelegd; "
                     "plan de overdracht.") % values
        return _("De %(role)s van %(institution)s stopt op %(end)s en er is geen opvolger vastgelegd; plan de "
                 "overdracht.") % values
    if kind == "no_meeting":
        if p.get("last"):
            return _("Het laatste overleg met beide kanten was op %(last)s, meer dan %(months)s maanden geleden; "
                     "plan een overleg.") % {**p, "last": _day(p["last"])}
        return _("Er is geen overleg met beide kanten vastgelegd; plan een overleg en leg het vast.")
    if kind == "no_approved_settlement":
        year = school_year_label(p["school_year"])
        if not p.get("model"):
            return _("Er is geen financiële afspraak tussen de partners vastgelegd en geen goedgekeurde "
                     "afrekening voor %(year)s.") % {"year": year}
        return _("Er is nog geen goedgekeurde afrekening (%(model)s) voor %(year)s; uiterlijk %(due)s.") % {
            "year": year, "model": SettlementModel(p["model"]).label, "due": _day(p.get("due"))}
    if kind == "intake_below_minimum":
        values = {**p, "year": school_year_label(p["school_year"])}
        if p.get("scope") == "route" or not p.get("group"):
            return _("De instroom in %(year)s is %(count)s, onder de minimale groepsgrootte van %(minimum)s "
                     "(R-15).") % values
        return _("%(group)s heeft in %(year)s een instroom van %(count)s, onder de minimale groepsgrootte van "
                 "%(minimum)s (R-15).") % values
    if kind == "intake_falling":
        cohorts = ", ".join(f"{school_year_label(c)}: {n}" for c, n in zip(p["cohorts"], p["counts"]))
        return _("De instroom daalt drie cohorten op rij (%(cohorts)s).") % {"cohorts": cohorts}
    if kind == "agreement_expiring":
        return ngettext("De overeenkomst “%(agreement)s” loopt af op %(end)s (over %(days)d dag) en er is "
                        "geen verlenging of nieuwe overeenkomst vastgelegd (R-06).",
                        "De overeenkomst “%(agreement)s” loopt af op %(end)s (over %(days)d dagen) en er is "
                        "geen verlenging of nieuwe overeenkomst vastgelegd (R-06).", p["days"]) % {
            **p, "end": _day(p["valid_to"])}
    if kind == "vmbo_parts_at_risk":
        if p.get("passed"):
            return ngettext("%(parts)d open vmbo-examenonderdeel is voorbij de R-04-termijn (sinds %(day)s).",
                            "%(parts)d open vmbo-examenonderdelen zijn voorbij de R-04-termijn (sinds %(day)s).",
                            p["parts"]) % {**p, "day": _day(p["deadline"])}
        return ngettext("%(parts)d open vmbo-examenonderdeel met de R-04-termijn binnen %(months)d maanden "
                        "(eerste termijn %(day)s).",
                        "%(parts)d open vmbo-examenonderdelen met de R-04-termijn binnen %(months)d maanden "
                        "(eerste termijn %(day)s).", p["parts"]) % {**p, "day": _day(p["deadline"])}
    if kind == "decisions_overdue":
        return ngettext("%(count)d open besluit is over de termijn (de oudste uiterlijk %(day)s).",
                        "%(count)d open besluiten zijn over de termijn (de oudste uiterlijk %(day)s).",
                        p["count"]) % {**p, "day": _day(p.get("oldest_due"))}
    return str(TITLES.get(kind, kind))


def link(link_name: str, link_args: list, route_id: int, partner: bool = True) -> str:
    """Where to act: the stored page, or the route's page when that page is not there (an app not
    installed) or is one for the route's partners only (people, overleg, finance) and the reader is none."""
    if not partner:
        return reverse("routes:detail", args=[route_id])
    try:
        url = reverse(link_name, args=link_args)
    except NoReverseMatch:
        url = reverse("routes:detail", args=[route_id])
    return url


def title(kind: str) -> str:
    return str(TITLES.get(kind, kind))
