"""People and roles (issue 11, point 1): one person per institution holds roles in several routes;
the route payload finds or adds the person; a departure ends a role and starts the successor's in one
change; only the route's partners and the beheerder see who works on a route."""
from datetime import date, timedelta

import pytest
from django.urls import reverse

from apps.routes import services
from apps.routes.models import Contact, Person
from apps.routes.schemas import DepartureIn, RoleIn, SuccessorIn
from apps.routes.tests.payloads import route_payload

JSON = "application/json"


def _contacts(*rows):
    return [dict(institution=i, role=r, **extra) for i, r, extra in rows]


@pytest.fixture
def staffed(route, users):
    """The test route with two people at each partner; Anna (Calvijn) holds two roles."""
    for data in (RoleIn(institution="17XG", role="kartrekker", name="Anna de Vries", email="anna@calvijn.nl",
                        phone="020 123 4567"),
                 RoleIn(institution="17XG", role="decaan", name="Anna de Vries", email="ANNA@calvijn.nl"),
                 RoleIn(institution="17XG", role="mentor", name="Bert Bakker", email="bert@calvijn.nl"),
                 RoleIn(institution="25LX", role="kartrekker", name="Carla Jansen", email="carla@rocva.nl"),
                 RoleIn(institution="25LX", role="bpv_coordinator", name="Daan de Boer")):
        services.add_role(users["calvijn" if data.institution == "17XG" else "rocva"], route, data)
    return route


# --- the one source of a person's details ------------------------------------------------------------

def test_route_payload_finds_or_adds_the_person_by_email_or_name(registry, users, api_client):
    headers = api_client.token_for("calvijn")
    contacts = _contacts(("17XG", "kartrekker", {"name": "Anna de Vries", "email": "anna@calvijn.nl"}),
                         ("17XG", "decaan", {"name": "A. de Vries", "email": "Anna@Calvijn.nl", "phone": "06 1"}),
                         ("17XG", "mentor", {"name": "Bert Bakker"}))
    first = api_client.post("/api/v1/routes", route_payload(registry, contacts=contacts), content_type=JSON,
                            **headers)
    assert first.status_code == 201, first.content
    anna = Person.objects.get(email__iexact="anna@calvijn.nl")
    assert Person.objects.filter(institution=registry["calvijn"]).count() == 2   # Anna once, Bert
    assert (anna.name, anna.phone, anna.roles.count()) == ("A. de Vries", "06 1", 2)   # the later row's details
    # A second route naming Bert without e-mail finds the same person: his overview lists both routes.
    second = api_client.post("/api/v1/routes", route_payload(registry, name="Tweede route", contacts=_contacts(
        ("17XG", "mentor", {"name": "bert bakker"}))), content_type=JSON, **headers)
    assert second.status_code == 201, second.content
    bert = Person.objects.get(name="Bert Bakker")
    assert sorted(bert.roles.values_list("route__name", flat=True)) == ["Testroute Zorg", "Tweede route"]

    # The route's output names the person; saved back unchanged, every role keeps its id.
    route_id = first.json()["id"]
    body = api_client.get(f"/api/v1/routes/{route_id}", **headers).json()
    assert {c["person"] for c in body["contacts"]} == {anna.pk, bert.pk}
    ids = set(Contact.objects.filter(route=route_id).values_list("pk", flat=True))
    row = next(c for c in body["contacts"] if c["person"] == bert.pk)
    row["phone"] = "020 765 4321"
    saved = api_client.put(f"/api/v1/routes/{route_id}", {k: v for k, v in body.items() if k not in {
        "id", "legal_status", "region_name", "compliance", "findings", "last_partner_meeting"}}, content_type=JSON,
        **headers)
    assert saved.status_code == 200, saved.content
    assert set(Contact.objects.filter(route=route_id).values_list("pk", flat=True)) == ids
    assert Person.objects.get(pk=bert.pk).phone == "020 765 4321"


