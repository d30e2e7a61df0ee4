"""The messages of the rules core: a Dutch template with parameters, marked for extraction, whose Dutch
text is what findings keep in ``message``; and every template a rule or check uses is marked with
``gettext_noop`` as a literal (so makemessages extracts it and the interface can translate it)."""
from __future__ import annotations

import ast
import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_domain_rules_properties import agreements, routes, rule_settings
from test_domain_students_properties import students

from domain.facts import Settings
from domain.messages import Message, RuleTitle, gettext_noop, join, join_and
from domain.rules import evaluate_agreement, evaluate_route, evaluate_student
from domain.rules.base import join_nl, students_summary
from domain.teldatum import check_teldatum

DOMAIN = Path(__file__).resolve().parents[2] / "domain"


def marked_templates() -> set[str]:
    """The literals passed to gettext_noop in domain/ (what xgettext's keyword gettext_noop extracts)."""
    found = set()
    for path in DOMAIN.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "gettext_noop" and node.args
                    and isinstance(node.args[0], ast.Constant)):
                found.add(node.args[0].value)
    return found


MARKED = marked_templates()


def templates(message) -> set[str]:
    """Every template in a message, its nested messages included."""
    if isinstance(message, tuple):
        return set().union(*(templates(m) for m in message))
    if not isinstance(message, Message):
        return set()
    return {message.template}.union(*(templates(value) for _name, value in message.params))


def assert_translatable(findings) -> None:
    for finding in findings:
        assert finding.text is not None, finding
        assert str(finding.text) == finding.message
        assert templates(finding.text) <= MARKED, templates(finding.text) - MARKED
        # every template renders with the parameters it is given (no placeholder left without a value)
        finding.text.render(lambda t: t, str)


# -- the value -------------------------------------------------------------------------------------

def test_a_message_is_its_dutch_text_with_dates_the_dutch_way():
    message = Message.of(gettext_noop("Het laatste overleg was op %(day)s met %(who)s."),
                         day=date(2025, 3, 1), who=join(["A", "B", "C"]))
    assert str(message) == "Het laatste overleg was op 1 maart 2025 met A, B en C."


def test_render_translates_every_template_and_shows_every_value():
    message = Message.of("%(who)s op %(day)s", who=Message("de school"), day=date(2025, 3, 1))
    english = {"%(who)s op %(day)s": "%(who)s on %(day)s", "de school": "the school"}
    shown = message.render(english.get, lambda v: v.isoformat() if isinstance(v, date) else str(v))
    assert shown == "the school on 2025-03-01"


def test_replace_reaches_nested_messages():
    inner = Message.of(" Daarnaast %(open_choice)s.", open_choice=3)
    message = Message.of("%(intake)s%(note)s", intake=2, note=inner)
    assert str(message.replace(intake="<5", open_choice="x")) == "<5 Daarnaast x."


texts = st.text(alphabet=st.characters(blacklist_characters="%", blacklist_categories=("Cs",)), max_size=12)
values = st.recursive(
    st.one_of(texts, st.integers(), st.dates(), st.sampled_from(["R-01", "R-16"]).map(RuleTitle)),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3).map(tuple),
        st.dictionaries(st.from_regex(r"[a-z]{1,6}", fullmatch=True), inner, max_size=3).map(
            lambda params: Message(" ".join(f"%({name})s" for name in params), tuple(params.items())))),
    max_leaves=8)


@given(st.dictionaries(st.from_regex(r"[a-z]{1,6}", fullmatch=True), values, max_size=4))
def test_kept_as_json_and_read_back_gives_the_same_message(params):
    message = Message(" ".join(f"%({name})s" for name in params), tuple(params.items()))
    assert Message.from_data(message.to_data()) == message
    assert str(Message.from_data(message.to_data())) == str(message)


@given(st.lists(st.text(max_size=5), max_size=5))
def test_join_says_what_join_nl_says(items):
    assert str(Message.of("%(x)s", x=join(items))) == join_nl(items)


def test_join_and_joins_every_pair_with_en():
    assert str(Message.of("%(x)s", x=join_and(["a", "b", "c"]))) == "a en b en c"


def test_students_summary_reads_a_suppressed_count_as_more_than_one():
    assert str(students_summary(1, "R-10", True)).startswith("1 leerling van de route voldoet niet aan R-10: ")
    assert str(students_summary("<5", "R-17", False)) == (
        "<5 leerlingen van de route hebben een waarschuwing op R-17: Gezamenlijk oordeel bij plaatsing in een GLR.")


# -- every finding of the catalogue ----------------------------------------------------------------

@given(routes, rule_settings)
def test_every_route_finding_is_a_marked_template(route, settings):
    assert_translatable(evaluate_route(route, settings))


@given(agreements, rule_settings)
def test_every_agreement_finding_is_a_marked_template(agreement, settings):
    assert_translatable(evaluate_agreement(agreement, settings))


@given(students(), st.dates(min_value=date(2019, 8, 1), max_value=date(2025, 7, 31)))
def test_every_student_finding_and_teldatum_problem_is_a_marked_template(student, today):
    for route_type in ("doorlopend", "geintegreerd"):
        legal = replace(student, route=replace(student.route, type=route_type))
        assert_translatable(evaluate_student(legal, Settings(today=today)))
        result = check_teldatum(legal, today)
        assert tuple(str(m) for m in result.problems) == result.messages
        for problem in result.problems:
            assert templates(problem) <= MARKED


def test_templates_are_literals_with_named_placeholders_only():
    for template in MARKED:
        assert isinstance(template, str)
        assert not re.search(r"%(?!\(\w+\)s)", template), template   # only %(name)s: python-format, no stray %


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="xgettext (gettext) is not installed")
def test_xgettext_extracts_every_marked_template_as_makemessages_does(tmp_path):
    """makemessages runs xgettext with --keyword=gettext_noop over every .py file under the project root,
    domain/ included; the catalogue then has each template as a msgid."""
    files = sorted(str(p) for p in DOMAIN.rglob("*.py"))
    out = tmp_path / "domain.pot"
    subprocess.run(["xgettext", "--language=Python", "--from-code=UTF-8", "--keyword=gettext_noop", "--no-wrap",
                    "--output", str(out), *files], check=True)
    msgids = {_unquote(m) for m in re.findall(r'^msgid "(.*)"$', out.read_text(encoding="utf-8"), re.M)}
    assert MARKED - msgids == set()


def _unquote(text: str) -> str:
    return text.replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")
