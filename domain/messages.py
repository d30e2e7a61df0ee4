"""Messages a user reads, kept as a Dutch template with its parameters so the interface can show
them in the reader's language.

The core speaks Dutch: ``str(message)`` is the Dutch text (what findings keep in ``message``, what
the API and the stored findings say). The interface translates at render time: the template through
the translation catalogue, each parameter in the reader's language (dates, nested messages, a rule's
title), then ``template % params``. Templates use ``%(name)s`` placeholders and are marked with
``gettext_noop`` so Django's makemessages (which knows that keyword) extracts them from ``domain/``.

    Message.of(gettext_noop("Het laatste partneroverleg was op %(day)s."), day=date(2025, 3, 1))

Parameter values: text (names, codes, preformatted numbers: shown as they are), int, a date (shown as
"1 augustus 2022" / "1 August 2022"), a nested Message (translated too), a RuleTitle (the rule's
title in the reader's language) or a tuple of these (shown joined by ", ").

Pure Python: no Django imports.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from domain.calendar import format_date


def gettext_noop(message: str) -> str:
    """Marks a Dutch template for translation (makemessages extracts it); returns it unchanged."""
    return message


@dataclass(frozen=True)
class RuleTitle:
    """The title of a rule of the catalogue, shown in the reader's language."""
    rule: str

    def __str__(self) -> str:
        from domain.rules import get_rule  # the catalogue imports this module
        return get_rule(self.rule).title


Translate = Callable[[str], str]
Show = Callable[[Any], str]


@dataclass(frozen=True)
class Message:
    template: str                                  # Dutch, with %(name)s placeholders
    params: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, template: str, **params: Any) -> Message:
        return cls(template, tuple(params.items()))

    def __str__(self) -> str:
        return self.render(lambda text: text, dutch)

    def render(self, translate: Translate, show: Show) -> str:
        """The text with ``translate`` applied to every template and ``show`` to every plain value."""
        text = translate(self.template)
        if not self.params:
            return text
        return text % {name: render_value(value, translate, show) for name, value in self.params}

    @property
    def values(self) -> dict[str, Any]:
        return dict(self.params)

    def replace(self, **values: Any) -> Message:
        """The same message with the parameters named in ``values`` replaced, also in nested messages."""
        def swap(value: Any) -> Any:
            if isinstance(value, Message):
                return value.replace(**values)
            if isinstance(value, tuple):
                return tuple(swap(v) for v in value)
            return value
        return Message(self.template, tuple((name, values[name] if name in values else swap(value))
                                            for name, value in self.params))

    # -- kept as JSON (a stored finding) -----------------------------------------------------------

    def to_data(self) -> dict[str, Any]:
        return {"t": self.template, "p": {name: _encode(value) for name, value in self.params}}

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Message:
        return cls(data["t"], tuple((name, _decode(value)) for name, value in data.get("p", {}).items()))


def dutch(value: Any) -> str:
    """A plain parameter value in Dutch."""
    if isinstance(value, date):
        return format_date(value)
    return str(value)


def render_value(value: Any, translate: Translate, show: Show) -> str:
    if isinstance(value, Message):
        return value.render(translate, show)
    if isinstance(value, tuple):
        return ", ".join(render_value(v, translate, show) for v in value)
    return show(value)


def text(value: str | Message) -> Message:
    """A plain Dutch text as a message without parameters (a literal marked by the caller)."""
    return value if isinstance(value, Message) else Message(value)


def join(items: list[Any] | tuple[Any, ...]) -> Any:
    """"A", "A en B", "A, B en C" as a parameter value ("" for none)."""
    items = tuple(items)
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return Message.of(gettext_noop("%(items)s en %(last)s"), items=items[:-1], last=items[-1])


def join_and(items: list[Any] | tuple[Any, ...]) -> Any:
    """"A", "A en B", "A en B en C" (every pair joined by "en") as a parameter value."""
    items = tuple(items)
    if len(items) <= 1:
        return items[0] if items else ""
    return Message.of(gettext_noop("%(items)s en %(last)s"), items=join_and(items[:-1]), last=items[-1])


def _encode(value: Any) -> Any:
    if isinstance(value, Message):
        return {"msg": value.to_data()}
    if isinstance(value, tuple):
        return {"seq": [_encode(v) for v in value]}
    if isinstance(value, date):
        return {"date": value.isoformat()}
    if isinstance(value, RuleTitle):
        return {"rule": value.rule}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if "msg" in value:
            return Message.from_data(value["msg"])
        if "seq" in value:
            return tuple(_decode(v) for v in value["seq"])
        if "date" in value:
            return date.fromisoformat(value["date"])
        if "rule" in value:
            return RuleTitle(value["rule"])
    return value
