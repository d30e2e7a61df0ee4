from django.urls import path, re_path

from . import views

app_name = "results"
urlpatterns = [
    path("routes/<int:pk>/resultaten/", views.route_results, name="route"),
    re_path(r"^routes/(?P<pk>\d+)/resultaten/(?P<kpi>K-\d\d(?:/[\w-]+){0,2})/leerlingen/$", views.students_behind,
            name="students"),
]
