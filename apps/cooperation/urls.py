from django.urls import path

from . import views

app_name = "cooperation"
urlpatterns = [
    path("routes/<int:pk>/overleg/", views.overleg, name="overleg"),
    path("routes/<int:pk>/overleg/export/", views.overleg_export, name="overleg_export"),
    path("routes/<int:pk>/overleg/nieuw/", views.meeting_create, name="meeting_create"),
    path("routes/<int:pk>/overlegvormen/", views.series_add, name="series_add"),
    path("overlegvormen/<int:pk>/wijzigen/", views.series_change, name="series_change"),
    path("overlegvormen/<int:pk>/verwijderen/", views.series_remove, name="series_remove"),
    path("overleg/<int:pk>/", views.meeting_detail, name="meeting"),
    path("overleg/<int:pk>/bewerken/", views.meeting_edit, name="meeting_edit"),
    path("overleg/<int:pk>/afgelasten/", views.meeting_cancel, name="meeting_cancel"),
    path("routes/<int:pk>/besluiten/", views.decisions, name="decisions"),
    path("besluiten/<int:pk>/afronden/", views.decision_done, name="decision_done"),
    path("besluiten/<int:pk>/wijzigen/", views.decision_edit, name="decision_edit"),
    path("besluiten/<int:pk>/heropenen/", views.decision_reopen, name="decision_reopen"),
    path("besluiten/mijn/", views.my_decisions, name="my_decisions"),
    path("personen/<int:pk>/besluiten/", views.person_decisions, name="person_decisions"),
    path("routes/<int:pk>/knelpunten/", views.route_knelpunten, name="route_knelpunten"),
    path("knelpunten/<int:pk>/", views.knelpunt_detail, name="knelpunt"),
    path("knelpunten/<int:pk>/sluiten/", views.knelpunt_close, name="knelpunt_close"),
    path("regio/<int:pk>/knelpunten/", views.region_knelpunten, name="region_knelpunten"),
]