def test_route_payload_refuses_a_person_of_another_institution_or_a_row_without_name(registry, route, users,
                                                                                     api_client):
    headers = api_client.token_for("calvijn")
    carla = Person.objects.create(institution=registry["rocva"], name="Carla Jansen")
    refused = api_client.patch(f"/api/v1/routes/{route.pk}", {"contacts": _contacts(
        ("17XG", "kartrekker", {"person": carla.pk}), ("17XG", "decaan", {"email": "x@calvijn.nl"}))},
        content_type=JSON, **headers)
    assert refused.status_code == 422
    fields = {e["field"]: e["message"] for e in refused.json()["errors"]}
    assert "Calvijn College" in fields["contacts[0].person"] and "contacts[1].name" in fields
    assert not Contact.objects.filter(route=route).exists()


def test_the_route_form_keeps_the_persons_details_on_the_person(registry, route, users, client):
    client.force_login(users["calvijn"])
    page = client.get(reverse("routes:edit", args=[route.pk]))
    assert page.status_code == 200 and 'name="contacts-0-phone"' in page.content.decode()


# --- roles and departures -------------------------------------------------------------------------

def test_departure_ends_the_role_and_starts_the_successors_from_the_day_after(staffed, users):
    bert = Contact.objects.get(route=staffed, person__name="Bert Bakker")
    ended, follower = services.record_departure(users["calvijn"], bert, DepartureIn(
        end=date(2026, 7, 31), handover_note="Mentorgesprekken staan in de gedeelde map.",
        successor=SuccessorIn(name="Eva Evers", email="eva@calvijn.nl")))
    ended.refresh_from_db()
    assert (ended.end, ended.successor, ended.handover_note) == (date(2026, 7, 31), follower,
                                                                 "Mentorgesprekken staan in de gedeelde map.")
    assert (follower.role, follower.institution, follower.start, follower.end) == (
        "mentor", bert.institution, date(2026, 8, 1), None)
    assert follower.person.institution == bert.institution and follower.person.email == "eva@calvijn.nl"

    # A role already handed over is not handed over again.
    with pytest.raises(services.ChangeRefused) as again:
        services.record_departure(users["calvijn"], ended, DepartureIn(end=date(2026, 7, 31),
                                                                       successor=SuccessorIn(name="Fien")))
    assert [e["field"] for e in again.value.errors] == ["successor"]


def test_a_refused_departure_changes_nothing(staffed, users, registry):
    anna = Contact.objects.get(route=staffed, role="kartrekker", institution=registry["calvijn"])
    anna.start = date(2024, 8, 1)
    anna.save()
    carla = Person.objects.get(name="Carla Jansen")
    people = Person.objects.count()
    with pytest.raises(services.ChangeRefused) as refused:
        services.record_departure(users["calvijn"], anna, DepartureIn(
            end=date(2024, 1, 1), successor=SuccessorIn(person=carla.pk)))
    assert {e["field"] for e in refused.value.errors} == {"end", "successor.person"}
    with pytest.raises(services.ChangeRefused) as same:
        services.record_departure(users["calvijn"], anna, DepartureIn(
            end=date(2026, 1, 1), successor=SuccessorIn(person=anna.person_id)))
    assert [e["field"] for e in same.value.errors] == ["successor.person"]
    anna.refresh_from_db()
    assert anna.end is None and anna.successor is None and Person.objects.count() == people


def test_the_mbo_coordinator_cannot_record_the_vo_schools_departures(staffed, users):
    from django.core.exceptions import PermissionDenied

    bert = Contact.objects.get(route=staffed, person__name="Bert Bakker")
    with pytest.raises(PermissionDenied):
        services.record_departure(users["rocva"], bert, DepartureIn(end=date(2026, 7, 31)))


