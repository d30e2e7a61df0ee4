from datetime import datetime

from django.contrib.auth import authenticate
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from apps.core.api_schemas import Errors

from . import otp
from .backends import lockout_message
from .models import ApiToken

router = Router(tags=["auth"])


class Credentials(Schema):
    # The username fits the user model (and the lockout log); the password the hasher's limit.
    username: str = Field(..., min_length=1, max_length=150)
    password: str = Field(..., min_length=1, max_length=4096)
    # The 6-digit code of the authenticator app, for an account with two-factor authentication.
    otp: str | None = Field(None, max_length=10)


class TokenOut(Schema):
    token: str


class TokenInfo(Schema):
    id: int
    created: datetime
    expires: datetime
    current: bool


class Message(Errors):
    """An error answer (the API's one shape) with its own sentence."""


class Throttled(Errors):
    reason: str


@router.post("/token", auth=None, response={200: TokenOut, 401: Message, 403: Message, 429: Throttled})
def token(request, payload: Credentials):
    """Exchange username and password (and, for an account with two-factor authentication, the current
    code of the authenticator app in `otp`) for a bearer token. After too many failures (also wrong
    codes) for the account or from the address, attempts are refused (429) for a cooling period, also
    with the right password. A beheerder first enrols an authenticator app in the browser."""
    user = authenticate(request, username=payload.username, password=payload.password)
    if getattr(request, "axes_locked_out", False):
        return Status(429, {"detail": lockout_message(), "reason": "login_throttled"})
    if user is None:
        return Status(401, {"detail": _("Onjuiste gebruikersnaam of wachtwoord.")})
    device = otp.confirmed_device(user)
    if device is None:
        if otp.must_enrol(user):
            return Status(403, {"detail": _("Een beheerder heeft tweestapsverificatie nodig: stel die eerst in via "
                                            "Tweestapsverificatie in de browser.")})
        return {"token": ApiToken.issue(user)}
    if not payload.otp:
        return Status(401, {"detail": _("Dit account heeft tweestapsverificatie: stuur de code uit de "
                                        "authenticator-app mee in het veld otp."),
                            "errors": [{"rule": None, "field": "otp", "message": _("Verplicht voor dit account.")}]})
    error = otp.check_code(request, user, device, payload.otp)
    if getattr(request, "axes_locked_out", False):
        return Status(429, {"detail": lockout_message(), "reason": "login_throttled"})
    if error is not None:
        return Status(401, {"detail": error, "errors": [{"rule": None, "field": "otp", "message": error}]})
    return {"token": ApiToken.issue(user)}


def _current_token(request):
    return getattr(request, "api_token", None)


@router.delete("/token", response={204: None, 400: Message})
def revoke_current_token(request):
    """Revoke the token this request is authenticated with (log out of the API)."""
    current = _current_token(request)
    if current is None:
        return Status(400, {"detail": _("Dit verzoek gebruikt geen token: stuur `Authorization: Bearer <token>`.")})
    current.delete()
    return Status(204, None)


@router.get("/tokens", response=list[TokenInfo])
def list_tokens(request):
    """Your own API tokens that are still valid (the tokens themselves are never shown again)."""
    from django.utils import timezone

    current = _current_token(request)
    tokens = ApiToken.objects.filter(user=request.user, expires__gt=timezone.now()).order_by("-created")
    current_pk = current.pk if current is not None else None
    return [{"id": t.pk, "created": t.created, "expires": t.expires, "current": t.pk == current_pk} for t in tokens]


@router.delete("/tokens/{token_id}", response={204: None, 404: Message})
def revoke_token(request, token_id: int):
    """Revoke one of your own tokens."""
    deleted = 0
    if 0 < token_id < 2**63:
        deleted, _count = ApiToken.objects.filter(user=request.user, pk=token_id).delete()
    if not deleted:
        return Status(404, {"detail": _("Geen token van u met dit nummer.")})
    return Status(204, None)
