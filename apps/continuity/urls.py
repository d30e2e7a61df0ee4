from django.urls import path

from . import views

app_name = "continuity"
urlpatterns = [
    path("signalen/", views.signal_list, name="signals"),
    path("signalen/samenvatting/", views.digest, name="digest"),
    path("regio/<int:pk>/gezondheid/", views.region_health, name="region_health"),
    path("besturen/<int:pk>/gezondheid/", views.board_health, name="board_health"),
]
