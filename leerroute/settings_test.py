"""Settings for the test suite: production settings with a test key and fast password hashing."""
import os
import tempfile

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production-padded-to-fifty-chars")

from .settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
MEDIA_ROOT = tempfile.mkdtemp(prefix="leerroute-media-")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
# Background tasks run at once in the test that enqueues them (the real task functions; the worker's
# own loop is exercised by a test that runs `db_worker --batch` against the database backend).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
