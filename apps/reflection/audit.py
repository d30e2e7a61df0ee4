"""Audit trail of the reflection instrument: rounds, invitations (responses) and answers. The entries
carry the round's id (``reflection_round_id``), not the route's: the route's history page is read by the
region too, and the partners' answers are for the partners only."""
from auditlog.registry import auditlog

from . import models as m

auditlog.register(m.ReflectionRound)
auditlog.register(m.Response)
auditlog.register(m.Answer)
