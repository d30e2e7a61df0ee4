"""Typed input of the regional use cases."""
from ninja import Field, Schema

MAX_UPLOAD_MB = 25
MAX_UPLOAD = MAX_UPLOAD_MB * 1024 * 1024   # DUO's national file per vestiging is well below this


class PopulationImportIn(Schema):
    """One DUO file of vmbo students per vestiging. ``school_year`` may be left out when the file has
    a SCHOOLJAAR column; when both are given they must agree."""

    school_year: int | None = Field(None, ge=1990, le=2100, description="Eerste kalenderjaar, bijv. 2020.")
    filename: str = Field(..., min_length=1, max_length=255)
    content: bytes = Field(..., max_length=MAX_UPLOAD)
