"""The student survey (enquête) of a route as pure data and functions: the Likert scale, the default
statements, the one-time codes and the results per statement with small counts suppressed.

The default statements are those the Calvijn College asks its students every year, as "Doorlopende
leerroutes in Amsterdam" (Samenwerkingsverband VO Amsterdam-Diemen, 2021, section 4.2) quotes them.

Results are shown to staff, never per student: per statement the number of answers per point of the
scale, a count from 1 to 4 as "<5" and, since every statement is answered by every respondent, no
total that would let a hidden count be worked out (``domain.suppression.suppress``). Pure: no Django.
"""
from __future__ import annotations

import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from domain.suppression import HIDDEN, LIMIT, SMALL, TOTAL, suppress

SOURCE = ("Doorlopende leerroutes in Amsterdam (Samenwerkingsverband VO Amsterdam-Diemen, 2021), "
          "paragraaf 4.2: stellingen uit de jaarlijkse enquête van het Calvijn College")

# The five points of the scale, from 1 to 5, with their Dutch labels.
SCALE: tuple[tuple[int, str], ...] = (
    (1, "helemaal oneens"),
    (2, "oneens"),
    (3, "neutraal"),
    (4, "eens"),
    (5, "helemaal eens"),
)
VALUES = tuple(value for value, _label in SCALE)
AGREE = (4, 5)          # "(helemaal) eens"

DEFAULT_STATEMENTS: tuple[str, ...] = (
    "Ik ben goed op de hoogte gebracht van wat er van mij verwacht wordt.",
    "Ik kan wat ik op school leer goed gebruiken op mijn stage.",
    "Ik weet wat ik moet doen om mijn diploma te halen.",
    "Ik ben tevreden met de uitstroomrichting die ik heb gekozen.",
    "De uitstroomrichting die ik doe is zoals ik had verwacht.",
)

# One-time codes: no 0/O, 1/I/L, 5/S, 2/Z, 8/B look-alikes; 10 characters give 27^10 (about 2 * 10^14)
# codes, so guessing one of a few hundred handed out is hopeless even without the rate limit.
ALPHABET = "ACDEFGHJKMNPQRTUVWXY3469"
CODE_LENGTH = 10
GROUP = 5               # shown as ABCDE-FGHJK


