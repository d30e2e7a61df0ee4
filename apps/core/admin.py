"""The admin ('Beheer') is for beheerders only: users and the reference lists."""
from django.contrib import admin


class BeheerderAdmin(admin.ModelAdmin):
    def _allowed(self, request, obj=None):
        return request.user.is_active and request.user.is_beheerder

    has_module_permission = has_view_permission = has_add_permission = _allowed
    has_change_permission = has_delete_permission = _allowed


# Only a beheerder whose session passed the second factor (django-otp; apps.accounts.otp).
admin.site.has_permission = lambda request: (request.user.is_active and request.user.is_beheerder
                                             and getattr(request.user, "is_verified", lambda: False)())
admin.site.site_header = "Leerroute beheer"
admin.site.site_title = "Leerroute beheer"
