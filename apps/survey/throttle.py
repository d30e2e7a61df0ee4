"""A limit on guessing codes: after ``LIMIT`` wrong codes from one address within ``WINDOW`` seconds that
address is refused (429) until the window has passed. Kept in Django's cache (per process with the default
local-memory cache; a shared cache makes it one limit for all). Only failures are counted, and nothing
is written about who answered: the key is a hash of the address, the value a number."""
import hashlib

from django.core.cache import cache

from apps.accounts.backends import client_ip

LIMIT = 20
WINDOW = 15 * 60


def _key(request) -> str:
    return "survey-code-failures:" + hashlib.sha256(client_ip(request).encode()).hexdigest()[:32]


def blocked(request) -> bool:
    return cache.get(_key(request), 0) >= LIMIT


def failed(request) -> None:
    key = _key(request)
    if cache.add(key, 1, WINDOW):
        return
    try:
        cache.incr(key)
    except ValueError:  # pragma: no cover - expired in between
        cache.add(key, 1, WINDOW)
