"""The typed input of the exam plan template use case (``exam_templates.save_template``), the same
schema the API declares; the template page turns its form and formset into it."""
from __future__ import annotations

from typing import Literal

from ninja import Field, Schema

from . import models as m

PartKind = Literal[tuple(m.ExamPlanTemplatePart.Kind.values)]


class TemplatePartIn(Schema):
    kind: PartKind
    name: str = Field(min_length=1, max_length=120)
    year: int = Field(ge=1, le=6)        # vmbo-leerjaar (3 or 4) for vmbo parts, mbo-leerjaar for mbo parts


class ExamTemplateIn(Schema):
    """A template's numbers and required parts, all of them (PUT replaces the template); the parts'
    order is the order of the list."""
    keuzedelen: int = Field(ge=0, le=20)
    bpv_hours: int = Field(ge=0, le=5000)
    note: str = Field(max_length=300)
    parts: list[TemplatePartIn] = Field(max_length=200)
