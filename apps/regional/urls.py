from django.urls import path

from . import views

app_name = "regional"
urlpatterns = [
    path("regio/dekking/", views.coverage_start, name="coverage_start"),
    path("regio/<int:region_id>/dekking/", views.coverage_page, name="coverage"),
    path("regio/populatie/import/", views.population_import, name="population_import"),
]
