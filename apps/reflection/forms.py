"""The reflection pages' forms: what the user typed, turned into the use cases' schemas; the use case's
refusals are put back on the fields they name ("answers.V3.score" on the score of V3)."""
from django import forms
from django.utils.translation import gettext_lazy as _

from domain import reflection as core

from .services import candidates, institution_of

DONT_KNOW = "?"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def _put_errors(form, errors, field_of) -> None:
    for problem in errors:
        name = field_of(problem["field"])
        form.add_error(name if name in form.fields else None, problem["message"])


class RoundForm(forms.Form):
    title = forms.CharField(max_length=200, label=_("Titel"))
    opens_on = forms.DateField(label=_("Open vanaf"), widget=DateInput())
    closes_on = forms.DateField(label=_("Open tot en met"), widget=DateInput())
    note = forms.CharField(max_length=2000, required=False, label=_("Toelichting voor de deelnemers"),
                           widget=forms.Textarea(attrs={"rows": 3}))
    participants = forms.MultipleChoiceField(label=_("Deelnemers"), widget=forms.CheckboxSelectMultiple,
                                             help_text=_("Gebruikers van de partnerinstellingen; van minstens twee "
                                                         "partners."))

    def __init__(self, *args, route=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].choices = participant_choices(route)

    def put_errors(self, errors):
        _put_errors(self, errors, lambda field: field.split("[")[0])


class InviteForm(forms.Form):
    participants = forms.MultipleChoiceField(label=_("Deelnemers toevoegen"), widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, rnd=None, **kwargs):
        super().__init__(*args, **kwargs)
        invited = set(rnd.responses.values_list("user__username", flat=True))
        self.fields["participants"].choices = [(k, v) for k, v in participant_choices(rnd.route) if k not in invited]

    def put_errors(self, errors):
        _put_errors(self, errors, lambda field: field.split("[")[0])


class CloseForm(forms.Form):
    note = forms.CharField(max_length=2000, required=False, label=_("Toelichting bij het sluiten (optioneel)"),
                           widget=forms.Textarea(attrs={"rows": 2}))

    def put_errors(self, errors):
        _put_errors(self, errors, lambda field: field)


def participant_choices(route) -> list[tuple[str, str]]:
    choices = []
    for user in candidates(route).prefetch_related("institutions"):
        institution = institution_of(user, route)
        name = user.get_full_name() or user.first_name
        label = f"{user.username}" + (f" ({name})" if name else "") + f" · {institution.name}"
        choices.append((user.username, label))
    return choices


SCORE_CHOICES = [(str(k), f"{k} {v}") for k, v in core.SCALE_LABELS.items()] + [(DONT_KNOW, core.DONT_KNOW)]


class ResponseForm(forms.Form):
    """A score (radio buttons, or "weet ik niet") and a note per item, and the phase question."""
    phase_fit = forms.ChoiceField(label=core.PHASE_FIT_QUESTION, required=False, widget=forms.RadioSelect,
                                  choices=list(core.PHASE_FIT_LABELS.items()))
    phase_fit_note = forms.CharField(max_length=2000, required=False, label=_("Toelichting"),
                                     widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, response=None, **kwargs):
        initial = kwargs.pop("initial", {})
        if response is not None:
            for answer in response.answers.all():
                initial[f"{answer.item}-score"] = DONT_KNOW if answer.score is None else str(answer.score)
                initial[f"{answer.item}-note"] = answer.note
            initial.update(phase_fit=response.phase_fit, phase_fit_note=response.phase_fit_note)
        super().__init__(*args, initial=initial, **kwargs)
        for item in core.ITEMS:
            self.fields[f"{item.id}-score"] = forms.ChoiceField(label=item.text, required=False, choices=SCORE_CHOICES,
                                                                widget=forms.RadioSelect)
            self.fields[f"{item.id}-note"] = forms.CharField(label=_("Toelichting"), required=False, max_length=2000,
                                                             widget=forms.Textarea(attrs={"rows": 1}))

    def sections(self):
        """(group label, [(section label, [(item, score field, note field)])]) for the template."""
        out = []
        for group in core.Group:
            sections = []
            for section in (s for s in core.SECTIONS if s.group == group):
                rows = [(item, self[f"{item.id}-score"], self[f"{item.id}-note"])
                        for item in core.items_of(section=section.key)]
                sections.append((section.label, rows))
            out.append((core.GROUP_LABELS[group], sections))
        return out

    def data_in(self, submit: bool) -> dict:
        """The input of ``services.save_response`` (validated by ResponseIn): the items with a choice."""
        answers = {}
        for item in core.ITEMS:
            score = self.cleaned_data.get(f"{item.id}-score", "")
            note = self.cleaned_data.get(f"{item.id}-note", "")
            if score:
                answers[item.id] = {"score": None if score == DONT_KNOW else int(score), "note": note}
            elif note:
                self.add_error(f"{item.id}-score", _("Kies een score of 'weet ik niet' bij uw toelichting."))
        return {"answers": answers, "phase_fit": self.cleaned_data.get("phase_fit", ""),
                "phase_fit_note": self.cleaned_data.get("phase_fit_note", ""), "submit": submit}

    def put_errors(self, errors):
        def field_of(path):
            parts = path.split(".")
            if parts[0] == "answers" and len(parts) > 1:
                return f"{parts[1]}-{parts[2] if len(parts) > 2 else 'score'}"
            return parts[0]
        _put_errors(self, errors, field_of)
