from django.contrib import admin

from apps.core.admin import BeheerderAdmin

from . import models as m


@admin.register(m.Person)
class PersonAdmin(BeheerderAdmin):
    """The beheerder links a user account to the person they are ("Mijn rollen"); a person's roles are
    kept on the route (Mensen en rollen)."""
    list_display = ["name", "institution", "email", "phone", "user"]
    search_fields = ["name", "email", "institution__name", "institution__brin"]
    list_filter = ["institution__sector"]
    raw_id_fields = ["user"]
