"""The standalone HTML report of one analysis (``presslens analyze --format html``).

>>> from presslens.report import render_report
>>> render_report({"text": "Plain text."}).startswith("<!doctype html>")
True
"""

from __future__ import annotations

from presslens.report.render import render_page, render_report, report_csp

__all__ = ["render_page", "render_report", "report_csp"]
