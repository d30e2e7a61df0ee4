from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView

from apps.accounts import views as account_views
from apps.dashboard import views as dashboard_views

from .api import api

urlpatterns = [
    path("", dashboard_views.home, name="home"),
    path("", include("apps.dashboard.urls")),
    path("", include("apps.routes.urls")),
    path("", include("apps.registry.urls")),
    path("", include("apps.students.urls")),
    path("", include("apps.finance.urls")),
    path("", include("apps.results.urls")),
    path("", include("apps.survey.urls")),
    path("", include("apps.reflection.urls")),
    path("", include("apps.regional.urls")),
    path("", include("apps.regional.report_urls")),
    path("", include("apps.continuity.urls")),
    path("", include("apps.cooperation.urls")),
    path("inloggen/", account_views.TwoFactorLoginView.as_view(), name="login"),
    path("inloggen/code/", account_views.code_step, name="otp_login"),
    path("account/tweestapsverificatie/", account_views.two_factor, name="two_factor"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("wachtwoord/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("wachtwoord/gewijzigd/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("api/v1/", api.urls),
    # The admin has no login of its own: everyone logs in (with the second factor) at /inloggen/.
    path("beheer/login/", RedirectView.as_view(pattern_name="login", query_string=True)),
    path("beheer/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]
