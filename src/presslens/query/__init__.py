"""Questions asked of a stored corpus: canned reports, charts and raw SQL."""

from presslens.query.reports import REPORTS, run_report

__all__ = ["REPORTS", "run_report"]
