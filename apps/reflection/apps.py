from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReflectionConfig(AppConfig):
    name = "apps.reflection"
    verbose_name = _("Reflectie op de samenwerking")

    def ready(self):
        from . import audit  # noqa: F401  (registers the models with auditlog)
