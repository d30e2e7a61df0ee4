"""Login with a second factor and the "Tweestapsverificatie" page (apps.accounts.otp)."""
from base64 import b32encode

import django_otp
import qrcode
import qrcode.image.svg
from axes.handlers.proxy import AxesProxyHandler
from django import forms
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth import login as auth_login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from . import otp
from .backends import lockout_response


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code uit uw authenticator-app"), max_length=10, strip=True,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "pattern": "[0-9 ]*",
                                      "autofocus": True, "size": 8}),
    )


class RemoveForm(forms.Form):
    password = forms.CharField(label=gettext_lazy("Uw wachtwoord"), strip=False,
                               widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))


def _next_url(request, default: str) -> str:
    target = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME) or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return target
    return default


def _with_next(url: str, request) -> str:
    from urllib.parse import urlencode

    target = _next_url(request, "")
    return f"{url}?{urlencode({REDIRECT_FIELD_NAME: target})}" if target else url


class TwoFactorLoginView(LoginView):
    """The password step. A user with a confirmed device is not logged in yet: the code step follows."""

    def form_valid(self, form):
        user = form.get_user()
        if otp.confirmed_device(user) is None:
            return super().form_valid(form)
        otp.start_pending(self.request, user)
        return HttpResponseRedirect(_with_next(reverse("otp_login"), self.request))


@sensitive_post_parameters("code")
@never_cache
@require_http_methods(["GET", "POST"])
def code_step(request):
    """The code step of a login (after the password), or of a session that was logged in before the user's
    device was confirmed elsewhere."""
    pending = None
    if request.user.is_authenticated:
        user = request.user
        if not otp.session_needs_second_factor(request):
            return redirect(_next_url(request, reverse("home")))
    else:
        user = pending = otp.pending_user(request)
        if user is None:
            messages.info(request, _("Log eerst in met uw gebruikersnaam en wachtwoord."))
            return redirect(_with_next(reverse("login"), request))
    device = otp.confirmed_device(user)
    if device is None:  # a beheerder without a device: enrol first
        return redirect(_with_next(reverse("two_factor"), request))
    credentials = {"username": user.get_username()}
    if AxesProxyHandler.is_locked(request, credentials):
        request.session.pop(otp.PENDING_KEY, None)
        return lockout_response(request, credentials=credentials)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        error = otp.check_code(request, user, device, form.cleaned_data["code"])
        if error is None:
            if pending is not None:
                user.otp_device = device  # django_otp marks the session verified on login
                auth_login(request, pending, backend=pending.backend)
            else:
                django_otp.login(request, device)
            return redirect(_next_url(request, reverse("home")))
        if getattr(request, "axes_locked_out", False):
            request.session.pop(otp.PENDING_KEY, None)
            return lockout_response(request, credentials=credentials)
        form.add_error("code", error)
    return render(request, "registration/otp_code.html",
                  {"form": form, "next": _next_url(request, ""), "username": user.get_username()},
                  status=422 if form.errors else 200)


def _qr_svg(text: str) -> str:
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    return image.to_string(encoding="unicode")


def _grouped(secret: str) -> str:
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


@sensitive_post_parameters("code", "password")
@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def two_factor(request):
    """Tweestapsverificatie: enrol an authenticator app (confirmed with a code it makes) or remove it
    (with the password)."""
    user = request.user
    device = otp.confirmed_device(user)
    action = request.POST.get("action") if request.method == "POST" else None
    code_form = CodeForm(request.POST if action == "confirm" else None)
    remove_form = RemoveForm(request.POST if action == "remove" else None)
    if device is not None:
        if action == "remove" and remove_form.is_valid():
            if user.check_password(remove_form.cleaned_data["password"]):
                otp.TOTPDevice.objects.filter(user=user).delete()
                request.session.pop(django_otp.DEVICE_ID_SESSION_KEY, None)
                messages.success(request, _("Tweestapsverificatie is uitgeschakeld; de app geeft geen geldige "
                                            "codes meer."))
                return redirect("two_factor")
            remove_form.add_error("password", _("Dit wachtwoord klopt niet."))
        return render(request, "registration/two_factor.html",
                      {"device": device, "remove_form": remove_form, "required": otp.must_enrol(user)},
                      status=422 if remove_form.errors else 200)
    pending_device = otp.new_device(user)
    if action == "confirm" and code_form.is_valid():
        error = otp.check_code(request, user, pending_device, code_form.cleaned_data["code"])
        if error is None:
            pending_device.confirmed = True
            pending_device.save(update_fields=["confirmed"])
            django_otp.login(request, pending_device)
            messages.success(request, _("Tweestapsverificatie staat aan. Voortaan vraagt Leerroute na uw wachtwoord "
                                        "om een code uit de app."))
            return redirect(_next_url(request, reverse("two_factor")))
        if getattr(request, "axes_locked_out", False):
            return lockout_response(request, credentials={"username": user.get_username()})
        code_form.add_error("code", error)
    secret = b32encode(pending_device.bin_key).decode()
    return render(request, "registration/two_factor.html", {
        "device": None, "code_form": code_form, "required": otp.must_enrol(user),
        "qr_svg": mark_safe(_qr_svg(pending_device.config_url)),  # made here from our own text: no markup from outside
        "secret": _grouped(secret), "next": _next_url(request, ""),
    }, status=422 if code_form.errors else 200)
