"""What the shipped package imports when its modules load (walked with ``ast``, no import).

Why: a plain install has no torch, and inference must not drag in evaluation,
corpus loaders or training code (that is how a runtime/tooling import loop grew
before). Only module-level imports count: the CLI's ``train`` and ``eval``
commands import their tooling lazily inside the command function, which is fine.
Module-level imports among presslens's own modules must form no cycle.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "presslens"

NEVER = ("torch", "transformers", "presslens_training")
"""Imported by no shipped module: the ``train`` extra is not installed with presslens."""
TOOLING = ("presslens.eval", "presslens.corpora")
"""Imported only by the tooling itself and the CLI that runs it."""
TOOLING_USERS = ("presslens.cli", "presslens.eval", "presslens.corpora")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _top_level(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """Statements run at import time: the body, branches and class bodies, not functions."""
    for node in body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            yield from _top_level(node.orelse)
            continue
        yield node
        if isinstance(node, ast.ClassDef):
            yield from _top_level(node.body)
        for block in ("body", "orelse", "finalbody", "handlers"):
            if isinstance(node, (ast.If, ast.Try, ast.With, ast.ExceptHandler)) and hasattr(
                node, block
            ):
                yield from _top_level(getattr(node, block))


def imported(name: str) -> set[str]:
    """Fully qualified names a module imports at load time (``from a import b`` gives
    ``a.b`` when that is a module, else ``a``)."""
    path = MODULES[name]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in _top_level(tree.body):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                out.add(sub if sub in MODULES else base)
    return out


def _starts(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def test_the_walk_sees_the_package() -> None:
    assert "presslens.pipeline" in MODULES and "presslens.stages.quotes" in MODULES
    assert "presslens.stages" in imported("presslens.pipeline")
    assert "presslens.corpora" in imported("presslens.corpora.ptc")


def test_no_shipped_module_imports_torch_or_training_code() -> None:
    bad = {
        name: sorted(i for i in imported(name) if _starts(i, NEVER))
        for name in MODULES
        if any(_starts(i, NEVER) for i in imported(name))
    }
    assert not bad, f"module-level imports of torch/transformers/presslens_training: {bad}"


def test_runtime_modules_import_no_eval_or_corpora() -> None:
    bad = {
        name: sorted(i for i in imported(name) if _starts(i, TOOLING))
        for name in MODULES
        if not _starts(name, TOOLING_USERS) and any(_starts(i, TOOLING) for i in imported(name))
    }
    assert not bad, f"runtime modules importing eval/corpora: {bad}"


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of ``graph`` as a list of nodes (first repeated last), or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_find_cycle_finds_one() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_cycles() -> None:
    graph = {name: {i for i in imported(name) if i in MODULES} - {name} for name in MODULES}
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])
