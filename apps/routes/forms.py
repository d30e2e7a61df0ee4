"""The forms of the interface: they render the register and parse what the user typed (and keep it
on errors). They do not save: after ``is_valid`` a view turns them into the typed input of the use
case (``route_input``, ``agreement_input``) and places the errors of a refused change back beside
the field or in the row they are about (``place_errors``). The rules live in the use cases."""
import re

from django import forms
from django.db.models import Model, QuerySet
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _
from pydantic import ValidationError

from apps.core.lib.documents import validate_agreement_document
from apps.core.lib.numbers import DutchDecimalField
from apps.core.schema_errors import problems
from apps.registry.models import Bestuur, Institution, Kwalificatie, Leerweg, Location, Profiel, Region

from . import models as m
from .schemas import AgreementIn, RouteIn
from .services import ChangeRefused

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RouteForm(forms.ModelForm):
    class Meta:
        model = m.Route
        fields = [
            "name", "type", "programme_label", "region", "phase", "start_year", "end_date", "description",
            "profielen", "leerwegen", "selection", "vmbo_diploma", "acceleration", "acceleration_note",
            "start_vmbo_year", "vmbo_exam_route_year", "choice_route_year", "choice_month", "study_duration_years",
            "onderwijstijd_hours", "onderwijstijd_deviation", "mr_consent_on", "integrated_exam", "pta_oer",
            "includes_lwt", "settlement_model", "reported_students",
            "without_structural_meetings", "min_intake", "min_intake_scope",
        ]
        widgets = {
            "profielen": forms.CheckboxSelectMultiple, "leerwegen": forms.CheckboxSelectMultiple,
            "end_date": DATE, "mr_consent_on": DATE,
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
        # The form offers every vestiging; the input names one by its code at the chosen institution.
        data = super().clean()
        institution, location = data.get("institution"), data.get("location")
        if institution and location and location.institution_id != institution.pk:
            self.add_error("location", _("Deze vestiging hoort niet bij %(name)s.") % {"name": institution.name})
        return data


class UitstroomForm(forms.ModelForm):
    class Meta:
        model = m.Uitstroomrichting
        fields = ["kwalificatie", "min_intake", "active"]


class YearForm(forms.ModelForm):
    class Meta:
        model = m.RouteYear
        fields = ["route_year", "vmbo_year", "unfunded_at", "days_at_mbo", "days_bpv", "teaching_location",
                  "teaching_by", "note"]
        field_classes = {"days_at_mbo": DutchDecimalField, "days_bpv": DutchDecimalField}   # "2,5", not "2.5"


class TargetForm(forms.ModelForm):
    class Meta:
        model = m.RouteTarget
        fields = ["kpi", "parameter", "operator", "value"]
        field_classes = {"value": DutchDecimalField}   # "85,5" (a percentage) or "1,25" (years)


class ContactForm(forms.ModelForm):
    """A role in the route's form: the person's name, e-mail and phone are the Person's (the use case
    finds the person by institution and e-mail, or name, or adds them)."""
    name = forms.CharField(label=_("naam"), max_length=120)
    email = forms.EmailField(label=_("e-mail"), required=False)
    phone = forms.CharField(label=_("telefoon"), max_length=30, required=False)

    class Meta:
        model = m.Contact
        fields = ["institution", "role", "name", "email", "phone", "start", "end"]
        widgets = {"start": DATE, "end": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        person = self.instance.person if self.instance.pk else None
        if person is not None:
            for name in ("name", "email", "phone"):
                self.initial.setdefault(name, getattr(person, name))


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
    "partners": (_formset(m.RoutePartner, PartnerForm, 3), _("Partners")),
    "uitstroomrichtingen": (_formset(m.Uitstroomrichting, UitstroomForm, 2), _("Uitstroomrichtingen")),
    "years": (_formset(m.RouteYear, YearForm, 1), _("Routejaren")),
    "targets": (_formset(m.RouteTarget, TargetForm, 1), _("Doelen")),
    "contacts": (_formset(m.Contact, ContactForm, 1), _("Contactpersonen")),
    "components": (_formset(m.ProgrammeComponent, ComponentForm, 1), _("Programmaonderdelen en teambevoegdheid")),
    "responsibilities": (_formset(m.Responsibility, ResponsibilityForm, 1),
                         _("Afwijkende verantwoordelijkheden (anders volgt de taak de fase)")),
}


def route_formsets(data=None, instance=None):
    return {prefix: cls(data, instance=instance, prefix=prefix) for prefix, (cls, _h) in ROUTE_FORMSETS.items()}


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
    """PDF, DOCX or ODT of at most 20 MB (extension and content checked)."""
    class Meta:
        model = m.AgreementDocument
        fields = ["file", "description"]
        help_texts = {"file": _("PDF, DOCX of ODT, hoogstens 20 MB.")}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        validate_agreement_document(upload)
        return upload


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



# --- from the forms to the use cases and back ----------------------------------------------------

# How the typed input refers to an object a form field chose.
CODES = {Institution: "brin", Location: "code", Kwalificatie: "code", Bestuur: "name", Profiel: "code",
         Leerweg: "code", Region: "pk", m.Route: "pk", m.Agreement: "pk"}


def _plain(value):
    if isinstance(value, Model):
        return getattr(value, CODES[type(value)])
    if isinstance(value, (QuerySet, list, tuple)):
        return [_plain(v) for v in value]
    return value


def _values(form, parent: str = "") -> dict:
    """What a form's fields hold, as the typed input names it (``parent``: the foreign key of a row)."""
    return {name: _plain(form.cleaned_data.get(name)) for name in form._meta.fields if name != parent}


def _kept(formset):
    """The forms of a formset that are rows of the input (not left empty, not marked for deletion)."""
    return [(i, sub) for i, sub in enumerate(formset.forms) if sub.cleaned_data and not sub.cleaned_data.get("DELETE")]


def row_positions(formsets) -> dict[str, list[int]]:
    """Per formset, the form index of each row of the input."""
    return {prefix: [i for i, _sub in _kept(formset)] for prefix, formset in formsets.items()}


def _typed(schema, form, formsets):
    data = _values(form)
    for prefix, formset in formsets.items():
        data[prefix] = [_values(sub, formset.fk.name) for _i, sub in _kept(formset)]
    try:
        return schema.model_validate(data)
    except ValidationError as exc:
        raise ChangeRefused(problems(exc)) from exc


def route_input(form, formsets) -> RouteIn:
    """A valid route form and its formsets as the input of services.save_route; raises ChangeRefused
    when the input breaks a limit the form does not know."""
    return _typed(RouteIn, form, formsets)


def agreement_input(form, formsets) -> AgreementIn:
    """A valid agreement form and its formsets as the input of services.save_agreement."""
    return _typed(AgreementIn, form, formsets)


PATH = re.compile(r"(?P<name>\w+)(?:\[(?P<index>\d+)\](?:\.(?P<field>\w+))?)?")


def place_errors(form, formsets, errors, positions) -> None:
    """Show each error of a refused change beside the field, or in the row, its path names (a rule
    error starts with the rule). ``positions``: per formset the form index of each input row."""
    for item in errors:
        message = f"{item['rule']}: {item['message']}" if item.get("rule") else item["message"]
        match = PATH.fullmatch(item.get("field") or "")
        name = match["name"] if match else ""
        if name in formsets:
            formset, rows = formsets[name], positions.get(name, [])
            index = int(match["index"]) if match["index"] is not None else None
            if index is None or index >= len(rows):
                formset._non_form_errors = formset.non_form_errors() + [message]
            else:
                sub = formset.forms[rows[index]]
                sub.add_error(match["field"] if match["field"] in sub.fields else None, message)
        else:
            form.add_error(name if name in form.fields else None, message)


# What a rule finding's field is called on the route form.
FIELD_LABELS = {
    **{name: field.label for name, field in RouteForm.base_fields.items()},
    **{prefix: title for prefix, (_cls, title) in ROUTE_FORMSETS.items()},
    "agreements": _("overeenkomsten"),
}
