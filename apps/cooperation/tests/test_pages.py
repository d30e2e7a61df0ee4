"""The cooperation pages over real HTTP: the overleg page with the "één kant afwezig" mark, the meeting form
with its attendance grid (a refused input keeps what was typed), decisions, knelpunten and the region's
counts per category with a chart (data island, no inline script)."""
import re
from datetime import date, timedelta

import pytest

from apps.cooperation import models as m
from apps.cooperation import services
from apps.cooperation.schemas import DecisionIn, KnelpuntIn, MeetingIn, SeriesIn
from apps.routes.models import Route


@pytest.fixture
def calvijn(client, users):
    client.force_login(users["calvijn"])
    return client


def test_overleg_page_marks_a_meeting_without_both_sides(route, users, people, calvijn):
    user = users["calvijn"]
    series = services.add_series(user, route, SeriesIn(kind="directieberaad", name="Directieberaad"))
    day = date.today() - timedelta(days=1)
    services.record_meeting(user, route, MeetingIn(series=series.pk, held_on=day, title="Alleen vo",
                                                   attendance=[{"person": people["anna"].pk}]))
    services.add_decision(user, route, DecisionIn(text="Rooster afstemmen", due_on=date(2020, 1, 1)))
    html = calvijn.get(f"/routes/{route.pk}/overleg/").content.decode()
    assert "één kant afwezig" in html and "Alleen vo" in html and "Rooster afstemmen" in html
    assert "over de datum" in html
    row = re.search(rf'<tr data-series="{series.pk}".*?</tr>', html, re.S).group(0)
    assert ">6<" in row and 'class="num held">1<' in row        # intended 6 a year, 1 held this school year
    assert f'href="/routes/{route.pk}/overleg/"' in calvijn.get(f"/routes/{route.pk}/").content.decode()


