"""Dump and compare ``presslens.analyze`` JSON for a fixed sample of corpus articles.

Why: a refactor that moves modules must leave every output as it was. The sample is
the first 20 PTC train articles and the first 20 PolNeAR train articles (sorted by
name), read from the data folder (``PRESSLENS_DATA`` or ``../shared/data``). Their
texts are research-use only, so the dumps go to a folder OUTSIDE the repository and
carry no ``text`` field.

    python bench/compare_outputs.py dump /tmp/arch-before
    python bench/compare_outputs.py dump /tmp/arch-after
    python bench/compare_outputs.py compare /tmp/arch-before /tmp/arch-after
    python bench/compare_outputs.py compare A B --ignore metadata.published
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

SAMPLE = 20


def sample_paths(data: Path) -> list[tuple[str, Path]]:
    """``(name, path)`` of the PTC and PolNeAR articles compared, in a fixed order."""
    ptc = sorted((data / "ptc" / "train" / "articles").glob("article*.txt"))[:SAMPLE]
    polnear = sorted((data / "quotes" / "polnear" / "data" / "train" / "text").glob("*.txt"))[
        :SAMPLE
    ]
    return [(f"ptc-{p.stem}", p) for p in ptc] + [(f"polnear-{p.stem}", p) for p in polnear]


def dump(out: Path, data: Path) -> int:
    import presslens

    out.mkdir(parents=True, exist_ok=True)
    paths = sample_paths(data)
    if len(paths) < 2 * SAMPLE:
        print(f"expected {2 * SAMPLE} articles under {data}, found {len(paths)}", file=sys.stderr)
        return 2
    for name, path in paths:
        result = presslens.analyze(path).to_dict()
        result.pop("text", None)
        (out / f"{name}.json").write_text(
            json.dumps(result, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8"
        )
    print(f"wrote {len(paths)} analyses to {out}")
    return 0


def _drop(result: dict, dotted: str) -> None:
    """Remove ``a.b`` from ``result`` (for fields a change meant to alter)."""
    *parents, last = dotted.split(".")
    for key in parents:
        result = result.get(key) or {}
    result.pop(last, None)


def compare(before: Path, after: Path, ignore: tuple[str, ...] = ()) -> int:
    names_a = sorted(p.name for p in before.glob("*.json"))
    names_b = sorted(p.name for p in after.glob("*.json"))
    if names_a != names_b:
        print(f"different file sets: {sorted(set(names_a) ^ set(names_b))}")
        return 1
    differ = []
    for name in names_a:
        a = json.loads((before / name).read_text(encoding="utf-8"))
        b = json.loads((after / name).read_text(encoding="utf-8"))
        for field in ignore:
            _drop(a, field)
            _drop(b, field)
        if a != b:
            keys = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
            differ.append((name, [f"{k}: {a.get(k)} -> {b.get(k)}" for k in keys]))
    for name, changes in differ:
        print(f"DIFFERS {name}:")
        for change in changes:
            print(f"  {change[:300]}")
    print(f"{len(names_a) - len(differ)}/{len(names_a)} identical")
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump", help="analyse the sample and write one JSON per article")
    d.add_argument("out", type=Path)
    d.add_argument("--data", type=Path, default=None, help="data folder (default: found)")
    c = sub.add_parser("compare", help="compare two dump folders")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    c.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="FIELD",
        help="dotted field left out of the comparison (e.g. metadata.published); repeatable",
    )
    args = parser.parse_args(argv)
    if args.cmd == "dump":
        from presslens.corpora import data_root

        return dump(args.out, args.data or data_root())
    return compare(args.before, args.after, tuple(args.ignore))


if __name__ == "__main__":
    raise SystemExit(main())
