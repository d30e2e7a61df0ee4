"""M5 Gesloten beurzen: no transfer; each party bears and records its own costs.

No parameters. ``parties``: {"vo": 0, "mbo": 0}; ``transfer``: from/to None, amount 0.
"""
from __future__ import annotations

from typing import Any

from domain.settlement.base import NO_TRANSFER, Reader, Statement, Step

NAME = "Gesloten beurzen"


def calculate_m5(parameters: Any) -> Statement:
    p = Reader({} if parameters is None else parameters)
    p.finish()
    steps = (Step("M5", "Gesloten beurzen: geen overdracht. Elke partij draagt en registreert "
                        "haar eigen kosten.", 0),)
    return Statement(model="M5", name=NAME, inputs=p.inputs, steps=steps,
                     parties={"vo": 0, "mbo": 0}, transfer=NO_TRANSFER, transfers=())
