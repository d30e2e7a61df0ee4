from django.contrib import admin

from apps.core.admin import BeheerderAdmin

from . import models as m


class LocationInline(admin.TabularInline):
    model = m.Location
    extra = 0
    has_view_permission = has_add_permission = has_change_permission = has_delete_permission = \
        BeheerderAdmin._allowed


@admin.register(m.Institution)
class InstitutionAdmin(BeheerderAdmin):
    list_display = ["brin", "name", "sector", "kind", "bestuur", "city"]
    list_filter = ["sector", "kind"]
    search_fields = ["brin", "name"]
    inlines = [LocationInline]
    filter_horizontal = ["regions"]


@admin.register(m.Kwalificatie)
class KwalificatieAdmin(BeheerderAdmin):
    list_display = ["code", "name", "level", "dossier", "bol", "bbl"]
    list_filter = ["level"]
    search_fields = ["code", "name"]


@admin.register(m.ProfielKwalificatie)
class ProfielKwalificatieAdmin(BeheerderAdmin):
    list_display = ["profiel", "kwalificatie"]
    list_filter = ["profiel"]


for model in (m.Region, m.Bestuur, m.Profiel, m.Leerweg):
    admin.site.register(model, BeheerderAdmin)
