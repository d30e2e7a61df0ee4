from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "apps.registry"
    verbose_name = _("Register")

    def ready(self):
        from . import audit  # noqa: F401  (registers the exam plan templates with auditlog)
