"""Two identical create requests with the same Idempotency-Key at the same moment (a client retrying
while the first is still running): one record, both answers the same."""
import threading

import pytest
from django.db import connection
from django.test import Client

from apps.routes.models import Route
from apps.routes.tests.payloads import route_payload


@pytest.mark.django_db(transaction=True)
def test_simultaneous_retries_create_one_route(registry, users, api_client):
    headers = {**api_client.token_for("calvijn"), "HTTP_IDEMPOTENCY_KEY": "same-key"}
    body = route_payload(registry)
    barrier = threading.Barrier(2)
    answers, errors = [], []

    def send():
        try:
            barrier.wait(timeout=10)
            response = Client().post("/api/v1/routes", body, content_type="application/json", **headers)
            answers.append((response.status_code, response.json()))
        except Exception as exc:  # noqa: BLE001 - reported by the assertion
            errors.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert [status for status, _ in answers] == [201, 201] and answers[0][1] == answers[1][1]
    assert Route.objects.count() == 1
