"""Every change to the cooperation records is logged by django-auditlog. A route's knelpunten carry its id
("route_id"), so the route's history page shows them; its overleg, minutes and decisions carry it as
"overleg_route_id" (models.PartnersOnly), so that page, which the regiocoördinator reads too, leaves them out."""
from auditlog.registry import auditlog

from . import models as m

for model in (m.MeetingSeries, m.Meeting, m.Attendance, m.Decision, m.Knelpunt):
    auditlog.register(model)
