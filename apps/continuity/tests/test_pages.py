"""The signals as users meet them, over real HTTP: the start page, the route page, /signalen/ with its
filter and the digest switch, the health overviews with their sorting and Excel export, the API; who sees
what (a partner of another route sees none of a route's signals; outside the partners no person's name);
and the weekly digest (one mail per subscriber, only their routes, no student named)."""
import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from openpyxl import load_workbook

from apps.continuity import services
from apps.continuity.models import DigestSubscription, Signal
from apps.cooperation.models import Decision
from apps.routes.models import Route
from apps.routes.tests.payloads import route_payload

from .conftest import TODAY


@pytest.fixture
def other_route(registry, users, api_client):
    """A route of the Achterhoek partners, created by their coordinator."""
    payload = route_payload(registry, name="Achterhoekroute", region=registry["ach"].pk,
                            partners=[{"institution": "20DE", "role": "vo", "rio_registered_on": "2020-09-01"},
                                      {"institution": "25LF", "role": "mbo", "rio_registered_on": "2020-09-01"}])
    response = api_client.post("/api/v1/routes", payload, content_type="application/json",
                               **api_client.token_for("achterhoek"))
    assert response.status_code == 201, response.content
    return Route.objects.get(pk=response.json()["id"])


@pytest.fixture
def signalled(route, other_route, registry, make_contact, make_student):
    """Both routes with signals: the Calvijn route depends on one kartrekker at Calvijn (named), has an overdue
    decision and a student whose open vmbo parts are past the R-04 deadline."""
    make_contact(route, registry["calvijn"], "Anna de Vries")
    student = make_student(route, 2023, {2023: 1, 2024: 2, 2025: 3, 2026: 4}, first_name="Zeldzame",
                           last_name="Leerlingnaam")
    student.exam_parts.create(sector="vmbo", kind="SE", name="Nederlands", planned_route_year=2)
    Decision.objects.create(route=route, text="Rooster afstemmen", due_on=TODAY - timedelta(days=3))
    services.compute(TODAY)
    return route


def login(client, user):
    client.force_login(user)
    return client


# --- visibility --------------------------------------------------------------------------------------------

def test_a_partner_of_another_route_sees_none_of_its_signals(signalled, other_route, users):
    assert Signal.objects.filter(route=signalled).exists() and Signal.objects.filter(route=other_route).exists()
    theirs = set(services.open_signals(users["achterhoek"]).values_list("route", flat=True))
    assert theirs == {other_route.pk}
    ours = set(services.open_signals(users["calvijn"]).values_list("route", flat=True))
    assert ours == {signalled.pk}


def test_names_only_for_the_routes_partners(signalled, users):
    def texts(user):
        return " ".join(i.text for i in services.shown(user, services.open_signals(user, route=signalled)))
    assert "Anna de Vries" in texts(users["calvijn"])
    regional = texts(users["regio"])
    assert "Calvijn College is afhankelijk van één contactpersoon" in regional and "Anna de Vries" not in regional
    assert "Anna de Vries" not in texts(users["beheer"])


# --- pages -------------------------------------------------------------------------------------------------

def test_signals_page_lists_filters_and_refuses_an_unknown_kind(client, signalled, other_route, users):
    login(client, users["calvijn"])
    page = client.get("/signalen/").content.decode()
    assert "Anna de Vries" in page and 'data-signal="S-09"' in page and "Achterhoekroute" not in page
    filtered = client.get("/signalen/?kind=decisions_overdue").content.decode()
    assert 'data-signal="S-09"' in filtered and 'data-signal="S-01"' not in filtered
    bad = client.get("/signalen/?kind=onzin")
    assert bad.status_code == 400 and b"kind" in bad.content


def test_signals_page_of_another_partner_shows_nothing_of_the_route(client, signalled, other_route, users):
    login(client, users["achterhoek"])
    page = client.get("/signalen/").content.decode()
    assert signalled.name not in page and "Anna de Vries" not in page and "Achterhoekroute" in page


def test_route_page_and_start_page_show_the_signals(client, signalled, users):
    login(client, users["calvijn"])
    route_page = client.get(signalled.get_absolute_url()).content.decode()
    assert 'id="signals"' in route_page and "Anna de Vries" in route_page and "R-04" in route_page
    assert "Zeldzame" not in route_page
    home = client.get("/").content.decode()
    assert "Continuïteitssignalen van uw routes" in home and 'data-signal="S-08"' in home


def test_every_link_opens_a_page_its_reader_may_read(client, signalled, users):
    """"Naar de plek om te handelen": the people page for S-01, the overleg for S-03, finance for S-04 ... for
    the route's partners; the route page for a reader outside them (the regional coordinator), who may not
    open those pages."""
    for username in ("calvijn", "regio"):
        user = users[username]
        shown = services.shown(user, services.open_signals(user, route=signalled))
        assert {s.signal.kind for s in shown} >= {"single_contact", "no_meeting", "no_approved_settlement"}
        login(client, user)
        for item in shown:
            assert client.get(item.link).status_code == 200, (username, item.signal.kind, item.link)
        links = {s.signal.kind: s.link for s in shown}
        if username == "calvijn":
            assert links["single_contact"].endswith("/mensen/") and links["no_meeting"].endswith("/overleg/")
        else:
            assert set(links.values()) == {signalled.get_absolute_url()}


