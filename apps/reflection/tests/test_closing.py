"""Closing a round and reminding its invitees: the route's editors close a round (early, or at its end),
after which nothing is saved, submitted or invited (a clear refusal; 422 over the API) and drafts never
count; the results keep their rule (participants of at least two partners submitted), and the page says
why nothing shows. The round page counts per partner how many invitees submitted ("2 van 3 ingevuld"), and
a reminder mails only the invitees who have not submitted, with the link and nothing of the answers."""
import re
from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from apps.reflection import comparison, services
from apps.reflection.models import ReflectionRound, Response
from apps.reflection.schemas import CloseIn, InviteIn, ResponseIn
from apps.routes.services import ChangeRefused

from .conftest import complete

pytestmark = pytest.mark.django_db
JSON = "application/json"


def _draft(**scores) -> ResponseIn:
    answers = {item: {"score": score, "note": "geheim concept"} for item, score in scores.items()}
    return ResponseIn.model_validate({"answers": answers})


def _messages(response) -> list[str]:
    return [str(m) for m in response.wsgi_request._messages]


# --- the use case ----------------------------------------------------------------------------------------


def test_a_coordinator_closes_a_round_early_and_it_is_audited(reflection_round, users):
    rnd = services.close_round(users["rocva"], reflection_round, CloseIn(note="Te weinig tijd voor iedereen"))
    rnd.refresh_from_db()
    assert rnd.closed_on == timezone.localdate() and rnd.closed_by == users["rocva"]
    assert rnd.closing_note == "Te weinig tijd voor iedereen"
    assert rnd.status == ReflectionRound.Status.CLOSED and rnd.closed_early
    assert rnd.ended_on == timezone.localdate() < rnd.closes_on
    entry = LogEntry.objects.get_for_object(rnd).latest("pk")
    assert entry.changes_dict["closing_note"] == ["", "Te weinig tijd voor iedereen"]
    assert entry.changes_dict["closed_by"] == ["None", str(users["rocva"].pk)]
    with pytest.raises(ChangeRefused) as again:
        services.close_round(users["calvijn"], rnd, CloseIn())
    assert "al gesloten" in again.value.errors[0]["message"]


@pytest.mark.parametrize("who", ["examen", "achterhoek", "regio"])
def test_only_the_routes_editors_close(reflection_round, users, who):
    with pytest.raises(PermissionDenied):
        services.close_round(users[who], reflection_round, CloseIn())
    reflection_round.refresh_from_db()
    assert reflection_round.closed_on is None and reflection_round.status == ReflectionRound.Status.OPEN


def test_a_closed_round_takes_no_draft_submission_or_invitation(reflection_round, users):
    services.save_response(users["rocva"], reflection_round, _draft(V1=2))
    services.close_round(users["calvijn"], reflection_round, CloseIn())
    for data in (_draft(V1=3), complete(4)):
        with pytest.raises(ChangeRefused) as refused:
            services.save_response(users["rocva"], reflection_round, data)
        assert "gesloten door de coördinator" in refused.value.errors[0]["message"]
    with pytest.raises(ChangeRefused):
        services.invite(users["calvijn"], reflection_round, InviteIn(participants=["examen"]))
    draft = Response.objects.get(user=users["rocva"])
    assert draft.status == Response.Status.DRAFT and draft.scores() == {"V1": 2}   # kept, unchanged, not counted


def test_a_round_closed_with_one_partner_submitted_shows_no_results(reflection_round, users):
    services.save_response(users["calvijn"], reflection_round, complete(4))
    services.save_response(users["rocva"], reflection_round, _draft(V1=1, V2=1))      # a draft: never counts
    services.close_round(users["calvijn"], reflection_round, CloseIn())
    results = comparison.results(reflection_round)
    assert not results.comparable and results.chart is None
    assert [(p.institution.brin, p.submitted, p.invited) for p in results.partners] == [("17XG", 1, 1), ("25LX", 0, 1)]


def test_a_round_closed_after_two_partners_submitted_keeps_its_results_without_drafts(route, reflection_round, users):
    services.invite(users["calvijn"], reflection_round, InviteIn(participants=["examen"]))
    services.save_response(users["calvijn"], reflection_round, complete(4, V1=2))
    services.save_response(users["rocva"], reflection_round, complete(4, V1=5))
    services.save_response(users["examen"], reflection_round, _draft(V1=1))          # ROC's second participant
    services.close_round(users["rocva"], reflection_round, CloseIn())
    results = comparison.results(reflection_round)
    assert results.comparable
    v1 = next(row for row in results.items if row.key == "V1")
    assert v1.cells == ["2,0", "5,0"]                                                 # the draft's 1 is not in it
    assert all(note != "geheim concept" for row in results.items for _who, note in row.notes)


