"""Fixtures of the reflection tests: a round of the test route (Calvijn College and ROC van Amsterdam)
with a participant of each partner, open today."""
from datetime import timedelta

import pytest
from django.utils import timezone

from apps.reflection import services
from apps.reflection.schemas import ResponseIn, RoundIn
from domain import reflection as core


@pytest.fixture
def reflection_round(route, users):
    today = timezone.localdate()
    return services.open_round(users["calvijn"], route, RoundIn(
        title="Reflectie voorjaar", opens_on=today - timedelta(days=1), closes_on=today + timedelta(days=30),
        participants=["calvijn", "rocva"]))


def complete(score=3, phase_fit="ja", **overrides) -> ResponseIn:
    """A whole response: every item scored ``score`` unless overridden (item id -> score)."""
    answers = {item: {"score": overrides.get(item, score), "note": ""} for item in core.ITEM_IDS}
    return ResponseIn.model_validate({"answers": answers, "phase_fit": phase_fit, "submit": True})
