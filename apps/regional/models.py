"""The regional app's records. The regional report's job lives in report_models.py."""
from .report_models import ReportJob  # noqa: F401
