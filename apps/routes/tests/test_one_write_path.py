"""One write path (issue 8.1): the interface and the API hand the same typed input to the same use
case; PUT replaces the whole resource, PATCH changes the fields given, a signed agreement changes
only through a new version. Regression tests for the faults of the outside audit."""
import pytest

from apps.routes import services
from apps.routes.models import Agreement, Route, RoutePartner, Signature
from apps.routes.schemas import AgreementIn, RouteIn
from apps.routes.tests.payloads import route_payload, whole
from apps.routes.tests.test_api_agreements import MANDATORY, agreement
from apps.routes.tests.test_views import management, route_form_data

JSON = "application/json"


def norm(path: str) -> str:
    """A field path in one notation: "years[1].route_year" and "years.1.route_year" are the same row."""
    return path.replace("[", ".").replace("]", "")


def snapshot(agreement_obj: Agreement) -> dict:
    a = Agreement.objects.get(pk=agreement_obj.pk)
    return dict(title=a.title, kind=a.kind, notes=a.notes, routes=sorted(a.routes.values_list("pk", flat=True)),
                signatures=sorted(a.signatures.values_list("pk", "bestuur__name", "signed_on")),
                clauses=sorted(a.clauses.values_list("pk", "topic", "text")))


@pytest.fixture
def signed(route, api_client):
    """A signed agreement with every mandatory topic, covering the test route."""
    response = api_client.post("/api/v1/agreements", agreement(route), content_type=JSON,
                               **api_client.token_for("calvijn"))
    assert response.status_code == 201, response.content
    return Agreement.objects.get(pk=response.json()["id"])


# --- the audit's faults ---------------------------------------------------------------------------

def test_put_with_only_a_title_names_every_missing_field_and_wipes_nothing(signed, api_client):
    before = snapshot(signed)
    response = api_client.put(f"/api/v1/agreements/{signed.pk}", {"title": "x"}, content_type=JSON,
                              **api_client.token_for("calvijn"))
    assert response.status_code == 422
    missing = {e["field"] for e in response.json()["errors"]}
    assert missing == {"kind", "reference", "valid_from", "valid_to", "routes", "supersedes", "notes", "signatures",
                       "clauses"}
    assert snapshot(signed) == before and len(before["signatures"]) == 2 and len(before["clauses"]) == 4


def test_put_of_a_route_with_a_part_of_it_names_the_missing_fields(route, api_client):
    response = api_client.put(f"/api/v1/routes/{route.pk}", {"name": "Alleen een naam"}, content_type=JSON,
                              **api_client.token_for("calvijn"))
    assert response.status_code == 422
    missing = {e["field"] for e in response.json()["errors"]}
    assert {"type", "region", "partners", "uitstroomrichtingen", "years", "description"} <= missing
    assert "name" not in missing
    route.refresh_from_db()
    assert route.name == "Testroute Zorg" and route.partners.count() == 2 and route.uitstroomrichtingen.count() == 1


def test_a_signed_agreement_changes_only_through_a_new_version(signed, route, api_client):
    headers = api_client.token_for("calvijn")
    before = snapshot(signed)
    for change, field in [({"title": "Nieuwe titel"}, "title"),
                          ({"clauses": [{"topic": "aansturing", "text": "Anders"}]}, "clauses"),
                          ({"signatures": [{"bestuur": "Stichting ZAAM", "signed_on": "2020-07-01"}]}, "signatures"),
                          ({"routes": []}, "routes"), ({"valid_to": "2030-07-31"}, "valid_to")]:
        response = api_client.patch(f"/api/v1/agreements/{signed.pk}", change, content_type=JSON, **headers)
        assert response.status_code == 422, change
        [problem] = response.json()["errors"]
        assert problem["field"] == field and "nieuwe versie" in problem["message"]
        assert snapshot(signed) == before
    # the same content again, with other notes, is no change of the content
    body = {**whole(agreement(route), AgreementIn), "notes": "Origineel in de kluis."}
    response = api_client.put(f"/api/v1/agreements/{signed.pk}", body, content_type=JSON, **headers)
    assert response.status_code == 200, response.content
    assert snapshot(signed) == {**before, "notes": "Origineel in de kluis."}
    # a new version carries the change
    new = api_client.post("/api/v1/agreements", agreement(route, title="SOK 2030", valid_from="2030-08-01",
                                                            supersedes=signed.pk), content_type=JSON, **headers)
    assert new.status_code == 201 and new.json()["version"] == 2


