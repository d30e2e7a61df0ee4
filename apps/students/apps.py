from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StudentsConfig(AppConfig):
    name = "apps.students"
    verbose_name = _("Leerlingen en examens")

    def ready(self):
        from . import audit  # noqa: F401
