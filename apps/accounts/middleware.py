from .models import ApiToken


class BearerTokenMiddleware:
    """Authenticates `Authorization: Bearer <token>` requests, before the audit middleware reads the
    user, so that API changes are audited with their actor. A token request skips CSRF (no cookie)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        header = request.headers.get("Authorization", "")
        request.auth_via_token = False
        if header.lower().startswith("bearer "):
            user = ApiToken.user_for(header[7:].strip())
            if user is not None:
                request.user = user
                request.auth_via_token = True
                request._dont_enforce_csrf_checks = True
        return self.get_response(request)
