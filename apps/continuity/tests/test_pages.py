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
    url = f"/regio/{registry['ams'].pk}/gezondheid/"
    for column in health.COLUMNS:
        for sort in (column.key, f"-{column.key}"):
            assert client.get(f"{url}?sort={sort}").status_code == 200, sort
    rows = health.rows(Route.objects.filter(pk__in=[signalled.pk, other_route.pk]), TODAY)
    for sort in ("last_meeting", "-last_meeting"):
        assert [r.route.pk for r in health.sorted_rows(rows, sort)][-1] == other_route.pk
    by_signals = health.sorted_rows(rows, "-signals")
    assert by_signals[0].total >= by_signals[1].total


def test_a_column_is_added_by_one_definition(client, signalled, registry, users, monkeypatch):
    """How the merger adds the reflection and survey columns: one Column and, for its data, one EXTRAS
    function; the page, its sorting and the export take it up."""
    from apps.continuity import health

    def reflection(routes, today):
        return {pk: {"reflection": 7.5} for pk in routes.values_list("pk", flat=True)}

    column = health.Column("reflection", "Reflectie (gemiddeld)", lambda row: row.extra.get("reflection"),
                           numeric=True)
    monkeypatch.setattr(health, "COLUMNS", [*health.COLUMNS, column])
    monkeypatch.setattr(health, "EXTRAS", [reflection])
    login(client, users["regio"])
    url = f"/regio/{registry['ams'].pk}/gezondheid/"
    assert "Reflectie (gemiddeld)" in client.get(url + "?sort=-reflection").content.decode()
    sheet = load_workbook(io.BytesIO(client.get(url + "?format=xlsx").content)).active
    last = sheet.max_column
    assert sheet.cell(1, last).value == "Reflectie (gemiddeld)" and sheet.cell(2, last).value == 7.5
