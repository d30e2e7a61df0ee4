import pytest

from apps.routes.models import Person


@pytest.fixture
def people(registry):
    """Two people at the route's vo-school (Calvijn), one at its mbo (ROCvA), one at a school that is no
    partner (Achterhoek)."""
    return {
        "anna": Person.objects.create(institution=registry["calvijn"], name="Anna de Vries"),
        "kees": Person.objects.create(institution=registry["calvijn"], name="Kees Smit"),
        "bram": Person.objects.create(institution=registry["rocva"], name="Bram Jansen"),
        "other": Person.objects.create(institution=registry["vo_ach"], name="Olga Achterhoek"),
    }