def test_meeting_form_with_attendance_grid(route, users, people, calvijn):
    url = f"/routes/{route.pk}/overleg/nieuw/"
    html = calvijn.get(url).content.decode()
    assert f'name="person_{people["anna"].pk}"' in html and f'name="person_{people["bram"].pk}"' in html
    assert f'name="person_{people["other"].pk}"' not in html     # not of a partner
    future = (date.today() + timedelta(days=7)).isoformat()
    response = calvijn.post(url, {"kind": "stuurgroep", "held_on": future, "title": "Stuurgroep",
                                  f"person_{people['anna'].pk}": "aanwezig"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "nog niet gehouden" in html and 'value="Stuurgroep"' in html     # kept what was typed
    assert not m.Meeting.objects.exists()
    day = (date.today() - timedelta(days=2)).isoformat()
    response = calvijn.post(url, {"kind": "stuurgroep", "held_on": day, "title": "Stuurgroep",
                                  f"person_{people['anna'].pk}": "aanwezig",
                                  f"person_{people['bram'].pk}": "aanwezig",
                                  f"person_{people['kees'].pk}": "afwezig"})
    assert response.status_code == 302
    meeting = m.Meeting.objects.get()
    assert meeting.both_sides and meeting.attendance.count() == 3
    assert Route.objects.get(pk=route.pk).last_partner_meeting.isoformat() == day
    html = calvijn.get(response["Location"]).content.decode()
    assert "Beide kanten aanwezig" in html and "Kees Smit" in html


def test_decisions_pages(route, users, people, client):
    people["bram"].user = users["rocva"]
    people["bram"].save()
    services.add_decision(users["calvijn"], route, DecisionIn(text="Ouderavond plannen", owner=people["bram"].pk))
    client.force_login(users["rocva"])
    assert "Ouderavond plannen" in client.get("/besluiten/mijn/").content.decode()
    response = client.post(f"/routes/{route.pk}/besluiten/", {"text": "BPV-plaatsen zoeken",
                                                              "owner": people["other"].pk})
    assert response.status_code == 400                        # Olga is no partner: refused at the owner field
    assert m.Decision.objects.count() == 1
    response = client.post(f"/routes/{route.pk}/besluiten/", {"text": "BPV-plaatsen zoeken",
                                                              "owner": people["anna"].pk, "due_on": "2030-01-01"})
    assert response.status_code == 302
    html = client.get(f"/personen/{people['anna'].pk}/besluiten/").content.decode()
    assert "BPV-plaatsen zoeken" in html and "Ouderavond" not in html
    client.force_login(users["achterhoek"])
    assert client.get(f"/routes/{route.pk}/besluiten/").status_code == 404
    assert client.get(f"/personen/{people['anna'].pk}/besluiten/").status_code == 404
    assert "BPV-plaatsen" not in client.get("/besluiten/mijn/").content.decode()


def test_knelpunten_of_a_route_and_the_region(route, users, people, client, registry):
    client.force_login(users["calvijn"])
    response = client.post(f"/routes/{route.pk}/knelpunten/", {"category": "ov_kaart", "title": "Geen OV-kaart",
                                                               "status": "open", "owner": people["anna"].pk})
    assert response.status_code == 302
    response = client.post(f"/routes/{route.pk}/knelpunten/", {"category": "weer", "title": "x", "status": "open"})
    assert response.status_code == 400 and m.Knelpunt.objects.count() == 1
    services.add_knelpunt(users["regio"], KnelpuntIn(category="ov_kaart", title="OV-kaart in de regio"),
                          region=registry["ams"])
    client.force_login(users["regio"])
    html = client.get(f"/regio/{registry['ams'].pk}/knelpunten/").content.decode()
    assert 'data-category="ov_kaart"' in html and "Geen OV-kaart" in html and "OV-kaart in de regio" in html
    assert 'id="knelpunten-per-categorie-data" type="application/json"' in html
    assert "<script>" not in html                               # CSP: the chart reads its data island
    assert "Knelpunten in de regio" in client.get(f"/regio/{registry['ams'].pk}/").content.decode()
    # the regiocoördinator reads the route's knelpunten but does not change them
    knelpunt = m.Knelpunt.objects.get(route=route)
    assert client.get(f"/knelpunten/{knelpunt.pk}/").status_code == 200
    assert client.post(f"/knelpunten/{knelpunt.pk}/sluiten/").status_code == 403
    client.force_login(users["calvijn"])
    client.post(f"/knelpunten/{knelpunt.pk}/sluiten/", {"action": "Gemeente vergoedt de reis"})
    knelpunt.refresh_from_db()
    assert knelpunt.status == "opgelost" and "Gemeente vergoedt" in knelpunt.action
    assert client.get(f"/regio/{registry['ams'].pk}/knelpunten/").status_code == 404
    client.force_login(users["achterhoek"])
    assert client.get(f"/routes/{route.pk}/knelpunten/").status_code == 404
    assert client.get(f"/knelpunten/{knelpunt.pk}/").status_code == 404


def test_structure_and_cancelling_on_the_pages(route, users, people, calvijn):
    response = calvijn.post(f"/routes/{route.pk}/overlegvormen/", {"kind": "planning", "months": "mei/juni"})
    assert response.status_code == 302
    series = m.MeetingSeries.objects.get()
    assert (series.kind, series.times_per_year, series.months) == ("planning", 1, "mei/juni")
    calvijn.post(f"/overlegvormen/{series.pk}/wijzigen/", {"kind": "planning", "times_per_year": "2"})
    series.refresh_from_db()
    assert series.times_per_year == 2 and series.months == ""
    response = calvijn.post(f"/routes/{route.pk}/overlegvormen/", {"kind": "vergadering"})
    assert response.status_code == 302 and m.MeetingSeries.objects.count() == 1   # refused, with a message
    assert "Soort overleg" in calvijn.get(response["Location"]).content.decode()
    held = services.record_meeting(users["calvijn"], route, MeetingIn(series=series.pk, held_on=date.today(),
                                   attendance=[{"person": people["anna"].pk}, {"person": people["bram"].pk}]))
    assert Route.objects.get(pk=route.pk).last_partner_meeting == date.today()
    assert calvijn.post(f"/overleg/{held.pk}/afgelasten/", {"reason": ""}).status_code == 302
    held.refresh_from_db()
    assert not held.cancelled                                   # a reason is required
    calvijn.post(f"/overleg/{held.pk}/afgelasten/", {"reason": "De mbo-partners konden niet"})
    held.refresh_from_db()
    assert held.cancelled and Route.objects.get(pk=route.pk).last_partner_meeting is None
    assert "afgelast" in calvijn.get(f"/routes/{route.pk}/overleg/").content.decode()


def test_the_route_history_leaves_the_minutes_out(route, users, people, client):
    services.record_meeting(users["calvijn"], route, MeetingIn(kind="stuurgroep", held_on=date.today(),
                                                               minutes="Vertrouwelijk verslag"))
    services.add_knelpunt(users["calvijn"], KnelpuntIn(category="ouders", title="Ouders twijfelen"), route=route)
    client.force_login(users["regio"])
    html = client.get(f"/routes/{route.pk}/geschiedenis/").content.decode()
    assert "Ouders twijfelen" in html and "Vertrouwelijk verslag" not in html
