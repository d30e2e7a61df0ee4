"""The cooperation pages' forms: each parses what the user typed and gives the use case's input
(``data()``, a dict for the schema); the use case's refusals are put back on the fields
(``show_errors``), so the form keeps what was typed."""
from django import forms
from django.utils.translation import gettext_lazy as _

from apps.routes.forms import DATE

from . import models as m

PRESENT, ABSENT = "aanwezig", "afwezig"
ATTENDANCE_CHOICES = [("", "—"), (PRESENT, _("aanwezig")), (ABSENT, _("afwezig"))]


def _person_choices(people) -> list:
    return [("", "—")] + [(p.pk, f"{p.name} ({p.institution.name})") for p in people]


def show_errors(form: forms.Form, errors: list[dict], fields: dict | None = None) -> None:
    """Put the errors of a refused input ({"field", "message"}) on the form's fields (``fields`` maps an
    input path to a form field, e.g. "attendance[2].person" to "person_17"); others on the whole form."""
    for e in errors:
        name = (fields or {}).get(e["field"], e["field"])
        form.add_error(name if name in form.fields else None, e["message"])


def _unbound(args, kwargs) -> bool:
    """Whether a form is built without data (``Form(None)`` too, as ``Form(request.POST or None)`` is on a
    GET) and without its own initial: then it starts from the record."""
    return (not args or args[0] is None) and kwargs.get("data") is None and "initial" not in kwargs


def _blank_none(value):
    return None if value in ("", None) else value


def series_initial(series: m.MeetingSeries) -> dict:
    return {name: getattr(series, name) for name in ("kind", "name", "profiel", "times_per_year", "months", "note")}


class SeriesForm(forms.Form):
    kind = forms.ChoiceField(label=_("Soort overleg"), choices=m.MeetingKind.choices)
    name = forms.CharField(label=_("Naam"), max_length=120, required=False)
    profiel = forms.CharField(label=_("Profiel"), max_length=20, required=False,
                              help_text=_("Voor een werkgroep per profiel, bijvoorbeeld BWI."))
    times_per_year = forms.IntegerField(label=_("Keren per schooljaar"), min_value=0, max_value=52, required=False,
                                        help_text=_("Leeg: de gebruikelijke frequentie van deze soort overleg."))
    months = forms.CharField(label=_("Wanneer"), max_length=60, required=False,
                             help_text=_("Bijvoorbeeld 'mei/juni'."))
    note = forms.CharField(label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def data_in(self) -> dict:
        return dict(self.cleaned_data)


class MeetingForm(forms.Form):
    """A meeting with one attendance choice per person of the route's partners (the attendance grid)."""
    series = forms.TypedChoiceField(label=_("Overlegvorm"), required=False, coerce=int, empty_value=None)
    kind = forms.ChoiceField(label=_("Soort overleg"), required=False,
                             choices=[("", _("(volgt uit de overlegvorm)"))] + list(m.MeetingKind.choices))
    held_on = forms.DateField(label=_("Datum"), widget=DATE)
    title = forms.CharField(label=_("Onderwerp"), max_length=200, required=False)
    minutes = forms.CharField(label=_("Verslag"), required=False, widget=forms.Textarea(attrs={"rows": 8}))

    def __init__(self, *args, route, people, meeting=None, **kwargs):
        if meeting is not None and _unbound(args, kwargs):
            kwargs["initial"] = {"series": meeting.series_id, "kind": meeting.kind, "held_on": meeting.held_on,
                                 "title": meeting.title, "minutes": meeting.minutes,
                                 **{f"person_{a.person_id}": PRESENT if a.present else ABSENT
                                    for a in meeting.attendance.all()}}
        super().__init__(*args, **kwargs)
        self.fields["series"].choices = [("", "—")] + [(s.pk, str(s)) for s in route.meeting_series.all()]
        self.people = list(people)
        for person in self.people:
            self.fields[f"person_{person.pk}"] = forms.ChoiceField(
                label=person.name, choices=ATTENDANCE_CHOICES, required=False)

    def grid(self):
        """(person, its attendance field) per person of the partners."""
        return [(p, self[f"person_{p.pk}"]) for p in self.people]

    def data_in(self) -> dict:
        d = self.cleaned_data
        attendance = [{"person": p.pk, "present": d[f"person_{p.pk}"] == PRESENT}
                      for p in self.people if d.get(f"person_{p.pk}")]
        return dict(series=d["series"], kind=_blank_none(d["kind"]), held_on=d["held_on"], title=d["title"],
                    minutes=d["minutes"], attendance=attendance)

    def error_fields(self) -> dict:
        chosen = [p for p in self.people if self.cleaned_data.get(f"person_{p.pk}")]
        return {f"attendance[{i}].person": f"person_{p.pk}" for i, p in enumerate(chosen)}


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Reden"), max_length=200,
                             help_text=_("Bijvoorbeeld: de mbo-partners konden niet aanwezig zijn."))

    def data_in(self) -> dict:
        return dict(self.cleaned_data)


class DecisionForm(forms.Form):
    text = forms.CharField(label=_("Besluit of actie"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
    owner = forms.TypedChoiceField(label=_("Eigenaar"), required=False, coerce=int, empty_value=None)
    due_on = forms.DateField(label=_("Uiterlijk"), required=False, widget=DATE)
    meeting = forms.TypedChoiceField(label=_("Overleg"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, people, meetings=(), decision=None, **kwargs):
        if decision is not None and _unbound(args, kwargs):
            kwargs["initial"] = {"text": decision.text, "owner": decision.owner_id, "due_on": decision.due_on,
                                 "meeting": decision.meeting_id}
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = _person_choices(people)
        meetings = list(meetings)
        if decision is not None and decision.meeting is not None and decision.meeting not in meetings:
            meetings.append(decision.meeting)      # an older meeting than those offered stays choosable
        self.fields["meeting"].choices = [("", "—")] + [(mt.pk, str(mt)) for mt in meetings]

    def data_in(self) -> dict:
        return dict(self.cleaned_data)


class KnelpuntForm(forms.Form):
    category = forms.ChoiceField(label=_("Categorie"), choices=m.KnelpuntCategory.choices)
    title = forms.CharField(label=_("Knelpunt"), max_length=200)
    description = forms.CharField(label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    owner = forms.TypedChoiceField(label=_("Eigenaar"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label=_("Status"), choices=m.Knelpunt.Status.choices, initial=m.Knelpunt.Status.OPEN)
    action = forms.CharField(label=_("Ondernomen actie"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    reported_on = forms.DateField(label=_("Gemeld op"), required=False, widget=DATE,
                                  help_text=_("Leeg: vandaag."))

    def __init__(self, *args, people, knelpunt=None, **kwargs):
        if knelpunt is not None and _unbound(args, kwargs):
            kwargs["initial"] = {"category": knelpunt.category, "title": knelpunt.title,
                                 "description": knelpunt.description, "owner": knelpunt.owner_id,
                                 "status": knelpunt.status, "action": knelpunt.action,
                                 "reported_on": knelpunt.reported_on}
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = _person_choices(people)

    def data_in(self) -> dict:
        return dict(self.cleaned_data)
