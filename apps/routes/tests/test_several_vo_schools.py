"""A route with several vo-schools (TOT: De Uilenhof and Insula with Da Vinci) saves through the
form and the API, also unchanged; every route keeps at least one vo-school and one mbo."""

from decimal import Decimal

from apps.registry.models import Institution
from apps.routes.models import Route

from .payloads import route_payload
from .test_views import management, route_form_data

TWO_VO = [{"institution": "17XG", "role": "vo", "rio_registered_on": "2020-09-01"},
          {"institution": "21OY", "role": "vo", "rio_registered_on": "2020-09-01"},
          {"institution": "25LX", "role": "mbo", "rio_registered_on": "2020-09-01"}]


def second_vo_school(registry):
    school = Institution.objects.create(brin="21OY", name="Over-Y College", sector="vo", kind="vo-school",
                                        bestuur=registry["boards"]["zaam"])
    school.regions.add(registry["ams"])
    return school


def editable_body(response):
    return {k: v for k, v in response.json().items()
            if k not in ("id", "legal_status", "region_name", "compliance", "findings", "last_partner_meeting")}


def test_two_vo_schools_save_through_the_api_and_an_unchanged_put_is_accepted(registry, users, api_client):
    second_vo_school(registry)
    headers = api_client.token_for("calvijn")
    created = api_client.post("/api/v1/routes", route_payload(registry, partners=TWO_VO),
                              content_type="application/json", **headers)
    assert created.status_code == 201, created.content
    route_id = created.json()["id"]
    assert sorted(p["institution"] for p in created.json()["partners"]) == ["17XG", "21OY", "25LX"]
    body = editable_body(api_client.get(f"/api/v1/routes/{route_id}", **headers))
    again = api_client.put(f"/api/v1/routes/{route_id}", body, content_type="application/json", **headers)
    assert again.status_code == 200, again.content
    assert Route.objects.get(pk=route_id).partners.filter(role="vo").count() == 2


def test_a_route_needs_a_vo_school_and_an_mbo(registry, users, api_client):
    headers = api_client.token_for("rocva")
    only_mbo = [{"institution": "25LX", "role": "mbo", "rio_registered_on": "2020-09-01"}]
    response = api_client.post("/api/v1/routes", route_payload(registry, partners=only_mbo),
                               content_type="application/json", **headers)
    assert response.status_code == 422
    error = response.json()["errors"][0]
    assert error["field"] == "partners" and "minstens één vo-school" in error["message"]


def test_two_vo_schools_save_through_the_form_and_edit_unchanged(registry, users, client):
    school = second_vo_school(registry)
    client.login(username="calvijn", password="pw-calvijn")
    data = route_form_data(registry, registry["k"]["helpende"], **management("partners", 3))
    data.update({"partners-2-institution": school.pk, "partners-2-role": "vo"})
    response = client.post("/routes/nieuw/", data)
    assert response.status_code == 302, response.context["formsets"][0][0].non_form_errors()
    route = Route.objects.get()
    assert sorted(route.partners.values_list("role", flat=True)) == ["mbo", "vo", "vo"]

    page = client.get(f"/routes/{route.pk}/bewerken/")
    form = page.context["form"]
    data = {k: v for k, v in form.initial.items() if v not in (None, False) and k not in ("profielen", "leerwegen")}
    data.update(profielen=[p.pk for p in form.initial["profielen"]],
                leerwegen=[lw.pk for lw in form.initial["leerwegen"]], vmbo_diploma="on")
    for formset, _title in page.context["formsets"]:
        data.update(management(formset.prefix, len(formset.initial_forms), len(formset.initial_forms)))
        for i, sub in enumerate(formset.initial_forms):
            data[f"{formset.prefix}-{i}-id"] = sub.instance.pk
            for name, value in sub.initial.items():
                if name not in ("id", "route") and value not in (None, False):
                    data[f"{formset.prefix}-{i}-{name}"] = "on" if value is True else getattr(value, "pk", value)
    response = client.post(f"/routes/{route.pk}/bewerken/", data)
    assert response.status_code == 302, [fs.non_form_errors() for fs, _t in response.context["formsets"]]
    assert route.partners.filter(role="vo").count() == 2


def form_post_data(page):
    """The route form's data as the edit page shows it (an unchanged save)."""
    form = page.context["form"]
    data = {k: v for k, v in form.initial.items() if v not in (None, False) and k not in ("profielen", "leerwegen")}
    data.update(profielen=[p.pk for p in form.initial["profielen"]],
                leerwegen=[lw.pk for lw in form.initial["leerwegen"]])
    for name, value in form.initial.items():
        if value is True:
            data[name] = "on"
        elif hasattr(value, "pk"):
            data[name] = value.pk
        elif hasattr(value, "isoformat"):
            data[name] = value.isoformat()
    for formset, _title in page.context["formsets"]:
        data.update(management(formset.prefix, len(formset.initial_forms), len(formset.initial_forms)))
        for i, sub in enumerate(formset.initial_forms):
            data[f"{formset.prefix}-{i}-id"] = sub.instance.pk
            for name, value in sub.initial.items():
                if name not in ("id", "route") and value is not None and value is not False:
                    if isinstance(value, Decimal):   # as the page shows it, in Dutch notation ("1,0")
                        value = sub.fields[name].widget.format_value(value)
                    data[f"{formset.prefix}-{i}-{name}"] = "on" if value is True else getattr(value, "pk", value)
    return data