def test_digest_switch_on_the_page(client, users):
    login(client, users["calvijn"])
    response = client.post("/signalen/samenvatting/", {"active": "1"})
    assert response.status_code == 302 and DigestSubscription.objects.get(user=users["calvijn"]).active
    client.post("/signalen/samenvatting/", {"active": "0"})
    assert not DigestSubscription.objects.get(user=users["calvijn"]).active
    assert client.post("/signalen/samenvatting/", {"active": "ja"}).status_code == 400


def test_region_health_sorts_and_exports(client, signalled, registry, users):
    login(client, users["regio"])
    url = f"/regio/{registry['ams'].pk}/gezondheid/"
    page = client.get(url)
    assert page.status_code == 200 and signalled.name in page.content.decode()
    assert "Anna de Vries" not in page.content.decode()
    assert client.get(url + "?sort=-signals").status_code == 200
    bad = client.get(url + "?sort=naam")
    assert bad.status_code == 400 and b"sort" in bad.content
    export = client.get(url + "?sort=route&format=xlsx")
    assert export.status_code == 200 and export["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(export.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Route", "Fase", "Open signalen")
    row = next(r for r in rows[1:] if r[0] == signalled.name)
    assert row[2] == Signal.objects.open().filter(route=signalled).count()
    assert row[rows[0].index("Open besluiten")] == 1 and row[rows[0].index("Besluiten over de termijn")] == 1


def test_health_of_another_region_or_board_is_refused(client, signalled, registry, users):
    login(client, users["achterhoek"])
    assert client.get(f"/regio/{registry['ams'].pk}/gezondheid/").status_code == 404
    assert client.get(f"/besturen/{registry['boards']['zaam'].pk}/gezondheid/").status_code == 404


def test_board_health_for_its_bestuurder(client, signalled, registry, make_user):
    from apps.accounts.models import Role

    bestuurder = make_user("bestuur-zaam", Role.BESTUURDER, [registry["calvijn"]])
    login(client, bestuurder)
    page = client.get(f"/besturen/{registry['boards']['zaam'].pk}/gezondheid/?sort=-open_decisions")
    assert page.status_code == 200 and signalled.name in page.content.decode()


# --- API ---------------------------------------------------------------------------------------------------

def test_api_signals_scoped_and_filtered(api_client, signalled, other_route, users):
    mine = api_client.get("/api/v1/signals", **api_client.token_for("calvijn")).json()
    assert {s["route"] for s in mine} == {signalled.pk}
    assert any("Anna de Vries" in s["message"] for s in mine)
    one = api_client.get(f"/api/v1/signals?kind=vmbo_parts_at_risk&route={signalled.pk}",
                         **api_client.token_for("calvijn")).json()
    assert [(s["signal"], s["rule"]) for s in one] == [("S-08", "R-04")]
    regio = api_client.get("/api/v1/signals", **api_client.token_for("regio")).json()
    assert regio and not any("Anna de Vries" in s["message"] for s in regio)
    other = api_client.get(f"/api/v1/signals?route={signalled.pk}", **api_client.token_for("achterhoek"))
    assert other.status_code == 404
    assert api_client.get("/api/v1/signals?kind=onzin", **api_client.token_for("calvijn")).status_code == 422


def test_api_digest_subscription(api_client, users):
    headers = api_client.token_for("calvijn")
    assert api_client.get("/api/v1/signals/digest", **headers).json()["active"] is False
    response = api_client.put("/api/v1/signals/digest", {"active": True}, content_type="application/json", **headers)
    assert response.status_code == 200 and response.json()["active"] is True
    missing = api_client.put("/api/v1/signals/digest", {}, content_type="application/json", **headers)
    assert missing.status_code == 422 and "active" in missing.content.decode()


def test_api_health(api_client, signalled, registry):
    rows = api_client.get(f"/api/v1/regions/{registry['ams'].pk}/health", **api_client.token_for("regio")).json()
    row = next(r for r in rows if r["route"] == signalled.pk)
    assert row["signals_per_kind"]["decisions_overdue"] == 1 and row["overdue_decisions"] == 1
    refused = api_client.get(f"/api/v1/boards/{registry['boards']['zaam'].pk}/health",
                             **api_client.token_for("calvijn"))
    assert refused.status_code == 404


# --- the weekly digest -------------------------------------------------------------------------------------

