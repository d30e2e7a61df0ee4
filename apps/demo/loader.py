"""Loads the demo data set (apps/demo/practices.py) into an empty database, with demo accounts.

Deterministic: the same data every time. Routes are written as the sources describe them, also
where a practice breaks a rule (that is what the compliance view must show), and are then
evaluated by the product's own rules."""
from datetime import date

from auditlog.context import disable_auditlog
from django.db import transaction

from apps.accounts.models import Role, User
from apps.registry import models as reg
from apps.routes import compliance
from apps.routes import models as m

from . import practices as data
from . import settlements as demo_settlements
from . import students as demo_students

DEMO_PASSWORD = "demo"

# username, role, institution keys, region key, description
ACCOUNTS = [
    ("beheer", Role.BEHEERDER, [], None, "beheerder van de installatie"),
    ("regio-amsterdam", Role.REGIOCOORDINATOR, [], "rmc-amsterdam", "regiocoördinator RMC-regio Amsterdam"),
    ("calvijn", Role.ROUTECOORDINATOR, ["calvijn"], None, "routecoördinator Calvijn College"),
    ("rocva", Role.ROUTECOORDINATOR, ["roc-amsterdam"], None, "routecoördinator ROC van Amsterdam"),
    ("element", Role.ROUTECOORDINATOR, ["het-element"], None, "routecoördinator Het Element"),
    ("examen-rocva", Role.EXAMENCOORDINATOR, ["roc-amsterdam"], None, "examencoördinator ROC van Amsterdam"),
    ("financien-calvijn", Role.FINANCIEEL, ["calvijn"], None, "financieel medewerker Calvijn College"),
    ("financien-rocva", Role.FINANCIEEL, ["roc-amsterdam"], None, "financieel medewerker ROC van Amsterdam"),
    ("bestuur-zaam", Role.BESTUURDER, "board:zaam", None, "bestuurder ZAAM (alle ZAAM-scholen)"),
]


def _d(value):
    return date.fromisoformat(value) if value else None


