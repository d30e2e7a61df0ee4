"""Request bodies shared by the tests."""


def route_payload(registry, **overrides):
    """A valid API payload for a geïntegreerde route Calvijn - ROCvA."""
    payload = {
        "name": "Testroute Zorg", "type": "geintegreerd", "region": registry["ams"].pk, "phase": "regulier",
        "start_year": 2020, "profielen": ["Z&W"], "leerwegen": ["BB"], "vmbo_diploma": True,
        "vmbo_exam_route_year": 2, "study_duration_years": 3, "onderwijstijd_hours": 3000,
        "settlement_model": "M1",
        "partners": [{"institution": "17XG", "role": "vo", "rio_registered_on": "2020-09-01"},
                     {"institution": "25LX", "role": "mbo", "rio_registered_on": "2020-09-01"}],
        "uitstroomrichtingen": [{"kwalificatie": "25498", "min_intake": 15}],
    }
    payload.update(overrides)
    return payload


def whole(payload, schema=None):
    """``payload`` as a whole resource for a PUT: every field, those left out with their default."""
    from apps.routes.schemas import RouteIn

    return (schema or RouteIn).model_validate(payload).model_dump(mode="json")
