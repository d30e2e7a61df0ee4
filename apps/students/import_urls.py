"""URLs of the import wizard (see import_views.py)."""
from django.urls import path

from . import import_views as views

urlpatterns = [
    path("routes/<int:pk>/leerlingen/importeren/", views.upload, name="import_upload"),
    path("routes/<int:pk>/leerlingen/importeren/sjabloon-<str:kind>.<str:fmt>", views.template,
         name="import_template"),
    path("importeren/<int:pk>/", views.job_detail, name="import_job"),
    path("importeren/<int:pk>/kolommen/", views.mapping, name="import_mapping"),
    path("importeren/<int:pk>/controleren/", views.step, name="import_step"),
    path("importeren/<int:pk>/uitvoeren/", views.run, name="import_run"),
    path("importeren/<int:pk>/fouten.<str:fmt>", views.error_report, name="import_errors"),
]
