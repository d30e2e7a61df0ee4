"""Settings come from the environment; with debug off the product refuses the default secret."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_check(**env):
    environment = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG")}
    environment.update(env, DJANGO_SETTINGS_MODULE="leerroute.settings")
    return subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=environment,
                          capture_output=True, text=True)


def test_refuses_default_secret_with_debug_off():
    result = run_check()
    assert result.returncode != 0 and "SECRET_KEY is not set" in result.stderr


def test_refuses_a_short_secret_with_debug_off():
    result = run_check(SECRET_KEY="a-real-but-short-secret-from-the-environment-49ch")
    assert len("a-real-but-short-secret-from-the-environment-49ch") == 49
    assert result.returncode != 0 and "SECRET_KEY is too short (49 characters)" in result.stderr


def test_starts_with_a_secret_or_in_debug():
    assert run_check(SECRET_KEY="a-real-secret-from-the-environment-of-fifty-chars!").returncode == 0
    assert run_check(DEBUG="1").returncode == 0
    assert run_check(DEBUG="1", SECRET_KEY="short-is-fine-in-development").returncode == 0
