from django.urls import path

from . import report_views as views

app_name = "regional_report"  # its own namespace beside the regional app's other pages

urlpatterns = [
    path("regio/<int:pk>/rapport/", views.report_page, name="report"),
    path("regio/<int:pk>/rapport/maken/", views.generate, name="report_generate"),
    path("regio/<int:pk>/rapport/voortgang/", views.progress, name="report_progress"),
    path("regio/<int:pk>/rapport/pdf/", views.report_pdf_view, name="report_pdf"),
    path("regio/<int:pk>/rapport/excel/", views.report_xlsx_view, name="report_xlsx"),
]