# --- the pages -------------------------------------------------------------------------------------------


def test_the_round_page_counts_per_partner_who_submitted(client, route, users, reflection_round):
    services.invite(users["calvijn"], reflection_round, InviteIn(participants=["examen"]))
    services.save_response(users["rocva"], reflection_round, complete(4))
    services.save_response(users["examen"], reflection_round, _draft(V1=3))
    client.force_login(users["calvijn"])
    page = client.get(reflection_round.get_absolute_url()).content.decode()
    rows = dict(re.findall(r'data-institution="(\w+)">.*?<td class="progress"[^>]*>(.*?)</td>', page, re.S))
    assert rows == {"17XG": "0 van 1 ingevuld", "25LX": "1 van 2 ingevuld"}
    assert 'id="remind"' in page and "2 deelnemers hebben nog niet ingediend" in page
    assert 'id="close-round"' in page
    assert 'data-confirm="De ronde nu sluiten? 2 deelnemers hebben nog niet ingediend' in page
    client.force_login(users["examen"])                           # a partner who does not manage the round
    page = client.get(reflection_round.get_absolute_url()).content.decode()
    assert "1 van 2 ingevuld" in page and 'id="remind"' not in page and 'id="close-round"' not in page


def test_closing_on_the_page(client, route, users, reflection_round):
    url = reverse("reflection:close", args=[route.pk, reflection_round.pk])
    client.force_login(users["examen"])
    assert client.post(url, {"note": "x"}).status_code == 403
    client.force_login(users["achterhoek"])
    assert client.post(url).status_code == 404
    reflection_round.refresh_from_db()
    assert reflection_round.closed_on is None

    services.save_response(users["rocva"], reflection_round, _draft(V1=2))
    client.force_login(users["calvijn"])
    response = client.post(url, {"note": "Zomervakantie nadert"})
    assert response.status_code == 302 and response["Location"] == reflection_round.get_absolute_url()
    assert "De ronde is gesloten" in _messages(response)[0]
    page = client.get(reflection_round.get_absolute_url()).content.decode()
    assert 'id="closed"' in page and "Zomervakantie nadert" in page and "gesloten" in page
    assert 'id="close-round"' not in page and 'id="remind"' not in page
    assert "niemand heeft zijn reflectie ingediend" in page
    assert "eerder gesloten dan gepland" in page
    again = client.post(url)
    assert "al gesloten" in _messages(again)[0]

    client.force_login(users["rocva"])                            # the invitee with a draft
    respond = reverse("reflection:respond", args=[route.pk, reflection_round.pk])
    page = client.get(respond).content.decode()
    assert "gesloten door de coördinator" in page and 'id="submit-response"' not in page
    assert "De ronde is open tot en met" not in page
    refused = client.post(respond, {"V1-score": "4", "submit": "1"})
    assert refused.status_code == 200 and "gesloten door de coördinator" in refused.content.decode()
    assert Response.objects.get(user=users["rocva"]).status == Response.Status.DRAFT


def test_the_results_page_says_why_a_closed_round_shows_nothing(client, route, users, reflection_round):
    services.save_response(users["calvijn"], reflection_round, complete(4))
    services.close_round(users["calvijn"], reflection_round, CloseIn())
    client.force_login(users["rocva"])
    page = client.get(reflection_round.get_absolute_url()).content.decode()
    assert 'id="no-results"' in page and "alleen deelnemers van één partner" in page
    assert 'data-chart="bars"' not in page


