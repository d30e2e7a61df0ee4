"""What django-auditlog records of the survey: the staff's changes (a survey, its statements). Never the
codes (using one would record when it was used) nor the responses and answers (anonymous, no time)."""
from auditlog.registry import auditlog

from . import models as m

auditlog.register(m.Survey, exclude_fields=["updated"])
auditlog.register(m.Statement)
