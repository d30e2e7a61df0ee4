"""The demo's people and roles, built as of 30 November 2026: what the sources say about who carries
the routes (Profijt's two coordinators, Assen's projectleiders on both sides, WvO-KWIC resting on one
mbo teacher) and, on an illustrative route, a completed handover and a person leaving without a
successor."""
from datetime import date, timedelta

import pytest
from django.db.models import F

from apps.routes.models import ComplianceFinding, Contact, Person, Route

TODAY = date(2026, 11, 30)


pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_2026):
    return demo_2026


def test_every_role_has_its_person_of_the_same_institution(demo):
    assert Contact.objects.exists()
    assert not Contact.objects.exclude(person__institution=F("institution")).exists()


def test_profijt_two_coordinators_and_assen_projectleiders_on_both_sides(demo):
    profijt = Route.objects.filter(name__icontains="Profijt").first()
    coordinators = profijt.contacts.filter(role="kartrekker")
    assert {c.institution.sector for c in coordinators} == {"vo", "mbo"}
    assen = Contact.objects.filter(route__partners__institution__name__icontains="Nassau", role="projectleider")
    assert {c.institution.sector for c in assen.select_related("institution")} == {"vo", "mbo"}


def test_wvo_kwic_rests_on_one_mbo_teacher(demo):
    route = Route.objects.get(contacts__person__name__startswith="Mbo-docent Mobiliteit en Logistiek KWIC")
    mbo = [c for c in route.contacts.select_related("institution") if c.institution.sector == "mbo"]
    assert len(mbo) == 1
    r16 = ComplianceFinding.objects.get(route=route, rule="R-16", field="contacts",
                                        message__startswith="Koning Willem I College")
    assert "afhankelijk van één contactpersoon" in r16.message


def test_an_illustrative_handover_and_a_leaver_without_successor(demo):
    ended = Contact.objects.get(person__name__startswith="Vorige coördinator route Voorbeeldcollege")
    assert ended.handover_note.startswith("Illustratief") and ended.successor.start == ended.end + timedelta(days=1)
    leaving = list(Contact.objects.filter(successor=None, end__gte=TODAY, end__lte=TODAY + timedelta(days=60)))
    assert [c.person.name for c in leaving] == ["Mentor route Voorbeeldcollege"]
    assert "(illustratief)" in leaving[0].route.name


def test_one_person_holds_roles_in_several_routes(demo):
    coordinator = Person.objects.get(name="Coördinator route Voorbeeldcollege")
    assert coordinator.roles.values("route").distinct().count() > 1