def test_a_reminder_mails_only_those_who_have_not_submitted(client, route, users, reflection_round):
    for name in ("calvijn", "rocva", "examen"):
        users[name].email = f"{name}@example.nl"
        users[name].save()
    services.invite(users["calvijn"], reflection_round, InviteIn(participants=["examen"]))
    services.save_response(users["calvijn"], reflection_round, complete(5, V1=1))
    services.save_response(users["rocva"], reflection_round, _draft(V3=2))
    url = reverse("reflection:remind", args=[route.pk, reflection_round.pk])

    client.force_login(users["examen"])
    assert client.post(url).status_code == 403 and not mail.outbox

    client.force_login(users["calvijn"])
    response = client.post(url)
    assert response.status_code == 302
    assert "2 herinneringen verstuurd." in _messages(response)
    assert sorted(m.to for m in mail.outbox) == [["examen@example.nl"], ["rocva@example.nl"]]  # one mail each
    link = "http://testserver" + reverse("reflection:respond", args=[route.pk, reflection_round.pk])
    for message in mail.outbox:
        assert "Reflectie voorjaar" in message.subject
        assert link in message.body and route.name in message.body
        assert "geheim concept" not in message.body and "calvijn" not in message.body   # no answers, no others
    draft_mail = next(m for m in mail.outbox if m.to == ["rocva@example.nl"])
    assert "Uw concept staat klaar" in draft_mail.body
    reflection_round.refresh_from_db()
    assert reflection_round.reminded_on == timezone.localdate()
    assert "Laatste herinnering" in client.get(reflection_round.get_absolute_url()).content.decode()


def test_a_reminder_names_who_has_no_address_and_is_refused_after_closing(client, route, users, reflection_round):
    users["rocva"].email = "rocva@example.nl"
    users["rocva"].save()
    url = reverse("reflection:remind", args=[route.pk, reflection_round.pk])
    client.force_login(users["rocva"])
    said = _messages(client.post(url))
    assert "1 herinnering verstuurd." in said and any("calvijn" in m and "e-mailadres" in m for m in said)
    assert [m.to for m in mail.outbox] == [["rocva@example.nl"]]
    services.close_round(users["rocva"], reflection_round, CloseIn())
    said = _messages(client.post(url))
    assert any("gesloten" in m for m in said) and len(mail.outbox) == 1


def test_a_planned_round_is_not_reminded(route, users, reflection_round):
    reflection_round.opens_on = timezone.localdate() + timedelta(days=3)
    reflection_round.save()
    with pytest.raises(ChangeRefused) as refused:
        services.remind(users["calvijn"], reflection_round)
    assert "nog niet open" in refused.value.errors[0]["message"] and not mail.outbox


# --- the API ---------------------------------------------------------------------------------------------


def test_closing_and_reminding_through_the_api(api_client, route, users, reflection_round):
    users["rocva"].email = "rocva@example.nl"
    users["rocva"].save()
    base = f"/api/v1/reflection-rounds/{reflection_round.pk}"
    examen, outsider, calvijn, rocva = (api_client.token_for(u) for u in ("examen", "achterhoek", "calvijn", "rocva"))
    assert api_client.post(f"{base}/close", {}, content_type=JSON, **examen).status_code == 403
    assert api_client.post(f"{base}/close", {}, content_type=JSON, **outsider).status_code == 404
    assert api_client.post(f"{base}/reminders", {}, content_type=JSON, **examen).status_code == 403

    reminded = api_client.post(f"{base}/reminders", {}, content_type=JSON, **calvijn)
    assert reminded.status_code == 200 and reminded.json() == {"sent": 1, "without_email": ["calvijn"]}
    assert [m.to for m in mail.outbox] == [["rocva@example.nl"]]

    too_long = api_client.post(f"{base}/close", {"note": "x" * 2001}, content_type=JSON, **calvijn)
    assert too_long.status_code == 422
    closed = api_client.post(f"{base}/close", {"note": "Afgerond"}, content_type=JSON, **calvijn)
    assert closed.status_code == 200, closed.content
    assert closed.json()["status"] == "gesloten" and closed.json()["closed_on"] == str(timezone.localdate())
    assert closed.json()["closing_note"] == "Afgerond"
    assert api_client.post(f"{base}/close", {}, content_type=JSON, **calvijn).status_code == 422

    saved = api_client.put(f"{base}/response", {"answers": {"V1": {"score": 3}}}, content_type=JSON, **rocva)
    assert saved.status_code == 422 and "gesloten" in saved.json()["errors"][0]["message"]
    assert api_client.post(f"{base}/reminders", {}, content_type=JSON, **calvijn).status_code == 422
    assert api_client.post(f"{base}/participants", {"participants": ["examen"]}, content_type=JSON,
                           **calvijn).status_code == 422
    results = api_client.get(base, **rocva).json()
    assert results["round"]["status"] == "gesloten" and not results["comparable"]
