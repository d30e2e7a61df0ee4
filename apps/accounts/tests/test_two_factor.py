"""Two-factor authentication (issue 8, point 5): enrolment with a confirmation code, login with the
code, beheerders held until they enrol, the admin only for a verified session, the token endpoint."""
import re

import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from apps.accounts.testing import current_code, enrol_device, login_with_second_factor

LOGIN = "/inloggen/"
CODE = "/inloggen/code/"
ENROL = "/account/tweestapsverificatie/"
TOKEN = "/api/v1/auth/token"
JSON = "application/json"


def password_step(client, username, **extra):
    return client.post(LOGIN, {"username": username, "password": "pw-" + username}, **extra)


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


# --- enrolment ----------------------------------------------------------------------------------

def test_a_user_enrols_with_a_confirmation_code(client, users):
    user = users["calvijn"]
    client.force_login(user)
    page = client.get(ENROL)
    assert page.status_code == 200
    html = page.content.decode()
    assert "<svg" in html and "<path" in html  # the QR code, made on the server
    device = TOTPDevice.objects.get(user=user)
    assert not device.confirmed
    secret = re.search(r'id="otp-secret">([A-Z2-7 ]+)<', html).group(1).replace(" ", "")
    from base64 import b32decode
    assert b32decode(secret) == device.bin_key  # the secret in text, for typing it over
    again = re.search(r'id="otp-secret">([A-Z2-7 ]+)<', client.get(ENROL).content.decode()).group(1)
    assert again.replace(" ", "") == secret  # a reload keeps the same secret
    assert TOTPDevice.objects.filter(user=user).count() == 1
    # A wrong code does not switch it on
    response = client.post(ENROL, {"action": "confirm", "code": wrong(current_code(device))})
    assert response.status_code == 422 and "klopt niet" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    # The right code does, and this session counts as verified
    response = client.post(ENROL, {"action": "confirm", "code": current_code(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert "Na uw wachtwoord vraagt Leerroute" in client.get(ENROL).content.decode()


def test_an_unconfirmed_device_does_not_count_at_login(client, users):
    TOTPDevice.objects.create(user=users["calvijn"], name="half", confirmed=False)
    assert password_step(client, "calvijn").url == "/"


def test_removing_needs_the_password(client, users):
    device = login_with_second_factor(client, users["calvijn"])
    response = client.post(ENROL, {"action": "remove", "password": "not-my-password"})
    assert response.status_code == 422 and TOTPDevice.objects.filter(pk=device.pk).exists()
    response = client.post(ENROL, {"action": "remove", "password": "pw-calvijn"})
    assert response.status_code == 302 and not TOTPDevice.objects.filter(user=users["calvijn"]).exists()
    client.logout()
    assert password_step(client, "calvijn").url == "/"  # no code step any more


# --- login --------------------------------------------------------------------------------------

def test_login_needs_the_code_after_the_password(client, users):
    device = enrol_device(users["calvijn"])
    response = password_step(client, "calvijn", QUERY_STRING="")
    assert response.status_code == 302 and response.url.startswith(CODE)
    assert "_auth_user_id" not in client.session  # not logged in yet
    assert client.get("/").status_code == 302  # nothing to see
    assert client.get("/api/v1/routes").status_code == 401
    page = client.get(CODE)
    assert page.status_code == 200 and 'autocomplete="one-time-code"' in page.content.decode()
    response = client.post(CODE, {"code": wrong(current_code(device))})
    assert response.status_code == 422 and "_auth_user_id" not in client.session
    response = client.post(CODE, {"code": current_code(device)})
    assert response.status_code == 302 and response.url == "/"
    assert client.session["_auth_user_id"] == str(users["calvijn"].pk)
    assert client.get("/").status_code == 200
    assert client.get("/api/v1/routes").status_code == 200


def test_the_code_step_keeps_where_the_user_was_going(client, users):
    device = enrol_device(users["calvijn"])
    response = client.post(LOGIN + "?next=/routes/", {"username": "calvijn", "password": "pw-calvijn",
                                                      "next": "/routes/"})
    assert response.url == CODE + "?next=%2Froutes%2F"
    response = client.post(response.url, {"code": current_code(device), "next": "/routes/"})
    assert response.url == "/routes/"
    # never to another site
    client.logout()
    password_step(client, "calvijn")
    assert client.post(CODE, {"code": current_code(device), "next": "https://evil.example/"}).url == "/"


def test_the_code_step_without_the_password_step_goes_to_the_login(client, users):
    enrol_device(users["calvijn"])
    response = client.get(CODE)
    assert response.status_code == 302 and response.url.startswith(LOGIN)


def test_a_code_is_accepted_once(client, users):
    device = enrol_device(users["calvijn"])
    code = current_code(device)
    password_step(client, "calvijn")
    assert client.post(CODE, {"code": code}).status_code == 302
    other = type(client)()
    password_step(other, "calvijn")
    assert other.post(CODE, {"code": code}).status_code == 422  # replay of the same code


def test_wrong_codes_are_throttled_and_count_as_failed_logins(client, users):
    from axes.models import AccessAttempt

    device = enrol_device(users["calvijn"])
    password_step(client, "calvijn")
    response = client.post(CODE, {"code": wrong(current_code(device))})
    assert response.status_code == 422
    device.refresh_from_db()
    assert device.throttling_failure_count == 1
    assert AccessAttempt.objects.get(username="calvijn").failures_since_start == 1
    # straight after a failure even the right code waits (django-otp: 1, 2, 4, ... seconds)
    code = f"{__import__('django_otp.oath', fromlist=['totp']).totp(device.bin_key):06d}"
    response = client.post(CODE, {"code": code})
    assert response.status_code == 422 and "Wacht even" in response.content.decode()
    # five failures lock the account out, also for the code step
    for _ in range(4):
        device.throttle_reset()
        response = client.post(CODE, {"code": wrong(current_code(device))})
    assert response.status_code == 429 and "Te veel mislukte inlogpogingen" in response.content.decode()
    assert client.post(CODE, {"code": current_code(device)}).url.startswith(LOGIN)  # the password step is gone
    assert password_step(client, "calvijn").status_code == 429  # and the password alone is refused too
    assert "_auth_user_id" not in client.session


def test_a_session_from_before_the_enrolment_must_give_the_code(client, users):
    client.force_login(users["calvijn"])  # logged in with the password only
    enrol_device(users["calvijn"])  # ... and the device is enrolled in another session
    response = client.get("/routes/")
    assert response.status_code == 302 and response.url == CODE + "?next=%2Froutes%2F"
    assert client.get("/api/v1/routes").status_code == 401
    device = TOTPDevice.objects.get(user=users["calvijn"])
    assert client.post(CODE, {"code": current_code(device), "next": "/routes/"}).url == "/routes/"
    assert client.get("/routes/").status_code == 200


# --- beheerders and the admin -------------------------------------------------------------------

def test_a_beheerder_without_a_device_is_sent_to_the_enrolment_first(client, users):
    response = password_step(client, "beheer")
    assert response.status_code == 302
    for url in ("/", "/routes/", "/beheer/", "/wachtwoord/"):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(ENROL), url
    assert client.get("/api/v1/routes").status_code == 401
    page = client.get(ENROL + "?next=/beheer/")
    assert page.status_code == 200 and "Als beheerder moet u" in page.content.decode()
    device = TOTPDevice.objects.get(user=users["beheer"])
    response = client.post(ENROL + "?next=/beheer/", {"action": "confirm", "code": current_code(device),
                                                      "next": "/beheer/"})
    assert response.url == "/beheer/"
    assert client.get("/beheer/").status_code == 200


def test_a_beheerder_with_a_device_logs_in_with_the_code_and_reaches_the_admin(client, users):
    device = enrol_device(users["beheer"])
    password_step(client, "beheer")
    assert client.get("/beheer/").status_code == 302
    client.post(CODE, {"code": current_code(device)})
    assert client.get("/beheer/").status_code == 200


def test_the_admin_needs_a_verified_session(client, users, rf):
    from django.contrib import admin
    from django.contrib.auth.models import AnonymousUser

    enrol_device(users["beheer"])
    client.force_login(users["beheer"])  # password only, no code
    response = client.get("/beheer/accounts/user/")
    assert response.status_code == 302 and response.url.startswith(CODE)
    # the admin itself also refuses an unverified user (not only the middleware)
    request = rf.get("/beheer/")
    request.user = users["beheer"]
    request.user.is_verified = lambda: False
    assert admin.site.has_permission(request) is False
    request.user.is_verified = lambda: True
    assert admin.site.has_permission(request) is True
    request.user = AnonymousUser()
    assert not admin.site.has_permission(request)
    # the admin's own login page is the product's login (with the code step)
    assert type(client)().get("/beheer/login/?next=/beheer/").url == LOGIN + "?next=/beheer/"


def test_other_roles_may_work_without_a_device(client, users):
    assert password_step(client, "calvijn").url == "/"
    assert client.get("/routes/").status_code == 200


# --- API token ----------------------------------------------------------------------------------

def token(client, username, **extra):
    return client.post(TOKEN, {"username": username, "password": "pw-" + username, **extra}, content_type=JSON)


def test_token_endpoint_needs_the_code_for_a_user_with_a_device(client, users):
    device = enrol_device(users["calvijn"])
    response = token(client, "calvijn")
    assert response.status_code == 401 and response.json()["errors"][0]["field"] == "otp"
    response = token(client, "calvijn", otp=wrong(current_code(device)))
    assert response.status_code == 401 and response.json()["errors"][0]["field"] == "otp"
    response = token(client, "calvijn", otp=current_code(device))
    assert response.status_code == 200
    assert client.get("/api/v1/routes", HTTP_AUTHORIZATION=f"Bearer {response.json()['token']}").status_code == 200


def test_token_without_a_device_needs_no_code(client, users):
    assert token(client, "calvijn").status_code == 200


def test_a_beheerder_gets_a_token_only_with_the_second_factor(client, users):
    response = token(client, "beheer")
    assert response.status_code == 403 and "tweestapsverificatie" in response.json()["detail"]
    device = enrol_device(users["beheer"])
    assert token(client, "beheer").status_code == 401
    assert token(client, "beheer", otp=current_code(device)).status_code == 200


def test_wrong_token_codes_lock_the_account_out(client, users):
    device = enrol_device(users["calvijn"])
    for _ in range(5):
        device.throttle_reset()
        token(client, "calvijn", otp=wrong(current_code(device)))
    response = token(client, "calvijn", otp=current_code(device))
    assert response.status_code == 429 and response.json()["reason"] == "login_throttled"


@pytest.mark.parametrize("code", ["", "12345", "abcdef", "1234567"])
def test_malformed_codes_are_refused(client, users, code):
    enrol_device(users["calvijn"])
    password_step(client, "calvijn")
    response = client.post(CODE, {"code": code})
    assert response.status_code in (200, 422) and "_auth_user_id" not in client.session


def test_a_beheerder_removes_a_lost_device_in_the_admin_without_seeing_its_secret(client, users):
    lost = enrol_device(users["calvijn"])
    login_with_second_factor(client, users["beheer"])
    page = client.get(f"/beheer/otp_totp/totpdevice/{lost.pk}/change/")
    assert page.status_code == 200 and lost.key not in page.content.decode()
    assert client.get("/beheer/otp_totp/totpdevice/add/").status_code == 403
    response = client.post("/beheer/otp_totp/totpdevice/", {"action": "delete_selected",
                                                             "_selected_action": [lost.pk], "post": "yes"})
    assert response.status_code == 302 and not TOTPDevice.objects.filter(pk=lost.pk).exists()
