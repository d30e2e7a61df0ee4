class DutchUnlessChosenMiddleware:
    """The interface is Dutch unless the user picks another language (the language cookie set by
    the switch in the header); the browser's Accept-Language is ignored. Runs before LocaleMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """Pages and API answers hold personal data: no browser or proxy may keep a copy
    (`Cache-Control: no-store`), and browser features the product never uses are switched off
    (`Permissions-Policy`). Sits after WhiteNoise, so static files keep their long cache lifetime."""

    def __init__(self, get_response):
        from django.conf import settings

        self.get_response = get_response
        self.permissions_policy = getattr(settings, "PERMISSIONS_POLICY", "")

    def __call__(self, request):
        response = self.get_response(request)
        response["Cache-Control"] = "no-store"
        if "Expires" not in response:
            response["Expires"] = "0"
        if self.permissions_policy:
            response.setdefault("Permissions-Policy", self.permissions_policy)
        return response


class ApiErrorShapeMiddleware:
    """Error answers under /api/ that the API itself did not make (an unknown address, a method the
    address does not take, a login lockout, a failure outside a view) get the API's one error shape
    (apps.core.api_schemas), as JSON."""

    PREFIX = "/api/"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code < 400 or not request.path.startswith(self.PREFIX) or response.streaming:
            return response
        import json

        from django.http import JsonResponse

        from .api_schemas import error_body, normalise_error_body

        body = None
        if response.get("Content-Type", "").startswith("application/json"):
            try:
                body = json.loads(response.content or b"null")
            except ValueError:
                body = None
        shaped = (normalise_error_body(response.status_code, body) if body is not None
                  else error_body(response.status_code))
        if shaped == body:
            return response
        new = JsonResponse(shaped, status=response.status_code)
        for header in ("Allow", "Retry-After", "WWW-Authenticate"):
            if header in response:
                new[header] = response[header]
        return new
