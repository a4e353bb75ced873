"""Reprints: planted copies are found, first publishers named, the index grows incrementally."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from presslens.corpora.planted import build
from presslens.engine import run_ingest
from presslens.eval.reprints import evaluate, ingest_planted
from presslens.reprints.diff import render_diff, word_diff
from presslens.reprints.index import update_groups
from presslens.reprints.passages import ReprintParams, fingerprint, passage_spans
from presslens.settings import Settings
from presslens.store import open_store

WORDS = [
    "minister",
    "talks",
    "capital",
    "budget",
    "agreement",
    "delegation",
    "ministry",
    "statement",
    "officials",
    "trade",
    "security",
    "border",
    "election",
    "parliament",
    "economy",
    "sanctions",
    "council",
    "summit",
    "energy",
    "prices",
    "army",
    "region",
    "report",
    "committee",
    "vote",
    "court",
    "decision",
    "plan",
    "crisis",
]


def _paragraph(rng: random.Random, n: int = 30) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def _story_corpus(path: Path, *, stories: int = 6, seed: int = 1) -> list[dict]:
    """Stories of random paragraphs, each republished by two more outlets, edited."""
    rng = random.Random(seed)
    records = []
    for s in range(stories):
        paras = [_paragraph(rng) for _ in range(4)]
        records.append(
            {
                "text": f"Story {s}\n\n" + "\n\n".join(paras),
                "outlet": "wire",
                "published": f"2020-01-{10 + s}",
            }
        )
        for c, lag in enumerate((0, 3)):
            edited = [*paras[:3], _paragraph(rng)]
            edited[1] = edited[1].replace(" ", " indeed ", 1)
            records.append(
                {
                    "text": f"Copy {s}-{c}\n\n" + "\n\n".join(edited),
                    "outlet": f"paper-{c}",
                    "published": f"2020-01-{10 + s + lag}",
                }
            )
    rng.shuffle(records)
    # a same-day copy must come after its original for the tie-break to name the original
    records.sort(key=lambda r: (r["published"], r["outlet"] != "wire"))
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return records


def _groups(db_store) -> dict[str, str]:
    return {
        f"{r['doc_id']}:{r['passage_no']}": r["group_id"]
        for r in db_store.sql("SELECT doc_id, passage_no, group_id FROM passages")
    }


def test_passages_skip_headline_and_short_paragraphs() -> None:
    text = (
        "Headline of the story here\n\nShort one.\n\n"
        + "A long paragraph with enough words in it to be a passage. It has two sentences. "
        "And a third one to make a window of three sentences, too. And a fourth one here."
    )
    analysis = {"text": text, "anatomy": {"headline": [0, 26], "paragraphs": [], "sentences": []}}
    spans = passage_spans(analysis)
    assert [k for k, _, _ in spans] == ["paragraph", "window", "window"]
    assert all(s >= 40 for _, s, _ in spans)
    passages = fingerprint(analysis, ReprintParams(num_perm=64))
    assert all(len(p.signature) == 64 * 4 for p in passages)


def test_word_diff() -> None:
    ops = word_diff("the talks resume on Monday", "the talks will resume on Tuesday")
    assert ops == [
        {"op": "insert", "old": "", "new": "will"},
        {"op": "replace", "old": "Monday", "new": "Tuesday"},
    ]
    assert render_diff(ops) == "{+will+} [-Monday-]{+Tuesday+}"
    assert word_diff("same words", "same  words") == []


def test_groups_first_publisher_and_diffs(tmp_path: Path) -> None:
    path = tmp_path / "stories.jsonl"
    _story_corpus(path)
    store = open_store(str(tmp_path / "s.duckdb"))
    run_ingest([str(path)], store, Settings(), stages=[], workers=1)
    summary = update_groups(store)
    assert summary.groups > 0
    wire = store.sql("SELECT id FROM documents WHERE outlet = 'wire' ORDER BY seq")
    for row in wire:
        groups = store.reprints_of(row["id"])
        assert groups, "every story was copied"
        for group in groups:
            assert group["first_publisher"]["doc_id"] == row["id"]
            assert group["first_publisher"]["outlet"] == "wire"
            firsts = [m for m in group["members"] if m["first_publisher"]]
            assert len(firsts) == 1 and firsts[0]["diff"] == []
            assert set(group["copied_by"]) <= {"paper-0", "paper-1"}
            for m in group["members"]:
                assert m["passage"] and m["span"][1] > m["span"][0]
        edited = [m for g in groups for m in g["members"] if m["diff"]]
        assert any(op["new"] == "indeed" for m in edited for op in m["diff"])
    store.close()


def test_incremental_index_equals_full_rebuild(tmp_path: Path) -> None:
    path = tmp_path / "all.jsonl"
    _story_corpus(path, stories=8, seed=3)
    lines = path.read_text(encoding="utf-8").splitlines()
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text("\n".join(lines[: len(lines) // 2]) + "\n", encoding="utf-8")
    second.write_text("\n".join(lines[len(lines) // 2 :]) + "\n", encoding="utf-8")

    full = open_store(str(tmp_path / "full.duckdb"))
    run_ingest([str(first), str(second)], full, Settings(), stages=[], workers=1)
    update_groups(full)
    step = open_store(str(tmp_path / "step.duckdb"))
    run_ingest([str(first)], step, Settings(), stages=[], workers=1)
    before = update_groups(step)
    run_ingest([str(second)], step, Settings(), stages=[], workers=1)
    after = update_groups(step)
    assert after.indexed == before.added  # the old passages stayed grouped, not recomputed
    assert 0 < after.candidates < before.added  # only the passages sharing a band were read
    assert after.refingerprinted == 0
    assert _groups(step) == _groups(full)
    # a new threshold regroups everything; new shingles re-fingerprint
    again = update_groups(step, ReprintParams(shingle=4))
    assert again.refingerprinted == full.sql("SELECT COUNT(*) AS n FROM documents")[0]["n"]
    full.close()
    step.close()


def test_planted_reprints_are_recovered(tmp_path: Path, shared_data: Path) -> None:
    corpus = build(tmp_path / "planted", groups=8, singles=16, seed=5, data=shared_data)
    store = open_store(str(tmp_path / "p.duckdb"))
    run = ingest_planted(store, corpus)
    assert run.failed == len(corpus.corrupt)
    (score,) = evaluate(store, corpus)
    store.close()
    assert score.precision >= 0.95 and score.recall >= 0.95, score.row()
    assert score.first_publisher == 1.0, score.wrong_first
    assert score.corrupt_recorded == 1.0


@pytest.mark.slow
def test_planted_reprints_default_size(tmp_path: Path, shared_data: Path) -> None:
    corpus = build(tmp_path / "planted", groups=40, singles=120, seed=0, data=shared_data)
    store = open_store(str(tmp_path / "p.duckdb"))
    ingest_planted(store, corpus)
    (score,) = evaluate(store, corpus)
    store.close()
    assert score.precision >= 0.95 and score.recall >= 0.95 and score.first_publisher == 1.0
