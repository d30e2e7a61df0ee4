from django.apps import AppConfig


class RegionalConfig(AppConfig):
    name = "apps.regional"
    verbose_name = "Regio: dekking en bereik"
