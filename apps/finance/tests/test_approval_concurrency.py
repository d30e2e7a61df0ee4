"""Two financieel medewerkers approving the same settlement at the same moment: both approvals are
recorded, the statement is locked and neither gets an error. Real threads, each with its own database
connection (on SQLite a file database; write transactions start IMMEDIATE so they queue instead of
failing with "database is locked" or losing the other's approval)."""
import threading

import pytest
from django.db import connection

from apps.finance import services
from apps.finance.models import Settlement

ROUNDS = 10


@pytest.fixture
def finance_pair(make_user, registry):
    return [make_user("fin-calvijn", "financieel", [registry["calvijn"]]),
            make_user("fin-rocva", "financieel", [registry["rocva"]])]


def _approve_at_once(settlement_pk, users):
    barrier = threading.Barrier(len(users))
    errors = []

    def work(user):
        try:
            settlement = Settlement.objects.get(pk=settlement_pk)
            barrier.wait(timeout=10)
            services.approve(settlement, user)
        except Exception as exc:  # noqa: BLE001 - every failure is what the test reports
            errors.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


@pytest.mark.django_db(transaction=True)
def test_two_parties_approving_at_once_both_count(route, finance_pair):
    if connection.vendor == "sqlite":
        assert not connection.is_in_memory_db(), "the concurrency test needs a file database"
    for round_ in range(ROUNDS):
        settlement = Settlement.objects.create(route=route, school_year=2025 + round_, model="M5", parameters={})
        errors = _approve_at_once(settlement.pk, finance_pair)
        settlement.refresh_from_db()
        assert errors == [], f"round {round_ + 1}: {errors}"
        assert sorted(settlement.approvals.values_list("institution__brin", flat=True)) == ["17XG", "25LX"], round_
        assert settlement.status == Settlement.Status.APPROVED, f"round {round_ + 1}: approval lost"
