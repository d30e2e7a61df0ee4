"""Demo settlements: each practice's own model (practices.md), with tariffs that are illustrative.
Counts come from the register (students on 1 October, diplomas) through the product's own services."""
from apps.finance.models import Settlement
from apps.finance.services import register_inputs
from domain.settlement import calculate

SCHOOL_YEAR = 2025
M1_TARIFFS = {"input_tariff": "6000", "output_tariff": "2000", "overhead_rate": "0.07", "exam_cost_per_student": "400",
              "admin_cost_per_student": "150", "bpv_hours_per_student": "10", "bpv_hourly_rate": "60",
              "bpv_party": "vo", "hours_vo": "600", "hours_mbo": "400"}
# route key -> (model, parameters on top of what the register knows)
PLANS = {
    "calvijn-vmr": ("M1", M1_TARIFFS),
    "bindelmeer-vmr": ("M1", M1_TARIFFS),
    "mlo-glr": ("M1", M1_TARIFFS),
    "tot-route": ("M2", {"funding_per_student": "9000"}),
    "het-element-routes": ("M3", {"lines": [{"partner": "ROC Midden Nederland", "hours": "2400", "hourly_rate": "50"},
                                            {"partner": "MBO Amersfoort", "hours": "1200", "hourly_rate": "50"},
                                            {"partner": "Rijn IJssel", "hours": "400", "hourly_rate": "50"}]}),
    "profijt-stera": ("M4", {"total_cost": "120000", "mbo_share": "0.5", "vo_schools": [
        {"name": "vo-school A", "students": 200, "share_to_partners": "0.8"},
        {"name": "vo-school B", "students": 100, "share_to_partners": "0.5"},
        {"name": "vo-school C", "students": 150, "share_to_partners": "0.6"}]}),
    "noorderlicht-hzw": ("M5", {}),
}


def load(routes: dict) -> None:
    for key, (model, extra) in PLANS.items():
        route = routes.get(key)
        if route is None:
            continue
        parameters = {**register_inputs(route, SCHOOL_YEAR, model), **extra}
        if model == "M2" and "lines" not in parameters:
            parameters["lines"] = [{"students": "22", "days_at_partner": "1"}, {"students": "20", "days_at_partner": "4"}]
        Settlement.objects.create(route=route, school_year=SCHOOL_YEAR, model=model, illustrative=True,
                                  parameters=calculate(model, parameters).inputs)
