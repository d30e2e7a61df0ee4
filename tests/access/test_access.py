"""The shared access test: every page and every API operation, with who may read and who may change it.

The table is tests/access/table.py, one line per URL name and per API operation. Adding a page or an
operation is a one-line change there, for example

    "finance:export": Page("route", read=FINANCE_READERS),
    "GET /api/v1/routes/{route_id}/results": Api(read=ROUTE_READERS),

and `test_every_page_and_operation_has_an_entry` fails (listing them) while one is missing or an entry
names something that no longer exists. For each entry and each persona (tests/access/conftest.py):

- a GET answers 200 (or the entry's `ok`) to a persona in `read`; anyone else is refused: a redirect to
  the login page (pages) or 401 (API) for anonymous, 403 or 404 for a logged-in user; never a 200 or 500;
- a POST (pages) or the operation's own method (API) with an empty or minimal body is refused for a
  persona not in `change` (also 405) and changes nothing (row counts, audit entries, last updates); a
  persona in `change` gets past the access check (a 422 or a form with errors for the empty body is fine).

A known fault is an entry with `xfail={"read" | "change": (personas, "what goes wrong")}`: those cases
are expected to fail (strictly, so the fix shows up). The walk in apps/students/tests/test_read_log.py
is a different concern (read logging) and stays."""
import functools
import re

import pytest
from django.db import connection
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from leerroute.api import api

from .conftest import PERSONAS
from .table import API, EXCLUDED_URL_PREFIXES, PAGES

LOGIN = "/inloggen/"
JSON = "application/json"
SAMPLE = ("anonymous", "coord_vo")   # who asks a page that answers everyone alike (table.Page.sample)

# API path parameters -> the value filled in, from the world's objects (or a literal).
PARAMS = {
    "route_id": "route", "student_id": "student", "event_id": "event", "part_id": "exam_part",
    "agreement_id": "agreement", "proposal_id": "proposal", "settlement_id": "settlement",
    "template_id": "exam_template", "token_id": "token", "code": "@25498", "cohort": "@2019", "rule_id": "@R-01",
    "region_id": "region", "goal_id": "goal", "school_year": "@2021",
    "board_id": "bestuur",
    "survey_id": "survey", "statement_id": "statement",
    "reflection_round_id": "reflection_round",
    "series_id": "series", "meeting_id": "meeting", "decision_id": "decision", "person_id": "person",
    "knelpunt_id": "knelpunt", "role_id": "role",
}

# --- what exists --------------------------------------------------------------------------------------