def test_a_signed_agreement_form_refuses_a_content_change_and_keeps_the_notes(signed, route, registry, client):
    client.login(username="calvijn", password="pw-calvijn")
    page = client.get(f"/overeenkomsten/{signed.pk}/bewerken/")
    data = agreement_post_data(page)
    response = client.post(f"/overeenkomsten/{signed.pk}/bewerken/", {**data, "title": "Andere titel"})
    assert response.status_code == 200
    assert any("nieuwe versie" in e for e in response.context["form"].errors["title"])
    assert Agreement.objects.get(pk=signed.pk).title == "SOK Zorgroute"
    response = client.post(f"/overeenkomsten/{signed.pk}/bewerken/", {**data, "notes": "Getekend in 2020."})
    assert response.status_code == 302
    assert snapshot(signed)["notes"] == "Getekend in 2020." and len(snapshot(signed)["signatures"]) == 2


@pytest.mark.parametrize("body", ['"SOK Zorgroute"', "[]", "42", "null"])
def test_a_body_that_is_not_an_object_is_refused(signed, route, api_client, body):
    headers = api_client.token_for("calvijn")
    before = snapshot(signed)
    for method, url in [("post", "/api/v1/agreements"), ("put", f"/api/v1/agreements/{signed.pk}"),
                        ("patch", f"/api/v1/agreements/{signed.pk}"), ("post", "/api/v1/routes"),
                        ("patch", f"/api/v1/routes/{route.pk}")]:
        response = getattr(api_client, method)(url, body, content_type=JSON, **headers)
        assert response.status_code == 422, (method, url, response.content)
        assert response.json()["errors"]
    assert snapshot(signed) == before and Agreement.objects.count() == 1 and Route.objects.count() == 1


def test_the_api_does_not_build_form_data():
    from apps.routes import api

    for name in ("form_data", "_formset_rows", "Lookup"):
        assert not hasattr(api, name)


# --- PATCH ----------------------------------------------------------------------------------------

def test_patch_changes_only_the_fields_given(route, api_client):
    headers = api_client.token_for("calvijn")
    before = api_client.get(f"/api/v1/routes/{route.pk}", **headers).json()
    ids = dict(route.partners.values_list("institution__brin", "pk"))
    response = api_client.patch(f"/api/v1/routes/{route.pk}", {"name": "Zorgroute Noord", "min_intake": 12},
                                content_type=JSON, **headers)
    assert response.status_code == 200, response.content
    after = response.json()
    changed = {k for k in before if before[k] != after[k]} - {"findings", "compliance"}
    assert changed == {"name", "min_intake"}
    assert dict(route.partners.values_list("institution__brin", "pk")) == ids      # rows kept their ids
    assert route.phase_history.count() == 1                                       # no new phase


def test_patch_of_a_list_replaces_that_list_and_keeps_the_other_rows(route, api_client):
    headers = api_client.token_for("calvijn")
    kept = route.uitstroomrichtingen.get().pk
    body = {"uitstroomrichtingen": [{"kwalificatie": "25498", "min_intake": 15}, {"kwalificatie": "25491"}]}
    response = api_client.patch(f"/api/v1/routes/{route.pk}", body, content_type=JSON, **headers)
    assert response.status_code == 200, response.content
    assert route.uitstroomrichtingen.filter(kwalificatie__code="25498").get().pk == kept
    assert route.uitstroomrichtingen.count() == 2 and route.partners.count() == 2


def test_patch_refuses_null_for_a_required_field_and_an_unknown_field(route, api_client):
    headers = api_client.token_for("calvijn")
    for body, field in [({"name": None}, "name"), ({"naam": "x"}, "naam"), ({"phase": "klaar"}, "phase"),
                        ({"start_year": 1800}, "start_year")]:
        response = api_client.patch(f"/api/v1/routes/{route.pk}", body, content_type=JSON, **headers)
        assert response.status_code == 422
        assert [e["field"] for e in response.json()["errors"]] == [field]
    route.refresh_from_db()
    assert route.name == "Testroute Zorg" and route.start_year == 2020


def test_patch_of_an_agreement_keeps_what_is_not_given(route, api_client):
    headers = api_client.token_for("calvijn")
    draft = agreement(route, signatures=[{"bestuur": "Stichting ZAAM"}])      # not signed yet
    created = api_client.post("/api/v1/agreements", draft, content_type=JSON, **headers).json()
    response = api_client.patch(f"/api/v1/agreements/{created['id']}",
                                {"signatures": [{"bestuur": "Stichting ZAAM", "signed_on": "2020-07-01"},
                                                {"bestuur": "Stichting ROC van Amsterdam",
                                                 "signed_on": "2020-07-02"}]}, content_type=JSON, **headers)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["signed"] and body["topics"] == sorted(MANDATORY) and body["routes"] == [route.pk]
    assert body["title"] == created["title"]


