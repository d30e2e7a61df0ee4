from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from domain import kpi as core


class PeilForm(forms.Form):
    """The results page's choice: a cohort and the date the figures are taken on."""
    cohort = forms.TypedChoiceField(label=_("Cohort"), coerce=int, choices=())
    on = forms.DateField(label=_("Peildatum"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
                         help_text=_("Leeg: vandaag."),
                         validators=[MinValueValidator(core.FIRST_DAY), MaxValueValidator(core.LAST_DAY)])

    def __init__(self, *args, cohorts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].choices = [(c, f"{c}-{c + 1}") for c in cohorts]
