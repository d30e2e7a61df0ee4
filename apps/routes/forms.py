from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from . import models as m
from . import proposals

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RouteForm(forms.ModelForm):
    class Meta:
        model = m.Route
        fields = [
            "name", "type", "programme_label", "region", "phase", "start_year", "end_date", "description",
            "profielen", "leerwegen", "selection", "vmbo_diploma", "acceleration", "acceleration_note",
            "start_vmbo_year", "vmbo_exam_route_year", "choice_route_year", "choice_month", "study_duration_years", "onderwijstijd_hours",
            "onderwijstijd_deviation", "mr_consent_on", "integrated_exam", "pta_oer", "includes_lwt",
            "settlement_model", "reported_students", "last_partner_meeting", "without_structural_meetings",
            "min_intake", "min_intake_scope",
        ]
        widgets = {
            "profielen": forms.CheckboxSelectMultiple, "leerwegen": forms.CheckboxSelectMultiple,
            "end_date": DATE, "mr_consent_on": DATE, "last_partner_meeting": DATE,
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["min_intake_scope"].required = False   # left out: per uitstroomrichting

    def clean_min_intake_scope(self):
        return self.cleaned_data.get("min_intake_scope") or m.IntakeScope.UITSTROOMRICHTING


class PartnerForm(forms.ModelForm):
    class Meta:
        model = m.RoutePartner
        fields = ["institution", "role", "location", "joined_on", "rio_registered_on"]
        widgets = {"joined_on": DATE, "rio_registered_on": DATE}

    def clean(self):
        data = super().clean()
        institution, role, location = data.get("institution"), data.get("role"), data.get("location")
        if institution and role and institution.sector != role:
            self.add_error("institution", _("%(name)s is een %(sector)s-instelling en kan geen %(role)s-partner zijn.")
                           % {"name": institution.name, "sector": institution.sector, "role": role})
        if institution and location and location.institution_id != institution.pk:
            self.add_error("location", _("Deze vestiging hoort niet bij %(name)s.") % {"name": institution.name})
        return data


class BasePartnerFormSet(forms.BaseInlineFormSet):
    user = None  # set by route_formsets: a user may only register routes of their own institution

    def clean(self):
        super().clean()
        rows = [f.cleaned_data for f in self.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
        roles = [row.get("role") for row in rows]
        if roles.count("vo") < 1 or roles.count("mbo") < 1:
            raise forms.ValidationError(
                _("Een route heeft minstens één vo-school en minstens één mbo-instelling als partner."))
        proposals.check_partner_rows(self)  # partner changes are agreed; own institution's rows only
        self._keep_partners_with_students(rows)
        if self.user is not None and not self.user.is_beheerder:
            own = set(self.user.institutions.values_list("pk", flat=True))
            if not any(row.get("institution") and row["institution"].pk in own for row in rows):
                raise forms.ValidationError(
                    _("Uw eigen instelling moet partner zijn van de route; anders kunt u de route daarna "
                      "niet meer zien of wijzigen."))


    def _keep_partners_with_students(self, rows):
        """A partner that still has students of the route (their own vo-school or mbo, or an
        enrolment there) cannot leave the route (or change side)."""
        route = self.instance
        if route is None or route.pk is None:
            return
        kept = {(row["institution"].pk, row.get("role")) for row in rows if row.get("institution")}
        for partner in route.partners.select_related("institution"):
            if (partner.institution_id, partner.role) in kept:
                continue
            count = students_at(route, partner.institution_id, partner.role)
            if count:
                raise forms.ValidationError(
                    _("%(name)s kan niet uit de route worden gehaald: %(n)d leerling(en) van de route horen bij "
                      "of zijn ingeschreven bij deze %(role)s-partner. Verplaats of verwijder eerst die "
                      "leerlingen.") % {"name": partner.institution.name, "n": count, "role": partner.role},
                    code="partner_has_students")


def students_at(route, institution_id, role) -> int:
    """How many students of the route have ``institution_id`` as their own school of that side or
    an enrolment there (routes do not import the students app: the reverse relation is used)."""
    from django.db.models import Q

    own = Q(vo_school=institution_id) if role == "vo" else Q(mbo_institution=institution_id)
    if role == "vo":  # a student without a recorded vo-school belongs to the route's (only) vo-school
        own |= Q(vo_school__isnull=True)
    return route.students.filter(own | Q(enrolments__institution=institution_id)).distinct().count()


class BaseContactFormSet(forms.BaseInlineFormSet):
    user = None  # set by route_formsets: contacts of another institution are that institution's to change

    def clean(self):
        super().clean()
        proposals.check_contact_rows(self)


class UitstroomForm(forms.ModelForm):
    class Meta:
        model = m.Uitstroomrichting
        fields = ["kwalificatie", "min_intake", "active"]


class YearForm(forms.ModelForm):
    class Meta:
        model = m.RouteYear
        fields = ["route_year", "vmbo_year", "unfunded_at", "days_at_mbo", "days_bpv", "teaching_location", "teaching_by",
                  "note"]


class TargetForm(forms.ModelForm):
    class Meta:
        model = m.RouteTarget
        fields = ["kpi", "parameter", "operator", "value"]


class ContactForm(forms.ModelForm):
    class Meta:
        model = m.Contact
        fields = ["institution", "role", "name", "email", "start", "end"]
        widgets = {"start": DATE, "end": DATE}


class ComponentForm(forms.ModelForm):
    class Meta:
        model = m.ProgrammeComponent
        fields = ["name", "covered_by"]


class ResponsibilityForm(forms.ModelForm):
    class Meta:
        model = m.Responsibility
        fields = ["task", "party", "note"]


def _formset(model, form, extra, formset=forms.BaseInlineFormSet):
    return inlineformset_factory(m.Route, model, form=form, formset=formset, extra=extra, can_delete=True)


# prefix -> (formset class, heading); the order is the order on the form page.
ROUTE_FORMSETS = {
    "partners": (_formset(m.RoutePartner, PartnerForm, 3, BasePartnerFormSet), _("Partners")),
    "uitstroomrichtingen": (_formset(m.Uitstroomrichting, UitstroomForm, 2), _("Uitstroomrichtingen")),
    "years": (_formset(m.RouteYear, YearForm, 1), _("Routejaren")),
    "targets": (_formset(m.RouteTarget, TargetForm, 1), _("Doelen")),
    "contacts": (_formset(m.Contact, ContactForm, 1, BaseContactFormSet), _("Contactpersonen")),
    "components": (_formset(m.ProgrammeComponent, ComponentForm, 1), _("Programmaonderdelen en teambevoegdheid")),
    "responsibilities": (_formset(m.Responsibility, ResponsibilityForm, 1),
                         _("Afwijkende verantwoordelijkheden (anders volgt de taak de fase)")),
}


def route_formsets(data=None, instance=None, user=None):
    formsets = {prefix: cls(data, instance=instance, prefix=prefix) for prefix, (cls, _h) in ROUTE_FORMSETS.items()}
    formsets["partners"].user = formsets["contacts"].user = user
    return formsets


# A finding's field -> (formset prefix, field of a row, the code of a row value that Finding.item names)
FINDING_ROWS = {
    "uitstroomrichtingen": ("uitstroomrichtingen", "kwalificatie", lambda value: value.code),
    "partners": ("partners", "institution", lambda value: value.brin),
    "topics": ("clauses", "topic", lambda value: value),
}


def place_findings(form, formsets, findings):
    """Show each rule violation beside the field, or in the row, it is about. Returns, per finding,
    (finding, formset prefix or None, row index in the formset or None, field name or "")."""
    placed = []
    for finding in findings:
        message = f"{finding.rule}: {finding.message}"
        prefix, name, key = FINDING_ROWS.get(finding.field, (None, None, None))
        if prefix in formsets:
            formset = formsets[prefix]
            index = next((i for i, sub in enumerate(formset.forms)
                          if finding.item and (sub.cleaned_data or {}).get(name) not in (None, "")
                          and key(sub.cleaned_data[name]) == finding.item), None)
            if index is None:
                formset._non_form_errors = formset.non_form_errors() + [message]
                placed.append((finding, prefix, None, ""))
            else:
                formset.forms[index].add_error(name, message)
                placed.append((finding, prefix, index, name))
        elif finding.field in form.fields:
            form.add_error(finding.field, message)
            placed.append((finding, None, None, finding.field))
        else:
            form.add_error(None, message)
            placed.append((finding, None, None, finding.field))
    return placed


class AgreementForm(forms.ModelForm):
    class Meta:
        model = m.Agreement
        fields = ["kind", "title", "reference", "valid_from", "valid_to", "routes", "supersedes", "notes"]
        widgets = {"valid_from": DATE, "valid_to": DATE, "routes": forms.CheckboxSelectMultiple,
                   "notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, routes=None, agreements=None, **kwargs):
        super().__init__(*args, **kwargs)
        if routes is not None:
            self.fields["routes"].queryset = routes
        if agreements is not None:
            self.fields["supersedes"].queryset = agreements.exclude(pk=self.instance.pk)

    def clean_routes(self):
        # Routes of the agreement that this user may not change stay covered.
        chosen = self.cleaned_data["routes"]
        if not self.instance.pk:
            return chosen
        others = self.instance.routes.exclude(pk__in=self.fields["routes"].queryset.values("pk"))
        return chosen | others

    def clean(self):
        data = super().clean()
        start, end = data.get("valid_from"), data.get("valid_to")
        if start and end and end < start:
            self.add_error("valid_to", _("De einddatum ligt vóór de begindatum."))
        return data


class SignatureForm(forms.ModelForm):
    class Meta:
        model = m.Signature
        fields = ["bestuur", "signatory", "signed_on"]
        widgets = {"signed_on": DATE}

    def has_changed(self):
        # A party copied from the previous version is kept even when nothing was typed.
        return bool(self.data.get(self.add_prefix("bestuur"))) or super().has_changed()


class ClauseForm(forms.ModelForm):
    class Meta:
        model = m.Clause
        fields = ["topic", "text", "reference"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}

    def has_changed(self):
        # A topic row left empty is not part of the agreement (new rows are skipped, not saved).
        filled = any(str(self.data.get(self.add_prefix(name), "")).strip() for name in ("text", "reference"))
        return filled or (self.instance.pk is not None and super().has_changed())


SignatureFormSet = inlineformset_factory(m.Agreement, m.Signature, form=SignatureForm, extra=2, can_delete=True)
ClauseFormSet = inlineformset_factory(m.Agreement, m.Clause, form=ClauseForm, extra=0, can_delete=True)


class DocumentForm(forms.ModelForm):
    class Meta:
        model = m.AgreementDocument
        fields = ["file", "description"]


def agreement_formsets(data=None, instance=None, previous=None):
    """Signature and topic formsets. A new agreement gets a row for every topic; a new version of
    ``previous`` starts from its parties and agreed texts."""
    signatures = SignatureFormSet(data, instance=instance, prefix="signatures")
    clauses = ClauseFormSet(data, instance=instance, prefix="clauses")
    if data is None:
        have = {c.topic for c in instance.clauses.all()} if instance and instance.pk else set()
        copied = list(previous.clauses.all()) if previous else []
        copied_topics = {c.topic for c in copied}
        clauses.initial_extra = [{"topic": c.topic, "text": c.text, "reference": c.reference} for c in copied] + [
            {"topic": code} for code, _l in m.TOPIC_CHOICES if code not in have | copied_topics]
        clauses.extra = len(clauses.initial_extra)
        if previous:
            signatures.initial_extra = [{"bestuur": s.bestuur_id, "signatory": s.signatory}
                                        for s in previous.signatures.all()]
            signatures.extra = len(signatures.initial_extra) + 1
    return {"signatures": signatures, "clauses": clauses}

