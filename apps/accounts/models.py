import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    BEHEERDER = "beheerder", _("beheerder")
    REGIOCOORDINATOR = "regiocoordinator", _("regiocoördinator")
    ROUTECOORDINATOR = "routecoordinator", _("routecoördinator")
    EXAMENCOORDINATOR = "examencoordinator", _("examencoördinator")
    FINANCIEEL = "financieel", _("financieel medewerker")
    BESTUURDER = "bestuurder", _("bestuurder/directie")


# Roles that may change the route register of their own institutions. Exam and finance staff read
# the register; they change their own records (exam plans, settlements) in their own modules. A
# bestuurder reads every route of the board's schools but changes none of them (routes, agreements,
# exam plans are the coordinators' work); what the role does do is agree to a partner change
# (routes.proposals.AGREEING_ROLES), the board's own act.
ROUTE_EDITOR_ROLES = {Role.BEHEERDER, Role.ROUTECOORDINATOR}
# Data minimisation: individual student records are for the people who guide and examine students
# (finance staff see counts in their statements; regional users and beheerders never see names).
STUDENT_READER_ROLES = {Role.ROUTECOORDINATOR, Role.EXAMENCOORDINATOR, Role.BESTUURDER}
STUDENT_EDITOR_ROLES = {Role.ROUTECOORDINATOR, Role.EXAMENCOORDINATOR}


class User(AbstractUser):
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices, default=Role.ROUTECOORDINATOR)
    institutions = models.ManyToManyField(
        "registry.Institution", blank=True, related_name="users", verbose_name=_("instellingen")
    )
    region = models.ForeignKey(
        "registry.Region", models.PROTECT, null=True, blank=True, related_name="users", verbose_name=_("regio")
    )
    is_demo = models.BooleanField(_("demo-account"), default=False, editable=False)

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def save(self, *args, **kwargs):
        # `set_password` keeps the new raw password in `_password` until the save; a hash upgrade at
        # login clears it first, so only a real password change (or a deactivation) revokes tokens.
        revoke = self.pk is not None and (self._password is not None or not self.is_active)
        super().save(*args, **kwargs)
        if revoke:
            self.api_tokens.all().delete()

    @property
    def is_beheerder(self) -> bool:
        return self.role == Role.BEHEERDER or self.is_superuser

    @property
    def is_regional(self) -> bool:
        return self.role == Role.REGIOCOORDINATOR

    @property
    def may_edit_routes(self) -> bool:
        return self.is_beheerder or self.role in ROUTE_EDITOR_ROLES

    @property
    def reads_students(self) -> bool:
        """May see individual students (of their own institutions' routes)."""
        return self.role in STUDENT_READER_ROLES

    @property
    def changes_students(self) -> bool:
        return self.role in STUDENT_EDITOR_ROLES

    @property
    def erases_students(self) -> bool:
        """Erasure on request (AVG) is done by the route coordinator."""
        return self.role == Role.ROUTECOORDINATOR

    @property
    def reads_board(self) -> bool:
        """Bestuurders read the figures of every route of their boards' schools (the board
        dashboard): as they are where their institutions are partners, suppressed elsewhere."""
        return self.role == Role.BESTUURDER

    @property
    def reads_finance(self) -> bool:
        """Settlements are for the partners' own staff, never for regional users."""
        return not self.is_regional

    @property
    def changes_finance(self) -> bool:
        """Financieel medewerkers change and approve settlements."""
        return self.role == Role.FINANCIEEL


class ApiToken(models.Model):
    """A bearer token for the API. Only a hash of the token is stored."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="api_tokens")
    key_hash = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(auto_now_add=True)
    expires = models.DateTimeField()

    class Meta:
        verbose_name = _("API-token")
        verbose_name_plural = _("API-tokens")

    @staticmethod
    def hash(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @classmethod
    def issue(cls, user) -> str:
        key = secrets.token_urlsafe(32)
        cls.objects.filter(user=user, expires__lt=timezone.now()).delete()
        cls.objects.create(
            user=user, key_hash=cls.hash(key), expires=timezone.now() + timedelta(hours=settings.API_TOKEN_HOURS)
        )
        return key

    def __str__(self):
        return f"{self.user} ({self.created:%Y-%m-%d %H:%M})"

    @classmethod
    def token_for(cls, key: str):
        """The valid token for a key: not expired, its user active. Revoking deletes the row."""
        token = cls.objects.select_related("user").filter(key_hash=cls.hash(key), expires__gt=timezone.now()).first()
        if token and token.user.is_active:
            return token
        return None

    @classmethod
    def user_for(cls, key: str):
        token = cls.token_for(key)
        return token.user if token else None
