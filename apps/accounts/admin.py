from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from apps.core.admin import BeheerderAdmin

from .models import ApiToken, User


@admin.register(User)
class LeerrouteUserAdmin(BeheerderAdmin, UserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "region", "is_active", "is_demo"]
    list_filter = ["role", "region", "is_active"]
    filter_horizontal = ["institutions", "groups", "user_permissions"]
    fieldsets = UserAdmin.fieldsets + (("Leerroute", {"fields": ["role", "institutions", "region"]}),)
    add_fieldsets = UserAdmin.add_fieldsets + (("Leerroute", {"fields": ["role", "institutions", "region"]}),)
    actions = ["revoke_api_tokens"]

    @admin.action(description=_("API-tokens van de gekozen gebruikers intrekken"))
    def revoke_api_tokens(self, request, queryset):
        count, _detail = ApiToken.objects.filter(user__in=queryset).delete()
        self.message_user(request, ngettext("%(n)d API-token ingetrokken.", "%(n)d API-tokens ingetrokken.",
                                            count) % {"n": count}, messages.SUCCESS)


@admin.register(ApiToken)
class ApiTokenAdmin(BeheerderAdmin):
    """Tokens are listed (never shown: only their hash is stored) and revoked; never made here."""

    list_display = ["user", "created", "expires"]
    list_filter = ["user__role"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    list_select_related = ["user"]
    readonly_fields = ["user", "created", "expires"]
    fields = ["user", "created", "expires"]
    actions = ["revoke"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Gekozen API-tokens intrekken"))
    def revoke(self, request, queryset):
        count, _detail = queryset.delete()
        self.message_user(request, ngettext("%(n)d API-token ingetrokken.", "%(n)d API-tokens ingetrokken.",
                                            count) % {"n": count}, messages.SUCCESS)


# Login lockouts (django-axes): a beheerder sees them and lifts one early by deleting the entry.
from axes.admin import AccessAttemptAdmin as AxesAccessAttemptAdmin  # noqa: E402
from axes.models import AccessAttempt  # noqa: E402

if admin.site.is_registered(AccessAttempt):
    admin.site.unregister(AccessAttempt)


@admin.register(AccessAttempt)
class LoginLockoutAdmin(BeheerderAdmin, AxesAccessAttemptAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


# Two-factor devices (django-otp): a beheerder sees who has one and removes the device of a user who
# lost their phone (the user then logs in with the password and, as a beheerder, enrols again). The
# secret key is never shown here and devices are only made by their owner on the enrolment page.
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

if admin.site.is_registered(TOTPDevice):
    admin.site.unregister(TOTPDevice)


@admin.register(TOTPDevice)
class TwoFactorDeviceAdmin(BeheerderAdmin):
    list_display = ["user", "name", "confirmed", "created_at", "last_used_at"]
    list_filter = ["confirmed"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    list_select_related = ["user"]
    fields = readonly_fields = ["user", "name", "confirmed", "created_at", "last_used_at"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False