def test_digest_one_mail_per_subscriber_their_routes_no_student(signalled, other_route, users, settings):
    assert settings.EMAIL_BACKEND == "django.core.mail.backends.locmem.EmailBackend"
    for name in ("calvijn", "achterhoek", "rocva"):
        users[name].email = f"{name}@example.nl"
        users[name].save()
        services.set_digest(users[name], services.DigestIn(active=True))
    services.set_digest(users["rocva"], services.DigestIn(active=False))
    mail.outbox.clear()
    call_command("send_signal_digest", "--date", TODAY.isoformat())
    assert sorted(m.to[0] for m in mail.outbox) == ["achterhoek@example.nl", "calvijn@example.nl"]
    ours = next(m for m in mail.outbox if m.to == ["calvijn@example.nl"])
    assert signalled.name in ours.body and "Achterhoekroute" not in ours.body
    assert "[nieuw]" in ours.body and "S-08" in ours.body and "/signalen/" in ours.body
    for message in mail.outbox:
        assert "Zeldzame" not in message.body and "Leerlingnaam" not in message.body
    theirs = next(m for m in mail.outbox if m.to == ["achterhoek@example.nl"])
    assert signalled.name not in theirs.body and "Anna de Vries" not in theirs.body
    # a week later nothing is new any more
    mail.outbox.clear()
    services.send_digest(TODAY + timedelta(days=7))
    assert len(mail.outbox) == 2 and all("[nieuw]" not in m.body for m in mail.outbox)


def test_health_sorts_by_every_column_empty_cells_last(client, signalled, other_route, registry, users):
    from apps.continuity import health

    login(client, users["regio"])
    Route.objects.filter(pk=other_route.pk).update(region=registry["ams"], last_partner_meeting=None)
    Route.objects.filter(pk=signalled.pk).update(last_partner_meeting=TODAY - timedelta(days=30))
    url = f"/regio/{registry['ams'].pk}/gezondheid/"
    for column in health.COLUMNS:
        for sort in (column.key, f"-{column.key}"):
            assert client.get(f"{url}?sort={sort}").status_code == 200, sort
    rows = health.rows(Route.objects.filter(pk__in=[signalled.pk, other_route.pk]), TODAY)
    for sort in ("last_meeting", "-last_meeting"):
        assert [r.route.pk for r in health.sorted_rows(rows, sort)][-1] == other_route.pk
    by_signals = health.sorted_rows(rows, "-signals")
    assert by_signals[0].total >= by_signals[1].total


def test_the_overview_shows_the_latest_reflection_and_survey(client, api_client, route, registry, users):
    """The reflection column is the average over the partners (each weighs the same) of the latest round whose
    results show, with the partners' largest difference on one item; the survey column the average share
    (helemaal) eens of the latest closed survey. Page, sorting, export and API carry them."""
    from datetime import date

    from apps.reflection import services as reflection
    from apps.reflection.schemas import ResponseIn, RoundIn
    from apps.survey import services as survey
    from apps.survey.schemas import CodesIn, SubmissionIn, SurveyIn
    from domain.reflection import ITEM_IDS

    rnd = reflection.open_round(users["calvijn"], route, RoundIn(
        title="Voorjaar", opens_on=date(2026, 3, 1), closes_on=date(2026, 4, 1), participants=["calvijn", "rocva"]),
        on=date(2026, 3, 1))
    for username, score in (("calvijn", 4), ("rocva", 2)):
        answers = {item: {"score": score} for item in ITEM_IDS}
        answers["V1"] = {"score": 5 if username == "calvijn" else 1}      # the partners differ most here: 4
        reflection.save_response(users[username], rnd, ResponseIn(answers=answers, phase_fit="ja", submit=True),
                                 on=date(2026, 3, 2))
    enquete = survey.create_survey(users["calvijn"], route, SurveyIn(school_year=2025, cohorts=[2025]))
    codes = survey.generate_codes(users["calvijn"], enquete, CodesIn(cohort=2025, count=12))
    survey.open_survey(users["calvijn"], enquete)
    statements = list(enquete.statements.all())
    for n, code in enumerate(codes):          # 12 answers per statement: 6 agree (4 or 5), 6 do not
        survey.submit(SubmissionIn(code=code.code, answers=[{"statement": st.pk, "value": 4 if n < 6 else 2}
                                                            for st in statements]))
    survey.close_survey(users["calvijn"], enquete)

    login(client, users["regio"])
    url = f"/regio/{registry['ams'].pk}/gezondheid/"
    page = client.get(url + "?sort=-reflection").content.decode()
    assert "Reflectie" in page and "Enquête: eens (%)" in page
    sheet = load_workbook(io.BytesIO(client.get(url + "?format=xlsx").content)).active
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] == route.name)
    # every item (4 + 2) / 2, and V1 (5 + 1) / 2: 3.0 over the partners; they differ most on V1: 5 - 1
    assert row[header.index(next(h for h in header if h.startswith("Reflectie ")))] == 3.0
    assert row[header.index(next(h for h in header if h.startswith("Verschil partners")))] == 4.0
    assert row[header.index(next(h for h in header if h.startswith("Enquête: eens (%)")))] == 50.0
    api = api_client.get(f"/api/v1/regions/{registry['ams'].pk}/health", **api_client.token_for("regio")).json()
    mine = next(r for r in api if r["route"] == route.pk)
    assert (mine["reflection"], mine["reflection_difference"], mine["survey_agree"]) == ("3.0", "4.0", "50.0")

