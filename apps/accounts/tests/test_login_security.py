"""Login throttling, password rules, API token revocation and session lifetime (issue 8, point 5),
through the product's URLs."""
import time

import pytest
from django.conf import settings

from apps.accounts.middleware import SessionLifetimeMiddleware
from apps.accounts.models import ApiToken, User
from apps.accounts.testing import login_with_second_factor

LOGIN = "/inloggen/"
TOKEN = "/api/v1/auth/token"


def login_form(client, username, password, **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


def token_request(client, username, password, **extra):
    return client.post(TOKEN, {"username": username, "password": password}, content_type="application/json",
                       **extra)


# --- throttling ---------------------------------------------------------------------------------

def test_sixth_login_attempt_is_refused_even_with_the_right_password(client, users):
    for _ in range(5):
        response = login_form(client, "calvijn", "wrong-password")
    response = login_form(client, "calvijn", "pw-calvijn")
    assert response.status_code == 429
    text = response.content.decode()
    assert "Te veel mislukte inlogpogingen" in text and "15 minuten" in text
    assert "_auth_user_id" not in client.session
    assert client.get("/").status_code == 302  # still not logged in


def test_four_failures_then_the_right_password_logs_in(client, users):
    for _ in range(4):
        assert login_form(client, "calvijn", "wrong-password").status_code == 200
    assert login_form(client, "calvijn", "pw-calvijn").status_code == 302
    assert client.session.get("_auth_user_id") == str(users["calvijn"].pk)


def test_lockout_is_per_account_from_any_address(client, users):
    for n in range(5):
        login_form(client, "calvijn", "wrong-password", REMOTE_ADDR=f"10.0.0.{n + 1}")
    assert login_form(client, "calvijn", "pw-calvijn", REMOTE_ADDR="10.0.0.99").status_code == 429
    # another account from a fresh address is not affected
    assert login_form(client, "rocva", "pw-rocva", REMOTE_ADDR="10.0.0.98").status_code == 302


def test_lockout_is_per_address_over_any_account(client, users):
    for n in range(5):
        login_form(client, f"nobody{n}", "wrong-password", REMOTE_ADDR="10.1.1.1")
    assert login_form(client, "rocva", "pw-rocva", REMOTE_ADDR="10.1.1.1").status_code == 429
    assert login_form(client, "rocva", "pw-rocva", REMOTE_ADDR="10.1.1.2").status_code == 302


def test_lockout_ends_after_the_cooling_period(client, users):
    from axes.models import AccessAttempt

    for _ in range(5):
        login_form(client, "calvijn", "wrong-password")
    assert login_form(client, "calvijn", "pw-calvijn").status_code == 429
    past = AccessAttempt.objects.first().attempt_time - settings.AXES_COOLOFF_TIME
    AccessAttempt.objects.update(attempt_time=past)
    assert login_form(client, "calvijn", "pw-calvijn").status_code == 302


def test_token_endpoint_is_throttled_with_json(client, users):
    for _ in range(5):
        response = token_request(client, "calvijn", "wrong-password")
        assert response.status_code in (401, 429)
    response = token_request(client, "calvijn", "pw-calvijn")
    assert response.status_code == 429
    body = response.json()
    assert body["reason"] == "login_throttled" and "15 minuten" in body["detail"]
    assert response["Retry-After"] == str(15 * 60)
    assert not ApiToken.objects.exists()


def test_token_endpoint_names_the_field_for_bad_credentials(client, users):
    response = token_request(client, "x" * 151, "wrong")
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "username"
    response = client.post(TOKEN, {"username": "calvijn"}, content_type="application/json")
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "password"


def test_form_failures_also_lock_the_token_endpoint(client, users):
    for _ in range(5):
        login_form(client, "calvijn", "wrong-password")
    assert token_request(client, "calvijn", "pw-calvijn").status_code == 429


def test_client_address_behind_a_trusted_proxy(client, users, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(5):
        login_form(client, f"x{_}", "wrong", HTTP_X_FORWARDED_FOR="203.0.113.7, 198.51.100.1")
    # the spoofable left part differs, the address the proxy saw is the same: locked out
    assert login_form(client, "rocva", "pw-rocva", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.1").status_code == 429
    # another client behind the same proxy logs in
    assert login_form(client, "rocva", "pw-rocva", HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 302


# --- passwords ----------------------------------------------------------------------------------

@pytest.mark.parametrize("password, code", [
    ("11111112", "password_too_short"),
    ("kort-wacht", "password_too_short"),
    ("qwertyuiop123", "password_too_common"),
    ("1qaz2wsx3edc", "password_too_common"),
])
def test_password_change_refuses_short_or_common_passwords(client, users, password, code):
    client.force_login(users["calvijn"])
    response = client.post("/wachtwoord/", {"old_password": "pw-calvijn", "new_password1": password,
                                            "new_password2": password})
    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()["new_password2"]
    assert code in {e.code for e in errors}
    assert all(str(e.message) % (e.params or {}) in response.content.decode() for e in errors
               if e.code == code) or code in str(errors)
    users["calvijn"].refresh_from_db()
    assert users["calvijn"].check_password("pw-calvijn")


def test_password_change_with_a_good_password(client, users):
    client.force_login(users["calvijn"])
    assert client.get("/wachtwoord/").status_code == 200
    response = client.post("/wachtwoord/", {"old_password": "pw-calvijn", "new_password1": "paars-fietsrek-Kanaal-91",
                                            "new_password2": "paars-fietsrek-Kanaal-91"})
    assert response.status_code == 302 and response["Location"] == "/wachtwoord/gewijzigd/"
    users["calvijn"].refresh_from_db()
    assert users["calvijn"].check_password("paars-fietsrek-Kanaal-91")


def test_validators_require_twelve_characters():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password("Xq7#kLm2$pZ")  # 11 characters
    validate_password("Xq7#kLm2$pZw")  # 12


# --- API tokens ---------------------------------------------------------------------------------

def test_token_stops_working_after_a_password_change(api_client, users):
    headers = api_client.token_for("calvijn")
    assert api_client.get("/api/v1/routes", **headers).status_code == 200
    api_client.force_login(users["calvijn"])
    api_client.post("/wachtwoord/", {"old_password": "pw-calvijn", "new_password1": "paars-fietsrek-Kanaal-91",
                                     "new_password2": "paars-fietsrek-Kanaal-91"})
    api_client.logout()
    assert api_client.get("/api/v1/routes", **headers).status_code == 401
    assert not ApiToken.objects.filter(user=users["calvijn"]).exists()


def test_set_password_in_code_revokes_tokens_but_a_profile_edit_does_not(api_client, users):
    headers = api_client.token_for("calvijn")
    user = User.objects.get(username="calvijn")
    user.first_name = "Carla"
    user.save()
    assert api_client.get("/api/v1/routes", **headers).status_code == 200
    user.set_password("pw-calvijn")
    user.save()
    assert api_client.get("/api/v1/routes", **headers).status_code == 401


def test_deactivation_revokes_tokens(api_client, users):
    headers = api_client.token_for("calvijn")
    user = users["calvijn"]
    user.is_active = False
    user.save()
    assert not ApiToken.objects.filter(user=user).exists()
    assert api_client.get("/api/v1/routes", **headers).status_code == 401


def test_owner_revokes_the_current_token(api_client, users):
    headers = api_client.token_for("calvijn")
    other = api_client.token_for("calvijn")
    assert api_client.delete(TOKEN, **headers).status_code == 204
    assert api_client.get("/api/v1/routes", **headers).status_code == 401
    assert api_client.get("/api/v1/routes", **other).status_code == 200


def test_owner_lists_and_revokes_own_tokens_only(api_client, users):
    mine = api_client.token_for("calvijn")
    second = api_client.token_for("calvijn")
    theirs = api_client.token_for("rocva")
    listed = api_client.get("/api/v1/auth/tokens", **mine).json()
    assert len(listed) == 2 and sum(t["current"] for t in listed) == 1
    assert "token" not in listed[0] and "key_hash" not in listed[0]
    other_id = next(t["id"] for t in listed if not t["current"])
    assert api_client.delete(f"/api/v1/auth/tokens/{other_id}", **mine).status_code == 204
    assert api_client.get("/api/v1/routes", **second).status_code == 401
    rocva_token = ApiToken.objects.get(user=users["rocva"])
    response = api_client.delete(f"/api/v1/auth/tokens/{rocva_token.pk}", **mine)
    assert response.status_code == 404
    assert api_client.delete(f"/api/v1/auth/tokens/{2**63}", **mine).status_code == 404
    assert api_client.get("/api/v1/routes", **theirs).status_code == 200


def test_deleting_the_current_token_needs_a_token(client, users):
    client.force_login(users["calvijn"])
    assert client.delete(TOKEN).status_code == 401  # a session never changes data through the API


def test_tokens_are_stored_as_hashes(api_client, users):
    key = api_client.token_for("calvijn")["HTTP_AUTHORIZATION"][7:]
    stored = ApiToken.objects.get(user=users["calvijn"])
    assert stored.key_hash == ApiToken.hash(key) and key not in stored.key_hash


def test_beheerder_lists_and_revokes_tokens_in_the_admin(api_client, users):
    headers = api_client.token_for("calvijn")
    api_client.token_for("rocva")
    login_with_second_factor(api_client, users["beheer"])
    page = api_client.get("/beheer/accounts/apitoken/")
    assert page.status_code == 200 and "calvijn" in page.content.decode() and "rocva" in page.content.decode()
    token = ApiToken.objects.get(user=users["calvijn"])
    response = api_client.post("/beheer/accounts/apitoken/", {"action": "revoke", "_selected_action": [token.pk]})
    assert response.status_code == 302
    assert not ApiToken.objects.filter(user=users["calvijn"]).exists()
    assert ApiToken.objects.filter(user=users["rocva"]).exists()
    # revoke all tokens of chosen users from the user list
    response = api_client.post("/beheer/accounts/user/", {"action": "revoke_api_tokens",
                                                          "_selected_action": [users["rocva"].pk]})
    assert response.status_code == 302 and not ApiToken.objects.exists()
    api_client.logout()
    assert api_client.get("/api/v1/routes", **headers).status_code == 401


def test_only_beheerders_see_tokens_in_the_admin(client, users):
    client.force_login(users["calvijn"])
    assert client.get("/beheer/accounts/apitoken/").status_code in (302, 403)


# --- sessions -----------------------------------------------------------------------------------

def test_session_settings():
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    assert settings.SESSION_MAX_AGE == 12 * 3600


def test_session_idle_expiry_is_renewed_on_each_request(client, users):
    assert login_form(client, "calvijn", "pw-calvijn").status_code == 302
    client.get("/")
    assert 29 * 60 < client.session.get_expiry_age() <= 30 * 60
    from django.contrib.sessions.models import Session
    session = Session.objects.get(session_key=client.session.session_key)
    from django.utils import timezone
    assert (session.expire_date - timezone.now()).total_seconds() <= 30 * 60


def test_session_ends_twelve_hours_after_login(client, users):
    assert login_form(client, "calvijn", "pw-calvijn").status_code == 302
    assert client.get("/").status_code == 200
    session = client.session
    assert abs(session[SessionLifetimeMiddleware.KEY] - time.time()) < 60
    session[SessionLifetimeMiddleware.KEY] = int(time.time()) - 12 * 3600 - 1
    session.save()
    assert client.get("/").status_code == 302  # back to the login page
    assert "_auth_user_id" not in client.session


def test_session_within_twelve_hours_stays(client, users):
    assert login_form(client, "calvijn", "pw-calvijn").status_code == 302
    session = client.session
    session[SessionLifetimeMiddleware.KEY] = int(time.time()) - 11 * 3600
    session.save()
    assert client.get("/").status_code == 200


def test_beheerder_lifts_a_lockout_in_the_admin(client, users):
    from axes.models import AccessAttempt

    for _ in range(5):
        login_form(client, "calvijn", "wrong-password", REMOTE_ADDR="10.2.2.2")
    assert login_form(client, "calvijn", "pw-calvijn", REMOTE_ADDR="10.2.2.3").status_code == 429
    admin_client = type(client)()
    login_with_second_factor(admin_client, users["beheer"])
    assert admin_client.get("/beheer/axes/accessattempt/").status_code == 200
    ids = list(AccessAttempt.objects.values_list("pk", flat=True))
    response = admin_client.post("/beheer/axes/accessattempt/", {"action": "delete_selected",
                                                                 "_selected_action": ids, "post": "yes"})
    assert response.status_code == 302 and not AccessAttempt.objects.exists()
    assert login_form(client, "calvijn", "pw-calvijn", REMOTE_ADDR="10.2.2.3").status_code == 302


def test_idle_session_ends(client, users):
    from datetime import timedelta

    from django.contrib.sessions.models import Session
    from django.utils import timezone

    assert login_form(client, "calvijn", "pw-calvijn").status_code == 302
    assert client.get("/").status_code == 200
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1))  # 30 minutes without a request
    assert client.get("/").status_code == 302
