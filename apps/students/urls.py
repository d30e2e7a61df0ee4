from django.urls import include, path

from . import views

app_name = "students"
urlpatterns = [
    path("routes/<int:pk>/leerlingen/", views.cohorts, name="cohorts"),
    path("routes/<int:pk>/leerlingen/nieuw/", views.student_create, name="create"),
    path("routes/<int:pk>/cohorten/<int:cohort>/doorzetten/", views.promote, name="promote"),
    path("routes/<int:pk>/compliance/", views.route_compliance, name="compliance"),
    path("routes/<int:pk>/teldatum/", views.teldatum, name="teldatum"),
    path("routes/<int:pk>/examens/", views.exam_deadlines, name="exam_deadlines"),
    path("routes/<int:pk>/examens/resultaten/", views.group_results, name="group_results"),
    path("leerlingen/", views.search, name="search"),
    path("leerlingen/<int:pk>/", views.student_detail, name="detail"),
    path("leerlingen/<int:pk>/bewerken/", views.student_edit, name="edit"),
    path("leerlingen/<int:pk>/gebeurtenis/", views.event_add, name="event_add"),
    path("leerlingen/<int:pk>/gebeurtenis/<int:event_pk>/", views.event_change, name="event_change"),
    path("leerlingen/<int:pk>/gebeurtenis/<int:event_pk>/verwijderen/", views.event_remove, name="event_remove"),
    path("leerlingen/<int:pk>/examenonderdelen/", views.exam_part_add, name="exam_part_add"),
    path("leerlingen/<int:pk>/examenonderdelen/<int:part_pk>/", views.exam_part_edit, name="exam_part_edit"),
    path("leerlingen/<int:pk>/bpv/", views.bpv_add, name="bpv_add"),
    path("leerlingen/<int:pk>/export/", views.student_export, name="export"),
    path("leerlingen/<int:pk>/wissen/", views.student_erase, name="erase"),
    path("leerlingen/<int:pk>/cijferlijst/", views.cijferlijst, name="cijferlijst"),
    path("", include("apps.students.import_urls")),
]
