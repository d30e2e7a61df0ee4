"""Partner changes are agreed: no route edit moves students to another institution (issue 8.2).

The audit fault: a route coordinator of the mbo replaced the route's vo-school with an unrelated
school in one PUT; the unrelated school then read all students and the real vo-school lost access."""
import pytest

from apps.accounts.models import Role
from apps.registry.models import Institution, Leerweg
from apps.routes.models import PartnerConfirmation, PartnerProposal, Route, RoutePartner
from apps.students.models import Student

from .test_several_vo_schools import editable_body, form_post_data

JSON = "application/json"


@pytest.fixture
def over_y(registry, make_user):
    """An unrelated vo-school in the region, with its own route coordinator."""
    school = Institution.objects.create(brin="21OY", name="Over-Y College", sector="vo", kind="vo-school",
                                        bestuur=registry["boards"]["zaam"])
    school.regions.add(registry["ams"])
    make_user("overy", Role.ROUTECOORDINATOR, [school])
    return school


@pytest.fixture
def students(route, registry):
    """Five students: three recorded before vo-schools were stored per student (no vo-school:
    they belong to the route's only vo-school), two with Calvijn as their own vo-school."""
    bb = Leerweg.objects.get(code="BB")
    made = [Student.objects.create(route=route, first_name=f"L{i}", last_name="Test", leerweg=bb, cohort=2024,
                                   vo_school=registry["calvijn"] if i >= 3 else None) for i in range(5)]
    return made


def body_of(api_client, route, username):
    return editable_body(api_client.get(f"/api/v1/routes/{route.pk}", **api_client.token_for(username)))


def propose(api_client, route, username, **payload):
    payload = {"institution": "21OY", "role": "vo", "rio_registered_on": "2024-09-01", **payload}
    return api_client.post(f"/api/v1/routes/{route.pk}/partner-proposals", payload, content_type=JSON,
                           **api_client.token_for(username))


def action(api_client, proposal_id, verb, username, body=None):
    return api_client.post(f"/api/v1/partner-proposals/{proposal_id}/{verb}", body or {}, content_type=JSON,
                           **api_client.token_for(username))


# --- the audit fault ---------------------------------------------------------------------------

def test_mbo_cannot_replace_the_vo_school_of_a_route_with_students(route, students, over_y, users, api_client):
    body = body_of(api_client, route, "rocva")
    vo = next(i for i, p in enumerate(body["partners"]) if p["role"] == "vo")
    body["partners"][vo] = {"institution": "21OY", "role": "vo", "rio_registered_on": "2020-09-01"}
    response = api_client.put(f"/api/v1/routes/{route.pk}", body, content_type=JSON,
                              **api_client.token_for("rocva"))
    assert response.status_code == 422, response.content
    errors = response.json()["errors"]
    assert any(e["field"] == f"partners[{vo}].institution" and "partnervoorstel" in e["message"]
               and "/partner-proposals" in e["message"] for e in errors), errors
    assert sorted(route.partners.values_list("institution__brin", flat=True)) == ["17XG", "25LX"]
    # The real vo-school still sees every student; the unrelated school sees none, not even the route.
    assert Student.objects.visible_to(users["calvijn"], route).count() == 5
    overy = over_y.users.get()
    assert Student.objects.visible_to(overy, route).count() == 0
    assert api_client.get(f"/api/v1/routes/{route.pk}/students", **api_client.token_for("overy")).status_code == 404


def test_replacing_the_vo_school_in_the_form_is_refused_too(route, students, over_y, client):
    client.login(username="rocva", password="pw-rocva")
    data = form_post_data(client.get(f"/routes/{route.pk}/bewerken/"))
    vo_row = next(i for i in range(2) if data[f"partners-{i}-role"] == "vo")
    data[f"partners-{vo_row}-institution"] = over_y.pk
    response = client.post(f"/routes/{route.pk}/bewerken/", data)
    assert response.status_code == 200
    partners = response.context["formsets"][0][0]
    assert partners.errors[vo_row]["institution"] or partners.non_form_errors()
    assert not route.partners.filter(institution=over_y).exists()


def test_a_vo_school_without_recorded_students_cannot_be_removed_either(route, students, registry, api_client):
    """Students without a recorded vo-school belong to the only vo-school: it keeps them."""
    Student.objects.filter(route=route).update(vo_school=None)
    body = body_of(api_client, route, "calvijn")
    body["partners"] = [p for p in body["partners"] if p["role"] == "mbo"]
    response = api_client.put(f"/api/v1/routes/{route.pk}", body, content_type=JSON,
                              **api_client.token_for("calvijn"))
    assert response.status_code == 422
    assert route.partners.filter(institution=registry["calvijn"]).exists()


