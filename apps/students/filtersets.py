"""The filters of the student lists (a route's list and the search across the user's routes).

The queryset handed in is always ``Student.objects.visible_to(user[, route])``: the filters only
narrow it, so a search never reaches students the user may not see. The choices (cohorts, route
years, uitstroomrichtingen, routes) come from that same queryset, so a list offers what it holds."""
import django_filters as filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.registry.models import Kwalificatie
from apps.routes.models import Route

from . import models as m

ERRORS, WARNINGS, CLEAN = "fouten", "waarschuwingen", "geen"
RULE_CHOICES = [(ERRORS, _("met fouten")), (WARNINGS, _("met waarschuwingen")), (CLEAN, _("zonder fouten"))]


class StudentFilterSet(filters.FilterSet):
    q = filters.CharFilter(method="filter_search", label=_("Naam of leerlingnummer"),
                           widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}))
    route = filters.ModelChoiceFilter(queryset=Route.objects.none(), label=_("Route"))
    cohort = filters.TypedChoiceFilter(choices=[], coerce=int, label=_("Cohort"))
    route_year = filters.TypedChoiceFilter(choices=[], coerce=int, label=_("Routejaar"))
    status = filters.ChoiceFilter(choices=m.Status.choices, label=_("Status"))
    kwalificatie = filters.ModelChoiceFilter(queryset=Kwalificatie.objects.none(), label=_("Uitstroomrichting"))
    regels = filters.ChoiceFilter(choices=RULE_CHOICES, method="filter_rules", label=_("Regels"))

    class Meta:
        model = m.Student
        fields = []

    def __init__(self, data=None, queryset=None, *, routes=None, **kwargs):
        """``routes``: on the search page, the user's routes to choose from; a route's own list has
        no route filter."""
        super().__init__(data, queryset, **kwargs)
        if routes is None:
            del self.filters["route"]
        else:
            self.filters["route"].queryset = routes.order_by("name")
        # one query for both lists of choices: the (cohort, route year) pairs of the visible students
        pairs = set(queryset.order_by().values_list("cohort", "route_year").distinct())
        self.filters["cohort"].extra["choices"] = [
            (c, f"{c}-{c + 1}") for c in sorted({c for c, _y in pairs}, reverse=True)]
        self.filters["route_year"].extra["choices"] = [(y, str(y)) for y in sorted({y for _c, y in pairs})]
        self.filters["kwalificatie"].queryset = Kwalificatie.objects.filter(
            pk__in=queryset.order_by().values("kwalificatie")).order_by("name")

    def filter_search(self, qs, name, value):
        """Every word must match the first name, the surname (tussenvoegsel included) or, from its
        start, one of the student's school numbers."""
        for word in value.split()[:5]:
            numbers = m.StudentNumber.objects.filter(number__istartswith=word).values("student")
            qs = qs.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(pk__in=numbers))
        return qs

    def filter_rules(self, qs, name, value):
        """By the stored rule state (``StudentFinding``, kept whenever a student changes)."""
        if value == ERRORS:
            return qs.filter(rule_state__failed__gt="")
        if value == WARNINGS:
            return qs.filter(rule_state__warnings__gt="")
        return qs.exclude(rule_state__failed__gt="")
