"""Small-count suppression for figures shown outside a route's partners (regional users, the public).

A count from 1 to 4 is shown as "<5" (primary suppression). When a total is shown with its parts,
a hidden part could be worked out from the total and the parts that are shown ("a total and all
but one of its parts"), so more cells are hidden (secondary suppression, shown as "x") until no
count from 1 to 4 can be read or derived. Pure: no Django, no database.

The reader is assumed to know how the figures fit together (to be safe, more than the page says):
the parts add up to the total, with what the parts do not cover as a rest (``total - sum(parts)``,
not shown, known to the reader unless it is from 1 to 4, and then never derivable either); a "<5"
cell holds 1 to 4 and an "x" cell any number from 0.
"""
from __future__ import annotations

SMALL = "<5"      # a count from 1 to 4
HIDDEN = "x"      # a count left out because it would let a small count be derived from the others
TOTAL = "_total"  # the key of the total in the answer, when a total is given
LIMIT = 5         # counts from 1 to LIMIT - 1 are never shown

_REST = object()  # the unseen rest of the total (never shown)
_INF = float("inf")


def suppress(counts: dict, total: int | None = None) -> dict[str, str]:
    """The counts as they may be shown to a reader outside the route's partners: each key's count as
    a string, "<5" for 1 to 4, and "x" for a count hidden because, together with the total (given as
    ``total``, answered under the key ``TOTAL``) and the other parts shown, it would reveal a count
    from 1 to 4. Without a total no count can be derived from another, so only 1 to 4 is hidden.
    Raises ValueError for a negative count or parts that add up to more than the total."""
    values = {key: int(value) for key, value in counts.items()}
    if any(v < 0 for v in values.values()) or (total is not None and total < 0):
        raise ValueError("Een aantal kan niet negatief zijn.")
    if TOTAL in values:
        raise ValueError(f"De sleutel {TOTAL!r} is voor het totaal.")
    shown = {key: _primary(v) for key, v in values.items()}
    if total is None:
        return shown
    rest = total - sum(values.values())
    if rest < 0:
        raise ValueError("De delen zijn samen meer dan het totaal.")
    shown[TOTAL] = _primary(total)
    cells = {**values, TOTAL: total, _REST: rest}
    labels = {**shown, _REST: _primary(rest)}
    while _leaks(cells, labels):
        labels[_next_to_hide(values, labels)] = HIDDEN
    del labels[_REST]
    return labels


def _primary(value: int) -> str:
    return SMALL if 0 < value < LIMIT else str(value)


def _box(value: int, label: str) -> tuple[float, float]:
    """What the reader knows of one cell: its range."""
    if label == SMALL:
        return 1, LIMIT - 1
    if label == HIDDEN:
        return 0, _INF
    return value, value


def _leaks(cells: dict, shown: dict) -> bool:
    """Whether the reader can determine a count from 1 to 4 that is not shown, from the one
    equation parts + rest = total and the range of each cell (for a single equation with ranges,
    each cell's possible values are exactly the interval below)."""
    boxes = {key: _box(value, shown[key]) for key, value in cells.items()}
    addends = [key for key in cells if key is not TOTAL]
    low_sum = sum(boxes[k][0] for k in addends)
    high_sum = sum(boxes[k][1] for k in addends)
    t_low, t_high = boxes[TOTAL]
    for key, value in cells.items():
        if not 0 < value < LIMIT:
            continue
        low, high = boxes[key]   # [1, 4] or [0, inf): a count from 1 to 4 is never shown
        if key is TOTAL:
            low, high = max(low, low_sum), min(high, high_sum)
        else:
            others_low, others_high = low_sum - boxes[key][0], high_sum - boxes[key][1]
            low, high = max(low, t_low - others_high), min(high, t_high - others_low)
        if low >= high:
            return True
    return False


def _next_to_hide(values: dict, shown: dict):
    """The cell to hide next: the smallest part still shown as a number (the least information
    lost), else a "<5" part, else the total."""
    numbers = [key for key in values if shown[key] not in (SMALL, HIDDEN)]
    if numbers:
        return min(numbers, key=lambda k: (values[k] == 0, values[k]))
    smalls = [key for key in values if shown[key] == SMALL]
    if shown[TOTAL] != HIDDEN:
        return TOTAL
    if smalls:
        return smalls[0]
    raise AssertionError("nothing left to hide")  # pragma: no cover - everything hidden leaks nothing