def new_code(choice=secrets.choice) -> str:
    """A fresh random code (``choice`` picks one character; the default is cryptographically random)."""
    return "".join(choice(ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str) -> str:
    """What a student typed as the stored code: upper case, spaces and dashes left out."""
    return "".join(ch for ch in str(text).upper() if ch not in " -\t")


def looks_like_code(text: str) -> bool:
    code = normalise_code(text)
    return len(code) == CODE_LENGTH and all(ch in ALPHABET for ch in code)


def shown_code(code: str) -> str:
    """A code as handed out: in groups of five, "ACDEF-GHJKM"."""
    return "-".join(code[i:i + GROUP] for i in range(0, len(code), GROUP))


# --- results ---------------------------------------------------------------------------------------------

def distribution(values: Iterable[int]) -> dict[int, int]:
    """The number of answers per point of the scale (every point present, 0 when none).
    Raises ValueError for a value outside the scale."""
    counts = dict.fromkeys(VALUES, 0)
    for value in values:
        if value not in counts:
            raise ValueError(f"{value!r} is geen waarde van de schaal 1-5.")
        counts[value] += 1
    return counts


def agree_share(counts: dict[int, int]) -> Decimal | None:
    """The share (percent, one decimal) of answers "eens" or "helemaal eens"; None without answers."""
    total = sum(counts.values())
    if not total:
        return None
    agree = sum(counts.get(v, 0) for v in AGREE)
    return (Decimal(100) * agree / total).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class StatementResult:
    """One statement's result as a reader may see it. ``shown``: per point of the scale the count as
    text ("12", "<5" or "x"); ``counts``: the same as numbers, None where hidden; ``agree``: the
    percentage "(helemaal) eens" (one decimal) or None when it would give a hidden count away;
    ``answered``: the number of answers as text, "<5" when fewer than five."""

    text: str
    shown: dict[int, str]
    counts: dict[int, int | None]
    agree: Decimal | None
    answered: str

    @property
    def suppressed(self) -> bool:
        return any(v is None for v in self.counts.values())


def statement_result(text: str, counts: dict[int, int]) -> StatementResult:
    """The result of one statement with small counts suppressed: a count from 1 to 4 is "<5", and as
    the number of respondents is known to the reader (the same for every statement) a count that could
    be worked out from it and the counts shown is "x". The share "(helemaal) eens" is given only when
    it follows from the counts shown, and fewer than five answers show nothing at all."""
    total = sum(counts.values())
    keyed = {str(v): counts.get(v, 0) for v in VALUES}
    if 0 < total < LIMIT:
        shown = dict.fromkeys(keyed, HIDDEN)
    else:
        shown = suppress(keyed, total)
        if shown.pop(TOTAL) == HIDDEN:      # the number of respondents is always known: hide the parts instead
            shown = {k: (HIDDEN if c else "0") for k, c in keyed.items()}
    by_value = {int(k): s for k, s in shown.items()}
    if total >= LIMIT:
        _hide_groups(counts, by_value)
    numbers = {v: (counts.get(v, 0) if by_value[v] not in (SMALL, HIDDEN) else None) for v in VALUES}
    # The share follows from what is shown when both agreeing counts, or all three others, are shown.
    readable = all(numbers[v] is not None for v in AGREE) or all(
        numbers[v] is not None for v in VALUES if v not in AGREE)
    agree = agree_share(counts) if readable and total >= LIMIT else None
    answered = SMALL if 0 < total < LIMIT else str(total)
    return StatementResult(text, by_value, numbers, agree, answered)


def _hide_groups(counts: dict[int, int], shown: dict[int, str]) -> None:
    """The reader also adds up "(helemaal) eens" and the rest: when one of those two groups holds 1 to 4
    answers and the other group is shown in full (so the total gives it away), hide the other group's
    smallest count too ("x")."""
    others = tuple(v for v in VALUES if v not in AGREE)
    for group, rest in ((AGREE, others), (others, AGREE)):
        if 0 < sum(counts.get(v, 0) for v in group) < LIMIT and all(shown[v] not in (SMALL, HIDDEN) for v in rest):
            smallest = min(rest, key=lambda v: (counts.get(v, 0) == 0, counts.get(v, 0)))
            shown[smallest] = HIDDEN


def survey_results(statements: Sequence[str], answers: Sequence[Sequence[int]]) -> list[StatementResult]:
    """The results of a survey: ``answers`` holds one sequence per respondent with the value per
    statement, in the order of ``statements``. Raises ValueError for a response of another length."""
    for response in answers:
        if len(response) != len(statements):
            raise ValueError("Elk antwoord heeft een waarde per stelling.")
    return [statement_result(text, distribution(r[i] for r in answers)) for i, text in enumerate(statements)]


def answers_for_shares(respondents: int, shares: Sequence[Decimal | float]) -> list[dict[int, int]]:
    """Synthetic counts per statement that reproduce a share "(helemaal) eens" per statement (percent)
    for ``respondents`` answers: the agreeing half split 3:2 over "eens" and "helemaal eens", the rest
    over neutraal, oneens and helemaal oneens 3:2:1 (illustrative data for the demo)."""
    out = []
    for share in shares:
        agree = int((Decimal(str(share)) * respondents / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
        rest = respondents - agree
        eens = (agree * 3 + 2) // 5
        neutral = (rest * 3 + 3) // 6
        oneens = (rest - neutral) * 2 // 3
        out.append({1: rest - neutral - oneens, 2: oneens, 3: neutral, 4: eens, 5: agree - eens})
    return out