def test_role_api_names_the_field_of_bad_input(staffed, users, api_client):
    headers = api_client.token_for("rocva")
    url = f"/api/v1/routes/{staffed.pk}/roles"
    cases = [({"institution": "20DE", "role": "decaan", "name": "X"}, "institution"),      # not a partner
             ({"institution": "17XG", "role": "decaan", "name": "X"}, "institution"),      # not their own
             ({"institution": "25LX", "role": "kerndocent", "name": "X", "uitstroomrichting": "99999"},
              "uitstroomrichting"),
             ({"institution": "25LX", "role": "decaan", "name": "X", "start": "2026-08-01", "end": "2026-01-01"},
              "end"),
             ({"institution": "25LX", "role": "decaan"}, "name"),
             ({"institution": "25LX", "role": "conciërge", "name": "X"}, "role"),
             ({"institution": "25LX", "role": "decaan", "name": "X", "email": "geen-adres"}, "email")]
    for body, field in cases:
        response = api_client.post(url, body, content_type=JSON, **headers)
        assert response.status_code == 422, (body, response.content)
        assert field in [e["field"] for e in response.json()["errors"]], (body, response.json())
    made = api_client.post(url, {"institution": "25LX", "role": "kerndocent", "name": "Gijs Groen",
                                 "uitstroomrichting": "25498", "start": "2025-08-01"}, content_type=JSON, **headers)
    assert made.status_code == 201, made.content
    role = made.json()
    assert (role["uitstroomrichting"], role["role_label"], role["institution"]) == (
        "25498", "kerndocent/profielcoördinator", "25LX")
    patched = api_client.patch(f"{url}/{role['id']}", {"phone": "010 1"}, content_type=JSON, **headers)
    assert patched.status_code == 200 and patched.json()["phone"] == "010 1"
    departed = api_client.post(f"{url}/{role['id']}/departure", {"end": "2026-12-31", "successor": {
        "person": Person.objects.get(name="Daan de Boer").pk}}, content_type=JSON, **headers)
    assert departed.status_code == 200, departed.content
    assert departed.json()["successor"]["start"] == "2027-01-01"
    assert departed.json()["successor"]["name"] == "Daan de Boer"


# --- pages ------------------------------------------------------------------------------------------

def test_people_page_lists_current_upcoming_and_ended_roles(staffed, users, client):
    today = date.today()
    Contact.objects.filter(person__name="Daan de Boer").update(end=today - timedelta(days=10))
    Contact.objects.filter(person__name="Bert Bakker").update(start=today + timedelta(days=30))
    client.force_login(users["rocva"])
    page = client.get(reverse("routes:people", args=[staffed.pk])).content.decode()
    assert "anna@calvijn.nl" in page and "020 123 4567" in page
    assert "Beëindigd" in page and "Komend" in page
    # The mbo coordinator changes the mbo's roles only.
    carla = Contact.objects.get(person__name="Carla Jansen")
    bert = Contact.objects.get(person__name="Bert Bakker")
    assert reverse("routes:role_departure", args=[carla.pk]) in page
    assert reverse("routes:role_departure", args=[bert.pk]) not in page
    assert client.get(reverse("routes:role_departure", args=[bert.pk])).status_code == 403


def test_departure_page_records_it_or_keeps_what_was_typed(staffed, users, client):
    client.force_login(users["calvijn"])
    bert = Contact.objects.get(person__name="Bert Bakker")
    bert.start = date(2024, 8, 1)
    bert.save()
    url = reverse("routes:role_departure", args=[bert.pk])
    refused = client.post(url, {"end": "2024-01-31", "handover_note": "Zie map", "successor_name": "Eva Evers"})
    assert refused.status_code == 200
    html = refused.content.decode()
    assert "De einddatum ligt vóór de begindatum." in html and 'value="Eva Evers"' in html
    done = client.post(url, {"end": "2026-01-31", "handover_note": "Zie map", "successor_name": "Eva Evers"})
    assert done.status_code == 302
    bert.refresh_from_db()
    assert bert.successor.person.name == "Eva Evers" and bert.successor.start == date(2026, 2, 1)
    overview = client.get(reverse("routes:person", args=[bert.successor.person_id])).content.decode()
    assert staffed.name in overview


def test_role_add_page_offers_only_the_users_own_institution(staffed, users, client):
    client.force_login(users["rocva"])
    url = reverse("routes:role_add", args=[staffed.pk])
    page = client.get(url).content.decode()
    assert 'value="25LX"' in page and 'value="17XG"' not in page
    response = client.post(url, {"institution": "25LX", "role": "zorgcoordinator", "name": "Hanna Hof",
                                 "email": "hanna@rocva.nl"})
    assert response.status_code == 302
    assert Contact.objects.get(person__email="hanna@rocva.nl").role == "zorgcoordinator"


