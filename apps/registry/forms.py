"""Forms for the exam plan templates (the other register lists are kept through import and admin)."""
from django import forms
from django.utils.translation import gettext as _

from domain.diploma import part_key

from . import models as m


class ExamPlanTemplateForm(forms.ModelForm):
    class Meta:
        model = m.ExamPlanTemplate
        fields = ["keuzedelen", "bpv_hours", "note"]


class BasePartFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        in_forms = {form.instance.pk for form in self.forms if form.instance.pk}
        seen = {part_key(self.instance.sector, p.kind, p.name)
                for p in self.instance.parts.exclude(pk__in=in_forms)} if self.instance.pk else set()
        for form in self.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if not data or data.get("DELETE") or not data.get("name"):
                continue
            key = part_key(self.instance.sector, data.get("kind") or "", data["name"])
            if key in seen:
                form.add_error("name", _("Dit onderdeel staat al in het sjabloon (namen zijn niet hoofdlettergevoelig)."))
            seen.add(key)


PartFormSet = forms.inlineformset_factory(
    m.ExamPlanTemplate, m.ExamPlanTemplatePart, formset=BasePartFormSet,
    fields=["kind", "name", "year", "order"], extra=3, can_delete=True)
