from django.urls import path

from . import views

app_name = "finance"
urlpatterns = [
    path("routes/<int:pk>/financien/", views.route_finance, name="route"),
    path("routes/<int:pk>/financien/nieuw/", views.settlement_form, name="create"),
    path("routes/<int:pk>/financien/scenario/", views.scenario, name="scenario"),
    path("afrekeningen/<int:pk>/", views.settlement_detail, name="detail"),
    path("afrekeningen/<int:settlement_pk>/wijzigen/", views.settlement_form, name="edit"),
    path("afrekeningen/<int:pk>/goedkeuren/", views.settlement_approve, name="approve"),
    path("financien/", views.overview, name="overview"),
]
