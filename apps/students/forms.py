import re

from django import forms
from django.utils.translation import gettext_lazy as _
from pydantic import ValidationError

from apps.core import schema_errors
from apps.registry.models import Institution, Kwalificatie
from domain.diploma import part_key
from domain.numbers import NumberError, parse_number

from . import models as m
from . import schemas
from .services import MANUAL_EVENTS as MANUAL_EVENT_KINDS
from .services import RuleViolation, problem

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class OwnSchoolFields:
    """The student's own vo-school and mbo among the route's partners (a route may have several of
    each). The vo-school is required when the route has several and preset when the user can choose
    only one (a vo-school's staff always get their own school); the mbo is asked only when the route
    has several. Without a user (the import) every partner of the route may be chosen."""

    def own_school_fields(self, route, user):

        self.fixed_schools = {}
        for name, role in (("vo_school", "vo"), ("mbo_institution", "mbo")):
            partners = Institution.objects.filter(route_partnerships__route=route,
                                                  route_partnerships__role=role).distinct().order_by("name")
            choices = route.assignable_institutions(user, role) if user is not None else partners
            field = self.fields[name]
            field.queryset = choices
            field.empty_label = None
            if role == "mbo" and partners.count() < 2:
                del self.fields[name]      # the route's only mbo (the use case fills it in)
                continue
            field.required = True
            options = list(choices)
            if len(options) == 1:
                self.fixed_schools[name] = options[0]
                self.initial[name] = options[0].pk
                field.disabled = True
                field.help_text = _("Vast: %(school)s.") % {"school": options[0].name}

    def clean_own_schools(self):
        """A fixed school cannot be swapped for another by posting a different value."""
        for name, school in getattr(self, "fixed_schools", {}).items():
            posted = self.data.get(self.add_prefix(name))
            if posted not in (None, "") and str(posted) != str(school.pk):
                self.add_error(name, _("U kunt alleen %(school)s kiezen.") % {"school": school.name})


