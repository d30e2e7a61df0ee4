from django.urls import path

from . import views

app_name = "dashboard"
urlpatterns = [
    path("routes/<int:pk>/dashboard/", views.route_dashboard, name="route"),
    path("regio/<int:pk>/", views.region_dashboard, name="region"),
    path("besturen/<int:pk>/dashboard/", views.board_dashboard, name="board"),
]
