"""R-06: a legal route needs a signed agreement of all partners' boards, valid on its start."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from domain.facts import Agreement, Route, Settings, Student

from .base import Finding, LegalRouteRule, format_date, join_nl


def boards_on(route: Route, day: date) -> set[str]:
    """The boards of the partners that have joined the route by ``day``."""
    return {p.board for p in route.partners if p.joined_on is None or p.joined_on <= day}


def counts_for(agreement: Agreement, single_board: bool) -> bool:
    """A samenwerkingsovereenkomst always counts; an interne regeling only where one board runs
    every partner (on the day checked); an LWT agreement never."""
    return agreement.kind == "sok" or (agreement.kind == "interne_regeling" and single_board)


def still_to_sign(agreement: Agreement, boards: set[str]) -> list[str]:
    """The required boards without a signature date, then any other signer still pending."""
    signed = {s.board for s in agreement.signatures if s.signed_on}
    pending = {s.board for s in agreement.signatures if not s.signed_on} - boards
    return sorted(boards - signed) + sorted(pending)


def coverage_gap(agreements: tuple[Agreement, ...], boards: set[str], day: date,
                 single_board: bool) -> str | None:
    """None when a counting agreement valid on ``day`` is signed by all ``boards`` (and by every
    other signer); else a Dutch clause saying what is missing."""
    candidates = [a for a in agreements if counts_for(a, single_board) and a.valid_on(day)]
    gaps = {a.title: still_to_sign(a, boards) for a in candidates}
    if any(not missing for missing in gaps.values()):
        return None
    if candidates:
        title = min(gaps, key=lambda t: len(gaps[t]))
        return (f"de overeenkomst '{title}' (geldig op {format_date(day)}) is nog niet "
                f"ondertekend door {join_nl(gaps[title])}")
    kind = ("interne regeling of samenwerkingsovereenkomst" if single_board
            else "samenwerkingsovereenkomst")
    return (f"er is geen ondertekende {kind} die geldig is op {format_date(day)} en "
            f"{join_nl(sorted(boards))} omvat")


class R06Samenwerkingsovereenkomst(LegalRouteRule):
    """Checks a route on its start date and, per student, the student's route on the day the
    student was enrolled (the earliest enrolment start): no enrolment without an agreement."""

    id = "R-06"
    subjects = frozenset({"route", "student"})
    level = "error"
    title = "Ondertekende samenwerkingsovereenkomst"
    description = (
        "Een doorlopende of geïntegreerde leerroute heeft een samenwerkingsovereenkomst, "
        "ondertekend door het bevoegd gezag van elke partner en geldig op de startdatum; waar "
        "één bevoegd gezag vmbo en mbo verzorgt (AOC, VSG) volstaat een interne regeling. Een "
        "partner die later toetreedt, heeft een aanvulling of nieuwe overeenkomst nodig. Zonder "
        "overeenkomst kan geen leerling worden ingeschreven.")
    title_en = "Signed cooperation agreement"
    description_en = (
        "A doorlopende or geïntegreerde leerroute needs a cooperation agreement signed by the "
        "board of every partner and valid on its start date; where one board runs both vmbo and "
        "mbo (AOC, VSG) an internal regulation takes its place. A partner that joins later needs "
        "an extension or a new agreement. Without one no student can be enrolled.")
    source = "Wet doorlopende leerroutes vmbo-mbo (Stb. 2020, 157)"
    blocks = frozenset({"student.enrol"})

    def check(self, obj: Route, settings: Settings) -> list[Finding]:
        when = "" if obj.start_date else (
            " De route heeft geen startdatum, daarom is op vandaag gecontroleerd.")
        return self.problems(obj, obj.start_date or settings.today, when)

    def student_problems(self, student: Student, settings: Settings) -> list[Finding]:
        starts = [e.start for e in student.enrolments]
        if starts:
            day, when = min(starts), ""
        else:
            day = student.route.start_date or settings.today
            when = (" De leerling heeft nog geen inschrijving, daarom is gecontroleerd op de "
                    "startdatum van de route." if student.route.start_date else
                    " De leerling heeft nog geen inschrijving en de route geen startdatum, "
                    "daarom is op vandaag gecontroleerd.")
        return [replace(found, field="route", message=(
                    f"Route {student.route.name}, bij inschrijving van de leerling op "
                    f"{format_date(day)}: {found.message}"))
                for found in self.problems(student.route, day, when)]

    def problems(self, obj: Route, day: date, when: str = "") -> list[Finding]:
        """The route checked on ``day`` (its start, or a student's enrolment), and every partner
        that joined after ``day`` on its joining date; ``when`` explains a fallback day."""
        if not obj.partners:
            return [self.fail("partners", (
                "De route heeft nog geen partners; leg de vo-school en de mbo-instelling vast "
                "met een door beide besturen ondertekende samenwerkingsovereenkomst."))]
        findings = []
        founders = boards_on(obj, day)
        gap = coverage_gap(obj.agreements, founders, day, len(founders) == 1) if founders else None
        if gap:
            findings.append(self.fail("agreements", (
                f"{gap[0].upper()}{gap[1:]}. Zonder overeenkomst die door het bevoegd gezag van "
                f"elke partner is ondertekend, kan geen leerling worden ingeschreven.{when}")))
        for partner in obj.partners:
            if partner.joined_on is None or partner.joined_on <= day:
                continue
            single_board = len(boards_on(obj, partner.joined_on)) == 1
            gap = coverage_gap(obj.agreements, {partner.board}, partner.joined_on, single_board)
            if gap:
                findings.append(self.fail("agreements", (
                    f"Partner {partner.institution} is toegetreden op "
                    f"{format_date(partner.joined_on)}, maar {gap}. Leg een aanvulling of een "
                    f"nieuwe overeenkomst vast die {partner.board} ondertekent.")))
        return findings
