"""Draw docs/document-path.svg: the path of one Document from input to Analysis.

Run from the repository root: ``python docs/document_path.py``. The stage boxes
and their arrows come from the registry (each stage's ``needs``), so the picture
follows the code.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.patches import FancyBboxPatch

from presslens import stages as registry
from presslens.pipeline import Pipeline

OUT = Path(__file__).with_name("document-path.svg")


def box(ax, x, y, w, h, text, colour, size=9):
    ax.add_patch(
        FancyBboxPatch(
            (x - w / 2, y - h / 2), w, h, boxstyle="round,pad=0.02", fc=colour, ec="#333333", lw=1
        )
    )
    ax.text(x, y, text, ha="center", va="center", fontsize=size, family="DejaVu Sans")


def arrow(ax, a, b, colour="#333333", style="-|>", lw=1.2):
    ax.annotate("", xy=b, xytext=a, arrowprops={"arrowstyle": style, "color": colour, "lw": lw})


def main() -> None:
    order = Pipeline.from_names(registry.DEFAULT_STAGES).stages
    fig, ax = plt.subplots(figsize=(13, 7.2))
    ax.set_xlim(0, 13)
    ax.set_ylim(0, 7.9)
    ax.axis("off")

    inputs = "path · '-' (stdin) · http(s) URL\ntext= · html= · data= (bytes, corpus items)"
    box(ax, 1.9, 6.4, 3.4, 0.9, inputs, "#f4f4f4", 8)
    box(ax, 1.9, 5.0, 3.0, 0.8, "presslens.read\n(ingest/reader.py)", "#DDCC77")
    box(ax, 1.9, 3.6, 3.0, 0.8, "Document\ntext + source + metadata", "#88CCEE")
    arrow(ax, (1.9, 5.95), (1.9, 5.4))
    arrow(ax, (1.9, 4.6), (1.9, 4.0))
    ax.text(
        0.2,
        2.7,
        "callers: presslens analyze / extract,\nAPI, engine (corpus ingest),\npresslens.analyze()",
        fontsize=8,
        va="top",
    )

    # the stages, in pipeline order, left to right in two rows
    xs, ys = {}, {}
    for i, stage in enumerate(order):
        row, col = divmod(i, 5)
        xs[stage.name] = 4.6 + col * 1.75
        ys[stage.name] = 6.1 - row * 2.0
        label = f"{stage.name}\nstages/{stage.name}.py"
        box(ax, xs[stage.name], ys[stage.name], 1.55, 0.75, label, "#CCEBC5", 7.5)
    for stage in order:
        for need in stage.needs:
            if need not in xs:
                continue
            if ys[need] == ys[stage.name]:  # same row: an arc over the boxes
                start, end, bend = (
                    (xs[need], ys[need] + 0.38),
                    (xs[stage.name], ys[need] + 0.38),
                    -0.35,
                )
            else:
                start, end, bend = (
                    (xs[need], ys[need] - 0.38),
                    (xs[stage.name], ys[stage.name] + 0.38),
                    0.0,
                )
            ax.annotate(
                "",
                xy=end,
                xytext=start,
                arrowprops={
                    "arrowstyle": "-|>",
                    "color": "#999999",
                    "lw": 0.8,
                    "connectionstyle": f"arc3,rad={bend}",
                },
            )
    ax.text(
        4.0,
        7.1,
        "Pipeline (pipeline.py): stages ordered by needs -> adds; each adds one "
        "layer (grey arrows: needs)",
        fontsize=9,
        weight="bold",
    )
    arrow(ax, (3.4, 3.6), (3.8, 5.7))

    box(
        ax,
        8.1,
        2.3,
        5.2,
        0.8,
        "undated? metadata.published <- dateline date\n"
        "(presslens.dates, once, at the end of the pipeline)",
        "#FBB4AE",
        8,
    )
    arrow(ax, (8.1, 3.7), (8.1, 2.7))
    box(
        ax,
        8.1,
        1.0,
        3.4,
        0.8,
        "Analysis (analysis.py)\n.quotes .sourcing ... .to_dict()",
        "#88CCEE",
    )
    arrow(ax, (8.1, 1.9), (8.1, 1.4))
    box(
        ax,
        11.9,
        1.0,
        1.9,
        1.3,
        "JSON contract\npresslens.analysis/1\n-> CLI, report,\nAPI, store",
        "#f4f4f4",
        7.5,
    )
    arrow(ax, (9.8, 1.0), (10.95, 1.0))
    fig.savefig(OUT, format="svg", bbox_inches="tight", metadata={"Date": None})
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
