from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoutesConfig(AppConfig):
    name = "apps.routes"
    verbose_name = _("Routes en overeenkomsten")

    def ready(self):
        from . import audit  # noqa: F401  (registers the models with auditlog)