def test_a_route_without_students_still_takes_a_partner_in_a_plain_edit(route, over_y, api_client):
    body = body_of(api_client, route, "calvijn")
    body["partners"].append({"institution": "21OY", "role": "vo", "rio_registered_on": "2020-09-01"})
    response = api_client.put(f"/api/v1/routes/{route.pk}", body, content_type=JSON,
                              **api_client.token_for("calvijn"))
    assert response.status_code == 200, response.content
    assert route.partners.filter(institution=over_y).exists()


# --- a coordinator changes only their own institution's entries ---------------------------------

def test_mbo_cannot_change_the_vo_schools_partner_row_or_contacts(route, registry, api_client):
    calvijn, rocva = api_client.token_for("calvijn"), api_client.token_for("rocva")
    body = body_of(api_client, route, "calvijn")
    body["contacts"] = [{"institution": "17XG", "role": "kartrekker", "name": "Anna", "email": "anna@calvijn.nl"}]
    assert api_client.put(f"/api/v1/routes/{route.pk}", body, content_type=JSON, **calvijn).status_code == 200
    # Each partner adds its own contacts; a contact for another institution is that institution's to add.
    body = body_of(api_client, route, "rocva")
    body["contacts"].append({"institution": "17XG", "role": "mentor", "name": "Iemand"})
    refused = api_client.put(f"/api/v1/routes/{route.pk}", body, content_type=JSON, **rocva)
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "contacts[1].institution"
    body["contacts"][1] = {"institution": "25LX", "role": "kartrekker", "name": "Bram", "email": "bram@rocva.nl"}
    assert api_client.put(f"/api/v1/routes/{route.pk}", body, content_type=JSON, **rocva).status_code == 200

    changed = body_of(api_client, route, "rocva")
    vo = next(i for i, p in enumerate(changed["partners"]) if p["role"] == "vo")
    changed["partners"][vo]["rio_registered_on"] = "2021-01-01"
    anna = next(i for i, c in enumerate(changed["contacts"]) if c["name"] == "Anna")
    changed["contacts"][anna]["email"] = "iemand@elders.nl"
    response = api_client.put(f"/api/v1/routes/{route.pk}", changed, content_type=JSON, **rocva)
    assert response.status_code == 422, response.content
    fields = {e["field"] for e in response.json()["errors"]}
    assert f"partners[{vo}].rio_registered_on" in fields and f"contacts[{anna}].email" in fields, fields
    assert route.contacts.get(person__name="Anna").person.email == "anna@calvijn.nl"

    # The mbo's own entries and the route's shared fields are the mbo's to change.
    own = body_of(api_client, route, "rocva")
    bram = next(i for i, c in enumerate(own["contacts"]) if c["name"] == "Bram")
    own["contacts"][bram]["email"] = "b.bakker@rocva.nl"
    own["description"] = "Gewijzigd door het mbo"
    response = api_client.put(f"/api/v1/routes/{route.pk}", own, content_type=JSON, **rocva)
    assert response.status_code == 200, response.content
    assert route.contacts.get(person__name="Bram").person.email == "b.bakker@rocva.nl"


def test_mbo_cannot_remove_the_contact_of_the_vo_school(route, api_client):
    body = body_of(api_client, route, "calvijn")
    body["contacts"] = [{"institution": "17XG", "role": "kartrekker", "name": "Anna"}]
    assert api_client.put(f"/api/v1/routes/{route.pk}", body, content_type=JSON,
                          **api_client.token_for("calvijn")).status_code == 200
    body = body_of(api_client, route, "rocva")
    body["contacts"] = []
    response = api_client.put(f"/api/v1/routes/{route.pk}", body, content_type=JSON,
                              **api_client.token_for("rocva"))
    assert response.status_code == 422
    assert "Calvijn College" in response.json()["errors"][0]["message"]
    assert route.contacts.filter(person__name="Anna").exists()


# --- proposals ---------------------------------------------------------------------------------

