from django.conf import settings
from django.db import models


class IdempotencyRecord(models.Model):
    """The answer to a create request sent with an `Idempotency-Key` header, kept 24 hours: a retry
    with the same key (same user, same operation, same body) gets this answer instead of a second record."""
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=255)
    endpoint = models.CharField(max_length=300)  # method and path
    fingerprint = models.CharField(max_length=64)  # SHA-256 of the request body
    status = models.PositiveSmallIntegerField(default=0)  # 0 while the first request runs
    content_type = models.CharField(max_length=100, blank=True)
    body = models.BinaryField(blank=True)
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "key", "endpoint"], name="idempotency_unique")]
