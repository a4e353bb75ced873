"""``presslens techniques classify``: label given spans (SemEval-2020 TC setting)."""

from __future__ import annotations

from pathlib import Path

import typer

from presslens.cli.common import DebugOption, guarded, write_stdout
from presslens.cli.groups import techniques_app
from presslens.errors import InputError


def register(app: typer.Typer) -> None:
    """Commands register on the shared ``techniques`` group when this module is imported."""


def read_spans(path: Path) -> list[tuple[str, str, int, int]]:
    """SemEval TC lines ``article_id<TAB>technique-or-?<TAB>start<TAB>end``."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 4:
            raise InputError(
                "spans", f"line {number}: expected 4 tab-separated fields", source=str(path)
            )
        try:
            rows.append((parts[0], parts[1], int(parts[2]), int(parts[3])))
        except ValueError:
            raise InputError(
                "spans", f"line {number}: offsets must be integers", source=str(path)
            ) from None
    return rows


@techniques_app.command("classify")
def classify(
    articles_dir: Path = typer.Argument(..., help="Folder of article<id>.txt files."),
    spans_file: Path = typer.Argument(..., help="Lines: article_id, ?, start, end (tabs)."),
    model: str | None = typer.Option(None, "--model", help="Model directory (default: shipped)."),
    debug: bool = DebugOption,
) -> None:
    """Print SPANS_FILE's lines with the technique of each span filled in."""

    def run() -> None:
        from presslens.settings import get_settings
        from presslens.techniques.model import load_predictor, rank_labels
        from presslens.techniques.windows import line_sentences

        rows = read_spans(spans_file)
        predictor = load_predictor(model or get_settings().techniques_model)
        by_article: dict[str, list[int]] = {}
        for i, row in enumerate(rows):
            by_article.setdefault(row[0], []).append(i)
        labels: dict[int, str] = {}
        for aid, indices in by_article.items():
            path = articles_dir / f"article{aid}.txt"
            if not path.is_file():
                raise InputError("missing", f"no article file {path.name}", source=str(path))
            with path.open(encoding="utf-8", newline="") as fh:
                text = fh.read()
            spans = [(rows[i][2], rows[i][3]) for i in indices]
            for start, end in spans:
                if not 0 <= start < end <= len(text):
                    raise InputError(
                        "spans", f"span {start}-{end} outside article {aid}", source=str(spans_file)
                    )
            scores = predictor.technique_scores(text, line_sentences(text), spans)
            labels.update(zip(indices, rank_labels(scores, spans), strict=True))
        write_stdout(
            "\n".join(
                f"{aid}\t{labels[i]}\t{start}\t{end}" for i, (aid, _, start, end) in enumerate(rows)
            )
        )

    guarded(run, debug=debug)