def test_person_overview_shows_only_the_routes_the_reader_may_see(staffed, registry, users, api_client):
    headers = api_client.token_for("calvijn")
    other = api_client.post("/api/v1/routes", route_payload(
        registry, name="Route in de Achterhoek", partners=[
            {"institution": "17XG", "role": "vo"}, {"institution": "25LF", "role": "mbo"}],
        contacts=_contacts(("17XG", "kartrekker", {"name": "Anna de Vries", "email": "anna@calvijn.nl"}))),
        content_type=JSON, **headers)
    assert other.status_code == 201, other.content
    anna = Person.objects.get(email="anna@calvijn.nl")
    own = api_client.get(f"/api/v1/people/{anna.pk}", **headers).json()
    assert {r["route_name"] for r in own["roles"]} == {"Testroute Zorg", "Route in de Achterhoek"}
    # ROC van Amsterdam is a partner of the first route only.
    mbo = api_client.get(f"/api/v1/people/{anna.pk}", **api_client.token_for("rocva")).json()
    assert {r["route_name"] for r in mbo["roles"]} == {"Testroute Zorg"}


# --- who sees it -----------------------------------------------------------------------------------

@pytest.mark.parametrize("username", ["regio", "achterhoek"])
def test_outside_the_partners_no_names_or_contact_details(staffed, users, client, api_client, username):
    # Anna alone at Calvijn (two roles, one person): R-16 names her to the partners only.
    Contact.objects.filter(person__name="Bert Bakker").delete()
    headers = api_client.token_for(username)
    api_client.get(f"/api/v1/routes/{staffed.pk}/compliance", **api_client.token_for("calvijn"))   # evaluate
    person = Person.objects.get(name="Anna de Vries")
    assert api_client.get(f"/api/v1/routes/{staffed.pk}/people", **headers).status_code == 404
    assert api_client.get(f"/api/v1/people/{person.pk}", **headers).status_code == 404
    secrets = ("Anna de Vries", "anna@calvijn.nl", "020 123 4567", "Carla Jansen")
    if username == "regio":          # reads the route, but not who works on it
        body = api_client.get(f"/api/v1/routes/{staffed.pk}", **headers)
        assert body.status_code == 200 and body.json()["contacts"] == []
        compliance_api = api_client.get(f"/api/v1/routes/{staffed.pk}/compliance", **headers).content.decode()
        r16 = [f for f in body.json()["findings"] if f["field"] == "contacts"]
        assert r16 and "afhankelijk van één contactpersoon" in r16[0]["message"]
        history = api_client.get(f"/api/v1/routes/{staffed.pk}/history", **headers).content.decode()
        client.force_login(users[username])
        pages = [client.get(reverse(name, args=[staffed.pk])).content.decode()
                 for name in ("routes:detail", "routes:history", "students:compliance")]
        for text in [body.content.decode(), compliance_api, history, *pages]:
            assert not any(secret in text for secret in secrets), text[:2000]
    client.force_login(users[username])
    assert client.get(reverse("routes:people", args=[staffed.pk])).status_code == 404
    assert client.get(reverse("routes:person", args=[person.pk])).status_code == 404


def test_partners_and_the_beheerder_see_the_names(staffed, users, client, api_client):
    Contact.objects.filter(person__name="Bert Bakker").delete()
    for username in ("rocva", "beheer"):
        headers = api_client.token_for(username)
        compliance_api = api_client.get(f"/api/v1/routes/{staffed.pk}/compliance", **headers).json()
        r16 = next(f for f in compliance_api if f["field"] == "contacts")
        assert "Anna de Vries" in r16["message"]
        assert any(c["email"] == "anna@calvijn.nl"
                   for c in api_client.get(f"/api/v1/routes/{staffed.pk}/people", **headers).json())


def test_r16_counts_people_not_roles(staffed, users, api_client):
    """Anna holds two roles at Calvijn: with Bert gone, Calvijn depends on one person."""
    headers = api_client.token_for("calvijn")
    findings = api_client.get(f"/api/v1/routes/{staffed.pk}/compliance", **headers).json()
    assert not [f for f in findings if f["field"] == "contacts" and f["status"] != "passed"]
    Contact.objects.filter(person__name="Bert Bakker").delete()
    findings = api_client.get(f"/api/v1/routes/{staffed.pk}/compliance", **headers).json()
    [r16] = [f for f in findings if f["field"] == "contacts"]
    assert r16["message"].startswith("Calvijn College is afhankelijk van één contactpersoon (Anna de Vries")