def test_mbo_proposal_for_a_second_vo_school_takes_effect_when_the_vo_school_confirms(
        route, students, over_y, users, api_client):
    response = propose(api_client, route, "rocva", note="Tweede vo-school vanaf 2025")
    assert response.status_code == 201, response.content
    proposal = response.json()
    assert proposal["status"] == "open" and proposal["action"] == "add"
    assert [c["institution"]["brin"] for c in proposal["confirmations"]] == ["25LX"]   # the proposer's, implicitly
    assert [i["brin"] for i in proposal["waiting_for"]] == ["17XG"]
    assert not route.partners.filter(institution=over_y).exists()   # not yet

    listed = api_client.get(f"/api/v1/routes/{route.pk}/partner-proposals?status=open",
                            **api_client.token_for("calvijn"))
    assert [p["id"] for p in listed.json()] == [proposal["id"]]

    again = action(api_client, proposal["id"], "confirm", "rocva")
    assert again.status_code == 422 and not route.partners.filter(institution=over_y).exists()

    confirmed = action(api_client, proposal["id"], "confirm", "calvijn")
    assert confirmed.status_code == 200, confirmed.content
    assert confirmed.json()["status"] == "accepted" and confirmed.json()["waiting_for"] == []
    partner = route.partners.get(institution=over_y)
    assert partner.role == "vo" and str(partner.rio_registered_on) == "2024-09-01"
    # Nobody moved: the students keep their vo-school, the new school sees none of them.
    assert Student.objects.visible_to(users["calvijn"], route).count() == 5
    assert Student.objects.visible_to(over_y.users.get(), route).count() == 0
    assert set(Student.objects.filter(route=route).values_list("vo_school__brin", flat=True)) == {"17XG"}
    assert action(api_client, proposal["id"], "confirm", "calvijn").status_code == 422   # closed


def test_a_blocking_rule_refuses_the_last_confirmation_and_the_proposal_stays_open(
        route, students, over_y, api_client):
    proposal_id = propose(api_client, route, "rocva").json()["id"]
    # Meanwhile the route came to break a blocking rule (R-18: integrated exam parts without a joint
    # PTA/OER), written outside the product: no change of the route is accepted until it is fixed.
    Route.objects.filter(pk=route.pk).update(integrated_exam=True, pta_oer="")
    refused = action(api_client, proposal_id, "confirm", "calvijn")
    assert refused.status_code == 422, refused.content
    error = refused.json()["errors"][0]
    assert error["rule"] == "R-18" and "kan (nog) niet ingaan" in error["message"]
    proposal = PartnerProposal.objects.get(pk=proposal_id)
    assert proposal.status == "open" and proposal.confirmations.count() == 1
    assert not route.partners.filter(institution=over_y).exists()


def test_unrelated_coordinators_cannot_confirm_and_readers_get_403(route, students, over_y, users, make_user,
                                                                   registry, api_client):
    proposal_id = propose(api_client, route, "rocva").json()["id"]
    # Not a partner: the route and its proposals are not even visible.
    assert action(api_client, proposal_id, "confirm", "achterhoek").status_code == 404
    assert action(api_client, proposal_id, "confirm", "overy").status_code == 404
    assert api_client.get(f"/api/v1/routes/{route.pk}/partner-proposals",
                          **api_client.token_for("overy")).status_code == 404
    assert propose(api_client, route, "achterhoek").status_code == 404
    # A partner's exam coordinator and the regional coordinator read but do not agree.
    assert action(api_client, proposal_id, "confirm", "examen").status_code == 403
    assert action(api_client, proposal_id, "confirm", "regio").status_code == 403
    assert propose(api_client, route, "examen", institution="20DE").status_code == 403
    assert PartnerProposal.objects.get(pk=proposal_id).confirmations.count() == 1
    assert not route.partners.filter(institution=over_y).exists()


def test_replacing_a_partner_with_students_is_refused_as_a_proposal_too(route, students, over_y, api_client):
    response = propose(api_client, route, "rocva", action="change", replaces="17XG")
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "replaces"
    assert not PartnerProposal.objects.exists()


def test_proposal_errors_name_the_field(route, over_y, registry, api_client):
    assert propose(api_client, route, "rocva", institution="99XX").json()["errors"][0]["field"] == "institution"
    wrong_side = propose(api_client, route, "rocva", role="mbo")
    assert wrong_side.status_code == 422 and wrong_side.json()["errors"][0]["field"] == "institution"
    already = propose(api_client, route, "rocva", institution="17XG")
    assert already.status_code == 422 and "al vo-partner" in already.json()["errors"][0]["message"]
    assert propose(api_client, route, "rocva").status_code == 201
    twice = propose(api_client, route, "calvijn")
    assert twice.status_code == 422 and "open voorstel" in twice.json()["errors"][0]["message"]


