"""Changes to users are audited (never their password)."""
from auditlog.registry import auditlog

from .models import User

auditlog.register(User, m2m_fields={"institutions"}, exclude_fields=["password", "last_login"])
