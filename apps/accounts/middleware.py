import time

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .models import ApiToken


class BearerTokenMiddleware:
    """Authenticates `Authorization: Bearer <token>` requests, before the audit middleware reads the
    user, so that API changes are audited with their actor. A token request skips CSRF (no cookie)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        header = request.headers.get("Authorization", "")
        request.auth_via_token = False
        request.api_token = None
        if header.lower().startswith("bearer "):
            token = ApiToken.token_for(header[7:].strip())
            if token is not None:
                request.user = token.user
                request.api_token = token
                request.auth_via_token = True
                request._dont_enforce_csrf_checks = True
        return self.get_response(request)


class SessionLifetimeMiddleware:
    """Ends a browser session SESSION_MAX_AGE seconds after login, however active it has been. The
    idle limit is the session cookie age, renewed on every request (SESSION_SAVE_EVERY_REQUEST)."""

    KEY = "_leerroute_login_at"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings
        from django.contrib.auth import logout

        if not getattr(request, "auth_via_token", False) and request.user.is_authenticated:
            now = int(time.time())
            login_at = request.session.get(self.KEY)
            if login_at is None:
                request.session[self.KEY] = now
            elif now - login_at > settings.SESSION_MAX_AGE:
                logout(request)
        return self.get_response(request)


@receiver(user_logged_in)
def remember_login_time(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[SessionLifetimeMiddleware.KEY] = int(time.time())


class TwoFactorMiddleware:
    """Holds a browser session that still needs its second factor (apps.accounts.otp) at the code page
    (the user has a device) or at the enrolment page (a beheerder without one), whatever it asks for.
    The API answers such a session itself: it reads nothing (leerroute.api.BearerOrSessionRead)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings
        from django.contrib.auth import REDIRECT_FIELD_NAME
        from django.shortcuts import redirect
        from django.urls import reverse
        from django.utils.http import urlencode

        from . import otp

        open_paths = (reverse("otp_login"), reverse("two_factor"), reverse("logout"), reverse("set_language"), "/api/",
                      "/" + settings.STATIC_URL.lstrip("/"))
        if not request.path.startswith(open_paths) and otp.session_needs_second_factor(request):
            target = "otp_login" if otp.confirmed_device(request.user) is not None else "two_factor"
            query = urlencode({REDIRECT_FIELD_NAME: request.get_full_path()}) if request.method == "GET" else ""
            return redirect(reverse(target) + (f"?{query}" if query else ""))
        return self.get_response(request)
