"""The import wizard: upload, map columns (with preview), validate with progress, import.

The checking and the import run in the background worker (tasks.py); these pages queue them once
(however often a button is pressed) and show the job's state and counters as the worker writes them.
Only users who may change students, for routes of their own institutions; a job is visible to the
user who uploaded it only. Everyone else gets 404. A BSN is never shown: BSN columns are
pseudonymised when the file is read and shown as ••• or (verborgen)."""
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from apps.core.lib.tabular import TableError, table_response
from apps.registry.models import Institution
from apps.routes.models import Route

from . import importing, tasks
from . import models as m

MAX_UPLOAD_MB = 25
MAX_UPLOAD = MAX_UPLOAD_MB * 1024 * 1024   # about 100,000 student rows as CSV
SHOWN_ERRORS = 500


def _route(user, pk):
    if not user.changes_students:
        raise Http404
    return get_object_or_404(Route.objects.with_students_for(user), pk=pk)


def _job(request, pk):
    user = request.user
    if not user.changes_students:
        raise Http404
    return get_object_or_404(
        m.ImportJob.objects.select_related("route", "institution"), pk=pk, user=user,
        route__in=Route.objects.with_students_for(user), institution__in=user.institutions.all())


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Wat importeert u?"), choices=m.ImportJob.Kind.choices,
                             widget=forms.RadioSelect, initial=m.ImportJob.Kind.STUDENTS)
    institution = forms.ModelChoiceField(label=gettext_lazy("Namens instelling"), queryset=Institution.objects.none(),
                                         empty_label=None,
                                         help_text=gettext_lazy("De leerlingnummers in het bestand zijn die van deze "
                                                                "instelling."))
    file = forms.FileField(label=gettext_lazy("Bestand"),
                           help_text=gettext_lazy("CSV (elk gangbaar scheidingsteken en elke gangbare codering) of "
                                                  "Excel (.xlsx); de eerste rij bevat de kolomnamen."),
                           widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.xlsx,.xlsm"}))

    def __init__(self, *args, institutions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].queryset = Institution.objects.filter(pk__in=[i.pk for i in institutions])
        if len(institutions) == 1:
            del self.fields["institution"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(
                _("Het bestand is %(size)d MB; de grens is %(max)d MB. Splits het in delen of gebruik "
                  "manage.py import_students.") % {"size": -(-upload.size // (1024 * 1024)), "max": MAX_UPLOAD_MB})
        if not upload.name.lower().endswith((".csv", ".txt", ".xlsx", ".xlsm", ".xls")):
            raise forms.ValidationError(_("Kies een CSV- of Excel-bestand (.csv, .txt of .xlsx)."))
        return upload


@login_required
def upload(request, pk):
    route = _route(request.user, pk)
    institutions = list(Institution.objects.filter(route_partnerships__route=route,
                                                   pk__in=request.user.institutions.all()).distinct())
    if not institutions:
        raise Http404
    form = UploadForm(request.POST or None, request.FILES or None, institutions=institutions)
    if request.method == "POST" and form.is_valid():
        kind, file = form.cleaned_data["kind"], form.cleaned_data["file"]
        institution = form.cleaned_data.get("institution") or institutions[0]
        saved = m.ImportMapping.objects.filter(institution=institution, kind=kind).first()
        try:
            parsed = importing.read_upload(kind, file.name, file.read(), saved.mapping if saved else {})
        except (TableError, importing.ImportRefused) as problem:
            form.add_error("file", str(problem))
        else:
            # data minimisation: an earlier unfinished upload of this route by this user goes
            m.ImportJob.objects.filter(user=request.user, route=route).exclude(
                status__in=[m.ImportJob.State.DONE, *m.ImportJob.RUNNING]).delete()
            job = m.ImportJob.objects.create(
                route=route, institution=institution, user=request.user, kind=kind, filename=file.name[:255],
                headers=parsed.headers, rows=parsed.rows, row_count=len(parsed.rows), bsn_columns=parsed.bsn_columns,
                skipped_lines=list(parsed.skipped_lines),
                mapping=importing.guess_mapping(kind, parsed.headers, saved.mapping if saved else {},
                                                parsed.bsn_columns))
            if parsed.bsn_columns:
                messages.info(request, _("De BSN's in het bestand zijn direct vervangen door een pseudoniem; het BSN "
                                         "zelf is niet opgeslagen."))
            return redirect("students:import_mapping", job.pk)
    jobs = m.ImportJob.objects.filter(user=request.user, route=route).select_related("institution")[:10]
    by_rule = importing.rule_columns(route)
    return render(request, "students/import_upload.html", {
        "route": route, "form": form, "jobs": jobs,
        "template_columns": [capfirst(str(t.label)) for t in importing.template_targets(
            route, m.ImportJob.Kind.STUDENTS, by_rule)],
        "route_required": _route_required(route, institutions, by_rule)}, status=400 if form.errors else 200)


def _route_required(route, institutions, by_rule) -> list[tuple[str, str]]:
    """(field label, why) of the student columns this route requires besides the usual ones."""
    labels = {t.key: capfirst(t.label) for t in importing.targets(m.ImportJob.Kind.STUDENTS)}
    institution = institutions[0] if len(institutions) == 1 else None
    return [(labels[key], why) for key, why in
            importing.required_for_route(route, m.ImportJob.Kind.STUDENTS, institution, by_rule).items()]


@login_required
def template(request, pk, kind, fmt):
    """The template file of the import for this route: its columns and a note row (skipped when read)."""
    route = _route(request.user, pk)
    if kind not in m.ImportJob.Kind.values or fmt not in ("csv", "xlsx"):
        raise Http404
    headers, rows = importing.template_table(route, kind)
    return table_response(f"importsjabloon-{'leerlingen' if kind == m.ImportJob.Kind.STUDENTS else 'resultaten'}"
                          f"-route-{route.pk}", headers, rows, fmt)


class MappingForm(forms.Form):
    """Per target field a select of the file's columns. A BSN column (found by its values or name)
    can only be the BSN; any other column can be marked as the BSN too (it is pseudonymised then)."""

    def __init__(self, *args, job, **kwargs):
        super().__init__(*args, **kwargs)
        self.job = job
        none = [("", _("— niet in het bestand —"))]
        plain = [(h, h) for h in job.headers if h not in job.bsn_columns]
        hidden = [(h, _("%(column)s (als pseudoniem)") % {"column": h}) for h in job.bsn_columns]
        # a column a rule (or the route's set-up) makes required is asked before any row is checked
        self.route_required = importing.required_for_route(job.route, job.kind, job.institution)
        for target in importing.targets(job.kind):
            why = self.route_required.get(target.key)
            self.fields[target.key] = forms.ChoiceField(
                label=capfirst(target.label), required=target.required or bool(why), help_text=why or "",
                choices=none + (hidden + plain if target.key == "bsn" else plain),
                error_messages={"required": why or _("Kies de kolom voor dit verplichte veld.")})

    def clean(self):
        data = super().clean()
        seen = {}
        for key, header in data.items():
            if header and header in seen:
                self.add_error(key, _("Kolom ‘%(column)s’ is ook al gekoppeld aan %(field)s.")
                               % {"column": header, "field": self.fields[seen[header]].label.lower()})
            seen.setdefault(header, key)
        return data

    def mapping(self) -> dict:
        return {key: header for key, header in self.cleaned_data.items() if header}


@login_required
def mapping(request, pk):
    job = _job(request, pk)
    if job.status == m.ImportJob.State.DONE or job.running:
        return redirect(job)
    form = MappingForm(request.POST or None, job=job, initial=job.mapping)
    chosen = job.mapping
    if request.method == "POST":
        if form.is_valid():
            chosen = form.mapping()
            if request.POST.get("step") != "preview":
                try:
                    if importing.start_validation(job, chosen):
                        tasks.enqueue_validation(job)
                except importing.ImportRefused as problem:
                    form.add_error("bsn", str(problem))
                else:
                    return redirect(job)
        else:
            chosen = {k: v for k, v in form.data.items() if k in form.fields and v in job.headers}
    targets = importing.targets(job.kind)
    return render(request, "students/import_mapping.html", {
        "job": job, "route": job.route, "form": form, "targets": targets,
        "preview": importing.preview(job, chosen),
        "saved": m.ImportMapping.objects.filter(institution=job.institution, kind=job.kind).exists()},
        status=400 if form.errors else 200)


def _stalled(job):
    """A job whose worker stopped halfway is queued again (see tasks.resume_stalled)."""
    if job.status in (m.ImportJob.State.VALIDATING, m.ImportJob.State.IMPORTING) and tasks.resume_stalled(
            m.ImportJob.objects.filter(pk=job.pk)):
        job.refresh_from_db()
    return job


@login_required
def job_detail(request, pk):
    job = _stalled(_job(request, pk))
    errors = [{**e, "original": list(zip(job.headers, importing.original_values(job, e["row"])))}
              for e in job.errors[:SHOWN_ERRORS]]
    return render(request, "students/import_job.html", {
        "job": job, "route": job.route, "errors": errors,
        "merged_leerweg": importing.merged_leerweg_rows(job) if job.status == m.ImportJob.State.VALIDATED else 0,
        "more_errors": max(0, len(job.errors) - SHOWN_ERRORS),
        "mapping": "; ".join(f"{t.label} ← {job.mapping[t.key]}" for t in importing.targets(job.kind)
                             if t.key in job.mapping)})


@login_required
def step(request, pk):
    """The progress of a running job as the worker writes it (polled by the job page). For htmx the
    progress fragment, with a redirect to the job page once the job stopped running."""
    job = _stalled(_job(request, pk))
    done = not job.running
    if request.headers.get("HX-Request"):
        response = render(request, "students/import_progress.html", {"job": job, "done": done})
        if done:
            response["HX-Redirect"] = job.get_absolute_url()
        return response
    return redirect(job)


@login_required
@require_POST
def run(request, pk):
    """The Importeren button: queues the import once, however often it is pressed."""
    job = _job(request, pk)
    if importing.start_import(job):
        tasks.enqueue_import(job)
    return redirect(job)   # the job page shows the state the job is in


@login_required
def error_report(request, pk, fmt):
    job = _job(request, pk)
    if fmt not in ("csv", "xlsx"):
        raise Http404
    return table_response(f"importfouten-{job.pk}", importing.error_report_headers(job), importing.error_rows(job),
                          fmt)

