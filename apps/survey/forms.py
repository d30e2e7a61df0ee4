"""The survey's forms: what staff and students type, turned into the schemas of the use cases."""
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.students.models import Student
from domain import survey as core
from domain.calendar import school_year_label, school_year_of


class SurveyForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200, required=False,
                            help_text=_("Leeg: \"Leerlingenquête\" met het schooljaar."))
    school_year = forms.TypedChoiceField(label=_("Schooljaar"), coerce=int)
    cohorts = forms.TypedMultipleChoiceField(label=_("Cohorten"), coerce=int, widget=forms.CheckboxSelectMultiple,
                                             help_text=_("De cohorten die de enquête krijgen."))
    note = forms.CharField(label=_("Toelichting"), max_length=500, required=False)

    def __init__(self, *args, route=None, **kwargs):
        super().__init__(*args, **kwargs)
        current = school_year_of(timezone.localdate())
        self.fields["school_year"].choices = [(y, school_year_label(y)) for y in range(current + 1, current - 6, -1)]
        self.fields["school_year"].initial = current
        known = set(Student.objects.filter(route=route).values_list("cohort", flat=True).distinct()) if route else set()
        cohorts = sorted(known | set(range(current - 4, current + 1)), reverse=True)
        self.fields["cohorts"].choices = [(c, school_year_label(c)) for c in cohorts]


class StatementForm(forms.Form):
    text = forms.CharField(label=_("Stelling"), max_length=300, widget=forms.TextInput(attrs={"size": 70}))


class CodesForm(forms.Form):
    cohort = forms.TypedChoiceField(label=_("Cohort"), coerce=int)
    count = forms.IntegerField(label=_("Aantal codes"), min_value=1, max_value=500, required=False,
                               help_text=_("Leeg: zoveel als het cohort leerlingen in de route heeft."))

    def __init__(self, *args, survey=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].choices = [(c, school_year_label(c)) for c in (survey.cohorts if survey else [])]


class CodeForm(forms.Form):
    code = forms.CharField(label=_("Je code"), max_length=40,
                           widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters",
                                                         "spellcheck": "false", "size": 14}))


def answer_field(statement) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(label=statement.text, coerce=int, choices=core.SCALE, widget=forms.RadioSelect,
                                  error_messages={"required": _("Kies een antwoord bij deze stelling.")})


class AnswerForm(forms.Form):
    """The questionnaire: the code (hidden, as typed on the first step) and one choice per statement."""
    code = forms.CharField(widget=forms.HiddenInput, max_length=40)

    def __init__(self, *args, statements=(), **kwargs):
        super().__init__(*args, **kwargs)
        for statement in statements:
            self.fields[f"s{statement.pk}"] = answer_field(statement)
