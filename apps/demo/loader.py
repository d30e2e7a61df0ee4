"""Loads the demo data set (the TOML files in ``apps/demo/data/``, checked by ``dataset``) into an
empty database, with demo accounts, as of a given day (default today).

Routes and agreements go through the same guards as the interface (``compliance.change_route``,
``compliance.change_agreement``): a record that breaks a blocking rule is refused, unless the data
marks that rule as broken on purpose (``breaks_rules``, with a reason: a deliberate example on an
illustrative route, or a problem the sources state). Students are generated (``students``) and
settlements made for the current and the previous school year (``settlements``)."""
from datetime import date, timedelta

from auditlog.context import disable_auditlog
from django.apps import apps as django_apps
from django.db import connection, transaction

from apps.accounts.models import Role, User
from apps.registry import models as reg
from apps.registry import reference
from apps.routes import compliance
from apps.routes import models as m
from domain.rules import blocking
from domain.teldatum import school_year_of

from . import cooperation as demo_cooperation
from . import dataset
from . import followup as demo_followup
from . import population as demo_population
from . import reflection as demo_reflection
from . import settlements as demo_settlements
from . import students as demo_students
from . import survey as demo_survey

DEMO_PASSWORD = "demo"

# username, role, institution keys, region key, description
ACCOUNTS = [
    ("beheer", Role.BEHEERDER, [], None, "beheerder van de installatie"),
    ("regio-amsterdam", Role.REGIOCOORDINATOR, [], "rmc-amsterdam", "regiocoördinator RMC-regio Amsterdam"),
    ("calvijn", Role.ROUTECOORDINATOR, ["calvijn"], None, "routecoördinator Calvijn College"),
    ("rocva", Role.ROUTECOORDINATOR, ["roc-amsterdam"], None, "routecoördinator ROC van Amsterdam"),
    ("element", Role.ROUTECOORDINATOR, ["het-element"], None, "routecoördinator Het Element"),
    ("ijburg", Role.ROUTECOORDINATOR, ["ijburg"], None, "routecoördinator IJburg College (reflectie-instrument)"),
    ("uilenhof", Role.ROUTECOORDINATOR, ["uilenhof"], None,
     "routecoördinator De Uilenhof (TOT-route: ziet alleen de eigen leerlingen, niet die van Insula)"),
    ("davinci", Role.ROUTECOORDINATOR, ["da-vinci"], None, "routecoördinator Da Vinci College (alle TOT-leerlingen)"),
    ("examen-rocva", Role.EXAMENCOORDINATOR, ["roc-amsterdam"], None, "examencoördinator ROC van Amsterdam"),
    ("financien-calvijn", Role.FINANCIEEL, ["calvijn"], None, "financieel medewerker Calvijn College"),
    ("financien-rocva", Role.FINANCIEEL, ["roc-amsterdam"], None, "financieel medewerker ROC van Amsterdam"),
    ("bestuur-zaam", Role.BESTUURDER, "board:zaam", None, "bestuurder ZAAM (alle ZAAM-scholen)"),
]


def _d(value):
    return date.fromisoformat(value) if value else None


def _checked(result_findings, spec, action, kind):
    """Refuse a record whose blocking findings are not all marked as broken on purpose."""
    blocked = [f for f in blocking(result_findings, action) if f.rule not in spec.breaks_rules]
    if blocked:
        raise dataset.DemoDataError(
            f"{kind} '{spec.key}': refused by {', '.join(sorted({f.rule for f in blocked}))} "
            f"({'; '.join(f.message for f in blocked)}); mark the rule in breaks_rules with a reason if the "
            f"sources state the problem or the record is an illustrative example")


