"""Every change to the cooperation records is logged by django-auditlog; a route's records carry its id,
so the route's history page shows them."""
from auditlog.registry import auditlog

from . import models as m

for model in (m.MeetingSeries, m.Meeting, m.Attendance, m.Decision, m.Knelpunt):
    auditlog.register(model)
