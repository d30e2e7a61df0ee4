from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from apps.core.admin import BeheerderAdmin

from .models import User


@admin.register(User)
class LeerrouteUserAdmin(BeheerderAdmin, UserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "region", "is_active", "is_demo"]
    list_filter = ["role", "region", "is_active"]
    filter_horizontal = ["institutions", "groups", "user_permissions"]
    fieldsets = UserAdmin.fieldsets + (("Leerroute", {"fields": ["role", "institutions", "region"]}),)
    add_fieldsets = UserAdmin.add_fieldsets + (("Leerroute", {"fields": ["role", "institutions", "region"]}),)
