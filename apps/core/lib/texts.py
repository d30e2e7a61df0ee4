"""The domain's messages (``domain.messages.Message``: a Dutch template with its parameters) shown in
the reader's language: the template through the translation catalogue (makemessages extracts the
templates from ``domain/``, where they are marked with ``gettext_noop``), dates as "1 augustus 2022" /
"1 August 2022", a rule's title from the catalogue's own English twin. Numbers stay as the domain
wrote them (Dutch notation in both languages, see ``domain.numbers``).

``shown(finding)`` takes a rule finding (``domain.rules.Finding``, with ``text``), a stored finding
(``message_data``), a finding as the API writes it (a dict) or a plain Message; a finding without a
template (built from plain text) is shown as its Dutch ``message``."""
from __future__ import annotations

from datetime import date
from typing import Any

from django.utils.formats import date_format
from django.utils.translation import get_language, gettext

from domain.messages import Message, RuleTitle


def english() -> bool:
    return (get_language() or "").startswith("en")


def _show(value: Any) -> str:
    if isinstance(value, date):
        return date_format(value, "j F Y")
    if isinstance(value, RuleTitle):
        from domain.rules import get_rule
        rule = get_rule(value.rule)
        return rule.title_en if english() else rule.title
    return str(value)


def render(message: Message) -> str:
    """The message in the active language."""
    return message.render(gettext, _show)


def message_of(finding: Any) -> Message | None:
    """The finding's message as a template with parameters, None when it has only its Dutch text."""
    if isinstance(finding, Message):
        return finding
    if isinstance(finding, dict):
        text, data = finding.get("text"), finding.get("message_data")
    else:
        text, data = getattr(finding, "text", None), getattr(finding, "message_data", None)
    if isinstance(text, Message):
        return text
    return Message.from_data(data) if data else None


def shown(finding: Any) -> str:
    """The finding's message in the active language."""
    message = message_of(finding)
    if message is not None:
        return render(message)
    return finding["message"] if isinstance(finding, dict) else str(getattr(finding, "message", finding))


def marked_templates() -> set[str]:
    """Every template marked with ``gettext_noop`` in ``domain/``: what makemessages extracts from it
    (for the tests, and to check that a catalogue translates them all)."""
    import ast
    from pathlib import Path

    import domain

    found = set()
    for path in Path(domain.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "gettext_noop" and node.args
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found.add(node.args[0].value)
    return found
