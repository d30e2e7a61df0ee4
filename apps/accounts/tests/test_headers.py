"""Headers on pages and API answers that hold personal data (issue 8, point 6 without CSP)."""
from django.conf import settings


def test_pages_and_api_answers_are_never_cached(client, users, api_client):
    client.force_login(users["calvijn"])
    for url in ("/", "/inloggen/", "/api/v1/routes"):
        response = client.get(url)
        assert response["Cache-Control"] == "no-store", url
        assert "camera=()" in response["Permissions-Policy"], url
    headers = api_client.token_for("rocva")
    response = api_client.get("/api/v1/routes", **headers)
    assert response["Cache-Control"] == "no-store"
    assert client.post("/api/v1/auth/token", {"username": "x", "password": "y"},
                       content_type="application/json")["Cache-Control"] == "no-store"


def test_hsts_only_over_https(client, users, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    assert "Strict-Transport-Security" not in client.get("/inloggen/")
    response = client.get("/inloggen/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    behind_proxy = client.get("/inloggen/", HTTP_X_FORWARDED_PROTO="https")
    assert "Strict-Transport-Security" in behind_proxy


def test_hsts_is_on_by_default_without_debug():
    assert settings.DEBUG is False and settings.SECURE_HSTS_SECONDS == 365 * 24 * 3600
