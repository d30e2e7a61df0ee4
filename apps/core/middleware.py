class DutchUnlessChosenMiddleware:
    """The interface is Dutch unless the user picks another language (the language cookie set by
    the switch in the header); the browser's Accept-Language is ignored. Runs before LocaleMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
