"""``presslens eval quotes --language ru|uk``: the project's Russian and Ukrainian sets."""

from __future__ import annotations

from presslens.cli.common import guarded


def eval_language(language: str, part: str, errors: bool, debug: bool) -> None:
    """Print content and content+speaker P/R/F1 by kind, basis and claim accuracy."""

    def run() -> None:
        from rich.console import Console
        from rich.table import Table

        from presslens.attribution.lexicon import LANGUAGES
        from presslens.cli.common import fail
        from presslens.eval.quotes_language import HEADLINE_KEYS, PARTS, evaluate

        if language not in LANGUAGES:
            fail(f"unknown language {language!r}; known: en, {', '.join(LANGUAGES)}")
        if part not in PARTS:
            fail(f"unknown part {part!r}; known: {', '.join(PARTS)}")
        report = evaluate(language, part)
        console = Console()
        table = Table(title=f"quotes {language}-{part}: {report.passages} passages (P / R / F1)")
        table.add_column("score")
        table.add_column("presslens", justify="right")
        table.add_column("gold", justify="right")
        for key in HEADLINE_KEYS:
            s = report.prf(key)
            table.add_row(key, f"{s.precision:.3f} / {s.recall:.3f} / {s.f1:.3f}", str(s.n_g))
        console.print(table)
        n = report.basis_total
        acc = Table(title="accuracy")
        acc.add_column("what")
        acc.add_column("right / total", justify="right")
        acc.add_column("accuracy", justify="right")
        for what, right, total in (
            ("basis (matched quotes)", report.basis_right, n),
            ("kind (matched quotes)", report.kind_right, n),
            ("claims basis", report.claims_right, report.claims_total),
            ("negative passages without quotes", report.negatives_clean, report.negatives),
        ):
            share = f"{right / total:.3f}" if total else "–"
            acc.add_row(what, f"{right} / {total}", share)
        console.print(acc)
        if errors and report.errors:
            err = Table(title="errors")
            err.add_column("passage: error", overflow="fold")
            for line in report.errors:
                err.add_row(line)
            console.print(err)

    guarded(run, debug=debug)
