"""Forms for the exam plan templates (the other register lists are kept through import and admin)."""
from django import forms

from . import models as m


class ExamPlanTemplateForm(forms.ModelForm):
    class Meta:
        model = m.ExamPlanTemplate
        fields = ["keuzedelen", "bpv_hours", "note"]


class BasePartFormSet(forms.BaseInlineFormSet):
    """The template's part rows as typed; what the register allows (kinds, years, the same part twice)
    is checked by the use case (``exam_templates.save_template``)."""


PartFormSet = forms.inlineformset_factory(
    m.ExamPlanTemplate, m.ExamPlanTemplatePart, formset=BasePartFormSet,
    fields=["kind", "name", "year", "order"], extra=3, can_delete=True)
