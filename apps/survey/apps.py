from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveyConfig(AppConfig):
    name = "apps.survey"
    verbose_name = _("Leerlingenquêtes")

    def ready(self):
        from . import audit  # noqa: F401  (registers the staff's records with auditlog; never the answers)
