"""Settings for Leerroute. Everything that differs per installation comes from the environment:

DATABASE_URL      default sqlite:///<project>/db.sqlite3 (the embedded database)
SECRET_KEY        required when DEBUG is off (the product refuses to start on the default)
DEBUG             "1" for development; off by default
ALLOWED_HOSTS     comma-separated, default "127.0.0.1,localhost"
CSRF_TRUSTED_ORIGINS  comma-separated origins behind a proxy, e.g. https://leerroute.example.nl
LEERROUTE_PSEUDONYM_KEY  key for pseudonymous national student keys (students issue)
LEERROUTE_ERASURE_FILE   the register of erasures kept outside the database (default <project>/erasures.jsonl)
LOGIN_FAILURE_LIMIT      failed logins per account or per address before a lockout (default 5)
LOGIN_LOCKOUT_MINUTES    how long a lockout lasts (default 15)
TRUSTED_PROXY_COUNT      proxies in front that append to X-Forwarded-For (default 0: use the socket address)
SESSION_IDLE_MINUTES     a session ends after this much inactivity (default 30)
SESSION_MAX_HOURS        a session ends this long after login at the latest (default 12)
SECURE_HSTS_SECONDS      HSTS max-age on HTTPS answers (default one year with DEBUG off, 0 with DEBUG on)
OTP_TOTP_ISSUER          the name authenticator apps show for Leerroute accounts (default "Leerroute")
TASKS_IMMEDIATE          "1" runs background tasks in the request instead of the worker (tests, debugging)
EMAIL_BACKEND            Django's mail backend (default SMTP; the console with DEBUG or LEERROUTE_DEMO); EMAIL_HOST,
                         EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS, DEFAULT_FROM_EMAIL,
                         EMAIL_FILE_PATH (file backend) as Django reads them
LEERROUTE_BASE_URL       the address links in e-mails start with, e.g. https://leerroute.example.nl
LEERROUTE_DEMO           "1" on a demonstration installation: demo data and demo accounts may be loaded with
                         DEBUG off (`make run` serves the demo that way); never set it in production
"""
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy

BASE_DIR = Path(__file__).resolve().parent.parent

DEFAULT_SECRET_KEY = "insecure-development-key-do-not-use-in-production"


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, "1" if default else "0").strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")
DEMO = env_bool("LEERROUTE_DEMO")
SECRET_KEY = os.environ.get("SECRET_KEY", DEFAULT_SECRET_KEY)
if not DEBUG and SECRET_KEY == DEFAULT_SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. With DEBUG off Leerroute refuses to start on the default key: "
        "set SECRET_KEY in the environment (e.g. python -c 'import secrets; print(secrets.token_urlsafe(50))')."
    )
MIN_SECRET_KEY_LENGTH = 50
if not DEBUG and len(SECRET_KEY) < MIN_SECRET_KEY_LENGTH:
    raise ImproperlyConfigured(
        f"SECRET_KEY is too short ({len(SECRET_KEY)} characters): with DEBUG off Leerroute needs at least "
        f"{MIN_SECRET_KEY_LENGTH} (e.g. python -c 'import secrets; print(secrets.token_urlsafe(50))')."
    )
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",  # the form widget templates, overridable in templates/django/forms (FORM_RENDERER)
    "django_filters",
    "auditlog",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    "ninja",  # serves the API documentation (Swagger UI) from its own static files, not a CDN
    "django_tasks",
    "django_tasks_db",
    "apps.core",
    "apps.accounts",
    "apps.registry",
    "apps.routes",
    "apps.students",
    "apps.finance",
    "apps.results",
    "apps.cooperation",
    "apps.continuity",
    "apps.survey",
    "apps.reflection",
    "apps.regional",
    "apps.dashboard",
    "apps.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "apps.core.middleware.SecurityHeadersMiddleware",
    "csp.middleware.CSPMiddleware",
    "apps.core.middleware.ApiErrorShapeMiddleware",
    "apps.core.ids.IdBoundsMiddleware",
    "apps.core.limits.InputLimitsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "apps.core.middleware.DutchUnlessChosenMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "apps.accounts.middleware.BearerTokenMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "apps.accounts.middleware.SessionLifetimeMiddleware",
    "apps.accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "leerroute.urls"
WSGI_APPLICATION = "leerroute.wsgi.application"

# Form widgets render through the template engine, so templates/django/forms/widgets can replace Django's
# "---------" empty choice with words ("Maak een keuze", "(geen)").
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
FILTERS_EMPTY_CHOICE_LABEL = gettext_lazy("Alle")   # a list filter left open shows everything

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "apps.core.context_processors.student_access",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT compilation: the KPI queries' per-student subqueries make the planner's cost estimates
    # huge, so PostgreSQL would compile them every time, which costs more (1.8 s on the regional
    # dashboard at national scale) than the query itself (0.3 s).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded database beside a background worker: WAL lets readers go on while an import
    # writes; a writer waits (up to 20 s) for another instead of failing, and takes its lock when the
    # transaction starts (IMMEDIATE), so two writers never deadlock on an upgrade; a 64 MB page cache
    # keeps a large import's index writes in memory.
    DATABASES["default"].setdefault("OPTIONS", {}).update({
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    })

