"""R-06: a legal route needs an agreement signed by all partners' boards, signed and valid on its
start, on the start of every school year a student is enrolled, and, for a partner that joins
later, before its first student is enrolled there."""
from __future__ import annotations

from datetime import date

from domain import teldatum
from domain.facts import Agreement, Partner, Route, Settings, Student
from domain.messages import Message, gettext_noop, join

from .base import Finding, LegalRouteRule


def boards_on(route: Route, day: date) -> set[str]:
    """The boards of the partners that have joined the route by ``day``."""
    return {p.board for p in route.partners if p.joined_on is None or p.joined_on <= day}


def counts_for(agreement: Agreement, single_board: bool) -> bool:
    """A samenwerkingsovereenkomst always counts; an interne regeling only where one board runs
    every partner (on the day checked); an LWT agreement never."""
    return agreement.kind == "sok" or (agreement.kind == "interne_regeling" and single_board)


def still_to_sign(agreement: Agreement, boards: set[str],
                  signed_by: date | None = None) -> tuple[list[str], list[tuple[str, date]]]:
    """What keeps ``agreement`` from covering ``boards``: the boards (and any other signer) without
    a signature date, and the boards that signed only after ``signed_by`` (board, date)."""
    dated = {s.board: s.signed_on for s in agreement.signatures if s.signed_on}
    pending = {s.board for s in agreement.signatures if not s.signed_on} - boards - set(dated)
    missing = sorted(boards - set(dated)) + sorted(pending)
    late = sorted((board, dated[board]) for board in boards & set(dated)
                  if signed_by is not None and dated[board] > signed_by)
    return missing, late


def coverage_gap(agreements: tuple[Agreement, ...], boards: set[str], day: date,
                 single_board: bool, signed_by: date | None = None) -> Message | None:
    """None when a counting agreement valid on ``day`` is signed by all ``boards`` (and by every
    other signer), each signature dated on or before ``signed_by`` (None: any date); else a clause
    saying what is missing. A signature dated after a day does not cover that day."""
    candidates = [a for a in agreements if counts_for(a, single_board) and a.valid_on(day)]
    gaps = {a.title: still_to_sign(a, boards, signed_by) for a in candidates}
    if any(not missing and not late for missing, late in gaps.values()):
        return None
    if candidates:
        title = min(gaps, key=lambda t: (len(gaps[t][0]) + len(gaps[t][1]), t))
        missing, late = gaps[title]
        clauses: list[Message] = []
        if missing:
            clauses.append(Message.of(gettext_noop("nog niet ondertekend door %(boards)s"), boards=join(missing)))
        clauses.extend(Message.of(gettext_noop("door %(board)s pas ondertekend op %(on)s, na %(by)s"),
                                  board=board, on=on, by=signed_by) for board, on in late if signed_by)
        return Message.of(gettext_noop("de overeenkomst '%(title)s' (geldig op %(day)s) is %(clauses)s"),
                          title=title, day=day, clauses=join(clauses))
    template = (gettext_noop("er is geen ondertekende interne regeling of samenwerkingsovereenkomst die "
                             "geldig is op %(day)s en %(boards)s omvat") if single_board else
                gettext_noop("er is geen ondertekende samenwerkingsovereenkomst die geldig is op %(day)s "
                             "en %(boards)s omvat"))
    return Message.of(template, day=day, boards=join(sorted(boards)))


def year_label(day: date) -> str:
    """The school year of a day, "2021-2022"."""
    return teldatum.school_year_label(teldatum.school_year_of(day))


