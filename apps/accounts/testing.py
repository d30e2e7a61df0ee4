"""Test helpers for two-factor authentication: a confirmed TOTP device, its current code, and a test
client logged in with a session that passed the second factor (as after the code step)."""
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


def _user(user_or_username):
    from .models import User

    return user_or_username if isinstance(user_or_username, User) else User.objects.get(username=user_or_username)


def enrol_device(user_or_username) -> TOTPDevice:
    """The user's confirmed device, made as the enrolment page makes it when there is none."""
    user = _user(user_or_username)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator-app", confirmed=True)


def current_code(device: TOTPDevice) -> str:
    """The code the authenticator app shows now. A code is accepted once per 30 seconds (replay
    protection), so the device forgets the last accepted one and any throttling first: a test may
    log in twice within the same 30 seconds."""
    device.last_t = -1
    device.throttle_reset(commit=False)
    device.save()
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):0{device.digits}d}"


def login_with_second_factor(client, user_or_username) -> TOTPDevice:
    """Log the test client in as the user, with a verified OTP session (enrolling a device if needed)."""
    user = _user(user_or_username)
    device = enrol_device(user)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


def code_for_token(username: str) -> str | None:
    """The `otp` for POST /api/v1/auth/token: for a user with a device, and for a beheerder (who gets one)."""
    from . import otp

    user = _user(username)
    device = otp.confirmed_device(user)
    if device is None and otp.must_enrol(user):
        device = enrol_device(user)
    return current_code(device) if device is not None else None
