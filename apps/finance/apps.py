from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinanceConfig(AppConfig):
    name = "apps.finance"
    verbose_name = _("Financiën")

    def ready(self):
        from . import audit  # noqa: F401
