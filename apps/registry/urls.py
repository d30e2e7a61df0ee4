from django.urls import path

from . import views

app_name = "registry"
urlpatterns = [
    path("instellingen/", views.institution_list, name="institutions"),
    path("instellingen/<int:pk>/", views.institution_detail, name="institution"),
    path("instellingen/<int:pk>/geschiedenis/", views.institution_history, name="institution_history"),
    path("besturen/<int:pk>/", views.bestuur_detail, name="bestuur"),
    path("register/", views.reference_index, name="reference_index"),
    path("register/<slug:slug>/", views.reference_list, name="reference"),
]
