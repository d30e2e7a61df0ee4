"""``{{ finding|shown }}``: a rule finding's message in the reader's language (``apps.core.lib.texts``)."""
from __future__ import annotations

from django import template

from apps.core.lib import texts

register = template.Library()


@register.filter
def shown(finding) -> str:
    return texts.shown(finding)
