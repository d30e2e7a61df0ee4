"""Per rule of the catalogue: at least one passing and one failing case (plain pytest)."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from domain.facts import (
    MANDATORY_TOPICS,
    RECOMMENDED_TOPICS,
    Agreement,
    Contact,
    IntakeCount,
    Kwalificatie,
    Partner,
    ProgrammeComponent,
    Route,
    Settings,
    Signature,
    Uitstroomrichting,
)
from domain.rules import get_rule
from domain.rules.base import format_date, format_number, join_nl, months_before

SETTINGS = Settings(today=date(2024, 3, 1))
START = date(2021, 8, 1)

ENTREE = Kwalificatie("25255", "Assistent dienstverlening en zorg", 1)
MZ2 = Kwalificatie("25498", "Helpende zorg en welzijn", 2)
MZ3 = Kwalificatie("25491", "Verzorgende-IG", 3)
ICT4 = Kwalificatie("25604", "Software developer", 4)

VO = Partner("Calvijn", "20NC", "vo", "Stichting Calvijn", rio_registered_on=date(2021, 9, 1))
MBO = Partner("ROC van Amsterdam", "25LX", "mbo", "ROC van Amsterdam-Flevoland",
              rio_registered_on=date(2021, 9, 1))
BOARDS = ("Stichting Calvijn", "ROC van Amsterdam-Flevoland")


def sok(title: str = "SOK Calvijn-ROCvA", boards: tuple[str, ...] = BOARDS,
        signed_on: date | None = date(2021, 6, 1), kind: str = "sok",
        valid_from: date | None = date(2021, 1, 1), valid_to: date | None = None,
        topics: frozenset[str] = frozenset(MANDATORY_TOPICS + RECOMMENDED_TOPICS),
        route_types: frozenset[str] = frozenset({"doorlopend"})) -> Agreement:
    return Agreement(kind, title, valid_from, valid_to,
                     tuple(Signature(board, signed_on) for board in boards), topics, route_types)


def route(**changes) -> Route:
    """A legal route that meets every rule; ``changes`` break one thing at a time."""
    good = Route(
        name="Zorg en welzijn", type="doorlopend", phase="regulier", start_date=START,
        start_vmbo_year=3, vmbo_exam_route_year=3, leerwegen=frozenset({"BB", "KB"}),
        profielen=frozenset({"Z&W"}), uitstroomrichtingen=(Uitstroomrichting(MZ2, 15),),
        intake_school_year=2023, intake=(IntakeCount("25498", "", 20),),
        partners=(VO, MBO), agreements=(sok(),), related_pairs=frozenset({("Z&W", "25498")}),
        study_duration_years=3, onderwijstijd_hours=3000,
        components=(ProgrammeComponent("Beroepsgericht profielvak", "docent Z&W"),),
        contacts=(Contact("kartrekker", "A. de Vries", institution="Calvijn"),
                  Contact("projectleider", "B. Bakker", institution="Calvijn"),
                  Contact("kartrekker", "C. Jansen", institution="ROC van Amsterdam"),
                  Contact("decaan", "D. de Boer", institution="ROC van Amsterdam")),
        settlement_model="M1", last_partner_meeting=date(2024, 1, 15),
    )
    return replace(good, **changes)


def check(rule_id: str, obj, settings: Settings = SETTINGS):
    rule = get_rule(rule_id)
    assert rule.applies(obj, settings)
    return rule.check(obj, settings)


def fields(findings) -> list[str]:
    return [f.field for f in findings]


def test_the_good_route_meets_every_route_rule():
    good = route()
    for rule_id in ("R-01", "R-02", "R-03", "R-04", "R-06", "R-09", "R-12", "R-13", "R-14",
                    "R-15", "R-16"):
        assert check(rule_id, good) == [], rule_id


# -- R-01 ------------------------------------------------------------------------------------

def test_r01_entree_fails_naming_the_kwalificatie():
    [finding] = check("R-01", route(uitstroomrichtingen=(Uitstroomrichting(ENTREE),)))
    assert finding.status == "failed" and finding.field == "uitstroomrichtingen"
    assert finding.message == (
        "Kwalificatie 25255 Assistent dienstverlening en zorg is niveau 1 (Entree); een "
        "doorlopende leerroute leidt naar niveau 2, 3 of 4.")


def test_r01_inactive_entree_and_other_levels_pass():
    richtingen = (Uitstroomrichting(ENTREE, active=False), Uitstroomrichting(MZ3),
                  Uitstroomrichting(ICT4))
    assert check("R-01", route(uitstroomrichtingen=richtingen)) == []


def test_r01_no_uitstroomrichting_fails_except_in_development():
    assert fields(check("R-01", route(uitstroomrichtingen=()))) == ["uitstroomrichtingen"]
    assert check("R-01", route(uitstroomrichtingen=(), phase="in_ontwikkeling")) == []


def test_r01_does_not_apply_to_other_route_types():
    assert not get_rule("R-01").applies(route(type="gestapeld"), SETTINGS)


# -- R-02 ------------------------------------------------------------------------------------

def test_r02_unrelated_kwalificatie_warns():
    [finding] = check("R-02", route(uitstroomrichtingen=(Uitstroomrichting(ICT4),)))
    assert finding.status == "warning" and finding.field == "uitstroomrichtingen"
    assert "25604 Software developer" in finding.message and "Z&W" in finding.message


def test_r02_related_via_any_profiel_passes():
    related = route(profielen=frozenset({"MVI", "Z&W"}))
    assert check("R-02", related) == []


def test_r02_route_without_profiel_warns_once():
    assert fields(check("R-02", route(profielen=frozenset()))) == ["profielen"]


# -- R-03 ------------------------------------------------------------------------------------

@pytest.mark.parametrize("year", [3, 4, None])
def test_r03_start_in_year_3_or_later_passes(year):
    assert check("R-03", route(start_vmbo_year=year)) == []


@pytest.mark.parametrize("year", [1, 2, 5])
def test_r03_other_start_years_fail(year):
    [finding] = check("R-03", route(start_vmbo_year=year))
    assert finding.status == "failed" and finding.field == "start_vmbo_year"
    assert f"leerjaar {year}" in finding.message


# -- R-04 ------------------------------------------------------------------------------------

def test_r04_exam_after_route_year_3_fails():
    [finding] = check("R-04", route(vmbo_exam_route_year=4))
    assert (finding.status, finding.field) == ("failed", "vmbo_exam_route_year")


def test_r04_exam_by_route_year_3_passes_and_glr_without_diploma_is_not_checked():
    assert check("R-04", route(vmbo_exam_route_year=2)) == []
    assert check("R-04", route(vmbo_exam_route_year=None)) == []
    glr = route(type="geintegreerd", vmbo_diploma=False, vmbo_exam_route_year=4)
    assert not get_rule("R-04").applies(glr, SETTINGS)


# -- R-05 ------------------------------------------------------------------------------------

def test_r05_glr_bb_to_level_2_passes():
    glr = route(type="geintegreerd", vmbo_diploma=False, leerwegen=frozenset({"BB"}))
    assert check("R-05", glr) == []


def test_r05_applies_only_without_vmbo_diploma():
    assert not get_rule("R-05").applies(route(), SETTINGS)


def test_r05_flags_dlr_other_leerwegen_and_levels():
    bad = route(vmbo_diploma=False, leerwegen=frozenset({"TL", "BB", "KB"}),
                uitstroomrichtingen=(Uitstroomrichting(MZ2), Uitstroomrichting(MZ3),
                                     Uitstroomrichting(ICT4, active=False)))
    findings = check("R-05", bad)
    assert fields(findings) == ["vmbo_diploma", "leerwegen", "leerwegen", "uitstroomrichtingen"]
    assert "Leerweg KB" in findings[1].message and "Leerweg TL" in findings[2].message
    assert "25491 Verzorgende-IG is niveau 3" in findings[3].message
    assert {f.status for f in findings} == {"failed"}


# -- R-06 ------------------------------------------------------------------------------------

def test_r06_signed_sok_of_all_boards_passes():
    assert check("R-06", route()) == []


def test_r06_missing_signature_names_the_board():
    unsigned = replace(sok(), signatures=(Signature(BOARDS[0], date(2021, 6, 1)),
                                          Signature(BOARDS[1], None)))
    [finding] = check("R-06", route(agreements=(unsigned,)))
    assert (finding.status, finding.field) == ("failed", "agreements")
    assert "nog niet ondertekend door ROC van Amsterdam-Flevoland" in finding.message


def test_r06_board_missing_from_the_signatures_is_named():
    [finding] = check("R-06", route(agreements=(sok(boards=BOARDS[:1]),)))
    assert "ROC van Amsterdam-Flevoland" in finding.message


def test_r06_agreement_not_valid_on_start_date_fails():
    late = sok(valid_from=date(2022, 1, 1))
    [finding] = check("R-06", route(agreements=(late,)))
    assert "geldig is op 1 augustus 2021" in finding.message


def test_r06_lwt_agreement_never_counts():
    assert fields(check("R-06", route(agreements=(sok(kind="lwt"),)))) == ["agreements"]


def test_r06_interne_regeling_for_one_board_only():
    aoc = "Stichting AOC Oost"
    partners = (replace(VO, board=aoc), replace(MBO, board=aoc))
    regeling = sok(kind="interne_regeling", boards=(aoc,))
    assert check("R-06", route(partners=partners, agreements=(regeling,))) == []
    assert check("R-06", route(partners=partners, agreements=(sok(boards=(aoc,)),))) == []
    regeling_two_boards = sok(kind="interne_regeling")
    assert fields(check("R-06", route(agreements=(regeling_two_boards,)))) == ["agreements"]


def test_r06_interne_regeling_stays_valid_for_the_founders_when_another_board_joins():
    aoc = "Stichting AOC Oost"
    partners = (replace(VO, board=aoc), replace(MBO, board=aoc),
                Partner("Nova College", "25LH", "mbo", "Nova College", joined_on=date(2023, 8, 1)))
    regeling = sok(kind="interne_regeling", boards=(aoc,))
    extension = sok(title="SOK AOC-Nova", boards=(aoc, "Nova College"),
                    valid_from=date(2023, 8, 1))
    assert check("R-06", route(partners=partners, agreements=(regeling, extension))) == []
    [finding] = check("R-06", route(partners=partners, agreements=(regeling,)))
    assert finding.message.startswith(
        "Route Zorg en welzijn: partner Nova College (Nova College) is toegetreden op 1 augustus 2023")
    assert "samenwerkingsovereenkomst" in finding.message


def test_r06_without_start_date_checks_today():
    expired = sok(valid_to=date(2023, 7, 31))
    [finding] = check("R-06", route(start_date=None, agreements=(expired,)))
    assert "1 maart 2024" in finding.message and "geen startdatum" in finding.message


def test_r06_partner_joining_later_needs_an_agreement_including_its_board():
    newcomer = Partner("Nova College", "25LH", "mbo", "Nova College", joined_on=date(2023, 8, 1),
                       rio_registered_on=date(2023, 9, 1))
    [finding] = check("R-06", route(partners=(VO, MBO, newcomer)))
    assert "partner Nova College (Nova College) is toegetreden op 1 augustus 2023" in finding.message
    extension = sok(title="Aanvulling Nova", boards=("Nova College",), valid_from=date(2023, 8, 1))
    assert check("R-06", route(partners=(VO, MBO, newcomer),
                               agreements=(sok(), extension))) == []


def test_r06_signature_dated_after_the_start_does_not_cover_the_start():
    late = replace(sok(), signatures=(Signature(BOARDS[0], date(2021, 6, 1)),
                                      Signature(BOARDS[1], date(2021, 9, 15))))
    [finding] = check("R-06", route(agreements=(late,)))
    assert (finding.status, finding.field) == ("failed", "agreements")
    assert finding.message.startswith(
        "Route Zorg en welzijn, start op 1 augustus 2021 (schooljaar 2021-2022): de overeenkomst "
        "'SOK Calvijn-ROCvA' (geldig op 1 augustus 2021) is door ROC van Amsterdam-Flevoland pas "
        "ondertekend op 15 september 2021, na 1 augustus 2021.")
    on_the_day = replace(sok(), signatures=(Signature(BOARDS[0], START), Signature(BOARDS[1], START)))
    assert check("R-06", route(agreements=(on_the_day,))) == []


def test_r06_joining_partner_signed_after_its_first_student_was_enrolled_there_fails():
    newcomer = Partner("Nova College", "25LH", "mbo", "Nova College", joined_on=date(2023, 6, 1),
                       first_enrolment=date(2023, 8, 1))
    extension = sok(title="Aanvulling Nova", boards=("Nova College",), valid_from=date(2023, 6, 1),
                    signed_on=date(2023, 10, 2))
    [finding] = check("R-06", route(partners=(VO, MBO, newcomer), agreements=(sok(), extension)))
    assert (finding.field, finding.item) == ("agreements", "25LH")
    assert finding.message.startswith(
        "Route Zorg en welzijn: partner Nova College (Nova College) is toegetreden op 1 juni 2023; "
        "de eerste leerling is daar ingeschreven op 1 augustus 2023 (schooljaar 2023-2024), maar "
        "de overeenkomst 'Aanvulling Nova' (geldig op 1 augustus 2023) is door Nova College pas "
        "ondertekend op 2 oktober 2023, na 1 augustus 2023.")
    in_time = replace(extension, signatures=(Signature("Nova College", date(2023, 7, 1)),))
    assert check("R-06", route(partners=(VO, MBO, newcomer), agreements=(sok(), in_time))) == []
    # without a student there yet, a signed extension valid on the joining day is enough
    no_students = replace(newcomer, first_enrolment=None)
    assert check("R-06", route(partners=(VO, MBO, no_students),
                               agreements=(sok(), extension))) == []


def test_r06_route_without_partners_fails():
    assert fields(check("R-06", route(partners=()))) == ["partners"]


# -- R-07 / R-08 -----------------------------------------------------------------------------

def test_r07_all_mandatory_topics_pass():
    assert check("R-07", sok(topics=frozenset(MANDATORY_TOPICS))) == []


def test_r07_one_failure_per_missing_topic_with_dutch_names():
    findings = check("R-07", sok(topics=frozenset({"aansturing", "overstapoptie"})))
    assert fields(findings) == ["topics", "topics"]
    assert {f.status for f in findings} == {"failed"}
    assert findings[0].message == (
        "Het onderwerp 'organisatorische en onderwijskundige inrichting' ontbreekt in de "
        "ondertekende overeenkomst; vul de overeenkomst aan.")
    assert ("'bekostiging (overdracht van bekostiging, of uitdrukkelijk geen)'"
            in findings[1].message)


def test_r07_applies_to_unsigned_drafts_and_interne_regeling_not_to_lwt():
    draft = sok(signed_on=None, topics=frozenset())
    assert len(check("R-07", draft)) == 4
    assert "voordat de overeenkomst wordt ondertekend" in check("R-07", draft)[0].message
    assert get_rule("R-07").applies(sok(kind="interne_regeling"), SETTINGS)
    assert not get_rule("R-07").applies(sok(kind="lwt"), SETTINGS)
    assert not get_rule("R-07").applies(route(), SETTINGS)


def test_r08_missing_recommended_topics_warn():
    findings = check("R-08", sok(topics=frozenset(MANDATORY_TOPICS)))
    assert len(findings) == 1 and findings[0].status == "warning"
    assert "'administratie en gegevensuitwisseling (AVG)'" in findings[0].message
    assert "'medezeggenschap'" in findings[0].message and "ontbreken" in findings[0].message
    one_missing = sok(topics=frozenset(MANDATORY_TOPICS + RECOMMENDED_TOPICS[1:]))
    assert check("R-08", one_missing)[0].message.startswith("Het aanbevolen onderwerp 'gebruik van")
    assert check("R-08", sok()) == []


# -- R-09 ------------------------------------------------------------------------------------

def test_r09_uncovered_component_fails():
    components = (ProgrammeComponent("Zorg"), ProgrammeComponent("Welzijn", "docent mbo"))
    [finding] = check("R-09", route(components=components))
    assert (finding.status, finding.field) == ("failed", "components")
    assert "'Zorg'" in finding.message


def test_r09_no_components_is_a_warning():
    [finding] = check("R-09", route(components=()))
    assert (finding.status, finding.field) == ("warning", "components")


# -- student rules ---------------------------------------------------------------------------

@pytest.mark.parametrize("rule_id", ["R-10", "R-11", "R-17", "R-19"])
def test_student_rules_do_not_apply_to_routes_or_agreements(rule_id):
    rule = get_rule(rule_id)
    assert rule.subject == "student"
    assert not rule.applies(route(), SETTINGS) and not rule.applies(sok(), SETTINGS)
    assert rule.check(route(), SETTINGS) == []


# -- R-12 ------------------------------------------------------------------------------------

def test_r12_unregistered_partner_warns_without_students_and_fails_with():
    partners = (VO, replace(MBO, rio_registered_on=None))
    [finding] = check("R-12", route(partners=partners))
    assert (finding.status, finding.field) == ("warning", "partners")
    assert "ROC van Amsterdam (25LX)" in finding.message
    [finding] = check("R-12", route(partners=partners, has_students=True))
    assert finding.status == "failed"


# -- R-13 ------------------------------------------------------------------------------------

def test_r13_route_with_lwt_fails():
    [finding] = check("R-13", route(includes_lwt=True))
    assert (finding.status, finding.field) == ("failed", "includes_lwt")


def test_r13_lwt_agreement_covering_a_legal_route_fails():
    [finding] = check("R-13", sok(kind="lwt", route_types=frozenset({"geintegreerd"})))
    assert (finding.status, finding.field) == ("failed", "routes")
    assert check("R-13", sok(kind="lwt", route_types=frozenset({"gestapeld"}))) == []
    assert not get_rule("R-13").applies(sok(), SETTINGS)


# -- R-14 ------------------------------------------------------------------------------------

def test_r14_too_few_hours_warns_with_the_numbers():
    [finding] = check("R-14", route(onderwijstijd_hours=2400))
    assert (finding.status, finding.field) == ("warning", "onderwijstijd_hours")
    assert "3 jaar vraagt minstens 3.000 uur" in finding.message
    assert check("R-14", route(onderwijstijd_hours=2400),
                 replace(SETTINGS, min_hours_per_year=800)) == []


def test_r14_undeclared_duration_and_hours_warn():
    undeclared = route(study_duration_years=None, onderwijstijd_hours=None)
    assert fields(check("R-14", undeclared)) == ["study_duration_years", "onderwijstijd_hours"]


# -- R-15 ------------------------------------------------------------------------------------

def intake_route(scope: str = "uitstroomrichting", minimum: int | None = None,
                 counts: tuple[IntakeCount, ...] = (), **changes) -> Route:
    """A route with students in the register whose intake of 2023-2024 is ``counts``."""
    return route(**{"has_students": True, "intake_school_year": 2023, "min_intake": minimum,
                    "min_intake_scope": scope, "intake": counts, **changes})


def test_r15_intake_below_minimum_warns_for_any_active_route():
    richtingen = (Uitstroomrichting(MZ2, min_intake=15),
                  Uitstroomrichting(MZ3, min_intake=15),
                  Uitstroomrichting(ICT4, min_intake=15, active=False),
                  Uitstroomrichting(ENTREE, min_intake=None))
    counts = (IntakeCount("25498", "", 12), IntakeCount("25491", "", 15),
              IntakeCount("25604", "", 3), IntakeCount("25255", "", 1))
    [finding] = check("R-15", intake_route(type="gestapeld", uitstroomrichtingen=richtingen,
                                           counts=counts))
    assert (finding.status, finding.field, finding.item) == (
        "warning", "uitstroomrichtingen", "25498")
    assert finding.message == ("Uitstroomrichting 25498 Helpende zorg en welzijn heeft in "
                               "schooljaar 2023-2024 een instroom van 12, onder de minimale "
                               "groepsgrootte van 15.")
    assert not get_rule("R-15").applies(route(phase="gestopt"), SETTINGS)


def test_r15_per_uitstroomrichting_falls_back_to_the_route_minimum_and_counts_absent_as_zero():
    richtingen = (Uitstroomrichting(MZ2), Uitstroomrichting(MZ3, min_intake=5))
    findings = check("R-15", intake_route(minimum=15, uitstroomrichtingen=richtingen, counts=(
        IntakeCount("25498", "", 16), IntakeCount("", "", 4))))
    [finding] = findings
    assert finding.item == "25491"
    assert "een instroom van 0, onder de minimale groepsgrootte van 5" in finding.message
    assert "4 leerling(en) in routejaar 1 zonder gekozen uitstroomrichting" in finding.message


def test_r15_per_klas_names_each_small_klas():
    counts = (IntakeCount("3A", "Klas 3A", 21), IntakeCount("3B", "Klas 3B", 9))
    [finding] = check("R-15", intake_route("klas", 15, counts))
    assert (finding.field, finding.item) == ("min_intake", "3B")
    assert finding.message == ("Klas 3B heeft in schooljaar 2023-2024 een instroom van 9, onder "
                               "de minimale groepsgrootte van 15 per klas.")


def test_r15_per_vo_school_tot_needs_20_from_de_uilenhof():
    counts = (IntakeCount("02UH", "De Uilenhof", 18), IntakeCount("03IN", "Insula", 22))
    [finding] = check("R-15", intake_route("vo_school", 20, counts))
    assert finding.item == "02UH" and finding.message.startswith("De Uilenhof heeft in schooljaar")
    assert "minimale groepsgrootte van 20 per vo-school" in finding.message
    assert check("R-15", intake_route("vo_school", 18, counts)) == []


def test_r15_per_route_counts_every_group_together():
    counts = (IntakeCount("", "", 24),)
    [finding] = check("R-15", intake_route("route", 25, counts))
    assert finding.message == ("Route Zorg en welzijn heeft in schooljaar 2023-2024 een instroom "
                               "van 24, onder de minimale groepsgrootte van 25 voor de hele route.")
    assert check("R-15", intake_route("route", 24, counts)) == []
    assert len(check("R-15", intake_route("route", 1, ()))) == 1   # no intake at all: 0


def test_r15_without_a_minimum_or_in_development_is_not_checked():
    counts = (IntakeCount("3A", "Klas 3A", 2),)
    assert check("R-15", intake_route("klas", None, counts)) == []
    assert check("R-15", intake_route("klas", 15, counts, phase="in_ontwikkeling")) == []


def test_r15_route_without_students_in_the_register_has_intake_zero():
    [finding] = check("R-15", intake_route("route", 25, (), has_students=False))
    assert "een instroom van 0" in finding.message
    assert finding.message.endswith("Het register bevat nog geen leerlingen van deze route.")


# -- R-16 ------------------------------------------------------------------------------------

def test_r16_continuity_risks_warn():
    risky = route(type="gedeeltelijk", phase="in_ontwikkeling",
                  contacts=(Contact("kartrekker", "A. de Vries", institution="Calvijn"),
                            Contact("projectleider", "B. Bakker", active=False,
                                    institution="Calvijn"),
                            Contact("kartrekker", "C. Jansen", institution="ROC van Amsterdam"),
                            Contact("decaan", "D. de Boer", institution="ROC van Amsterdam")),
                  settlement_model="", last_partner_meeting=date(2023, 8, 31))
    findings = check("R-16", risky)
    assert fields(findings) == ["contacts", "settlement_model", "last_partner_meeting"]
    assert {f.status for f in findings} == {"warning"}
    assert findings[0].message.startswith("Calvijn is afhankelijk van één contactpersoon")
    assert findings[0].item == "20NC"
    assert "31 augustus 2023" in findings[2].message


def test_r16_contacts_are_counted_per_partner_not_per_route():
    # three contacts for the route, but all at the vo-school: the mbo has none
    contacts = (Contact("kartrekker", "A", institution="Calvijn"),
                Contact("projectleider", "B", institution="Calvijn"),
                Contact("decaan", "C", institution="Calvijn"))
    [finding] = check("R-16", route(contacts=contacts))
    assert (finding.field, finding.item) == ("contacts", "25LX")
    assert finding.message.startswith("ROC van Amsterdam heeft geen actieve contactpersoon")
    one_each = (contacts[0], Contact("kartrekker", "D", institution="ROC van Amsterdam"))
    assert [f.item for f in check("R-16", route(contacts=one_each))] == ["20NC", "25LX"]


def test_r16_meeting_exactly_at_the_interval_passes_and_none_warns():
    assert check("R-16", route(last_partner_meeting=date(2023, 9, 1))) == []
    assert fields(check("R-16", route(last_partner_meeting=None))) == ["last_partner_meeting"]


def test_r16_without_structural_meetings_skips_the_meeting_and_says_so():
    mature = route(last_partner_meeting=None, without_structural_meetings=True)
    [finding] = check("R-16", mature)
    assert (finding.status, finding.field) == ("passed", "without_structural_meetings")
    assert "zonder structureel partneroverleg" in finding.message
    [finding] = get_rule("R-16").check_route(mature, SETTINGS)
    assert finding.status == "passed"
    # the other parts are still checked
    assert fields(check("R-16", replace(mature, settlement_model=""))) == ["settlement_model"]


# -- R-18 ------------------------------------------------------------------------------------

def test_r18_integrated_exam_needs_pta_oer():
    [finding] = check("R-18", route(integrated_exam=True))
    assert (finding.status, finding.field) == ("failed", "pta_oer")
    assert check("R-18", route(integrated_exam=True, pta_oer="PTA/OER 2023-2024")) == []
    assert not get_rule("R-18").applies(route(), SETTINGS)


# -- R-20 ------------------------------------------------------------------------------------

def test_r20_deviation_needs_mr_consent():
    deviating = route(onderwijstijd_deviation="Meer BPV in jaar 4")
    [finding] = check("R-20", deviating)
    assert (finding.status, finding.field) == ("warning", "mr_consent_on")
    assert check("R-20", replace(deviating, mr_consent_on=date(2021, 5, 1))) == []
    assert not get_rule("R-20").applies(route(), SETTINGS)


# -- R-21 ------------------------------------------------------------------------------------

def test_r21_active_experiment_after_the_end_fails():
    vm2 = route(type="experiment", end_date=date(2023, 7, 31))
    findings = check("R-21", vm2)
    assert fields(findings) == ["phase", "end_date"]
    assert {f.status for f in findings} == {"failed"}
    assert "31 juli 2022" in findings[0].message


def test_r21_stopped_experiment_or_before_the_end_passes():
    assert check("R-21", route(type="experiment", phase="gestopt",
                               end_date=date(2022, 7, 31))) == []
    before = replace(SETTINGS, today=date(2022, 7, 31))
    assert check("R-21", route(type="experiment"), before) == []
    assert not get_rule("R-21").applies(route(), SETTINGS)


# -- helpers ---------------------------------------------------------------------------------

def test_dutch_formatting_helpers():
    assert format_date(date(2022, 7, 31)) == "31 juli 2022"
    assert format_number(3000) == "3.000"
    assert join_nl(["A"]) == "A" and join_nl(["A", "B", "C"]) == "A, B en C"
    assert months_before(date(2024, 8, 31), 6) == date(2024, 2, 29)
    assert months_before(date(2024, 3, 1), 6) == date(2023, 9, 1)
    assert months_before(date(2024, 1, 15), 1) == date(2023, 12, 15)


def test_agreement_rules_on_a_route_look_at_current_agreements_only():
    from domain.rules import evaluate_route

    incomplete = sok(title="Oude SOK", topics=frozenset({"aansturing"}))
    expired = replace(incomplete, valid_to=date(2023, 7, 31))
    replaced = replace(incomplete, superseded=True)
    for old in (expired, replaced):
        findings = evaluate_route(route(agreements=(sok(), old)), SETTINGS)
        assert not any("Oude SOK" in f.message for f in findings)
    findings = evaluate_route(route(agreements=(sok(), incomplete)), SETTINGS)
    assert any(f.rule == "R-07" and f.message.startswith("Oude SOK") for f in findings)
