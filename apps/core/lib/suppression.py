"""Small-count suppression of counts with their total: the rule lives in ``domain.suppression`` (the
KPI figures' suppression, ``domain.kpi.suppress_figures``, uses it too); this name stays for the
pages and reports that import it from here."""
from domain.suppression import HIDDEN, LIMIT, SMALL, TOTAL, suppress

__all__ = ["HIDDEN", "LIMIT", "SMALL", "TOTAL", "suppress"]
