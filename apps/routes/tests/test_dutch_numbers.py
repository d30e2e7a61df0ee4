"""Decimals on the route form typed and shown the Dutch way (issue 10.1): days per week "2,5",
a target "85,5"; "2.5" refused at its field with the typed text kept, nothing saved."""
from decimal import Decimal

from apps.registry.models import Leerweg, Profiel
from apps.routes.models import Route
from apps.routes.tests.test_views import management, route_form_data


def _form(registry, days, target):
    return route_form_data(registry, registry["k"]["helpende"], name="Dagen", profielen=[Profiel.objects.get(
        code="Z&W").pk], leerwegen=[Leerweg.objects.get(code="BB").pk], **management("years", 1),
        **{"years-0-route_year": "1", "years-0-days_at_mbo": days, "years-0-days_bpv": "0"},
        **management("targets", 1), **{"targets-0-kpi": "K-04", "targets-0-operator": ">=",
                                       "targets-0-value": target})


def test_days_and_targets_are_typed_and_shown_the_dutch_way(registry, users, client):
    client.login(username="calvijn", password="pw-calvijn")
    response = client.post("/routes/nieuw/", _form(registry, "2,5", "85,5"))
    assert response.status_code == 302
    route = Route.objects.get(name="Dagen")
    assert route.years.get().days_at_mbo == Decimal("2.5") and route.targets.get().value == Decimal("85.5")
    page = client.get(f"/routes/{route.pk}/").content.decode()
    assert "<td>2,5</td>" in page and '<td class="num">≥ 85,5%</td>' in page
    import re
    [row] = re.findall(r'<tr data-target="K-04">(.*?)</tr>', page, re.S)
    assert "K-04" not in row and "diploma" in row.lower()       # the KPI's label, not its code
    edit = client.get(f"/routes/{route.pk}/bewerken/").content.decode()
    assert 'name="years-0-days_at_mbo" value="2,5"' in edit and 'name="targets-0-value" value="85,50"' in edit


def test_a_point_as_decimal_separator_is_refused_at_the_field(registry, users, client):
    client.login(username="calvijn", password="pw-calvijn")
    response = client.post("/routes/nieuw/", _form(registry, "2.5", "85,5"))
    assert response.status_code == 200 and not Route.objects.filter(name="Dagen").exists()
    years = dict((prefix, formset) for prefix, formset in
                 ((f.prefix, f) for f, *_rest in response.context["formsets"]))["years"]
    assert "komma voor decimalen" in years.forms[0].errors["days_at_mbo"][0]
    assert 'value="2.5"' in response.content.decode()
