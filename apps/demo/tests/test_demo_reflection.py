"""The demo's reflection rounds: two partnerships (Calvijn - ROC van Amsterdam and IJburg - ROC van
Amsterdam) with an earlier and a recent round each, filled in by the partners' demo accounts, whose
results show where the partners differ and how it changed; marked illustrative."""
import pytest

from apps.reflection import comparison
from apps.reflection.models import ReflectionRound, Response
from apps.routes.models import Route

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["Vakmanschapsroute Calvijn College", "Geïntegreerde leerroute IJburg"])
def test_two_partnerships_with_two_rounds_each(demo_2026, name):
    route = Route.objects.get(name__icontains=name)
    rounds = list(route.reflection_rounds.all())
    assert len(rounds) == 2
    assert all(r.closes_on < demo_2026.today and "Illustratief" in r.note for r in rounds)
    assert not Response.objects.filter(round__in=rounds).exclude(status=Response.Status.SUBMITTED).exists()
    results = comparison.results(rounds[-1])
    assert results.comparable and results.differing and results.differing[0].spread >= 1
    assert all(note.startswith("Illustratief") for row in results.items for _who, note in row.notes)
    trend = comparison.trend(route)
    assert len(trend.rounds) == 2 and any(row.change not in ("", "0,0") for row in trend.rows)


def test_only_the_demo_partners_see_them(demo_2026):
    from apps.accounts.models import User

    calvijn_rounds = ReflectionRound.objects.filter(route__name__icontains="Vakmanschapsroute Calvijn College")
    for username, sees in (("calvijn", True), ("bestuur-zaam", True), ("rocva", True), ("ijburg", False),
                           ("regio-amsterdam", False), ("element", False)):
        user = User.objects.get(username=username)
        assert ReflectionRound.objects.visible_to(user).filter(pk__in=calvijn_rounds).exists() == sees, username