def _walk(patterns, prefix="", namespace=""):
    """(URL name, pattern) of every named URL, namespaces joined as reverse() takes them."""
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = ":".join(n for n in (namespace, pattern.namespace) if n) if pattern.namespace else namespace
            yield from _walk(pattern.url_patterns, route, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield (f"{namespace}:{pattern.name}" if namespace else pattern.name), route


def _operations():
    return {f"{method.upper()} {path}" for path, item in api.get_openapi_schema()["paths"].items() for method in item}


def _page_names():
    """Every URL name except the excluded areas and the API's operations (those are in API, by method)."""
    paths = api.get_openapi_schema()["paths"]
    names = set()
    for name, route in _walk(get_resolver().url_patterns):
        if route.startswith(tuple(EXCLUDED_URL_PREFIXES)):
            continue
        if "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route) in paths:
            continue
        names.add(name)
    return names


def test_every_page_and_operation_has_an_entry():
    pages, operations = _page_names(), _operations()
    problems = {
        "URL names without an entry in table.PAGES": sorted(pages - PAGES.keys()),
        "entries in table.PAGES for URL names that do not exist": sorted(PAGES.keys() - pages),
        "API operations without an entry in table.API": sorted(operations - API.keys()),
        "entries in table.API for operations that do not exist": sorted(API.keys() - operations),
    }
    problems = {what: names for what, names in problems.items() if names}
    assert not problems, "\n".join(f"{what}:\n  " + "\n  ".join(names) for what, names in problems.items())


# --- how to ask -----------------------------------------------------------------------------------------


def _value(world, name):
    return name[1:] if name.startswith("@") else world.objects[name].pk


def _page_url(world, name, entry):
    return reverse(name, args=[_value(world, arg) for arg in entry.args.split()])


def _api_url(world, key):
    path = key.split(" ", 1)[1]
    return re.sub(r"{(\w+)}", lambda m: str(_value(world, PARAMS[m.group(1)])), path)


# Derived state a read may refresh (the rule check re-evaluates), and reads logged: no change by the user.
NOT_CHANGES = {"ComplianceFinding", "StudentFinding", "AccessLog", "Session", "AccessAttempt", "AccessFailureLog"}
CHANGE_APPS = {"accounts", "registry", "routes", "students", "finance", "auditlog", "otp_totp", "continuity",
               "survey", "reflection", "cooperation"}


@functools.cache
def _fingerprint_sql():
    from django.apps import apps

    quote, parts = connection.ops.quote_name, []
    for model in apps.get_models():
        if model._meta.app_label not in CHANGE_APPS or model.__name__ in NOT_CHANGES:
            continue
        table = quote(model._meta.db_table)
        parts.append(f"(SELECT COUNT(*) FROM {table})")
        if "updated" in {f.column for f in model._meta.concrete_fields}:
            parts.append(f"(SELECT MAX({quote('updated')}) FROM {table})")
    return "SELECT " + ", ".join(parts)


def _fingerprint():
    """What a change leaves behind, in one query: the rows of every model of the apps (the audit entries
    included) and the latest update of the records that keep one."""
    with connection.cursor() as cursor:
        cursor.execute(_fingerprint_sql())
        return cursor.fetchone()


def _to_login(response):
    return response.status_code == 302 and response["Location"].startswith(LOGIN)


def _login_required(response):
    """The answer of login_required: to the login page, with the page asked for as `next`."""
    return _to_login(response) and "next=" in response["Location"]


def _anonymous_refused(response):
    """Anonymous is sent to the login page; the API's own pages answer 401 or 404."""
    return _to_login(response) or response.status_code in (401, 404)


def _describe(persona, method, url, response):
    body = response.content[:200].decode(errors="replace") if response.get("Content-Type", "").startswith(
        ("application/json", "text/plain")) else ""
    return f"{persona} {method.upper()} {url} -> {response.status_code} {body}"


def _cases(table, select, kind):
    """(key, persona) pairs for the entries `select` keeps; a known fault (entry.xfail[kind]) is marked
    xfail, strictly, for the personas it names."""
    cases = []
    for key, entry in table.items():
        if not select(key, entry):
            continue
        faulty, reason = (entry.xfail or {}).get(kind, ((), ""))
        for persona in (SAMPLE if getattr(entry, "sample", False) else PERSONAS):
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if persona in faulty else []
            cases.append(pytest.param(key, persona, marks=marks, id=f"{key}|{persona}"))
    return cases


# --- pages ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name, persona", _cases(PAGES, lambda key, entry: True, "read"))
def test_page_read(name, persona, world, page_client):
    entry = PAGES[name]
    url = _page_url(world, name, entry)
    url_asked = f"{url}?{entry.query}" if entry.query else url
    response = page_client(persona).get(url_asked)
    said = _describe(persona, "get", url_asked, response)
    if entry.get and persona in entry.read:
        assert response.status_code in entry.ok and not _login_required(response), said
    elif persona == "anonymous":
        assert _anonymous_refused(response) or (not entry.get and response.status_code == 405), said
    else:
        assert response.status_code in ((403, 404) if entry.get else (403, 404, 405)), said


@pytest.mark.parametrize("name, persona", _cases(PAGES, lambda key, entry: True, "change"))
def test_page_change(name, persona, world, page_client):
    entry = PAGES[name]
    url = _page_url(world, name, entry)
    client = page_client(persona)
    before = _fingerprint()
    response = client.post(url, world.bodies[entry.body] if entry.body else {})
    said = _describe(persona, "post", url, response)
    assert response.status_code != 500, said
    if persona in entry.change:
        assert response.status_code not in (401, 403, 404, 405) and not _login_required(response), said
        return
    assert _fingerprint() == before, f"{said}: something changed"
    if entry.get and persona in entry.read:
        assert response.status_code in (200, 403, 404, 405, *entry.ok), said   # a page that shows ignores a POST
    elif persona == "anonymous":
        assert _anonymous_refused(response) or response.status_code == 405, said
    else:
        assert response.status_code in (403, 404, 405, *entry.refusal), said


# --- API --------------------------------------------------------------------------------------------------


def _api_call(client, world, key, persona):
    method, url = key.split(" ", 1)[0].lower(), _api_url(world, key)
    entry = API[key]
    headers = world.tokens.get(persona, {})
    if method == "get":
        query = entry.query.format_map({name: obj.pk for name, obj in world.objects.items()})
        return url, client.get(f"{url}?{query}" if query else url, **headers)
    if method == "delete":
        return url, client.delete(url, **headers)
    body = world.bodies[entry.body] if entry.body else {}
    if entry.multipart:   # an upload: the file is made anew for each call (a file can be read once)
        return url, client.post(url, body(), **headers)
    return url, getattr(client, method)(url, body, content_type=JSON, **headers)


@pytest.fixture
def api_client(db):
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("key, persona", _cases(API, lambda key, entry: key.startswith("GET "), "read"))
def test_api_read(key, persona, world, api_client):
    client = api_client
    url, response = _api_call(client, world, key, persona)
    said = _describe(persona, "get", url, response)
    if persona in API[key].read:
        assert response.status_code == 200, said
    elif persona == "anonymous":
        assert response.status_code == 401, said
    else:
        assert response.status_code in (403, 404), said


@pytest.mark.parametrize("key, persona", _cases(API, lambda key, entry: not key.startswith("GET "), "change"))
def test_api_change(key, persona, world, api_client):
    client = api_client
    before = _fingerprint()
    url, response = _api_call(client, world, key, persona)
    said = _describe(persona, key.split(" ")[0], url, response)
    assert response.status_code != 500, said
    if persona in API[key].change:
        assert response.status_code not in (401, 403, 404, 405), said
        return
    assert _fingerprint() == before, f"{said}: something changed"
    assert response.status_code in ((401,) if persona == "anonymous" else (403, 404, 405)), said