def test_routes_the_user_may_not_change_stay_covered(route, registry, api_client):
    other = Route.objects.create(name="Route Achterhoek", type="gestapeld", region=registry["ach"])
    RoutePartner.objects.create(route=other, institution=registry["vo_ach"], role="vo")
    shared = Agreement.objects.create(title="Concept")
    shared.routes.add(route, other)
    Signature.objects.create(agreement=shared, bestuur=registry["boards"]["zaam"])
    headers = api_client.token_for("beheer")
    response = api_client.patch(f"/api/v1/agreements/{shared.pk}", {"title": "Concept 2"}, content_type=JSON,
                                **headers)
    assert response.status_code == 200
    assert set(shared.routes.values_list("pk", flat=True)) == {route.pk, other.pk}


# --- typed input: limits and rows named ---------------------------------------------------------

def test_limits_and_duplicates_are_a_422_naming_the_row(route, registry, api_client):
    headers = api_client.token_for("calvijn")
    cases = [
        ({"years": [{"route_year": 9}]}, "years.0.route_year"),
        ({"name": "x" * 201}, "name"),
        ({"contacts": [{"institution": "17XG", "role": "decaan", "name": "A", "email": "geen-adres"}]},
         "contacts.0.email"),
        ({"years": [{"route_year": 1}, {"route_year": 1}]}, "years[1].route_year"),
        ({"partners": [*route_payload(registry)["partners"], {"institution": "17XG", "role": "vo"}]},
         "partners[2].institution"),
        ({"partners": [{"institution": "25LX", "role": "vo"}, {"institution": "17XG", "role": "mbo"}]},
         "partners[0].institution"),
    ]
    for body, field in cases:
        response = api_client.patch(f"/api/v1/routes/{route.pk}", body, content_type=JSON, **headers)
        assert response.status_code == 422, body
        assert norm(field) in [norm(e["field"]) for e in response.json()["errors"]], (field, response.json())
    assert route.years.count() == 0 and route.partners.count() == 2


def test_agreement_that_would_supersede_itself_or_a_replaced_version_is_refused(route, api_client):
    headers = api_client.token_for("calvijn")
    v1 = api_client.post("/api/v1/agreements", agreement(route, signatures=[]), content_type=JSON, **headers).json()
    v2 = api_client.post("/api/v1/agreements", agreement(route, signatures=[], supersedes=v1["id"]),
                         content_type=JSON, **headers).json()
    third = api_client.post("/api/v1/agreements", agreement(route, signatures=[], supersedes=v1["id"]),
                            content_type=JSON, **headers)
    assert third.status_code == 422 and third.json()["errors"][0]["field"] == "supersedes"
    loop = api_client.patch(f"/api/v1/agreements/{v1['id']}", {"supersedes": v2["id"]}, content_type=JSON, **headers)
    assert loop.status_code == 422 and loop.json()["errors"][0]["field"] == "supersedes"
    assert Agreement.objects.get(pk=v1["id"]).supersedes_id is None


# --- the form and the API save the same -----------------------------------------------------------

FULL_FORM = {
    "programme_label": "VMR", "description": "Zorg en welzijn", "acceleration": "optioneel",
    "acceleration_note": "Na een jaar", "vmbo_exam_route_year": "2", "study_duration_years": "3",
    "onderwijstijd_hours": "3000", "settlement_model": "M1", "min_intake": "8", "min_intake_scope": "route",
    **management("years", 1), "years-0-route_year": "1", "years-0-vmbo_year": "3", "years-0-days_at_mbo": "1,5",
    "years-0-days_bpv": "0", "years-0-teaching_location": "mbo", "years-0-teaching_by": "team",
    "years-0-unfunded_at": "mbo",
    **management("targets", 1), "targets-0-kpi": "K-04", "targets-0-operator": ">=", "targets-0-value": "60",
    **management("contacts", 1), "contacts-0-role": "kartrekker", "contacts-0-name": "A. de Vries",
    "contacts-0-email": "a@example.nl",
    **management("components", 1), "components-0-name": "Praktijk", "components-0-covered_by": "Team zorg",
    **management("responsibilities", 1), "responsibilities-0-task": "bpv", "responsibilities-0-party": "mbo",
}

SAME_PAYLOAD = {
    "type": "geintegreerd", "phase": "regulier", "start_year": 2021, "vmbo_diploma": True,
    "programme_label": "VMR", "description": "Zorg en welzijn", "acceleration": "optioneel",
    "acceleration_note": "Na een jaar", "vmbo_exam_route_year": 2, "study_duration_years": 3,
    "onderwijstijd_hours": 3000, "settlement_model": "M1", "min_intake": 8, "min_intake_scope": "route",
    "profielen": ["Z&W"], "leerwegen": ["BB"],
    "partners": [{"institution": "17XG", "role": "vo"}, {"institution": "25LX", "role": "mbo"}],
    "uitstroomrichtingen": [{"kwalificatie": "25498"}],
    "years": [{"route_year": 1, "vmbo_year": 3, "days_at_mbo": "1.5", "teaching_location": "mbo",
               "teaching_by": "team", "unfunded_at": "mbo"}],
    "targets": [{"kpi": "K-04", "value": 60}],
    "contacts": [{"institution": "25LX", "role": "kartrekker", "name": "A. de Vries", "email": "a@example.nl"}],
    "components": [{"name": "Praktijk", "covered_by": "Team zorg"}],
    "responsibilities": [{"task": "bpv", "party": "mbo"}],
}


