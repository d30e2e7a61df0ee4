from django.apps import AppConfig


class CooperationConfig(AppConfig):
    name = "apps.cooperation"
    verbose_name = "Samenwerking: overleg, besluiten en knelpunten"

    def ready(self):
        from . import audit  # noqa: F401  (registers the models with auditlog)
