"""The JSON API at /api/v1 (OpenAPI description at /api/v1/openapi.json)."""
from django.http import HttpRequest
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.errors import ValidationError as NinjaValidationError

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def api_auth(request: HttpRequest):
    """Bearer token for everything; a browser session only for reading (no CSRF risk)."""
    user = request.user
    if user.is_authenticated and (getattr(request, "auth_via_token", False) or request.method in SAFE_METHODS):
        return user
    return None


api = NinjaAPI(title="Leerroute API", version="1", urls_namespace="api", auth=api_auth,
               description="Register van doorlopende leerroutes vmbo-mbo. Authenticatie: POST /api/v1/auth/token, "
                           "daarna `Authorization: Bearer <token>`.")


@api.exception_handler(NinjaValidationError)
def validation_error(request, exc):
    errors = []
    for error in exc.errors:
        location = [str(p) for p in error.get("loc", []) if p not in ("body", "payload", "query", "path")]
        errors.append({"rule": None, "field": ".".join(location), "message": error.get("msg", "")})
    return api.create_response(request, {"errors": errors}, status=422)


@api.exception_handler(AuthenticationError)
def unauthorized(request, exc):
    return api.create_response(request, {"detail": "Niet ingelogd: gebruik een token (POST /api/v1/auth/token)."},
                               status=401)


from apps.accounts.api import router as accounts_router  # noqa: E402
from apps.registry.api import router as registry_router  # noqa: E402
from apps.routes.api import agreements_router, router as routes_router, rules_router  # noqa: E402
from apps.routes.proposals_api import router as partner_proposals_router  # noqa: E402
from apps.finance.api import router as finance_router  # noqa: E402
from apps.students.api import router as students_router  # noqa: E402

api.add_router("/auth", accounts_router)
api.add_router("/rules", rules_router)
api.add_router("/routes", routes_router)
api.add_router("/agreements", agreements_router)
api.add_router("/", partner_proposals_router)
api.add_router("/", registry_router)
api.add_router("/", students_router)
api.add_router("/settlements", finance_router)
