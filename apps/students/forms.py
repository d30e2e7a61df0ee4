from django import forms
from django.utils.translation import gettext_lazy as _

from apps.accounts.scoping import student_institutions
from apps.registry.models import Institution, Kwalificatie
from domain.calendar import school_year_label, school_year_of

from . import models as m

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class OwnSchoolFields:
    """The student's own vo-school and mbo among the route's partners (a route may have several of
    each). The vo-school is required when the route has several and preset when the user can choose
    only one (a vo-school's staff always get their own school); the mbo is asked only when the route
    has several. Without a user (the import) every partner of the route may be chosen."""

    def own_school_fields(self, route, user):
        from apps.accounts.scoping import student_institutions

        self.fixed_schools = {}
        for name, role in (("vo_school", "vo"), ("mbo_institution", "mbo")):
            partners = Institution.objects.filter(route_partnerships__route=route,
                                                  route_partnerships__role=role).distinct().order_by("name")
            choices = student_institutions(user, route, role) if user is not None else partners
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
            allowed = {i.pk for role in ("vo", "mbo") for i in student_institutions(user, route, role)} \
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
        entry = data.get("entry_route_year") or 1
        if entry > 1 and not data.get("origin"):
            self.add_error("origin", _("Kies waar de zij-instromer vandaan komt."))
        if data.get("entry_date") and data.get("cohort"):
            school_year = data["cohort"] + entry - 1
            if school_year_of(data["entry_date"]) != school_year:
                self.add_error("entry_date", _("De instroomdatum valt niet in schooljaar %(year)s, het schooljaar van "
                                               "routejaar %(ry)s van cohort %(cohort)s.")
                               % {"year": school_year_label(school_year), "ry": entry,
                                  "cohort": school_year_label(data["cohort"])})
        for p in getattr(self, "partners", []):
            name = f"number_{p.institution_id}"
            number = data.get(name)
            if number and m.StudentNumber.objects.filter(institution=p.institution, number=number).exists():
                self.add_error(name, _("Leerlingnummer %(n)s bestaat al bij %(school)s.")
                               % {"n": number, "school": p.institution.name})
        return data

    def numbers(self) -> dict:
        return {p.institution: self.cleaned_data.get(f"number_{p.institution_id}", "") for p in self.partners}


# Events recorded by hand; instroom, overgang and doublure come from enrolment and cohort promotion,
# exam parts and BPV from their own forms.
MANUAL_EVENTS = [m.EventKind.SWITCH, m.EventKind.VMBO_DIPLOMA, m.EventKind.CERTIFICAAT, m.EventKind.MBO_DIPLOMA,
                 m.EventKind.UITSTROOM, m.EventKind.TERUGKEER, m.EventKind.DOORSTROOM]


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


class EventForm(forms.ModelForm):
    entry_route_year = forms.IntegerField(label=_("routejaar bij terugkeer"), required=False, min_value=1,
                                          max_value=8, help_text=_("Leeg: het routejaar waarin de leerling vertrok."))
    doorstroom_level = forms.ChoiceField(label=_("doorstroom naar"), required=False,
                                         choices=[("", "—"), ("mbo3", "mbo 3"), ("mbo4", "mbo 4"), ("hbo", "hbo")])

    class Meta:
        model = m.Event
        fields = ["kind", "date", "kwalificatie", "destination", "detail"]
        widgets = {"date": DATE}

    def __init__(self, *args, route=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(k.value, k.label) for k in MANUAL_EVENTS]
        if route is not None:
            self.fields["kwalificatie"].queryset = Kwalificatie.objects.filter(uitstroomrichtingen__route=route)

    def clean(self):
        data = super().clean()
        if data.get("kind") == m.EventKind.UITSTROOM and not data.get("destination"):
            self.add_error("destination", _("Kies de bestemming van een leerling die de route verlaat."))
        if data.get("kind") == m.EventKind.SWITCH and not data.get("kwalificatie"):
            self.add_error("kwalificatie", _("Kies de nieuwe uitstroomrichting."))
        if data.get("kind") == m.EventKind.DOORSTROOM and not data.get("doorstroom_level"):
            self.add_error("doorstroom_level", _("Kies het niveau waarnaar de leerling doorstroomt."))
        if data.get("kind") == m.EventKind.CERTIFICAAT and not (data.get("detail") or data.get("kwalificatie")):
            self.add_error("detail", _("Noem het certificaat (bijvoorbeeld Entree-certificaat)."))
        return data


class EventChangeForm(forms.Form):
    """Correct an event recorded earlier: its date, the route year a student entered or returned in,
    the destination of an uitstroom, the note. Only validates; the use case applies what the event's
    kind allows and checks the path again with the correction."""

    date = forms.DateField(label=_("datum"), widget=DATE)
    route_year = forms.IntegerField(label=_("routejaar"), required=False, min_value=1, max_value=8)
    destination = forms.ChoiceField(label=_("bestemming"), choices=[("", "—"), *m.Destination.choices],
                                    required=False)
    detail = forms.CharField(label=_("toelichting"), max_length=300, required=False)


class ExamPartForm(forms.ModelForm):
    class Meta:
        model = m.ExamPart
        fields = ["sector", "kind", "name", "planned_route_year", "actual_route_year", "examiner", "location",
                  "integrated", "result", "grade", "result_on"]
        widgets = {"result_on": DATE}

    def __init__(self, *args, route=None, **kwargs):
        super().__init__(*args, **kwargs)
        if route is not None:
            self.fields["examiner"].queryset = Institution.objects.filter(route_partnerships__route=route)

    def clean(self):
        data = super().clean()
        vmbo_kinds, mbo_kinds = {"SE", "CSPE"}, {"generiek", "kerntaak", "keuzedeel", "BPV"}
        if data.get("sector") == "vmbo" and data.get("kind") not in vmbo_kinds:
            self.add_error("kind", _("Een vmbo-onderdeel is een SE of CSPE."))
        if data.get("sector") == "mbo" and data.get("kind") not in mbo_kinds:
            self.add_error("kind", _("Een mbo-onderdeel is generiek, een kerntaak, een keuzedeel of BPV."))
        return data


class BpvForm(forms.ModelForm):
    class Meta:
        model = m.BpvPeriod
        fields = ["leerbedrijf", "recognised", "praktijkovereenkomst", "start", "end"]
        widgets = {"start": DATE, "end": DATE}
