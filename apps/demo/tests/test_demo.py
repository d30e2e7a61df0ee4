"""The demo data set: every practice of practices.md, its compliance problems shown by the
product's own rules, and demo accounts for every role."""
from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from apps.accounts.models import Role, User
from apps.demo import dataset
from apps.demo.loader import DemoLoader
from apps.routes.models import Agreement, Route

from .checks import check_as_of, check_published_figures


def statuses(route_name_part):
    route = Route.objects.get(name__icontains=route_name_part)
    found = {}
    for f in route.findings.all():
        found.setdefault(f.rule, set()).add(f.status)
    return found


@pytest.mark.django_db
def test_demo_data_set():
    """Built as of 15 March 2028 (the student tests build it as of 30 November 2026): the school year
    of that day is filled in and the published figures still come out."""
    loader = DemoLoader(today=date(2028, 3, 15))
    loader.load()
    assert loader.school_year == 2027
    check_as_of(loader)
    check_published_figures()
    assert Route.objects.count() == len(dataset.load().routes) >= 50
    for name in ("Calvijn", "Montessori Lyceum Oostpoort", "Bindelmeer", "Noorderlicht", "Hubertus", "Mediacollege",
                 "Cburg", "IJburg", "Wellant", "Mundus", "Over-Y", "Zuiderlicht", "STERA", "Toptraject", "TOT",
                 "Willem van Oranje", "Nassau", "Het Element", "Het Perron", "Kandinsky", "Newman", "Metameer",
                 "Focus", "Terra", "Leerlab Weert"):
        assert Route.objects.filter(name__icontains=name).exists(), name
    assert set(Route.objects.filter(name__startswith="Leerlab").values_list("phase", flat=True)) == {"in_ontwikkeling"}
    assert Agreement.objects.filter(kind="interne_regeling", routes__name__icontains="Terra").exists()
    assert Agreement.objects.filter(kind="lwt").exists()
    assert Agreement.objects.filter(supersedes__isnull=False).exists()

    # Every route has been evaluated by the rules; the real problems of the sources show.
    assert not Route.objects.filter(findings__isnull=True).exists()
    assert statuses("Montessori Lyceum Oostpoort")["R-05"] == {"failed"}     # KB without vmbo diploma
    assert statuses("Geïntegreerde leerroute IJburg")["R-06"] == {"failed"}  # running without agreement
    calvijn = statuses("Vakmanschapsroute Calvijn College")
    assert calvijn["R-01"] == calvijn["R-05"] == calvijn["R-06"] == {"passed"}
    calvijn_route = Route.objects.get(name__icontains="Vakmanschapsroute Calvijn College")
    assert calvijn_route.settlement_model == "M1" and calvijn_route.agreements.filter(valid_from="2013-10-31").exists()
    assert Route.objects.get(name__icontains="TOT").years.get(route_year=2).days_at_mbo == 4

    # Real routes show only problems the sources state; every rule example is on an illustrative route.
    specs = {spec.name: spec for spec in dataset.load().routes}
    for route in Route.objects.prefetch_related("findings"):
        failed = {f.rule for f in route.findings.all() if f.status in ("failed", "warning")}
        if specs[route.name].illustrative:
            continue
        assert not failed & {"R-07", "R-13", "R-20", "R-21"}, route.name
        if "R-06" in failed:  # no agreement yet: only routes in development
            assert route.phase == "in_ontwikkeling", route.name
    examples = {spec.key: statuses(spec.name) for spec in specs.values() if spec.illustrative}
    for key, rule in (("voorbeeld-r06", "R-06"), ("voorbeeld-r07", "R-07"), ("voorbeeld-r09", "R-09"),
                      ("voorbeeld-r12", "R-12"), ("voorbeeld-r13", "R-13"), ("voorbeeld-r16", "R-16"),
                      ("voorbeeld-r20", "R-20"), ("voorbeeld-r21", "R-21")):
        assert examples[key][rule] & {"failed", "warning"}, key
    assert all(spec.name.endswith("(illustratief)") for spec in specs.values() if spec.illustrative)
    assert set(Agreement.objects.filter(kind="lwt").values_list("title", flat=True)) == {
        "Overeenkomst leerwerktraject vmbo-BB Voorbeeldcollege (illustratief)",
        "Overeenkomst leerwerktraject gekoppeld aan de leerroute (illustratief)"}

    # Settlements with the model each practice uses; tariffs marked illustrative.
    from apps.finance.models import Settlement
    models = {s.route.name.split(" ")[0]: s.model for s in Settlement.objects.select_related("route")}
    assert set(Settlement.objects.values_list("model", flat=True)) == {"M1", "M2", "M3", "M4", "M5"}
    assert all(Settlement.objects.values_list("illustrative", flat=True))
    element = Settlement.objects.filter(model="M3").latest("school_year").statement()
    # ~€200,000 a year to the mbo's (the continuity note, Het Element)
    assert element.transfer.amount_cents == 200_000_00
    assert models

    # Demo accounts for every role, password "demo", scoped to their institutions.
    users = {u.username: u for u in User.objects.filter(is_demo=True)}
    assert {"beheer", "regio-amsterdam", "calvijn", "rocva", "element", "financien-calvijn",
            "financien-rocva"} <= set(users)
    assert {u.role for u in users.values()} == set(Role.values)
    assert all(u.check_password("demo") for u in users.values())
    calvijn_sees = set(Route.objects.visible_to(users["calvijn"]).values_list("name", flat=True))
    assert any("Calvijn" in n for n in calvijn_sees) and not any("Het Element" in n for n in calvijn_sees)
    assert any("Het Element" in n for n in Route.objects.visible_to(users["element"]).values_list("name", flat=True))
    regio = Route.objects.visible_to(users["regio-amsterdam"])
    assert regio.filter(name__icontains="Bindelmeer").exists() and not regio.filter(name__icontains="TOT").exists()
    assert Route.objects.visible_to(users["rocva"]).count() > Route.objects.visible_to(users["calvijn"]).count()


@pytest.mark.django_db
@override_settings(DEBUG=False, DEMO=False)
def test_demo_accounts_are_never_loaded_in_production():
    with pytest.raises(CommandError, match="never loaded with DEBUG off"):
        call_command("load_demo")
    assert not User.objects.filter(is_demo=True).exists()
