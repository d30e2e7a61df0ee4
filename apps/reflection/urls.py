from django.urls import path

from . import views

app_name = "reflection"
urlpatterns = [
    path("routes/<int:pk>/reflectie/", views.route_reflection, name="route"),
    path("routes/<int:pk>/reflectie/nieuw/", views.round_create, name="create"),
    path("routes/<int:pk>/reflectie/<int:round_pk>/", views.round_detail, name="round"),
    path("routes/<int:pk>/reflectie/<int:round_pk>/deelnemers/", views.round_invite, name="invite"),
    path("routes/<int:pk>/reflectie/<int:round_pk>/sluiten/", views.round_close, name="close"),
    path("routes/<int:pk>/reflectie/<int:round_pk>/herinnering/", views.round_remind, name="remind"),
    path("routes/<int:pk>/reflectie/<int:round_pk>/invullen/", views.respond, name="respond"),
    path("routes/<int:pk>/reflectie/<int:round_pk>/export.<str:fmt>", views.round_export, name="export"),
]
