"""Two-factor authentication with django-otp's TOTP devices (an authenticator app).

Every user may enrol a device; a beheerder must before anything else. A user with a confirmed
device logs in with password and then a 6-digit code; the session then counts as verified
(django_otp's OTPMiddleware: `request.user.is_verified()`). A session that is logged in but not
verified while the user has a device (or is a beheerder) is held at the code or enrolment page
(apps.accounts.middleware.TwoFactorMiddleware) and reads nothing from the API. A wrong code counts
as a failed login for the lockout (django-axes) and makes the next try wait 1, 2, 4, ... seconds
(django-otp's throttling)."""
import time

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

# The user who gave the right password and still has to give the code: {"user", "backend", "at"}.
PENDING_KEY = "_leerroute_otp_pending"
DEVICE_NAME = "Authenticator-app"


def confirmed_device(user) -> TOTPDevice | None:
    if user is None or not getattr(user, "pk", None):
        return None
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def must_enrol(user) -> bool:
    """Beheerders (and staff, who reach the admin) may not work without a second factor."""
    return bool(user.is_authenticated and (user.is_beheerder or user.is_staff))


def is_verified(user) -> bool:
    check = getattr(user, "is_verified", None)
    return bool(check and check())


def session_needs_second_factor(request) -> bool:
    """A browser session logged in with a password only, of a user who has a device or must enrol one."""
    user = request.user
    if not user.is_authenticated or getattr(request, "auth_via_token", False) or is_verified(user):
        return False
    return must_enrol(user) or confirmed_device(user) is not None


def new_device(user) -> TOTPDevice:
    """The device being enrolled: unconfirmed until the user enters a code it made. Reused while unconfirmed,
    so the QR code stays the same when the page is reloaded."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def check_code(request, user, device, code: str) -> str | None:
    """None when the code is right; otherwise the message to show. A wrong code is a failed login (axes)."""
    code = (code or "").strip().replace(" ", "")
    allowed, _data = device.verify_is_allowed()
    if not allowed:
        return _("Te veel foute codes achter elkaar. Wacht even en probeer het dan opnieuw.")
    if len(code) == 6 and code.isdigit() and device.verify_token(code):
        return None
    if not (len(code) == 6 and code.isdigit()):
        device.throttle_increment(commit=True)
    user_login_failed.send(sender=__name__, credentials={"username": user.get_username()}, request=request)
    return _("De code klopt niet. Typ de 6 cijfers die uw authenticator-app nu toont.")


def start_pending(request, user) -> None:
    request.session[PENDING_KEY] = {"user": user.pk, "backend": getattr(user, "backend", ""), "at": int(time.time())}


def pending_user(request):
    """The user who gave the right password in this session less than OTP_LOGIN_MINUTES ago, or None."""
    from .models import User

    pending = request.session.get(PENDING_KEY)
    if not isinstance(pending, dict):
        return None
    if int(time.time()) - int(pending.get("at", 0)) > settings.OTP_LOGIN_MINUTES * 60:
        request.session.pop(PENDING_KEY, None)
        return None
    user = User.objects.filter(pk=pending.get("user"), is_active=True).first()
    if user is not None:
        user.backend = pending.get("backend") or settings.AUTHENTICATION_BACKENDS[-1]
    return user


def _forget_pending(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session.pop(PENDING_KEY, None)


user_logged_in.connect(_forget_pending, dispatch_uid="leerroute_forget_otp_pending")
