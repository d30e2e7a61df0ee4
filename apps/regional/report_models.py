"""The regional report's generation job: one per request of a region's report for a school year,
run by the background worker (report_tasks.py), holding the report's tables as JSON when done."""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from apps.registry.models import Region
from domain.calendar import school_year_label


class ReportJob(models.Model):
    """The state moves queued -> running -> done | failed. At most one job per region and school
    year is queued or running (a database constraint), so the button starts the work once however
    often it is pressed; ``position`` of ``total`` steps is the progress the page shows."""

    class State(models.TextChoices):
        QUEUED = "queued", _("wacht op de verwerker")
        RUNNING = "running", _("wordt gemaakt")
        DONE = "done", _("klaar")
        FAILED = "failed", _("niet gelukt")

    RUNNING_STATES = (State.QUEUED, State.RUNNING)

    region = models.ForeignKey(Region, models.CASCADE, related_name="report_jobs", verbose_name=_("regio"))
    school_year = models.PositiveSmallIntegerField(_("schooljaar"))
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True,
                                     related_name="+")
    status = models.CharField(_("status"), max_length=8, choices=State.choices, default=State.QUEUED)
    position = models.PositiveSmallIntegerField(default=0)   # steps done
    total = models.PositiveSmallIntegerField(default=1)      # steps in all
    step = models.CharField(_("stap"), max_length=120, blank=True)   # what the worker is doing now
    # the language the report is written in: the requester's (a report is a document in one language,
    # like its PDF); each language has its own latest report
    language = models.CharField(_("taal"), max_length=8, default=settings.LANGUAGE_CODE)
    result = models.JSONField(null=True, blank=True)          # the report's tables (report.build)
    pdf = models.BinaryField(null=True, blank=True, editable=False)   # made with the tables, so a download is instant
    message = models.CharField(_("melding"), max_length=300, blank=True)   # why it failed
    task_id = models.CharField(max_length=64, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)             # also the worker's heartbeat
    finished = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("regiorapport")
        verbose_name_plural = _("regiorapporten")
        constraints = [models.UniqueConstraint(
            fields=["region", "school_year"], condition=Q(status__in=["queued", "running"]),
            name="reportjob_one_running_per_region_year")]

    def __str__(self):
        return f"{self.region.name} {school_year_label(self.school_year)} ({self.get_status_display()})"

    def get_absolute_url(self):
        return f"{reverse('regional_report:report', args=[self.region_id])}?schooljaar={self.school_year}"

    @property
    def running(self) -> bool:
        return self.status in self.RUNNING_STATES

    @property
    def percent(self) -> int:
        return int(100 * self.position / self.total) if self.total else 100
