from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from apps.routes import views as route_views

from .api import api

urlpatterns = [
    path("", route_views.home, name="home"),
    path("", include("apps.routes.urls")),
    path("", include("apps.registry.urls")),
    path("", include("apps.students.urls")),
    path("", include("apps.finance.urls")),
    path("inloggen/", auth_views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("wachtwoord/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("wachtwoord/gewijzigd/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("api/v1/", api.urls),
    path("beheer/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]
