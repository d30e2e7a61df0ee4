from auditlog.registry import auditlog

from . import models as m

auditlog.register(m.Settlement)
auditlog.register(m.Override)
auditlog.register(m.Approval)
