from django.urls import path

from . import exam_views, views

app_name = "registry"
urlpatterns = [
    path("instellingen/", views.institution_list, name="institutions"),
    path("instellingen/<int:pk>/", views.institution_detail, name="institution"),
    path("instellingen/<int:pk>/geschiedenis/", views.institution_history, name="institution_history"),
    path("besturen/<int:pk>/", views.bestuur_detail, name="bestuur"),
    path("register/examenplannen/", exam_views.exam_template_list, name="exam_templates"),
    path("register/examenplannen/<int:pk>/", exam_views.exam_template_detail, name="exam_template"),
    path("register/examenplannen/<int:pk>/geschiedenis/", exam_views.exam_template_history,
         name="exam_template_history"),
    path("register/examenplannen/kwalificatie/<int:kwalificatie_pk>/", exam_views.exam_template_create,
         name="exam_template_create"),
    path("register/", views.reference_index, name="reference_index"),
    path("register/<slug:slug>/", views.reference_list, name="reference"),
]
