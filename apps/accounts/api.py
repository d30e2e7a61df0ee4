from django.contrib.auth import authenticate
from ninja import Router, Schema, Status

from .models import ApiToken

router = Router(tags=["auth"])


class Credentials(Schema):
    username: str
    password: str


class TokenOut(Schema):
    token: str


class Message(Schema):
    detail: str


@router.post("/token", auth=None, response={200: TokenOut, 401: Message})
def token(request, credentials: Credentials):
    """Exchange username and password for a bearer token."""
    user = authenticate(request, username=credentials.username, password=credentials.password)
    if user is None:
        return Status(401, {"detail": "Onjuiste gebruikersnaam of wachtwoord."})
    return {"token": ApiToken.issue(user)}
