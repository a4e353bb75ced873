"""Report rows as a terminal table, CSV, or an HTML page embedding the chart."""

from __future__ import annotations

import base64
import csv
import html
import io
from typing import Any


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    return list(dict.fromkeys(k for r in rows for k in r))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4g}"
    text = str(value)
    return text if len(text) <= 120 else text[:117] + "..."


def to_csv(rows: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(
        buf, fieldnames=_columns(rows), extrasaction="ignore", lineterminator="\n"
    )
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return buf.getvalue()


def to_table(rows: list[dict[str, Any]], title: str | None = None) -> Any:
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    columns = _columns(rows)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row.get(c)) for c in columns))
    return table


def to_html(name: str, rows: list[dict[str, Any]], png: bytes | None) -> str:
    columns = _columns(rows)
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(_cell(r.get(c)))}</td>" for c in columns) + "</tr>"
        for r in rows
    )
    img = ""
    if png:
        img = (
            f'<img alt="{html.escape(name)} chart" src="data:image/png;base64,'
            f'{base64.b64encode(png).decode("ascii")}">'
        )
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>presslens: {html.escape(name)}</title><style>body{{font-family:sans-serif}}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}</style>"
        f"</head><body><h1>{html.escape(name)}</h1>{img}<table><thead><tr>{head}</tr>"
        f"</thead><tbody>{body}</tbody></table></body></html>"
    )