class DemoLoader:
    def __init__(self, today: date | None = None, data: dataset.Dataset | None = None):
        self.today = today or date.today()
        self.school_year = school_year_of(self.today)
        self.data = data or dataset.load()
        self.regions, self.boards, self.institutions, self.kwalificaties = {}, {}, {}, {}
        self.routes, self.agreements, self.specs = {}, {}, {}

    def load(self):
        with transaction.atomic(), disable_auditlog():
            self._registry()
            for spec in self.data.routes:
                self.specs[spec.key] = spec
                self.routes[spec.key] = self._route(spec)
            for spec in self.data.agreements:
                self.agreements[spec.key] = self._agreement(spec)
            self._accounts()
            demo_cooperation.load(self)    # overleg, decisions, knelpunten; the last partner meeting from the meetings
            self.deliberate_students = demo_students.load(self)
            demo_followup.load(self)       # K-12's follow-up records, from the doorstromers just written
            demo_population.load(self)
            if connection.vendor == "postgresql":
                # thousands of rows were just written in bulk: give the planner fresh statistics
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
            demo_settlements.load(self)
            demo_survey.load(self)         # Calvijn's student surveys (illustrative answers)
            demo_reflection.load(self)     # reflection rounds of two partnerships (scores illustrative)
            for route in self.routes.values():
                compliance.refresh(route, today=self.today)

    def _registry(self):
        reference.seed(django_apps)   # the profielen and leerwegen, which a flushed database no longer has
        for spec in self.data.regions:
            self.regions[spec.key] = reg.Region.objects.create(kind=spec.kind, code=spec.code, name=spec.name)
        for spec in self.data.boards:
            self.boards[spec.key] = reg.Bestuur.objects.create(name=spec.name,
                                                               bevoegd_gezag_nummer=spec.bevoegd_gezag_nummer)
        for spec in self.data.institutions:
            inst = reg.Institution.objects.create(brin=spec.brin, name=spec.name, sector=spec.sector, kind=spec.kind,
                                                  bestuur=self.boards[spec.board], city=spec.city)
            inst.regions.set([self.regions[k] for k in spec.regions])
            for loc in spec.locations:
                reg.Location.objects.create(institution=inst, code=loc.code, name=loc.name, city=loc.city)
            self.institutions[spec.key] = inst
        for spec in self.data.kwalificaties:
            self.kwalificaties[spec.code] = reg.Kwalificatie.objects.create(
                code=spec.code, name=spec.name, level=spec.level, dossier=spec.dossier,
                bol="BOL" in spec.paths, bbl="BBL" in spec.paths)
        profielen = {p.code: p for p in reg.Profiel.objects.all()}
        pairs = dict.fromkeys((pk.profiel, pk.kwalificatie) for pk in self.data.profiel_kwalificatie)
        reg.ProfielKwalificatie.objects.bulk_create(
            [reg.ProfielKwalificatie(profiel=profielen[p], kwalificatie=self.kwalificaties[k]) for p, k in pairs])

    def _route(self, spec):
        def apply():
            meeting = (self.today - timedelta(days=spec.last_partner_meeting_days_ago)
                       if spec.last_partner_meeting_days_ago is not None else None)
            route = m.Route.objects.create(
                name=spec.name, type=spec.type, programme_label=spec.programme_label,
                region=self.regions[spec.region], phase=spec.phase, start_year=spec.start_year,
                end_date=_d(spec.end_date), description=spec.description, source=spec.source,
                selection=spec.selection, vmbo_diploma=spec.vmbo_diploma, acceleration=spec.acceleration,
                acceleration_note=spec.acceleration_note, start_vmbo_year=spec.start_vmbo_year,
                vmbo_exam_route_year=spec.vmbo_exam_route_year, study_duration_years=spec.study_duration_years,
                onderwijstijd_hours=spec.onderwijstijd_hours, onderwijstijd_deviation=spec.onderwijstijd_deviation,
                mr_consent_on=_d(spec.mr_consent_on), integrated_exam=spec.integrated_exam, pta_oer=spec.pta_oer,
                settlement_model=spec.settlement_model, reported_students=spec.reported_students,
                min_intake=spec.min_intake, min_intake_scope=spec.min_intake_scope,
                without_structural_meetings=spec.without_structural_meetings, last_partner_meeting=meeting)
            route.profielen.set(reg.Profiel.objects.filter(code__in=spec.profielen))
            route.leerwegen.set(reg.Leerweg.objects.filter(code__in=spec.leerwegen))
            for p in spec.partners:
                inst = self.institutions[p.institution]
                m.RoutePartner.objects.create(
                    route=route, institution=inst, role=p.role,
                    location=inst.locations.filter(code=p.location).first() if p.location else None,
                    joined_on=_d(p.joined_on), rio_registered_on=_d(p.rio_registered_on))
            for u in spec.uitstroomrichtingen:
                m.Uitstroomrichting.objects.create(route=route, kwalificatie=self.kwalificaties[u.kwalificatie],
                                                   min_intake=u.min_intake, active=u.active)
            for y in spec.route_years:
                m.RouteYear.objects.create(route=route, route_year=y.route_year, vmbo_year=y.vmbo_year,
                                           days_at_mbo=y.days_at_mbo, days_bpv=y.days_bpv,
                                           teaching_location=y.teaching_location, teaching_by=y.teaching_by,
                                           unfunded_at=y.unfunded_at, note=y.note)
            for t in spec.targets:
                m.RouteTarget.objects.create(route=route, kpi=t.kpi, parameter=str(t.parameter),
                                             operator=t.operator, value=t.value)
            for ph in spec.phase_history:
                m.PhaseChange.objects.create(route=route, phase=ph.phase, since=_d(ph.since), note=ph.note)
            self._contacts(route, spec)
            for r in spec.responsibilities:
                m.Responsibility.objects.create(route=route, task=r.task, party=r.party, note=r.note)
            for c in spec.components:
                m.ProgrammeComponent.objects.create(route=route, name=c.name, covered_by=c.covered_by)
            return route

        route, findings = compliance.change_route(apply, enforce=False)
        _checked(findings, spec, "route.save", "route")
        return route

    def _contacts(self, route, spec):
        """The route's people and roles: one person per institution and name, a leaving person's end
        counted from the day the demo is built, a completed handover pointing at its successor."""
        made = {}
        for c in spec.contacts:
            institution = self.institutions[c.institution]
            person, _new = m.Person.objects.get_or_create(institution=institution, name=c.name,
                                                          defaults={"email": c.email, "phone": c.phone})
            end = self.today + timedelta(days=c.ends_in_days) if c.ends_in_days is not None else _d(c.end)
            richting = (route.uitstroomrichtingen.get(kwalificatie=self.kwalificaties[c.uitstroomrichting])
                        if c.uitstroomrichting else None)
            contact = m.Contact.objects.create(route=route, institution=institution, role=c.role, person=person,
                                               uitstroomrichting=richting, start=_d(c.start), end=end,
                                               handover_note=c.handover_note)
            made[c.key or contact.pk] = (contact, c.successor)
        for contact, successor in made.values():
            if successor:
                contact.successor = made[successor][0]
                contact.save(update_fields=["successor"])

    def _agreement(self, spec):
        def apply():
            agreement = m.Agreement.objects.create(
                kind=spec.kind, title=spec.title, reference=spec.reference, valid_from=_d(spec.valid_from),
                valid_to=_d(spec.valid_to), supersedes=self.agreements.get(spec.supersedes))
            agreement.routes.set([self.routes[k] for k in spec.routes])
            for s in spec.signatures:
                m.Signature.objects.create(agreement=agreement, bestuur=self.boards[s.board],
                                           signed_on=_d(s.signed_on), signatory=s.signatory)
            for topic, text in spec.topics.items():
                m.Clause.objects.create(agreement=agreement, topic=topic, text=text)
            return agreement

        if spec.breaks_rules:  # an illustrative agreement that breaks a rule on purpose: written as it is
            agreement = apply()
            for route in agreement.routes.all():
                compliance.refresh(route)
            return agreement
        try:
            agreement, _findings = compliance.change_agreement(apply)
        except compliance.RuleViolation as error:
            raise dataset.DemoDataError(f"agreement '{spec.key}': refused: {error}") from None
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
