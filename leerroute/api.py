"""The JSON API at /api/v1 (OpenAPI description at /api/v1/openapi.json, documentation at /api/v1/docs).

Every error answer has one shape, `{"detail": "...", "errors": [{"rule", "field", "message"}]}`
(apps.core.api_schemas): the handlers below make it for invalid input (422), missing login (401),
refusals (403), unknown objects (404) and unexpected failures (500, logged with the traceback but
never with the request body); `LeerrouteAPI.create_response` brings the apps' own error answers into
it, and apps.core.middleware.ApiErrorShapeMiddleware the answers made outside the API (unknown
addresses, methods not allowed, refused CSRF, login lockouts)."""
import logging

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from ninja import Swagger
from ninja.errors import AuthenticationError, AuthorizationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import HttpBearer

from apps.core import schema_errors
from apps.core.api_schemas import default_detail, error_body
from apps.core.openapi import LeerrouteAPI, NulFreeParser

logger = logging.getLogger("leerroute.api")

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


class BearerOrSessionRead(HttpBearer):
    """Bearer token for everything; a browser session only for reading (no CSRF risk). The token
    itself is checked by apps.accounts.middleware.BearerTokenMiddleware, which sets the user; this
    class declares the bearer scheme in the OpenAPI description. A session of a user who still has
    to give a two-factor code (or, as a beheerder, to enrol) reads nothing."""

    def __call__(self, request: HttpRequest):
        user = request.user
        if not user.is_authenticated:
            return None
        if getattr(request, "auth_via_token", False):
            return user
        if request.method in SAFE_METHODS:
            from apps.accounts.otp import session_needs_second_factor

            return None if session_needs_second_factor(request) else user
        return None

    def authenticate(self, request: HttpRequest, token: str):  # pragma: no cover - see __call__
        return None


api = LeerrouteAPI(
    title="Leerroute API", version="1", urls_namespace="api", auth=BearerOrSessionRead(), parser=NulFreeParser(),
    docs=Swagger(settings={"persistAuthorization": False, "validatorUrl": None}),  # no validator badge from swagger.io
    description="Register van doorlopende leerroutes vmbo-mbo. Authenticatie: POST /api/v1/auth/token "
                "(met `otp` als het account tweestapsverificatie heeft), daarna `Authorization: Bearer <token>`. "
                "Elke fout heeft de vorm `{\"detail\": \"...\", \"errors\": [{\"rule\", \"field\", \"message\"}]}`.",
)


def _error(request, status, detail=None, errors=None):
    return api.create_response(request, error_body(status, detail, errors), status=status)


@api.exception_handler(NinjaValidationError)
def validation_error(request, exc):
    return _error(request, 422, errors=schema_errors.problems(exc))


@api.exception_handler(AuthenticationError)
def unauthorized(request, exc):
    return _error(request, 401)


@api.exception_handler(AuthorizationError)
@api.exception_handler(PermissionDenied)
def forbidden(request, exc):
    return _error(request, 403)


@api.exception_handler(Http404)
def not_found(request, exc):
    return _error(request, 404)


@api.exception_handler(HttpError)
def http_error(request, exc):
    if isinstance(exc.__cause__, NinjaValidationError):    # the parser refused a body (NulFreeParser)
        return validation_error(request, exc.__cause__)
    return _error(request, exc.status_code, str(exc) if exc.message else None)


@api.exception_handler(Exception)
def server_error(request, exc):
    # The traceback goes to the log; the request body (personal data) does not, only what was asked.
    logger.error("API error on %s %s", request.method, request.path, exc_info=exc)
    return _error(request, 500, default_detail(500))


from apps.accounts.api import router as accounts_router  # noqa: E402
from apps.continuity.api import router as continuity_router  # noqa: E402
from apps.cooperation.api import router as cooperation_router  # noqa: E402
from apps.finance.api import router as finance_router  # noqa: E402
from apps.reflection.api import router as reflection_router  # noqa: E402
from apps.regional.api import router as regional_router  # noqa: E402
from apps.regional.report_api import router as regional_report_router  # noqa: E402
from apps.registry.api import router as registry_router  # noqa: E402
from apps.results.api import router as results_router  # noqa: E402
from apps.routes.api import agreements_router, rules_router  # noqa: E402
from apps.routes.api import router as routes_router  # noqa: E402
from apps.routes.goals_api import router as goals_router  # noqa: E402
from apps.routes.people_api import router as people_router  # noqa: E402
from apps.routes.proposals_api import router as partner_proposals_router  # noqa: E402
from apps.students.api import router as students_router  # noqa: E402
from apps.survey.api import public as survey_public_router  # noqa: E402
from apps.survey.api import router as survey_router  # noqa: E402

api.add_router("/auth", accounts_router)
api.add_router("/rules", rules_router)
api.add_router("/routes", routes_router)
api.add_router("/routes", goals_router)
api.add_router("/agreements", agreements_router)
api.add_router("/", partner_proposals_router)
api.add_router("/", people_router)
api.add_router("/", registry_router)
api.add_router("/", students_router)
api.add_router("/settlements", finance_router)
api.add_router("/", results_router)
api.add_router("/", regional_router)
api.add_router("/", regional_report_router)
api.add_router("/", continuity_router)
api.add_router("/", survey_router)
api.add_router("/survey", survey_public_router)
api.add_router("/", reflection_router)
api.add_router("/", cooperation_router)
