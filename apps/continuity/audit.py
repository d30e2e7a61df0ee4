"""The digest subscription is the only record users change here; django-auditlog logs it. Signals are
written by the daily computation (``manage.py compute_signals``), not by users, and are not audited."""
from auditlog.registry import auditlog

from . import models as m

auditlog.register(m.DigestSubscription)