def test_reject_needs_a_reason_and_withdraw_is_the_proposers(route, students, over_y, api_client):
    first = propose(api_client, route, "rocva").json()["id"]
    assert action(api_client, first, "reject", "calvijn", {"reason": " "}).status_code == 422
    rejected = action(api_client, first, "reject", "calvijn", {"reason": "Eerst de overeenkomst aanpassen"})
    assert rejected.status_code == 200 and rejected.json()["status"] == "rejected"
    assert action(api_client, first, "confirm", "calvijn").status_code == 422

    second = propose(api_client, route, "rocva").json()["id"]
    assert action(api_client, second, "withdraw", "calvijn").status_code == 403
    withdrawn = action(api_client, second, "withdraw", "rocva")
    assert withdrawn.status_code == 200 and withdrawn.json()["status"] == "withdrawn"
    assert not route.partners.filter(institution=over_y).exists()


def test_change_of_a_partner_without_students_needs_every_partner(route, students, over_y, registry, api_client):
    """A second mbo without students is replaced by another: the mbo being replaced confirms too."""
    other_mbo = Institution.objects.create(brin="30MB", name="Mbo Twee", sector="mbo", kind="roc",
                                           bestuur=registry["boards"]["roc"])
    RoutePartner.objects.create(route=route, institution=registry["mbo_ach"], role="mbo",
                                rio_registered_on="2020-09-01")
    response = propose(api_client, route, "calvijn", action="change", institution="30MB", role="mbo",
                       replaces="25LF")
    assert response.status_code == 201, response.content
    assert sorted(i["brin"] for i in response.json()["waiting_for"]) == ["25LF", "25LX"]
    assert action(api_client, response.json()["id"], "confirm", "rocva").json()["status"] == "open"
    from apps.accounts.models import User
    User.objects.create_user("graafschap", password="pw-graafschap", role=Role.ROUTECOORDINATOR).institutions.set(
        [registry["mbo_ach"]])
    done = action(api_client, response.json()["id"], "confirm", "graafschap")
    assert done.status_code == 200 and done.json()["status"] == "accepted", done.content
    assert sorted(route.partners.values_list("institution__brin", flat=True)) == ["17XG", "25LX", "30MB"]
    assert other_mbo.route_partnerships.get().rio_registered_on is not None


# --- history and interface ----------------------------------------------------------------------

def test_history_shows_proposal_confirmation_and_effect(route, students, over_y, api_client):
    proposal_id = propose(api_client, route, "rocva").json()["id"]
    action(api_client, proposal_id, "confirm", "calvijn")
    history = api_client.get(f"/api/v1/routes/{route.pk}/history", **api_client.token_for("calvijn")).json()
    objects = [(h["object"], h["action"], h["actor"]) for h in history]
    assert ("partnerproposal: + Over-Y College (vo-school)", "aangemaakt", "rocva") in objects
    confirmations = [o for o in objects if o[0].startswith("partnerconfirmation")]
    assert {actor for _o, _a, actor in confirmations} == {"rocva", "calvijn"}
    assert any(o == "partnerproposal: + Over-Y College (vo-school)" and a == "gewijzigd" and actor == "calvijn"
               for o, a, actor in objects)
    accepted = next(h for h in history if h["object"].startswith("partnerproposal") and h["action"] == "gewijzigd")
    assert accepted["changes"]["status"] == ["open", "doorgevoerd"]
    assert any(o.startswith("routepartner: Over-Y College") and a == "aangemaakt" for o, a, _u in objects)


def test_route_page_shows_open_proposals_and_confirms_them(route, students, over_y, client, api_client):
    proposal_id = propose(api_client, route, "rocva").json()["id"]
    client.login(username="calvijn", password="pw-calvijn")
    page = client.get(f"/routes/{route.pk}/").content.decode()
    assert "Over-Y College toevoegen als vo-school" in page and "wacht op" in page
    assert f"/partnervoorstellen/{proposal_id}/bevestigen/" in page
    assert f"/partnervoorstellen/{proposal_id}/intrekken/" not in page   # the mbo's to withdraw
    response = client.post(f"/partnervoorstellen/{proposal_id}/bevestigen/", follow=True)
    assert "partnerwijziging is doorgevoerd" in response.content.decode()
    assert route.partners.filter(institution=over_y).exists()
    assert PartnerConfirmation.objects.filter(proposal=proposal_id, user__username="calvijn").exists()


