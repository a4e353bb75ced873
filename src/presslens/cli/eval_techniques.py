"""``presslens eval techniques``: SemEval-2020 SI/TC/joint scores on presslens's PTC split."""

from __future__ import annotations

import json

import typer

from presslens.cli.common import DebugOption, guarded, write_stdout
from presslens.cli.groups import eval_app


def register(app: typer.Typer) -> None:
    """The command registers on the shared ``eval`` group when this module is imported."""


@eval_app.command("techniques")
def eval_techniques(
    data: str = typer.Option(
        "ptc", "--data", help="ptc (English, default) or unlp2025 (Russian/Ukrainian val)."
    ),
    split: str = typer.Option("val", "--split", help="PTC split: val (default), tune or fit."),
    model: str | None = typer.Option(None, "--model", help="Model directory (default: shipped)."),
    variant: str | None = typer.Option(
        None, "--variant", help="int8w (shipped default), int8 or fp32 (trained dirs)."
    ),
    designations: bool = typer.Option(
        True,
        "--designations/--model-only",
        help="Score the rule-found Name_Calling designations the stage adds (as shipped), "
        "or the model alone.",
    ),
    cv: int = typer.Option(
        0,
        "--cv",
        help="K-fold cross-validation by article over the tune+val articles the encoder "
        "never trained on: per fold and mean ± sd of SI, TC and joint F1, for the model as "
        "it is and with its knobs tuned on the other folds (--split is ignored).",
    ),
    baseline: str | None = typer.Option(
        None, "--baseline", help="With --cv: a second model directory scored as it is."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    debug: bool = DebugOption,
) -> None:
    """Span identification F1, technique classification micro-F1 and joint F1, per technique."""

    def run() -> None:
        if cv:
            from presslens.cli.eval_techniques_cv import print_cv

            print_cv(model, variant, baseline, cv, as_json)
            return
        if data != "ptc":
            from presslens.cli.manipulation import check_data, eval_unlp2025

            check_data(data)
            eval_unlp2025(model, as_json)
            return
        from rich.console import Console
        from rich.table import Table

        from presslens.eval.techniques import INTERVAL_WORDS, evaluate
        from presslens.settings import get_settings
        from presslens.techniques.model import load_predictor

        settings = get_settings()
        predictor = load_predictor(
            model or settings.techniques_model,
            variant=variant,
            threshold=settings.techniques_threshold,
        )
        report = evaluate(predictor, split, designations)
        if as_json:
            write_stdout(json.dumps(report.to_dict(), indent=1))
            return
        console = Console()
        head = Table(
            title=f"PTC {split} ({report.articles} articles, {report.gold_spans} gold "
            f"spans, {report.predicted_spans} predicted, {report.seconds}s"
            f"{'' if designations else ', model only'})"
        )
        for column in ("score", "P", "R", "F1", "F1 interval"):
            head.add_column(column, justify="right" if column != "score" else "left")
        for key, name, prf in (
            ("si", "SI span identification", report.si),
            ("tc_micro", "TC micro on gold spans", report.tc_micro),
            ("joint", "joint span+technique", report.joint),
        ):
            low, high = report.intervals.get(key, (prf.f1, prf.f1))
            head.add_row(
                name,
                f"{prf.precision:.3f}",
                f"{prf.recall:.3f}",
                f"{prf.f1:.3f}",
                f"{low:.3f}-{high:.3f}",
            )
        head.caption = f"F1 interval: {INTERVAL_WORDS}"
        console.print(head)
        per = Table(title="per technique: TC on gold spans | joint")
        for column in ("technique", "gold", "TC P", "TC R", "TC F1", "joint F1"):
            per.add_column(column, justify="left" if column == "technique" else "right")
        for name, prf in sorted(report.tc_per_technique.items(), key=lambda kv: -kv[1].support):
            joint = report.joint_per_technique.get(name)
            per.add_row(
                name,
                str(prf.support),
                f"{prf.precision:.3f}",
                f"{prf.recall:.3f}",
                f"{prf.f1:.3f}",
                f"{joint.f1:.3f}" if joint else "-",
            )
        console.print(per)

    guarded(run, debug=debug)
