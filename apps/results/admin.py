from django.contrib import admin

from apps.core.admin import BeheerderAdmin

from . import models as m


@admin.register(m.Benchmark)
class BenchmarkAdmin(BeheerderAdmin):
    list_display = ["kpi", "label", "value", "level", "scope", "mbo_level", "school_year", "source"]
    list_filter = ["kpi", "level"]
    search_fields = ["label", "scope", "source"]
