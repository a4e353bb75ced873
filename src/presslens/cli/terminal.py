"""Render an analysis (the JSON contract dict) in the terminal with rich.

Article text is hostile input: render it with a console whose markup is off
(:func:`console`), so "[foreign]" or "[link=...]" in a text stay literal.

Rendering only: every number shown here is read from the contract, so the
terminal, the HTML report and the API always agree.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from presslens.analysis import probability
from presslens.document import BASES
from presslens.manipulation.labels import explain, taxonomy_name
from presslens.manipulation.labels import title as label_title

BASIS_STYLE = {
    "named": "green",
    "organisation": "cyan",
    "anonymous": "yellow",
    "unverifiable": "red",
    "unattributed": "magenta",
}


def _cut(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _slice(a: dict[str, Any], span: list[int] | None) -> str:
    return "" if not span else a["text"][span[0] : span[1]]


def _entity_names(a: dict[str, Any]) -> dict[str, str]:
    return {e["id"]: e["name"] for e in a.get("entities", [])}


def header(a: dict[str, Any]) -> Panel:
    anatomy = a.get("anatomy") or {}
    rows = Table.grid(padding=(0, 2))
    rows.add_column(style="bold")
    rows.add_column()
    rows.add_row("Headline", Text(_slice(a, anatomy.get("headline")) or "—", style="bold"))
    if anatomy.get("standfirst"):
        rows.add_row("Standfirst", Text(_cut(_slice(a, anatomy["standfirst"]), 200)))
    dateline = anatomy.get("dateline")
    if dateline:
        line = Text.assemble(
            "place ",
            (dateline.get("place") or "—", "bold"),
            ", date ",
            (dateline.get("date") or "—", "bold"),
            ", agency ",
            (dateline.get("agency") or "—", "bold"),
        )
        rows.add_row("Dateline", line)
    else:
        rows.add_row("Dateline", "—")
    meta = a.get("metadata") or {}
    if meta.get("outlet") or meta.get("published") or meta.get("authors"):
        rows.add_row(
            "Published",
            " · ".join(
                str(x)
                for x in (
                    meta.get("outlet"),
                    meta.get("published"),
                    ", ".join(meta.get("authors") or []),
                )
                if x
            ),
        )
    rows.add_row("Language", a.get("language") or "unknown")
    rows.add_row(
        "Structure",
        f"{len(anatomy.get('paragraphs', []))} paragraphs, "
        f"{len(anatomy.get('sentences', []))} sentences, {len(a['text'])} characters",
    )
    boiler = anatomy.get("boilerplate") or []
    if boiler:
        rows.add_row(
            "Boilerplate", Text(" | ".join(_cut(_slice(a, s), 40) for s in boiler), style="dim")
        )
    source = a.get("source") or {}
    title = source.get("path") or source.get("url") or "document"
    return Panel(rows, title=Text(title, style="bold"), subtitle=a["id"][:12], expand=True)


def entities_table(a: dict[str, Any]) -> Table | None:
    ents = a.get("entities") or []
    if not ents:
        return None
    table = Table(title="Entities", title_justify="left", expand=True)
    table.add_column("Name", style="bold")
    table.add_column("Type")
    table.add_column("Titles")
    table.add_column("Mentions", justify="right")
    table.add_column("Also written")
    for e in ents:
        forms = Counter(_slice(a, m) for m in e["mentions"])
        forms.pop(e["name"], None)
        table.add_row(
            e["name"],
            e["type"],
            ", ".join(e.get("titles") or []),
            str(len(e["mentions"])),
            _cut("; ".join(forms), 60),
        )
    return table


def quotes_table(a: dict[str, Any]) -> Table | None:
    """Every quotation: the attributed quotes, then, marked as such, those credited to
    nobody (the ``uncredited_quotes`` layer)."""
    credited = a.get("quotes") or []
    quotes = [*credited, *(a.get("uncredited_quotes") or [])]
    if not quotes:
        return None
    names = _entity_names(a)
    table = Table(title="Quotes", title_justify="left", expand=True)
    table.add_column("#", style="dim")
    table.add_column("Speaker", style="bold")
    table.add_column("Cue")
    table.add_column("Kind")
    table.add_column("Via")
    table.add_column("Words")
    for i, q in enumerate(quotes):
        speaker = q.get("speaker") or {}
        who = names.get(speaker.get("entity") or "", "") or speaker.get("text") or "—"
        kind = q["kind"]
        score = probability(q.get("score"))
        if score is not None:
            kind += f" (inferred, p {score:.2f})"
        if i >= len(credited):
            who, kind = "nobody named", "uncredited"
        table.add_row(
            q["id"],
            who,
            _slice(a, q.get("cue")) or "—",
            kind,
            names.get(q.get("via") or "", q.get("via") or ""),
            _cut(_slice(a, q["span"]), 60),
        )
    return table


def sourcing_profile(a: dict[str, Any]) -> dict[str, float]:
    """Share of the claim-bearing text per basis (characters covered / characters sourced)."""
    totals: Counter[str] = Counter()
    for s in a.get("sourcing") or []:
        totals[s["basis"]] += s["span"][1] - s["span"][0]
    whole = sum(totals.values())
    return {b: (totals[b] / whole if whole else 0.0) for b in BASES}


def sourcing_panel(a: dict[str, Any], width: int = 60) -> Panel | None:
    items = a.get("sourcing") or []
    if not items:
        return None
    profile = sourcing_profile(a)
    bar = Text()
    for basis in BASES:
        cells = round(profile[basis] * width)
        if cells:
            bar.append("█" * cells, style=BASIS_STYLE[basis])
    legend = Text()
    for basis in BASES:
        legend.append("■ ", style=BASIS_STYLE[basis])
        legend.append(f"{basis} {profile[basis]:.0%}  ")
    names = _entity_names(a)
    table = Table(expand=True, show_header=True)
    table.add_column("Basis")
    table.add_column("Cue")
    table.add_column("Source")
    table.add_column("Claim")
    for s in items:
        table.add_row(
            Text(s["basis"], style=BASIS_STYLE.get(s["basis"], "")),
            _slice(a, s.get("cue")) or "—",
            names.get(s.get("source") or "", "—"),
            _cut(_slice(a, s["span"]), 60),
        )
    return Panel(
        Group(bar, legend, table),
        title="Sourcing profile (share of sourced text per basis)",
        title_align="left",
    )


def techniques_table(a: dict[str, Any]) -> Table | None:
    techniques = a.get("techniques") or []
    if not techniques:
        return None
    quotes = {q["id"]: q for q in a.get("quotes") or []}
    uncredited = {q["id"] for q in a.get("uncredited_quotes") or []}
    names = _entity_names(a)
    table = Table(title="Persuasion techniques", title_justify="left", expand=True)
    table.add_column("Technique", style="bold")
    table.add_column("Score", justify="right")
    table.add_column("Voice")
    table.add_column("Text")
    for t in sorted(techniques, key=lambda t: t["span"][0]):
        voice = "outlet"
        if t.get("quote") in uncredited:
            voice = "quotation credited to nobody"
        elif t.get("quote") and t["quote"] in quotes:
            speaker = quotes[t["quote"]].get("speaker") or {}
            voice = "quote: " + (
                names.get(speaker.get("entity") or "", "") or speaker.get("text") or "?"
            )
        name = t["technique"]
        if a.get("manipulation"):  # UNLP-2025 labels: the human name beside the data's label
            name = f"{label_title(name)} ({name})"
        table.add_row(name, f"{t['score']:.2f}", voice, _cut(_slice(a, t["span"]), 60))
    if a.get("manipulation"):
        table.title = "Manipulation techniques (UNLP-2025 taxonomy)"
    return table


def manipulation_table(a: dict[str, Any]) -> Table | None:
    """Document-level techniques of a Russian/Ukrainian document, with definitions."""
    reading = a.get("manipulation")
    if not reading:
        return None
    table = Table(
        title=f"Document techniques ({taxonomy_name(reading.get('taxonomy'))}); "
        f"P(manipulative) {reading.get('manipulative', 0.0):.2f}",
        title_justify="left",
        expand=True,
    )
    table.add_column("Technique", style="bold")
    table.add_column("Score", justify="right")
    table.add_column("Definition")
    for t in reading.get("techniques") or []:
        definition = explain(t["technique"])
        table.add_row(
            f"{label_title(t['technique'])} ({t['technique']})",
            f"{t['score']:.2f}",
            definition.definition if definition else "",
        )
    return table


def repetitions_table(a: dict[str, Any]) -> Table | None:
    reps = a.get("repetitions") or []
    if not reps:
        return None
    table = Table(title="Repeated passages", title_justify="left", expand=True)
    table.add_column("Times", justify="right")
    table.add_column("Where (characters)")
    table.add_column("Passage")
    for r in reps:
        where = ", ".join(f"{s}–{e}" for s, e in r["spans"])
        table.add_row(str(len(r["spans"])), where, _cut(_slice(a, r["spans"][0]), 70))
    return table


def console(**options: Any) -> Console:
    """A console that never parses article text as rich markup."""
    return Console(markup=False, highlight=False, **options)


def render(a: dict[str, Any], console: Console) -> None:
    console.print(header(a))
    for part in (
        entities_table(a),
        quotes_table(a),
        sourcing_panel(a),
        techniques_table(a),
        manipulation_table(a),
        repetitions_table(a),
    ):
        if part is not None:
            console.print(part)
