import django_filters as filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.registry.models import Institution, Profiel, Region

from . import models as m


class RouteFilterSet(filters.FilterSet):
    search = filters.CharFilter(method="filter_search", label=_("Zoeken"))
    region = filters.ModelChoiceFilter(queryset=Region.objects.all(), label=_("Regio"))
    type = filters.ChoiceFilter(choices=m.RouteType.choices, label=_("Type"))
    legal_status = filters.ChoiceFilter(choices=m.LegalStatus.choices, method="filter_legal",
                                        label=_("Wettelijke status"))
    phase = filters.ChoiceFilter(choices=m.Phase.choices, label=_("Fase"))
    level = filters.ChoiceFilter(choices=[(n, str(n)) for n in (1, 2, 3, 4)], method="filter_level",
                                 label=_("Niveau"))
    profiel = filters.ModelChoiceFilter(queryset=Profiel.objects.all(), field_name="profielen", label=_("Profiel"))
    partner = filters.ModelChoiceFilter(queryset=Institution.objects.all(), method="filter_partner",
                                        label=_("Partner"))

    class Meta:
        model = m.Route
        fields = []

    def filter_search(self, qs, name, value):
        terms = Q()
        for word in value.split():
            terms &= (Q(name__icontains=word) | Q(programme_label__icontains=word) | Q(description__icontains=word)
                      | Q(partners__institution__name__icontains=word) | Q(partners__institution__brin__iexact=word)
                      | Q(uitstroomrichtingen__kwalificatie__name__icontains=word)
                      | Q(uitstroomrichtingen__kwalificatie__code=word))
        return qs.filter(pk__in=m.Route.objects.filter(terms).values("pk"))

    def filter_legal(self, qs, name, value):
        return qs.filter(type__in=[t for t in m.RouteType.values if m.legal_status_for(t) == value])

    def filter_level(self, qs, name, value):
        return qs.filter(pk__in=m.Uitstroomrichting.objects.filter(kwalificatie__level=value).values("route"))

    def filter_partner(self, qs, name, value):
        return qs.filter(pk__in=m.RoutePartner.objects.filter(institution=value).values("route"))
