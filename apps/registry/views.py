from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from apps.core.audit import history
from apps.core.lib.tabular import TableError, read_table, table_response

from . import models as m
from .resources import RESOURCES, import_table


@login_required
def institution_list(request):
    institutions = m.Institution.objects.select_related("bestuur").prefetch_related("regions")
    query = request.GET.get("q", "").strip()
    if query:
        institutions = institutions.filter(name__icontains=query) | institutions.filter(brin__iexact=query)
    return render(request, "registry/institution_list.html", {"institutions": institutions, "query": query})


@login_required
def institution_detail(request, pk):
    institution = get_object_or_404(m.Institution.objects.select_related("bestuur"), pk=pk)
    return render(request, "registry/institution_detail.html", {"institution": institution})


@login_required
def institution_history(request, pk):
    institution = get_object_or_404(m.Institution, pk=pk)
    return render(request, "core/history.html", {"object": institution,
                                                 "entries": history(institution, "institution_id")})


@login_required
def bestuur_detail(request, pk):
    bestuur = get_object_or_404(m.Bestuur, pk=pk)
    return render(request, "registry/bestuur_detail.html", {
        "bestuur": bestuur, "institutions": bestuur.institutions.all()})


@login_required
def reference_index(request):
    return render(request, "registry/reference_index.html", {
        "resources": [(r, r.model.objects.count()) for r in RESOURCES.values()]})


@login_required
def reference_list(request, slug):
    resource = RESOURCES.get(slug) or _raise404()
    fmt = request.GET.get("export")
    if fmt in ("csv", "xlsx"):
        return table_response(slug, resource.headers, resource.export_rows(), fmt)
    errors, imported = [], None
    if request.method == "POST":
        if not request.user.is_beheerder:
            raise PermissionDenied
        upload = request.FILES.get("file")
        if upload is None:
            messages.error(request, _("Kies een CSV- of Excel-bestand."))
        else:
            try:
                imported, errors = import_table(resource, read_table(upload.name, upload.read()))
            except TableError as exc:
                messages.error(request, str(exc))
            else:
                if errors:
                    messages.error(request, _("Niets geïmporteerd: %(n)d fout(en). Verbeter het bestand en probeer opnieuw.")
                                   % {"n": len(errors)})
                else:
                    messages.success(request, _("%(n)d rij(en) geïmporteerd.") % {"n": imported})
    return render(request, "registry/reference_list.html", {
        "resource": resource, "rows": resource.export_rows()[:2000], "errors": errors,
    })


def _raise404():
    raise Http404
