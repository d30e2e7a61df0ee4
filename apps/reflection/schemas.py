"""The typed input of the reflection use cases (``services``): the schemas the API declares and the
pages' forms are turned into. Participants are named by their username; answers are keyed by the item id
of the catalogue (domain.reflection: V1-V5, D1-D8, A1-A6), so an error names the item
("answers.V3.score")."""
from datetime import date
from typing import Literal

from pydantic import Field

from apps.routes.schemas import In, string
from domain import reflection as core

Username = string(150, required=True)
Note = string(2000)


class RoundIn(In):
    """A new round of a route: its title, the dates it is open (inclusive), a note for the participants,
    and the usernames of the invited participants (users of the route's partner institutions; from at
    least two partners)."""
    title: string(200, required=True)
    opens_on: date
    closes_on: date
    note: string(2000) = ""
    participants: list[Username] = Field(default_factory=list, max_length=200)


class InviteIn(In):
    """More participants for a round that is not closed (usernames)."""
    participants: list[Username] = Field(min_length=1, max_length=200)


class AnswerIn(In):
    """The answer to one item: a score from 1 to 5, or null for "weet ik niet"; and a note."""
    score: int | None = Field(default=None, ge=core.LOWEST, le=core.HIGHEST)
    note: Note = ""


class ResponseIn(In):
    """One's own response in a round, whole: the answers by item id (a draft may leave items out), the
    answer to the phase question ("ja", "deels", "nee"; "" while a draft) with its note, and whether it is
    submitted now (then every item needs an answer, and the response is locked)."""
    answers: dict[string(4), AnswerIn] = Field(default_factory=dict, max_length=len(core.ITEMS) + 10)
    phase_fit: Literal["", "ja", "deels", "nee"] = ""
    phase_fit_note: Note = ""
    submit: bool = False


class CloseIn(In):
    """Closing a round (early, or at its end): an optional note for the participants, e.g. why it closed
    before everyone answered. Drafts stay unsubmitted and do not count."""
    note: Note = ""
