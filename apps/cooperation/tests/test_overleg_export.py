"""The overleg export over real HTTP, read back with openpyxl: one row per meeting of the chosen school year
(dates as dates), held or cancelled with the reason, both sides present, who was there per side and the
number of decisions; only for the readers of the overleg page, a bad school year a 400 naming it."""
import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from apps.cooperation import services
from apps.cooperation.schemas import CancelIn, DecisionIn, MeetingIn, SeriesIn
from apps.core.lib.tabular import DATE_FORMAT


@pytest.fixture
def meetings(route, users, people):
    """In 2024-2025 a stuurgroep of both sides with two decisions, a werkgroep of the vo side only and a
    cancelled directieberaad; one meeting in 2023-2024."""
    user = users["calvijn"]
    series = services.add_series(user, route, SeriesIn(kind="stuurgroep", name="Stuurgroep Calvijn-ROCvA"))
    both = services.record_meeting(user, route, MeetingIn(
        series=series.pk, held_on=date(2024, 10, 3), title="Stuurgroep oktober",
        attendance=[{"person": people["anna"].pk}, {"person": people["bram"].pk},
                    {"person": people["kees"].pk, "present": False}]))
    for text in ("Rooster afstemmen", "BPV-plaatsen zoeken"):
        services.add_decision(user, route, DecisionIn(text=text, meeting=both.pk))
    services.record_meeting(user, route, MeetingIn(kind="werkgroep", held_on=date(2025, 2, 11),
                                                   attendance=[{"person": people["kees"].pk}]))
    cancelled = services.record_meeting(user, route, MeetingIn(kind="directieberaad", held_on=date(2025, 6, 30)))
    services.cancel_meeting(user, cancelled, CancelIn(reason="De mbo-partners konden niet"))
    services.record_meeting(user, route, MeetingIn(kind="planning", held_on=date(2024, 5, 28), title="Planning"))
    return series


def _rows(response):
    ws = load_workbook(io.BytesIO(response.content)).active
    return ws, [[c.value for c in row] for row in ws.iter_rows()]


def test_the_export_of_a_school_year(route, users, meetings, client):
    client.force_login(users["examen"])                     # a reader of the overleg (no editor)
    html = client.get(f"/routes/{route.pk}/overleg/").content.decode()
    assert f'action="/routes/{route.pk}/overleg/export/"' in html and '<option value="2023">2023-2024' in html
    response = client.get(f"/routes/{route.pk}/overleg/export/?schooljaar=2024")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="overleg-{route.pk}-2024-2025.xlsx"'
    ws, rows = _rows(response)
    assert rows[0] == ["Datum", "Overleg", "Overlegvorm", "Soort overleg", "Status", "Reden afgelasting",
                       "Beide kanten aanwezig", "Aanwezig vo-kant", "Aanwezig mbo-kant", "Afwezig", "Aantal besluiten"]
    assert rows[1:] == [
        [datetime(2024, 10, 3), "Stuurgroep oktober", "Stuurgroep Calvijn-ROCvA", "stuurgroep", "gehouden", None,
         "ja", "Anna de Vries", "Bram Jansen", "Kees Smit", 2],
        [datetime(2025, 2, 11), "werkgroep (per profiel)", None, "werkgroep (per profiel)", "gehouden", None,
         "nee", "Kees Smit", None, None, 0],
        [datetime(2025, 6, 30), "directieberaad", None, "directieberaad", "afgelast", "De mbo-partners konden niet",
         None, None, None, None, 0],
    ]
    assert ws["A2"].number_format == DATE_FORMAT and ws["K2"].data_type == "n"
    # another school year: only its meetings
    _ws, rows = _rows(client.get(f"/routes/{route.pk}/overleg/export/?schooljaar=2023"))
    assert [r[1] for r in rows[1:]] == ["Planning"]


def test_a_bad_school_year_is_a_400_naming_it(route, users, meetings, client):
    client.force_login(users["calvijn"])
    for value in ("2024-2025", "x", "3000"):
        response = client.get(f"/routes/{route.pk}/overleg/export/?schooljaar={value}")
        assert response.status_code == 400 and "schooljaar" in response.content.decode(), value
    assert client.get(f"/routes/{route.pk}/overleg/export/").status_code == 200     # default: this school year


def test_only_the_overleg_readers_export(route, users, meetings, client):
    for username in ("achterhoek", "regio"):                # a partner of another route, the regiocoördinator
        client.force_login(users[username])
        assert client.get(f"/routes/{route.pk}/overleg/export/?schooljaar=2024").status_code == 404, username
    client.logout()
    response = client.get(f"/routes/{route.pk}/overleg/export/?schooljaar=2024")
    assert response.status_code == 302 and response["Location"].startswith("/inloggen/")