def test_the_form_and_the_api_save_the_same_route(registry, users, client, api_client):
    from apps.registry.models import Leerweg, Profiel

    client.login(username="calvijn", password="pw-calvijn")
    form = route_form_data(registry, registry["k"]["helpende"], **FULL_FORM, name="Via formulier",
                           profielen=[Profiel.objects.get(code="Z&W").pk],
                           leerwegen=[Leerweg.objects.get(code="BB").pk],
                           **{"contacts-0-institution": registry["rocva"].pk})
    response = client.post("/routes/nieuw/", form)
    assert response.status_code == 302, response.context and response.context["form"].errors
    by_form = Route.objects.get(name="Via formulier")
    response = api_client.post("/api/v1/routes", {**SAME_PAYLOAD, "name": "Via API", "region": registry["ams"].pk},
                               content_type=JSON, **api_client.token_for("calvijn"))
    assert response.status_code == 201, response.content
    by_api = Route.objects.get(name="Via API")
    assert services.current_route(by_form).model_dump(exclude={"name"}) == \
        services.current_route(by_api).model_dump(exclude={"name"})
    assert by_form.phase_history.count() == by_api.phase_history.count() == 1
    # what the API shows is that same input
    shown = {k: v for k, v in response.json().items() if k in RouteIn.model_fields}
    assert RouteIn.model_validate(shown) == services.current_route(by_api)


def test_the_form_shows_an_error_of_the_use_case_in_the_row(route, registry, client):
    """A partner of the wrong sector: the use case names partners[0].institution; the form shows it
    in that row, with what the user typed kept."""
    client.login(username="calvijn", password="pw-calvijn")
    data = route_form_data(registry, registry["k"]["helpende"])
    data.update({"partners-0-institution": registry["rocva"].pk, "partners-0-role": "vo",
                 "partners-1-institution": registry["calvijn"].pk, "partners-1-role": "vo",
                 **management("partners", 3), "partners-2-institution": registry["rocva"].pk,
                 "partners-2-role": "mbo"})
    response = client.post("/routes/nieuw/", data)
    assert response.status_code == 200
    partners = response.context["formsets"][0][0]
    assert any("mbo-instelling" in e for e in partners.forms[0].errors["institution"])
    assert not partners.forms[1].errors and not partners.forms[2].errors
    assert not Route.objects.filter(name="Zorgroute via formulier").exists()


def agreement_post_data(page) -> dict:
    """The agreement form's data as the edit page shows it (an unchanged save)."""
    form, formsets = page.context["form"], page.context["formsets"]
    data = {"kind": form.initial["kind"], "title": form.initial["title"], "reference": form.initial["reference"],
            "valid_from": form.initial["valid_from"] or "", "valid_to": form.initial["valid_to"] or "",
            "routes": [r.pk for r in form.initial["routes"]], "notes": form.initial["notes"],
            "supersedes": form.initial["supersedes"] or ""}
    for prefix, formset in formsets.items():
        data.update(management(prefix, len(formset.forms), len(formset.initial_forms)))
        for i, sub in enumerate(formset.forms):
            if sub.instance.pk:
                data[f"{prefix}-{i}-id"] = sub.instance.pk
            for name in sub.fields:
                value = sub.initial.get(name)
                if name not in ("id", "agreement", "DELETE") and value not in (None, ""):
                    data[f"{prefix}-{i}-{name}"] = getattr(value, "pk", value)
    return data


def test_openapi_declares_put_whole_and_patch(client):
    spec = client.get("/api/v1/openapi.json").json()
    for path in ("/api/v1/routes/{route_id}", "/api/v1/agreements/{agreement_id}"):
        assert {"put", "patch"} <= set(spec["paths"][path])
    schemas = spec["components"]["schemas"]
    assert set(schemas["RoutePut"]["required"]) == set(RouteIn.model_fields)
    assert set(schemas["AgreementPut"]["required"]) == set(AgreementIn.model_fields)
    assert "required" not in schemas["RoutePatch"]
    assert schemas["RouteIn"]["properties"]["phase"]["enum"][0] == "in_ontwikkeling"
