"""Demo settlements: each practice's own model (practices.md), for the current and the previous
school year of the day the demo is loaded. Tariffs are illustrative (the route's ``settlement``
parameters in the data); counts come from the register (students on 1 October, diplomas) through
the finance services, and the statements are saved, marked illustrative, through ``finance.services.save``."""
from apps.finance import services
from apps.finance.schemas import SettlementIn


def load(loader) -> None:
    for key, spec in loader.specs.items():
        if not spec.settlement:
            continue
        route = loader.routes[key]
        model = spec.settlement["model"]
        extra = {k: v for k, v in spec.settlement.items() if k != "model"}
        for school_year in (loader.school_year - 1, loader.school_year):
            register = services.register_inputs(route, school_year, model)
            parameters = {**extra, **register}
            if model == "M2" and "lines" not in parameters:
                parameters["lines"] = extra.get("default_lines", [])
            parameters.pop("default_lines", None)
            services.save(None, route, SettlementIn(school_year=school_year, model=model, parameters=parameters,
                                                    illustrative=True))
