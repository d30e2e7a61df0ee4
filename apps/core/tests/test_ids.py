"""An id of 2^63 or more in a URL is a 404 (pages and API), never the database driver's overflow as a 500."""
import pytest

from apps.core.ids import MAX_ID, out_of_range

TOO_BIG = [str(MAX_ID + 1), "9" * 30, "1" + "0" * 100]


def test_out_of_range():
    assert out_of_range(str(MAX_ID + 1)) and out_of_range("9" * 20)
    assert not out_of_range(str(MAX_ID)) and not out_of_range("0" * 30 + "1") and not out_of_range("routes")
    assert not out_of_range("-1") and not out_of_range("١٢")


@pytest.mark.parametrize("number", TOO_BIG)
def test_api_paths_with_a_huge_id_are_404(route, api_client, number):
    headers = api_client.token_for("calvijn")
    for method, path in (("get", f"/api/v1/routes/{number}"), ("get", f"/api/v1/routes/{number}/compliance"),
                         ("put", f"/api/v1/routes/{number}"), ("get", f"/api/v1/students/{number}"),
                         ("get", f"/api/v1/settlements/{number}"), ("post", f"/api/v1/settlements/{number}/approve"),
                         ("get", f"/api/v1/agreements/{number}"),
                         ("get", f"/api/v1/students/1/events/{number}")):
        response = getattr(api_client, method)(path, content_type="application/json", **headers)
        assert response.status_code == 404, (method, path, response.status_code)
        assert response.json()["detail"]


@pytest.mark.parametrize("number", TOO_BIG)
def test_pages_with_a_huge_id_are_404(route, client, number):
    client.login(username="calvijn", password="pw-calvijn")
    for path in (f"/routes/{number}/", f"/routes/{number}/financien/", f"/afrekeningen/{number}/"):
        assert client.get(path).status_code == 404, path


def test_the_largest_id_is_an_ordinary_404(route, api_client):
    headers = api_client.token_for("calvijn")
    assert api_client.get(f"/api/v1/routes/{MAX_ID}", **headers).status_code == 404
    assert api_client.get(f"/api/v1/settlements/{MAX_ID}", **headers).status_code == 404
    assert api_client.get(f"/api/v1/routes/{route.pk}", **headers).status_code == 200
