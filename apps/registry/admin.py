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


class ExamPlanTemplatePartInline(admin.TabularInline):
    model = m.ExamPlanTemplatePart
    extra = 1
    fields = ["kind", "name", "year", "order"]
    has_view_permission = has_add_permission = has_change_permission = has_delete_permission = \
        BeheerderAdmin._allowed


@admin.register(m.ExamPlanTemplate)
class ExamPlanTemplateAdmin(BeheerderAdmin):
    """Exam plan templates: the mbo default per level and per kwalificatie, the vmbo default per
    leerweg and per leerweg and profiel (what a diploma requires)."""
    list_display = ["__str__", "sector", "level", "kwalificatie", "leerweg", "profiel", "keuzedelen", "bpv_hours"]
    list_filter = ["sector", "level", "leerweg"]
    search_fields = ["kwalificatie__code", "kwalificatie__name"]
    autocomplete_fields = ["kwalificatie"]
    inlines = [ExamPlanTemplatePartInline]
