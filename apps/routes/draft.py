"""A draft agreement generated from a route's data: every mandatory topic (R-07) is a heading to
complete, the recommended topics (R-08) follow. Written as DOCX with python-docx."""
import io

from django.db.models import F
from django.utils import timezone
from docx import Document
from docx.shared import Pt

from domain.facts import MANDATORY_TOPICS, RECOMMENDED_TOPICS
from domain.rules.base import TOPIC_NAMES

from .models import AgreementKind, Route

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

HINTS = {
    "aansturing": "Wie stuurt de route aan (stuurgroep, kartrekkers), hoe vaak is er overleg, wie beslist?",
    "inrichting": "Organisatorische en onderwijskundige inrichting: programma per routejaar, lessentabel, "
                  "waar en door wie het mbo-onderwijs wordt gegeven, één onderwijstijd voor de hele route.",
    "bekostiging": "De overdracht van bekostiging tussen de partners (rekenmodel), of uitdrukkelijk: geen overdracht.",
    "overstapoptie": "Hoe een leerling die de route verlaat toch een diploma kan halen.",
}


def _facts_table(doc, route: Route):
    rows = [
        ("Type", route.get_type_display()),
        ("Wettelijke status", route.get_legal_status_display()),
        ("Startjaar eerste cohort", f"{route.start_year}-{route.start_year + 1}" if route.start_year else "-"),
        ("Toegelaten leerwegen", ", ".join(lw.code for lw in route.leerwegen.all()) or "-"),
        ("Vmbo-profielen", ", ".join(p.code for p in route.profielen.all()) or "-"),
        ("Uitstroomrichtingen", "; ".join(
            f"{u.kwalificatie.name} (crebo {u.kwalificatie.code}, niveau {u.kwalificatie.level})"
            for u in route.uitstroomrichtingen.filter(active=True).select_related("kwalificatie")) or "-"),
        ("Vmbo-diploma", "ja" if route.vmbo_diploma else "nee (geïntegreerde route, alleen BB naar niveau 2)"),
        ("Studieduur en onderwijstijd", f"{route.study_duration_years or '-'} jaar, "
                                        f"{route.onderwijstijd_hours or '-'} uur"),
    ]
    for year in route.years.all():
        rows.append((f"Routejaar {year.route_year}", f"{year.days_at_mbo} dag(en) mbo, {year.days_bpv} dag(en) BPV"
                     + (f"; {year.note}" if year.note else "")))
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, str(value)


def render_docx(route: Route) -> bytes:
    partners = list(route.partners.select_related("institution__bestuur"))
    boards = {p.institution.bestuur for p in partners}
    internal = len(boards) == 1
    # The current agreement: not replaced by a newer version, the most recent one first.
    existing = (route.agreements.exclude(kind=AgreementKind.LWT).filter(superseded_by__isnull=True)
                .order_by(F("valid_from").desc(nulls_last=True), "-pk").prefetch_related("clauses").first())
    agreed = {c.topic: c for c in existing.clauses.all()} if existing else {}

    doc = Document()
    doc.styles["Normal"].font.size = Pt(10.5)
    kind = "Interne regeling" if internal else "Samenwerkingsovereenkomst"
    doc.add_heading(f"{kind} doorlopende leerroute", 0)
    doc.add_paragraph(route.name).runs[0].bold = True
    doc.add_paragraph(f"Concept, gegenereerd door Leerroute op {timezone.localdate():%d-%m-%Y}. "
                      "Op grond van de Wet doorlopende leerroutes vmbo-mbo (Stb. 2020, 157).")

    doc.add_heading("Partijen", 1)
    for board in sorted(boards, key=lambda b: b.name):
        names = ", ".join(f"{p.institution.name} (BRIN {p.institution.brin}, {p.get_role_display()})"
                          for p in partners if p.institution.bestuur == board)
        doc.add_paragraph(f"{board.name}, bevoegd gezag van {names}", style="List Bullet")

    doc.add_heading("De route", 1)
    _facts_table(doc, route)

    for number, code in enumerate((*MANDATORY_TOPICS, *RECOMMENDED_TOPICS), start=1):
        mandatory = code in MANDATORY_TOPICS
        doc.add_heading(f"Artikel {number}. {TOPIC_NAMES[code][0].upper()}{TOPIC_NAMES[code][1:]}"
                        + (" (verplicht, R-07)" if mandatory else " (aanbevolen, R-08)"), 1)
        clause = agreed.get(code)
        if clause and (clause.text or clause.reference):
            doc.add_paragraph(clause.text or f"Zie {clause.reference}.")
        else:
            doc.add_paragraph(f"[In te vullen. {HINTS.get(code, '')}]".replace(" ]", "]"))

    doc.add_heading("Ondertekening", 1)
    for board in sorted(boards, key=lambda b: b.name):
        doc.add_paragraph(f"{board.name}\nNaam en functie: ______________________\n"
                          f"Datum: ____________    Handtekening: ______________________")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
