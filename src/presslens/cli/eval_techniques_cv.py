"""``presslens eval techniques --cv K``: the cross-validation table (per fold, mean ± sd)."""

from __future__ import annotations

import json

from presslens.cli.common import write_stdout


def print_cv(
    model: str | None, variant: str | None, baseline: str | None, k: int, as_json: bool
) -> None:
    """Score ``model`` (and ``baseline``) by ``k``-fold cross-validation and print it."""
    from rich.console import Console
    from rich.table import Table

    from presslens.settings import get_settings
    from presslens.techniques.model import load_predictor
    from presslens_training.techniques.cv import HELDOUT, SCORES, compare, heldout_articles

    settings = get_settings()
    predictor = load_predictor(model or settings.techniques_model, variant=variant)
    other = load_predictor(baseline) if baseline else None
    articles = heldout_articles()
    results = compare(predictor, k, other, articles)
    if as_json:
        write_stdout(json.dumps([r.to_dict() for r in results], indent=1))
        return
    names = {"si": "SI F1", "tc": "TC micro-F1", "joint": "joint F1"}
    table = Table(
        title=f"PTC {'+'.join(HELDOUT)} ({len(articles)} articles the encoder never trained "
        f"on), {k}-fold cross-validation by article"
    )
    table.add_column("system")
    table.add_column("score")
    for i in range(k):
        table.add_column(f"fold {i + 1}", justify="right")
    table.add_column("mean ± sd", justify="right")
    for result in results:
        for score in SCORES:
            table.add_row(
                result.name if score == SCORES[0] else "",
                names[score],
                *(f"{fold[score]:.3f}" for fold in result.folds),
                f"{result.mean(score):.3f} ± {result.sd(score):.3f}",
            )
        table.add_section()
    table.caption = (
        "'as it is': the model's own knobs (tuned on all these articles: optimistic); "
        "'tuned per fold': knobs tuned on the other folds, scored on the fold."
    )
    Console(width=160).print(table)
