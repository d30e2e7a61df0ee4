from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StudentsConfig(AppConfig):
    name = "apps.students"
    verbose_name = _("Leerlingen en examens")

    def ready(self):
        from apps.routes import compliance

        from . import (
            audit,  # noqa: F401
            findings,
        )

        # A student's failing rules count in the route's stored compliance (the routes app does
        # not import this app: it calls the provider registered here).
        compliance.register_student_findings(findings.route_summary)
