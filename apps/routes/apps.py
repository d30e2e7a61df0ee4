from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoutesConfig(AppConfig):
    name = "apps.routes"
    verbose_name = _("Routes en overeenkomsten")

    def ready(self):
        from apps.registry.signals import kwalificaties_changed

        from . import audit  # noqa: F401  (registers the models with auditlog)
        from .compliance import reevaluate_routes_of

        kwalificaties_changed.connect(reevaluate_routes_of, dispatch_uid="routes.reevaluate_routes_of")