def test_route_page_proposes_a_partner_and_the_other_partner_rejects(route, students, over_y, client):
    client.login(username="rocva", password="pw-rocva")
    response = client.post(f"/routes/{route.pk}/partnervoorstellen/",
                           {"action": "add", "institution": over_y.pk, "role": "vo", "rio_registered_on": "2024-09-01"},
                           follow=True)
    assert "Partnervoorstel gedaan" in response.content.decode()
    proposal = PartnerProposal.objects.get()
    assert proposal.proposed_by.username == "rocva" and proposal.proposed_for.brin == "25LX"
    client.logout()
    client.login(username="calvijn", password="pw-calvijn")
    response = client.post(f"/partnervoorstellen/{proposal.pk}/afwijzen/", {"reason": "Nog niet besproken"},
                           follow=True)
    assert "afgewezen" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == "rejected" and proposal.reason == "Nog niet besproken"
    client.logout()
    client.login(username="achterhoek", password="pw-achterhoek")
    assert client.post(f"/partnervoorstellen/{proposal.pk}/bevestigen/").status_code == 404
    assert Route.objects.get().partners.count() == 2


def test_unknown_status_filter_names_the_field(route, api_client):
    response = api_client.get(f"/api/v1/routes/{route.pk}/partner-proposals?status=klaar",
                              **api_client.token_for("calvijn"))
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "status"


def test_a_partner_without_students_leaves_and_open_proposals_follow(
        route, students, over_y, registry, make_user, api_client):
    RoutePartner.objects.create(route=route, institution=registry["mbo_ach"], role="mbo",
                                rio_registered_on="2020-09-01")
    make_user("graafschap", Role.ROUTECOORDINATOR, [registry["mbo_ach"]])
    proposal_id = propose(api_client, route, "rocva").json()["id"]
    assert action(api_client, proposal_id, "confirm", "calvijn").json()["status"] == "open"  # Graafschap waits

    # The vo-school may not take another institution's partner row out of the route ...
    body = body_of(api_client, route, "calvijn")
    body["partners"] = [p for p in body["partners"] if p["institution"] != "25LF"]
    refused = api_client.put(f"/api/v1/routes/{route.pk}", body, content_type=JSON,
                             **api_client.token_for("calvijn"))
    assert refused.status_code == 422 and "Graafschap College" in refused.json()["errors"][0]["message"]
    # ... nor may the partner itself in a plain edit (its own institution stays a partner there) ...
    assert api_client.put(f"/api/v1/routes/{route.pk}", body, content_type=JSON,
                          **api_client.token_for("graafschap")).status_code == 422
    # ... the beheerder may, the partner having no students.
    left = api_client.put(f"/api/v1/routes/{route.pk}", body, content_type=JSON, **api_client.token_for("beheer"))
    assert left.status_code == 200, left.content
    # Every remaining partner has confirmed: a partner applies the proposal.
    done = action(api_client, proposal_id, "confirm", "calvijn")
    assert done.status_code == 200 and done.json()["status"] == "accepted", done.content
    assert route.partners.filter(institution=over_y).exists()


def test_a_partner_without_students_leaves_by_a_proposal_every_partner_confirms(
        route, students, registry, make_user, api_client):
    RoutePartner.objects.create(route=route, institution=registry["mbo_ach"], role="mbo",
                                rio_registered_on="2020-09-01")
    make_user("graafschap", Role.ROUTECOORDINATOR, [registry["mbo_ach"]])
    with_students = propose(api_client, route, "rocva", action="remove", institution="17XG")
    assert with_students.status_code == 422 and "leerling" in with_students.json()["errors"][0]["message"]
    response = propose(api_client, route, "graafschap", action="remove", institution="25LF", role="mbo")
    assert response.status_code == 201, response.content
    assert response.json()["action"] == "remove"
    assert action(api_client, response.json()["id"], "confirm", "calvijn").json()["status"] == "open"
    assert route.partners.filter(institution=registry["mbo_ach"]).exists()
    done = action(api_client, response.json()["id"], "confirm", "rocva")
    assert done.json()["status"] == "accepted"
    assert sorted(route.partners.values_list("institution__brin", flat=True)) == ["17XG", "25LX"]
