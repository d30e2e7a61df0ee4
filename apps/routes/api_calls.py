"""How an API operation calls a use case: the use case's refusal becomes the API's answer, a 403 for who
the user is (PermissionDenied) and a 422 naming the fields for what was sent (ChangeRefused). Every app's
API uses these two, so a refusal reads the same everywhere."""
from django.core.exceptions import PermissionDenied
from ninja import Status

from .services import ChangeRefused


def call(action, *args):
    """(the use case's result, None), or (None, its refusal as a 403 or 422 answer)."""
    try:
        return action(*args), None
    except PermissionDenied as denied:
        return None, Status(403, {"detail": str(denied)})
    except ChangeRefused as refusal:
        return None, Status(422, {"errors": refusal.errors})


def answer(action, *args, success: int = 200, out=None) -> Status:
    """The use case's result as ``out(result)`` (no body without ``out``) with ``success``, or its refusal."""
    result, refused = call(action, *args)
    return refused or Status(success, out(result) if out else None)
