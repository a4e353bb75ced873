"""Charts of the canned reports, as PNG bytes (matplotlib, no display needed)."""

from __future__ import annotations

import io
from collections import defaultdict
from typing import Any


def _figure(width: float = 8.0, height: float = 4.5) -> tuple[Any, Any]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt.subplots(figsize=(width, height), dpi=100)


def _png(fig: Any) -> bytes:
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buf, format="png")
    plt.close(fig)
    return buf.getvalue()


def _empty(ax: Any, title: str) -> None:
    ax.text(0.5, 0.5, "no data", ha="center", va="center", fontsize=14, color="grey")
    ax.set_axis_off()
    ax.set_title(title)


def outlet_label(outlet: str | None) -> str:
    """An outlet for a label: the store's ``(unknown)`` placeholder reads "unknown outlet"."""
    name = (outlet or "").strip()
    return "unknown outlet" if name in ("", "(unknown)") else name


def _top_speakers(ax: Any, rows: list[dict[str, Any]]) -> None:
    top = sorted(rows, key=lambda r: -r["quotes"])[:15][::-1]
    labels = [f"{r['speaker']} ({outlet_label(r['outlet'])})" for r in top]
    bars = ax.barh(labels, [r["quotes"] for r in top])
    ax.bar_label(bars, padding=2, fontsize=8)
    ax.set_xlabel("quotes")
    ax.set_title("Most-quoted speakers per outlet")


def monthly_spans(rows: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """Technique spans per outlet and month (``YYYY-MM``) from techniques-by-month rows."""
    out: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in rows:
        if r.get("month"):
            out[outlet_label(r["outlet"])][str(r["month"])[:7]] += int(r["spans"])
    return out


def _techniques_by_month(ax: Any, rows: list[dict[str, Any]]) -> None:
    """One line per outlet on a real time axis (gaps between months show as gaps), with counts."""
    from datetime import date

    import matplotlib.dates as mdates

    per_outlet = monthly_spans(rows)
    leading = sorted(per_outlet, key=lambda o: -sum(per_outlet[o].values()))[:8]
    for outlet in leading:
        months = sorted(per_outlet[outlet])
        xs = [date(int(m[:4]), int(m[5:7]), 15) for m in months]
        ys = [per_outlet[outlet][m] for m in months]
        (line,) = ax.plot(xs, ys, marker="o", label=outlet)
        for x, y in zip(xs, ys, strict=True):
            ax.annotate(
                str(y),
                (x, y),
                textcoords="offset points",
                xytext=(0, 5),
                ha="center",
                fontsize=7,
                color=line.get_color(),
            )
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_ylabel("technique spans per month")
    ax.set_ylim(bottom=0)
    ax.set_title("Techniques over time, by outlet")
    ax.legend(fontsize=7)


def _sourcing_by_outlet(ax: Any, rows: list[dict[str, Any]]) -> None:
    outlets = [r["outlet"] for r in rows]
    xs = range(len(outlets))
    ax.bar(
        [x - 0.2 for x in xs], [r["unattributed_share"] for r in rows], 0.4, label="unattributed"
    )
    ax.bar(
        [x + 0.2 for x in xs], [r["unverifiable_share"] for r in rows], 0.4, label="unverifiable"
    )
    ax.set_xticks(list(xs), outlets, rotation=45, ha="right")
    ax.set_ylabel("share of claims")
    ax.set_title("Unattributed and unverifiable claims by outlet")
    ax.legend()


def _reprints(ax: Any, rows: list[dict[str, Any]]) -> None:
    from datetime import date

    members = {r["doc_id"]: r for r in rows if r["published"]}
    outlets = sorted({r["outlet"] or "?" for r in members.values()})
    for r in members.values():
        y = outlets.index(r["outlet"] or "?")
        x = date.fromisoformat(r["published"][:10])
        ax.scatter(
            [x],
            [y],
            s=120 if r["first_publisher"] else 50,
            marker="*" if r["first_publisher"] else "o",
        )
    ax.set_yticks(range(len(outlets)), outlets)
    ax.set_title("Who published the passages, and when (star: first publisher)")
    ax.tick_params(axis="x", rotation=45)


_CHARTS = {
    "top-speakers": _top_speakers,
    "techniques-by-month": _techniques_by_month,
    "sourcing-by-outlet": _sourcing_by_outlet,
    "reprints": _reprints,
}


def render_chart(name: str, rows: list[dict[str, Any]]) -> bytes:
    """A PNG chart of a canned report's rows (``run_report(store, name)``)."""
    if name not in _CHARTS:
        raise ValueError(f"no chart for report {name!r}; available: {', '.join(_CHARTS)}")
    fig, ax = _figure()
    if rows:
        _CHARTS[name](ax, rows)
    else:
        _empty(ax, name)
    return _png(fig)
