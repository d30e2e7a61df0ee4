from django.urls import path

from . import views

app_name = "survey"
urlpatterns = [
    path("routes/<int:pk>/enquetes/", views.survey_list, name="list"),
    path("routes/<int:pk>/enquetes/nieuw/", views.survey_create, name="create"),
    path("routes/<int:route_pk>/enquetes/<int:pk>/", views.survey_detail, name="detail"),
    path("routes/<int:route_pk>/enquetes/<int:pk>/stellingen/", views.statement_add, name="statement_add"),
    path("routes/<int:route_pk>/enquetes/<int:pk>/stellingen/<int:statement_pk>/wijzigen/", views.statement_change,
         name="statement_change"),
    path("routes/<int:route_pk>/enquetes/<int:pk>/stellingen/<int:statement_pk>/verwijderen/",
         views.statement_remove, name="statement_remove"),
    path("routes/<int:route_pk>/enquetes/<int:pk>/verwijderen/", views.survey_remove, name="remove"),
    path("routes/<int:route_pk>/enquetes/<int:pk>/openen/", views.survey_open, name="open"),
    path("routes/<int:route_pk>/enquetes/<int:pk>/sluiten/", views.survey_close, name="close"),
    path("routes/<int:route_pk>/enquetes/<int:pk>/codes/", views.codes, name="codes"),
    path("routes/<int:route_pk>/enquetes/<int:pk>/resultaten.xlsx", views.results_export, name="results_export"),
    path("enquete/", views.answer, name="answer"),
]
