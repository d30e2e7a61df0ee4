"""Login throttling with django-axes: the authentication backend in front of ModelBackend, the
refusal shown when an account or address is locked out, and the client address behind proxies."""
from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


class LoginThrottleBackend(AxesStandaloneBackend):
    """Refuses every attempt (also with the right password) for a locked-out account or address.
    Without a request there is no login attempt to throttle (the test client's `login`, scripts)."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_minutes() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


def lockout_message() -> str:
    return _(
        "Te veel mislukte inlogpogingen voor dit account of vanaf dit adres. Inloggen is %(minutes)d minuten "
        "geblokkeerd; probeer het daarna opnieuw."
    ) % {"minutes": lockout_minutes()}


def lockout_response(request, original_response=None, credentials=None):
    """The refusal: JSON (429) for the API, the login page with the message (429) for people."""
    retry_after = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": lockout_message(), "reason": "login_throttled"}, status=429)
    else:
        from django.contrib.auth.forms import AuthenticationForm

        username = (credentials or {}).get("username") or request.POST.get("username", "")
        form = AuthenticationForm(request, initial={"username": username})
        response = render(request, "registration/login.html",
                          {"form": form, "lockout_message": lockout_message(),
                           "next": request.POST.get("next", request.GET.get("next", ""))}, status=429)
    response["Retry-After"] = retry_after
    return response


def client_ip(request) -> str:
    """The address of the client: the socket address, or, behind TRUSTED_PROXY_COUNT proxies that
    each append to X-Forwarded-For, the entry the outermost trusted proxy added (not spoofable)."""
    count = settings.TRUSTED_PROXY_COUNT
    if count > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR", "")
