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