# Background work (imports, long reports) runs in a worker beside the web server: `manage.py db_worker`
# (django-tasks with its database backend: the queue is a table in the same database, so no other
# server is needed, on SQLite and on PostgreSQL alike). `make run` starts it; production runs it as
# its own service (README). TASKS_IMMEDIATE=1 runs tasks in the request instead (tests, debugging).
TASKS = {
    "default": {
        "BACKEND": ("django_tasks.backends.immediate.ImmediateBackend" if env_bool("TASKS_IMMEDIATE")
                    else "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

AUTHENTICATION_BACKENDS = [
    # Login throttling (django-axes): refuses attempts for a locked-out account or address.
    "apps.accounts.backends.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling: after LOGIN_FAILURE_LIMIT failures for one account or from one address, further
# attempts (also with the right password, also through the API token endpoint) are refused for
# LOGIN_LOCKOUT_MINUTES. Failed attempts are kept in the database (admin: "Access attempts").
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # each on its own: per account or per address
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # the lockout ends when the refusal says it does
AXES_LOCKOUT_CALLABLE = "apps.accounts.backends.lockout_response"
AXES_CLIENT_IP_CALLABLE = "apps.accounts.backends.client_ip"
AXES_VERBOSE = False
AXES_DISABLE_ACCESS_LOG = True  # no log of every successful login's address (users keep last_login)
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Sessions end after SESSION_IDLE_MINUTES without a request and SESSION_MAX_HOURS after login at
# the latest (apps.accounts.middleware.SessionLifetimeMiddleware).
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_IDLE_MINUTES", "30")) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_MAX_AGE = int(os.environ.get("SESSION_MAX_HOURS", "12")) * 3600

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# HSTS is sent by SecurityMiddleware on HTTPS answers only (behind a proxy: X-Forwarded-Proto).
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS")
# Browser features the product never uses (apps.core.middleware.SecurityHeadersMiddleware).
PERMISSIONS_POLICY = ("accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
                      "microphone=(), payment=(), usb=()")

# Content-Security-Policy (django-csp): scripts, styles, images and fonts only from the product's
# own static files; no inline scripts, no inline style attributes, no framing, forms post only here.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    },
}

# Two-factor authentication (django-otp, TOTP): every user may enrol an authenticator app; a
# beheerder must. Codes are 6 digits, 30 seconds, one step of clock drift either way; after a wrong
# code the next attempt waits 1, 2, 4, ... seconds (django-otp's throttling) and axes counts it as a
# failed login. The issuer is the name the authenticator app shows.
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Leerroute")
OTP_TOTP_THROTTLE_FACTOR = 1
# How long the code step of a login may take after the password step.
OTP_LOGIN_MINUTES = 5

# auditlog: who changed what; the JSON diff holds before and after.
AUDITLOG_INCLUDE_ALL_MODELS = False
# Loading a fixture (raw saves: a restore with loaddata) is not a change and writes no audit entry.
AUDITLOG_DISABLE_ON_RAW_SAVE = True

# API tokens expire after this many hours.
API_TOKEN_HOURS = int(os.environ.get("API_TOKEN_HOURS", "12"))
# Rule parameters a beheerder may tune per installation.
LEERROUTE_MEETING_INTERVAL_MONTHS = int(os.environ.get("LEERROUTE_MEETING_INTERVAL_MONTHS", "6"))
# E-mail (the weekly signal digest): SMTP in production (EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER,
# EMAIL_HOST_PASSWORD, EMAIL_USE_TLS from the environment); the demo and development print mails on the
# console (or write them to EMAIL_FILE_PATH with the file backend); the tests use Django's locmem outbox.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend" if DEBUG or DEMO
                               else "django.core.mail.backends.smtp.EmailBackend")
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(BASE_DIR / "mail"))
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Leerroute <noreply@localhost>")
# The address the digest's links start with (e.g. https://leerroute.example.nl); empty: paths only.
LEERROUTE_BASE_URL = os.environ.get("LEERROUTE_BASE_URL", "").rstrip("/")
# Key of the keyed hash that turns a BSN into a pseudonymous national key. Kept outside the
# database; without it, imports holding BSNs are refused.
LEERROUTE_PSEUDONYM_KEY = os.environ.get("LEERROUTE_PSEUDONYM_KEY", "")
# Every erasure on request is also appended here (no personal data), outside the database, so that
# `manage.py reapply_erasures` can erase again after a backup from before the erasure is restored.
LEERROUTE_ERASURE_FILE = Path(os.environ.get("LEERROUTE_ERASURE_FILE", BASE_DIR / "erasures.jsonl"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