class StudentForm(OwnSchoolFields, forms.ModelForm):
    origin = forms.ChoiceField(label=_("herkomst (zij-instroom)"), choices=[("", "—"), *m.Origin.choices],
                               required=False)
    entry_date = forms.DateField(label=_("instroomdatum"), required=False, widget=DATE,
                                 help_text=_("Leeg: het begin van het schooljaar."))

    class Meta:
        model = m.Student
        fields = ["first_name", "last_name", "date_of_birth", "vo_school", "mbo_institution", "leerweg", "profiel",
                  "vmbo_year_at_start", "cohort", "entry_route_year", "kwalificatie", "glr_judgment_on",
                  "glr_judgment_note"]
        widgets = {"date_of_birth": DATE, "glr_judgment_on": DATE}
        help_texts = {"entry_route_year": _("1 is de gewone instroom. Een later routejaar is zij-instroom: de leerling "
                                            "komt in het cohort van de groep waarin hij instroomt.")}

    def __init__(self, *args, route=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.route = route
        self.fields["entry_route_year"].required = False   # default 1: the regular instroom
        if route is not None:
            self.own_school_fields(route, user)
            self.fields["kwalificatie"].queryset = Kwalificatie.objects.filter(uitstroomrichtingen__route=route)
            if route.choice_route_year is None:
                self.fields["kwalificatie"].required = True
            else:
                self.fields["kwalificatie"].help_text = _(
                    "Mag open blijven tot routejaar %(year)s.") % {"year": route.choice_route_year}
            # a number per partner the user works for (a vo-school does not write or probe another's numbers)
            allowed = {i.pk for role in ("vo", "mbo") for i in route.assignable_institutions(user, role)} \
                if user is not None else None
            self.partners = [p for p in route.partners.select_related("institution")
                             if allowed is None or p.institution_id in allowed]
            for p in self.partners:
                self.fields[f"number_{p.institution_id}"] = forms.CharField(
                    label=_("Leerlingnummer %(school)s") % {"school": p.institution.name}, required=False,
                    max_length=30)

    def clean(self):
        data = super().clean()
        self.clean_own_schools()
        return data

    def as_input(self) -> schemas.StudentIn:
        """What the user typed, as the use case takes it (codes and BRINs, like the API)."""
        data = self.cleaned_data
        return schemas.StudentIn(
            first_name=data["first_name"], last_name=data["last_name"], date_of_birth=data.get("date_of_birth"),
            leerweg=data["leerweg"].code, profiel=_code(data.get("profiel")),
            vmbo_year_at_start=data["vmbo_year_at_start"], cohort=data["cohort"],
            entry_route_year=data.get("entry_route_year") or 1, origin=data.get("origin") or "",
            entry_date=data.get("entry_date"), kwalificatie=_code(data.get("kwalificatie")),
            glr_judgment_on=data.get("glr_judgment_on"), glr_judgment_note=data.get("glr_judgment_note") or "",
            vo_school=_brin(data.get("vo_school")), mbo_institution=_brin(data.get("mbo_institution")),
            numbers={p.institution.brin: number for p in self.partners
                     if (number := (data.get(f"number_{p.institution_id}") or "").strip())})

    def field_of(self, name: str) -> str | None:
        """The form field a use case's problem names (``numbers.BRIN`` is that partner's number field)."""
        if name.startswith("numbers."):
            name = next((f"number_{p.institution_id}" for p in self.partners
                         if p.institution.brin == name.split(".", 1)[1]), "")
        return name if name in self.fields else None


def _code(record):
    return record.code if record is not None else None


def _brin(institution):
    return institution.brin if institution is not None else None


# Events recorded by hand (instroom, overgang and doublure come from enrolment and cohort promotion).
MANUAL_EVENTS = [m.EventKind(kind) for kind in MANUAL_EVENT_KINDS]


class StudentEditForm(OwnSchoolFields, forms.ModelForm):
    """A student's own data; the cohort and the path change through enrolment, events and promotion."""

    class Meta:
        model = m.Student
        fields = ["first_name", "last_name", "date_of_birth", "vo_school", "mbo_institution", "leerweg", "profiel",
                  "vmbo_year_at_start", "glr_judgment_on", "glr_judgment_note"]
        widgets = {"date_of_birth": DATE, "glr_judgment_on": DATE}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.own_school_fields(self.instance.route, user)
        for name, school in self.fixed_schools.items():
            current = getattr(self.instance, f"{name}_id")
            if current is not None and current != school.pk:
                # e.g. mbo staff of a route whose only vo-school changed: keep what is recorded
                self.initial[name] = current
                self.fields[name].queryset = Institution.objects.filter(pk__in=[current, school.pk])

    def clean(self):
        data = super().clean()
        self.clean_own_schools()
        return data

    def as_input(self) -> schemas.StudentPatch:
        """The fields of the form (the mbo only where the route has several), as the use case takes them."""
        data, values = self.cleaned_data, {}
        for name in self.fields:
            value = data.get(name)
            if name in ("leerweg", "profiel"):
                value = _code(value)
            elif name in ("vo_school", "mbo_institution"):
                value = _brin(value)
            values[name] = value
        return schemas.StudentPatch(**values)

    def field_of(self, name: str) -> str | None:
        return name if name in self.fields else None


class EventForm(forms.ModelForm):
    entry_route_year = forms.IntegerField(label=_("routejaar bij terugkeer"), required=False, min_value=1,
                                          max_value=8, help_text=_("Leeg: het routejaar waarin de leerling vertrok."))
    doorstroom_level = forms.ChoiceField(label=_("doorstroom naar of niveau van het vervolgdiploma"), required=False,
                                         choices=[("", "—"), ("mbo3", "mbo 3"), ("mbo4", "mbo 4"), ("hbo", "hbo")])
    followup_kwalificatie = forms.ModelChoiceField(
        label=_("vervolgopleiding (kwalificatie)"), required=False,
        queryset=Kwalificatie.objects.filter(level__gte=3).order_by("level", "name"),
        help_text=_("Vervolgdiploma in het mbo: de kwalificatie; voor hbo de opleiding bij toelichting."))
    source = forms.ChoiceField(label=_("bron (vervolgdiploma)"), required=False,
                               choices=[("", "—"), *m.FollowupSource.choices])

    class Meta:
        model = m.Event
        fields = ["kind", "date", "kwalificatie", "destination", "detail"]
        widgets = {"date": DATE}

    def __init__(self, *args, route=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(k.value, k.label) for k in MANUAL_EVENTS]
        if route is not None:
            self.fields["kwalificatie"].queryset = Kwalificatie.objects.filter(uitstroomrichtingen__route=route)

    def _followup(self) -> bool:
        return (self.cleaned_data if hasattr(self, "cleaned_data") else {}).get("kind") == m.EventKind.VERVOLGDIPLOMA

    def as_input(self) -> schemas.EventIn:
        """The event as the use case takes it; a vervolgdiploma's kwalificatie is the follow-up one."""
        data = self.cleaned_data
        kwalificatie = data.get("followup_kwalificatie") if self._followup() else data.get("kwalificatie")
        return schemas.EventIn(kind=data["kind"], date=data["date"], kwalificatie=_code(kwalificatie),
                               destination=data.get("destination") or "", detail=data.get("detail") or "",
                               doorstroom_level=data.get("doorstroom_level") or "",
                               route_year=data.get("entry_route_year"), source=data.get("source") or "")

    def field_of(self, name: str) -> str | None:
        name = {"route_year": "entry_route_year"}.get(name, name)
        if name == "kwalificatie" and self._followup():
            name = "followup_kwalificatie"
        return name if name in self.fields else None


class EventChangeForm(forms.Form):
    """Correct an event recorded earlier: its date, the route year a student entered or returned in,
    the destination of an uitstroom, the note. Only validates; the use case applies what the event's
    kind allows and checks the path again with the correction."""

    date = forms.DateField(label=_("datum"), widget=DATE)
    route_year = forms.IntegerField(label=_("routejaar"), required=False, min_value=1, max_value=8)
    destination = forms.ChoiceField(label=_("bestemming"), choices=[("", "—"), *m.Destination.choices],
                                    required=False)
    detail = forms.CharField(label=_("toelichting"), max_length=300, required=False)

    def as_input(self) -> schemas.EventChange:
        """The correction: the date and note always; the route year and destination when chosen."""
        data = self.cleaned_data
        values = {"date": data["date"], "detail": data.get("detail") or ""}
        if data.get("route_year") is not None:
            values["route_year"] = data["route_year"]
        if data.get("destination"):
            values["destination"] = data["destination"]
        return schemas.EventChange(**values)

    def field_of(self, name: str) -> str | None:
        return name if name in self.fields else None


def typed(as_input):
    """The form's typed input (``as_input``: a form's method); what the schema refuses (a date outside
    its range, ...) becomes a RuleViolation naming the field, like the use case's own problems."""
    try:
        return as_input()
    except ValidationError as error:
        raise RuleViolation([problem(e["field"], e["message"]) for e in schema_errors.problems(error)]) from None


POINT_GRADE = re.compile(r"(?:10|[0-9])\.[0-9]")


def parse_grade(text: str, from_file: bool = False):
    """A grade as people type it: "6,5" (a number, Dutch notation, one decimal: ``domain.numbers``),
    or O, V, G (also written out); None when empty. ValueError (a NumberError carries the Dutch
    message) when it is neither. ``from_file``: a grade column of an import file may also be written
    "6.5" (an Excel cell or a system export writes a point; a grade of at most 10,0 with one decimal
    cannot be a thousands point, so this is no guess); in a form "6.5" is refused like any "1.5"."""
    text = (text or "").strip()
    if not text:
        return None
    word = {"onvoldoende": "O", "voldoende": "V", "goed": "G"}.get(text.casefold(), text.upper())
    if word in ("O", "V", "G"):
        return word
    if from_file and POINT_GRADE.fullmatch(text):
        text = text.replace(".", ",")
    return parse_number(text, decimals=1)


class ExamPartForm(forms.ModelForm):
    grade = forms.CharField(label=_("cijfer"), required=False, max_length=12,
                            help_text=_("1,0 tot en met 10,0; voor het mbo ook O, V of G."))

    class Meta:
        model = m.ExamPart
        # the grade (a number or O/V/G) is parsed here and checked by the use case, not by the model field
        fields = ["sector", "kind", "name", "planned_route_year", "actual_route_year", "examiner", "location",
                  "integrated", "result", "result_on"]
        widgets = {"result_on": DATE}

    def __init__(self, *args, route=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields([*self.Meta.fields[:-1], "grade", "result_on"])
        if route is not None:
            # each partner once (an AOC is a partner on both sides), by its name
            self.fields["examiner"].queryset = (Institution.objects.filter(route_partnerships__route=route)
                                                .distinct().order_by("name"))
        self.fields["examiner"].label_from_instance = lambda institution: institution.name
        if self.instance.pk and not self.is_bound:
            self.initial["grade"] = self.instance.grade_shown

    def clean_grade(self):
        return _parsed_grade(self.cleaned_data.get("grade"))

    def as_input(self) -> schemas.ExamPartIn:
        data = self.cleaned_data
        return schemas.ExamPartIn(**{name: data.get(name) for name in self.Meta.fields if name != "examiner"},
                                  examiner=_brin(data.get("examiner")), grade=data.get("grade"))

    def field_of(self, name: str) -> str | None:
        return name if name in self.fields else None


def _parsed_grade(text: str):
    """A typed grade (``parse_grade``) or the form's message, with the parser's reason when a number was
    meant ("6.5", "6,55")."""
    try:
        return parse_grade(text)
    except NumberError as error:
        detail = f" {error}" if any(c.isdigit() for c in text or "") else ""
        raise forms.ValidationError(str(_("Vul een cijfer in (bijvoorbeeld 6,5) of O, V of G.")) + detail) from None


PART_KEY = "|"     # a part in the grid's choice: "sector|kind|name"


class GroupPartForm(forms.Form):
    """The grid's header: which exam part of the group, and the result date of every row."""
    part = forms.ChoiceField(label=_("examenonderdeel"))
    result_on = forms.DateField(label=_("resultaat op"), widget=DATE)

    def __init__(self, *args, parts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["part"].choices = [("", "—"), *((PART_KEY.join(key), f"{key[0]}: {key[2]} ({key[1]})")
                                                    for key in parts)]

    def field_of(self, name: str) -> str | None:
        return {"sector": "part", "kind": "part", "name": "part"}.get(name, name if name in self.fields else None)


class GroupRowForm(forms.Form):
    """One student's row in the grid: the grade as typed ("6,5", O, V, G), the result when it is not
    the grade's, the route year the part was taken in. An empty row is left alone."""
    grade = forms.CharField(label=_("cijfer"), required=False, max_length=12,
                            widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off",
                                                          "size": 5}))
    result = forms.ChoiceField(label=_("resultaat"), required=False,
                               choices=[("", _("volgt uit het cijfer")), *m.ExamPart.Result.choices])
    actual_route_year = forms.IntegerField(label=_("afgelegd in routejaar"), required=False, min_value=1,
                                           max_value=8, widget=forms.NumberInput(attrs={"size": 2}))

    def __init__(self, *args, student=None, part=None, **kwargs):
        super().__init__(*args, prefix=f"s{student.pk}", **kwargs)
        self.student, self.part = student, part
        for name, field in self.fields.items():     # the grid's inputs have no label of their own
            field.widget.attrs["aria-label"] = f"{field.label} {student.first_name} {student.last_name}"

    def clean_grade(self):
        return _parsed_grade(self.cleaned_data.get("grade"))

    def as_row(self) -> dict:
        data = self.cleaned_data
        return {"student": self.student.pk, "grade": data.get("grade"), "result": data.get("result") or None,
                "actual_route_year": data.get("actual_route_year")}

    def field_of(self, name: str) -> str | None:
        return name if name in self.fields else None


def part_of(chosen: str, parts) -> tuple[str, str, str] | None:
    """The part (sector, kind, name) a grid's choice stands for, when it is one of the group's parts."""
    key = tuple((chosen or "").split(PART_KEY, 2))
    if len(key) != 3:
        return None
    return next((part for part in parts if part_key(*part) == part_key(*key)), None)


def group_input(key, header: GroupPartForm, rows: list[GroupRowForm]) -> schemas.GroupResultsIn:
    """The grid as the use case takes it (the same schema as the API's bulk operation)."""
    sector, kind, name = key
    return schemas.GroupResultsIn(sector=sector, kind=kind, name=name, result_on=header.cleaned_data["result_on"],
                                  rows=[row.as_row() for row in rows])


class BpvForm(forms.ModelForm):
    class Meta:
        model = m.BpvPeriod
        fields = ["leerbedrijf", "recognised", "praktijkovereenkomst", "start", "end"]
        widgets = {"start": DATE, "end": DATE}

    def as_input(self) -> schemas.BpvIn:
        return schemas.BpvIn(**{name: self.cleaned_data.get(name) for name in self.Meta.fields})

    def field_of(self, name: str) -> str | None:
        return name if name in self.fields else None
