from django.apps import AppConfig


class ContinuityConfig(AppConfig):
    name = "apps.continuity"
    verbose_name = "Continuïteitssignalen en gezondheid van routes"

    def ready(self):
        from . import audit  # noqa: F401  (registers the models with auditlog)
