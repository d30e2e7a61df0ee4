"""What a schema refuses reads the same everywhere: a field path and a Dutch message."""
from typing import Literal

import pytest
from pydantic import BaseModel, Field, ValidationError, field_validator

from apps.core.schema_errors import field_path, problems


class Part(BaseModel):
    name: str = Field(min_length=1, max_length=5)
    year: int = Field(ge=1, le=8)


class Plan(BaseModel):
    kind: Literal["SE", "CSPE"]
    on: str | None = None
    parts: list[Part] = []

    @field_validator("on")
    @classmethod
    def known(cls, value):
        if value == "x":
            raise ValueError("Onbekende datum.")
        return value


def refused(**data) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        Plan(**data)
    return {p["field"]: p["message"] for p in problems(caught.value)}


def test_messages_are_dutch_and_name_the_field_as_an_input_path():
    assert refused(kind="X", on="x", parts=[{"name": "", "year": 9}, {"year": "drie"}]) == {
        "kind": "Kies een van: 'SE', 'CSPE'.",
        "on": "Onbekende datum.",
        "parts[0].name": "Dit veld is verplicht.",
        "parts[0].year": "Dit is te groot of te laat: hoogstens 8.",
        "parts[1].name": "Dit veld is verplicht.",
        "parts[1].year": "Vul een geheel getal in.",
    }


def test_the_api_source_is_left_out_only_where_asked():
    assert field_path(("body", "payload", "parts", 0, "name"), sources=True) == "parts[0].name"
    assert field_path(("path", "note")) == "path.note"
