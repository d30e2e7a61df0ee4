from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardConfig(AppConfig):
    """The start page per role and the dashboards (route, region, board): figures drawn as charts."""
    name = "apps.dashboard"
    verbose_name = _("Dashboards")