class DemoLoader:
    def __init__(self):
        self.regions, self.boards, self.institutions, self.kwalificaties = {}, {}, {}, {}
        self.routes, self.agreements = {}, {}

    def load(self):
        with transaction.atomic(), disable_auditlog():
            self._registry()
            for spec in data.ROUTES:
                self.routes[spec["key"]] = self._route(spec)
            for spec in data.AGREEMENTS:
                self.agreements[spec["key"]] = self._agreement(spec)
            self._accounts()
            self.deliberate_students = demo_students.load(self)
            demo_settlements.load(self.routes)
            for route in self.routes.values():
                compliance.refresh(route)

    def _registry(self):
        for spec in data.REGIONS:
            self.regions[spec["key"]] = reg.Region.objects.create(kind=spec["kind"], code=spec.get("code") or "",
                                                                  name=spec["name"])
        for spec in data.BOARDS:
            self.boards[spec["key"]] = reg.Bestuur.objects.create(
                name=spec["name"], bevoegd_gezag_nummer=spec.get("bevoegd_gezag_nummer") or "")
        for spec in data.INSTITUTIONS:
            inst = reg.Institution.objects.create(
                brin=spec["brin"], name=spec["name"], sector=spec["sector"], kind=spec["kind"],
                bestuur=self.boards[spec["board"]], city=spec.get("city") or "")
            inst.regions.set([self.regions[k] for k in spec.get("regions", [])])
            for loc in spec.get("locations", []):
                reg.Location.objects.create(institution=inst, code=loc["code"], name=loc["name"],
                                            city=loc.get("city") or "")
            self.institutions[spec["key"]] = inst
        for spec in data.KWALIFICATIES:
            paths = spec.get("paths") or ["BOL", "BBL"]
            self.kwalificaties[spec["code"]] = reg.Kwalificatie.objects.create(
                code=spec["code"], name=spec["name"], level=spec["level"], dossier=spec.get("dossier") or "",
                bol="BOL" in paths, bbl="BBL" in paths)
        profielen = {p.code: p for p in reg.Profiel.objects.all()}
        reg.ProfielKwalificatie.objects.bulk_create(
            [reg.ProfielKwalificatie(profiel=profielen[p], kwalificatie=self.kwalificaties[k])
             for p, k in dict.fromkeys(data.PROFIEL_KWALIFICATIE)])

    def _route(self, spec):
        route = m.Route.objects.create(
            name=spec["name"], type=spec["type"], programme_label=spec.get("programme_label") or "",
            region=self.regions[spec["region"]], phase=spec["phase"], start_year=spec.get("start_year"),
            end_date=_d(spec.get("end_date")), description=spec.get("description") or "",
            source=spec.get("source") or "", selection=spec.get("selection") or m.Selection.ALLE,
            vmbo_diploma=spec.get("vmbo_diploma", True), acceleration=spec.get("acceleration") or "geen",
            acceleration_note=spec.get("acceleration_note") or "",
            start_vmbo_year=spec.get("start_vmbo_year") or 3, vmbo_exam_route_year=spec.get("vmbo_exam_route_year"),
            study_duration_years=spec.get("study_duration_years"), onderwijstijd_hours=spec.get("onderwijstijd_hours"),
            onderwijstijd_deviation=spec.get("onderwijstijd_deviation") or "",
            mr_consent_on=_d(spec.get("mr_consent_on")), integrated_exam=spec.get("integrated_exam", False),
            pta_oer=spec.get("pta_oer") or "", settlement_model=spec.get("settlement_model") or "",
            reported_students=spec.get("reported_students"),
            last_partner_meeting=_d(spec.get("last_partner_meeting")),
        )
        route.profielen.set(reg.Profiel.objects.filter(code__in=spec.get("profielen", [])))
        route.leerwegen.set(reg.Leerweg.objects.filter(code__in=spec.get("leerwegen", [])))
        for p in spec.get("partners", []):
            inst = self.institutions[p["institution"]]
            m.RoutePartner.objects.create(
                route=route, institution=inst, role=p["role"],
                location=inst.locations.filter(code=p["location"]).first() if p.get("location") else None,
                joined_on=_d(p.get("joined_on")), rio_registered_on=_d(p.get("rio_registered_on")))
        for u in spec.get("uitstroomrichtingen", []):
            m.Uitstroomrichting.objects.create(route=route, kwalificatie=self.kwalificaties[u["kwalificatie"]],
                                               min_intake=u.get("min_intake"),
                                               active=u.get("active", True))
        for y in spec.get("route_years", []):
            m.RouteYear.objects.create(route=route, route_year=y["route_year"], vmbo_year=y.get("vmbo_year"),
                                       days_at_mbo=y.get("days_at_mbo") or 0, days_bpv=y.get("days_bpv") or 0,
                                       teaching_location=y.get("teaching_location") or "",
                                       teaching_by=y.get("teaching_by") or "", note=y.get("note") or "")
        for t in spec.get("targets", []):
            m.RouteTarget.objects.create(route=route, kpi=t["kpi"], parameter=str(t.get("parameter") or ""),
                                         operator=t.get("operator") or ">=", value=t["value"])
        for ph in spec.get("phase_history", []):
            m.PhaseChange.objects.create(route=route, phase=ph["phase"], since=_d(ph["since"]),
                                         note=ph.get("note") or "")
        for c in spec.get("contacts", []):
            m.Contact.objects.create(route=route, institution=self.institutions[c["institution"]], role=c["role"],
                                     name=c["name"])
        for r in spec.get("responsibilities", []):
            m.Responsibility.objects.create(route=route, task=r["task"], party=r["party"], note=r.get("note") or "")
        for c in spec.get("components", []):
            m.ProgrammeComponent.objects.create(route=route, name=c["name"], covered_by=c.get("covered_by") or "")
        return route

    def _agreement(self, spec):
        agreement = m.Agreement.objects.create(
            kind=spec["kind"], title=spec["title"], reference=spec.get("reference") or "",
            valid_from=_d(spec.get("valid_from")), valid_to=_d(spec.get("valid_to")),
            supersedes=self.agreements.get(spec.get("supersedes")))
        agreement.routes.set([self.routes[k] for k in spec.get("routes", [])])
        for s in spec.get("signatures", []):
            m.Signature.objects.create(agreement=agreement, bestuur=self.boards[s["board"]],
                                       signed_on=_d(s.get("signed_on")), signatory=s.get("signatory") or "")
        for topic, text in spec.get("topics", {}).items():
            m.Clause.objects.create(agreement=agreement, topic=topic, text=text)
        return agreement

    def _accounts(self):
        for username, role, institutions, region, description in ACCOUNTS:
            user = User(username=username, role=role, is_demo=True, first_name=description,
                        region=self.regions.get(region), is_staff=role == Role.BEHEERDER)
            user.set_password(DEMO_PASSWORD)
            user.save()
            if isinstance(institutions, str):  # "board:<key>": every institution of that board
                user.institutions.set(self.boards[institutions.split(":")[1]].institutions.all())
            else:
                user.institutions.set([self.institutions[k] for k in institutions])


def accounts_table() -> str:
    lines = [f"  {'gebruiker':<20} {'wachtwoord':<11} rol"]
    lines += [f"  {username:<20} {DEMO_PASSWORD:<11} {description}" for username, _r, _i, _g, description in ACCOUNTS]
    return "\n".join(lines)
