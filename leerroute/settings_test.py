"""Settings for the test suite: production settings with a test key and fast password hashing."""
import os
import tempfile
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production-padded-to-fifty-chars")

from .settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
MEDIA_ROOT = tempfile.mkdtemp(prefix="leerroute-media-")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
LEERROUTE_ERASURE_FILE = Path(tempfile.mkdtemp(prefix="leerroute-erasures-")) / "erasures.jsonl"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not Django's in-memory test database: tests with real threads (concurrent approvals)
    # need connections that see each other's commits and SQLite's own locking.
    DATABASES["default"]["TEST"] = {"NAME": os.path.join(tempfile.mkdtemp(prefix="leerroute-db-"), "test.sqlite3")}  # noqa: F405
# Background tasks run at once in the test that enqueues them (the real task functions; the worker's
# own loop is exercised by a test that runs `db_worker --batch` against the database backend).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    # A commit need not wait for its WAL record to reach the disk (the test database is thrown away): the
    # migrations at the start and the tables flushed after each transactional test are the commits that wait.
    # What other connections see is unchanged (synchronous_commit only trades durability after a crash).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] += " -c synchronous_commit=off"  # noqa: F405
# The test client builds a new request handler for every Client, and WhiteNoise lists every collected static
# file when it starts (0.14 s a time where `make run` has collected them: most of a page test's time). In the
# tests it looks a file up when one is asked for; CI, which collects nothing, serves the same either way.
WHITENOISE_AUTOREFRESH = True