class R06Samenwerkingsovereenkomst(LegalRouteRule):
    """Checks a route on its start date (and every later partner on its first student's
    enrolment there) and, per student, the route on the first day of every school year the
    student is enrolled in: no enrolment on a day without a signed agreement."""

    id = "R-06"
    subjects = frozenset({"route", "student"})
    level = "error"
    title = "Ondertekende samenwerkingsovereenkomst"
    description = (
        "Een doorlopende of geïntegreerde leerroute heeft een samenwerkingsovereenkomst, "
        "ondertekend door het bevoegd gezag van elke partner, geldig en ondertekend op de "
        "startdatum (een handtekening van na de start dekt de tijd daarvoor niet); waar één "
        "bevoegd gezag vmbo en mbo verzorgt (AOC, VSG) volstaat een interne regeling. Geen leerling "
        "is ingeschreven op een dag zonder overeenkomst, in elk schooljaar. Een partner die later "
        "toetreedt, heeft een aanvulling of nieuwe overeenkomst nodig, ondertekend voordat de "
        "eerste leerling daar wordt ingeschreven.")
    title_en = "Signed cooperation agreement"
    description_en = (
        "A doorlopende or geïntegreerde leerroute needs a cooperation agreement signed by the "
        "board of every partner, valid and signed on its start date (a signature dated after the "
        "start does not cover the time before it); where one board runs both vmbo and mbo (AOC, "
        "VSG) an internal regulation takes its place. No student is enrolled on a day without "
        "one, in every school year. A partner that joins later needs an extension or a new "
        "agreement, signed before its first student is enrolled there.")
    source = "Wet doorlopende leerroutes vmbo-mbo (Stb. 2020, 157)"
    blocks = frozenset({"student.enrol"})

    # -- the route -----------------------------------------------------------------------------

    def check(self, obj: Route, settings: Settings) -> list[Finding]:
        if not obj.partners:
            return [self.fail("partners", Message(gettext_noop(
                "De route heeft nog geen partners; leg de vo-school en de mbo-instelling vast "
                "met een door beide besturen ondertekende samenwerkingsovereenkomst.")))]
        day = obj.start_date or settings.today
        when = "" if obj.start_date else Message(gettext_noop(
            " De route heeft geen startdatum, daarom is op vandaag gecontroleerd."))
        findings = []
        founders = boards_on(obj, day)
        gap = (coverage_gap(obj.agreements, founders, day, len(founders) == 1, signed_by=day)
               if founders else None)
        if gap:
            findings.append(self.fail("agreements", Message.of(gettext_noop(
                "Route %(route)s, start op %(day)s (schooljaar %(year)s): %(gap)s. Zonder overeenkomst "
                "die door het bevoegd gezag van elke partner vóór de start is ondertekend, kan geen "
                "leerling worden ingeschreven.%(when)s"),
                route=obj.name, day=day, year=year_label(day), gap=gap, when=when)))
        for partner in obj.partners:
            if partner.joined_on is None or partner.joined_on <= day:
                continue
            message = self.joiner_gap(obj, partner)
            if message:
                findings.append(self.fail("agreements", message, partner.brin))
        return findings

    def joiner_gap(self, route: Route, partner: Partner) -> Message | None:
        """A partner that joined after the start: its board signed an agreement valid on the
        day its first student was enrolled there, on or before that day (without students
        there yet: an agreement valid on the joining day, signed by its board)."""
        assert partner.joined_on is not None
        first = partner.first_enrolment
        day = first or partner.joined_on
        single_board = len(boards_on(route, day)) == 1
        gap = coverage_gap(route.agreements, {partner.board}, day, single_board, signed_by=first)
        if not gap:
            return None
        enrolled = Message.of(gettext_noop("; de eerste leerling is daar ingeschreven op %(day)s "
                                           "(schooljaar %(year)s)"),
                              day=first, year=year_label(first)) if first else ""
        return Message.of(gettext_noop(
            "Route %(route)s: partner %(institution)s (%(board)s) is toegetreden op %(joined)s%(enrolled)s, "
            "maar %(gap)s. Leg een aanvulling of een nieuwe overeenkomst vast die %(board)s ondertekent "
            "voordat de eerste leerling daar wordt ingeschreven."),
            route=route.name, institution=partner.institution, board=partner.board, joined=partner.joined_on,
            enrolled=enrolled, gap=gap)

    # -- a student -----------------------------------------------------------------------------

    def student_problems(self, student: Student, settings: Settings) -> list[Finding]:
        route = student.route
        if not route.partners:
            return [self.fail("route", Message.of(gettext_noop(
                "Route %(route)s heeft nog geen partners en dus geen ondertekende "
                "samenwerkingsovereenkomst; zonder overeenkomst kan geen leerling worden "
                "ingeschreven."), route=route.name))]
        firsts: dict[int, date] = {}
        brins: dict[int, set[str]] = {}
        for e in student.enrolments:
            firsts[e.school_year] = min(e.start, firsts.get(e.school_year, e.start))
            brins.setdefault(e.school_year, set()).add(e.brin)
        if not firsts:
            day = route.start_date or settings.today
            when = Message(gettext_noop(
                " De leerling heeft nog geen inschrijving, daarom is gecontroleerd op de "
                "startdatum van de route.") if route.start_date else gettext_noop(
                " De leerling heeft nog geen inschrijving en de route geen startdatum, "
                "daarom is gecontroleerd op vandaag."))
            return self.student_year(route, day, set(), when)
        return [found for year in sorted(firsts)
                for found in self.student_year(route, firsts[year], brins[year])]

    def student_year(self, route: Route, day: date, brins: set[str],
                     when: Message | str = "") -> list[Finding]:
        """The student's school year starting (for the student) on ``day``, enrolled at the
        partners ``brins``: the founders' agreement and, for each later partner the student is
        enrolled at, that partner's agreement, each valid and signed on ``day``."""
        reference = route.start_date or day
        founders = boards_on(route, min(reference, day))
        joiners = [p for p in route.partners
                   if p.joined_on is not None and p.joined_on > min(reference, day)
                   and p.brin in brins]
        label = year_label(day)
        findings = []
        gap = (coverage_gap(route.agreements, founders, day, len(founders) == 1, signed_by=day)
               if founders else None)
        if gap:
            findings.append(self.fail("route", Message.of(gettext_noop(
                "Route %(route)s, schooljaar %(year)s (inschrijving op %(day)s): %(gap)s. Zonder "
                "ondertekende overeenkomst kan de leerling in dit schooljaar niet in de route "
                "ingeschreven zijn.%(when)s"), route=route.name, year=label, day=day, gap=gap, when=when),
                label))
        for partner in joiners:
            gap = coverage_gap(route.agreements, {partner.board}, day,
                               len(boards_on(route, day)) == 1, signed_by=day)
            if gap:
                findings.append(self.fail("route", Message.of(gettext_noop(
                    "Route %(route)s, schooljaar %(year)s (inschrijving op %(day)s): de leerling is "
                    "ingeschreven bij %(institution)s, dat later is toegetreden, maar %(gap)s. %(board)s "
                    "ondertekent een aanvulling of nieuwe overeenkomst voordat de leerling daar wordt "
                    "ingeschreven."), route=route.name, year=label, day=day, institution=partner.institution,
                    gap=gap, board=partner.board), label))
        return findings
