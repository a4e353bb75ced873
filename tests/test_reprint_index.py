"""The store's reprint index: band keys in ``passage_bands``, looked up, never reloaded.

Groups from the index must be the ones an in-memory datasketch LSH over every
signature gives (the full rebuild), whatever the number of updates; documents
posted to the API get their groups at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from fastapi.testclient import TestClient

from analyzers import light_analyzer
from presslens.api.app import create_app
from presslens.engine import run_ingest
from presslens.reprints.bands import KNOWN_SHAPES, band_keys, band_shape
from presslens.reprints.index import UnionFind, passage_key, update_groups
from presslens.reprints.passages import ReprintParams, minhash
from presslens.settings import Settings, get_settings
from presslens.store import open_store
from test_reprints import _groups, _paragraph, _story_corpus
from test_store_support import pg_schema_url


@pytest.fixture(params=["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    """Where the stepwise store lives: a DuckDB file or a fresh PostgreSQL schema."""
    if request.param == "duckdb":
        yield str(tmp_path / "step.duckdb")
    else:
        yield from pg_schema_url()


def _split(path: Path, parts: int) -> list[Path]:
    lines = path.read_text(encoding="utf-8").splitlines()
    size = -(-len(lines) // parts)
    out = []
    for i in range(parts):
        part = path.with_name(f"part{i}.jsonl")
        part.write_text("\n".join(lines[i * size : (i + 1) * size]) + "\n", encoding="utf-8")
        out.append(part)
    return out


def _datasketch_groups(store: Any, params: ReprintParams) -> dict[str, str]:
    """Groups from datasketch's own in-memory LSH over every stored signature."""
    from datasketch import MinHashLSH

    rows = store.db.execute("SELECT doc_id, passage_no, signature FROM passages")
    lsh = MinHashLSH(threshold=params.threshold, num_perm=params.num_perm)
    values = {}
    for doc_id, no, signature in rows:
        key = passage_key(doc_id, int(no))
        values[key] = np.frombuffer(bytes(signature), dtype=np.uint32)
        lsh.insert(key, minhash(bytes(signature)))
    uf = UnionFind()
    for key in values:
        uf.add(key)
    for key, mine in values.items():
        for other in lsh.query(minhash(mine.tobytes())):
            same_document = other.split(":")[0] == key.split(":")[0]
            if not same_document and float(np.mean(values[other] == mine)) >= params.threshold:
                uf.union(key, other)
    return {key: uf.find(key) for key in values}


def test_band_shape_and_keys_follow_datasketch() -> None:
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=0.6, num_perm=64)
    assert band_shape(0.6, 64) == (lsh.b, lsh.r)
    for (threshold, num_perm), shape in KNOWN_SHAPES.items():
        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        assert shape == (lsh.b, lsh.r)
    b, r = band_shape(0.5, 128)
    one = np.arange(128, dtype=np.uint32)
    other = one.copy()
    other[r : 2 * r] += 1  # differs in band 1 only
    a, c = band_keys(one.tobytes(), (b, r)), band_keys(other.tobytes(), (b, r))
    assert len(a) == b and len(set(a)) == b
    assert [x == y for x, y in zip(a, c, strict=True)] == [i != 1 for i in range(b)]


def test_updates_in_steps_equal_a_full_rebuild(tmp_path: Path, db: str) -> None:
    path = tmp_path / "all.jsonl"
    _story_corpus(path, stories=10, seed=7)
    step = open_store(db)
    added = 0
    for part in _split(path, 4):
        run_ingest([str(part)], step, Settings(), stages=[], workers=1)
        summary = update_groups(step)
        assert summary.indexed == added and summary.rebanded == 0
        added += summary.added
    n_bands = step.sql("SELECT COUNT(*) AS n FROM passage_bands")[0]["n"]
    assert n_bands == added * step.band_shape()[0]
    grouped = _groups(step)
    assert grouped == _datasketch_groups(step, step.reprint_params())
    assert len(set(grouped.values())) < len(grouped)  # reprints were found
    # a full rebuild (every passage ungrouped, every band recomputed) changes nothing
    step.db.execute("UPDATE passages SET group_id = NULL")
    step.db.execute("DELETE FROM meta WHERE key = 'reprints.bands'")
    rebuilt = update_groups(step)
    assert rebuilt.rebanded == added
    assert _groups(step) == grouped
    # a new threshold regroups over new bands, as datasketch would
    other = ReprintParams(threshold=0.7)
    update_groups(step, other)
    assert _groups(step) == _datasketch_groups(step, other)
    step.close()


def test_merging_groups_renames_them_to_the_smallest_key(tmp_path: Path) -> None:
    """A new document bridging two stored groups merges them, as a rebuild would."""
    import json
    import random

    from test_reprints import WORDS

    rng = random.Random(4)
    words = [rng.choice(WORDS) for _ in range(70)]
    left, right = " ".join(words[:45]) + ".", " ".join(words[25:]) + "."
    bridge = " ".join(words[12:58]) + "."  # near both; they are not near each other
    docs = [
        {"text": f"Left\n\n{left}", "outlet": "one"},
        {"text": f"Left again\n\n{left}", "outlet": "two"},
        {"text": f"Right\n\n{right}", "outlet": "three"},
        {"text": f"Right again\n\n{right}", "outlet": "four"},
    ]
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("\n".join(json.dumps(d) for d in docs) + "\n", encoding="utf-8")
    second.write_text(json.dumps({"text": f"Both\n\n{bridge}"}) + "\n", encoding="utf-8")
    store = open_store(str(tmp_path / "m.duckdb"))
    run_ingest([str(first)], store, Settings(), stages=[], workers=1)
    update_groups(store)
    assert len(set(_groups(store).values())) == 2
    run_ingest([str(second)], store, Settings(), stages=[], workers=1)
    update_groups(store)
    merged = _groups(store)
    assert set(merged.values()) == {min(merged)}  # one group, named after its smallest key
    full = open_store(str(tmp_path / "f.duckdb"))
    run_ingest([str(first), str(second)], full, Settings(), stages=[], workers=1)
    update_groups(full)
    assert merged == _groups(full) == _datasketch_groups(store, store.reprint_params())
    store.close()
    full.close()


def test_a_store_from_before_the_index_gets_its_bands(tmp_path: Path) -> None:
    path = tmp_path / "all.jsonl"
    _story_corpus(path, stories=4, seed=2)
    store = open_store(str(tmp_path / "old.duckdb"))
    run_ingest([str(path)], store, Settings(), stages=[], workers=1)
    update_groups(store)
    grouped = _groups(store)
    # as migration 3 leaves an older store: the table empty, nothing recorded
    store.db.execute("DELETE FROM passage_bands")
    store.db.execute("DELETE FROM meta WHERE key = 'reprints.bands'")
    summary = update_groups(store)
    assert summary.rebanded == len(grouped) and summary.added == 0
    assert _groups(store) == grouped
    store.close()


@pytest.fixture
def api(tmp_path: Path, analysis_pool: Any) -> Any:
    store = open_store(str(tmp_path / "api.duckdb"))
    app = create_app(get_settings(), store)
    app.state.analyzer = light_analyzer
    app.state.pool = analysis_pool
    client = TestClient(app, raise_server_exceptions=True)
    yield client, store
    client.close()
    store.close()


def test_posted_documents_get_their_reprint_group_at_once(api: Any) -> None:
    import random

    client, store = api
    rng = random.Random(9)
    story = [_paragraph(rng, 35) for _ in range(3)]
    original = {"text": "Talks\n\n" + "\n\n".join(story), "outlet": "wire"}
    original["published"] = "2024-03-01"
    copy = {"text": "Talks go on\n\n" + "\n\n".join([*story[:2], _paragraph(rng)])}
    copy |= {"outlet": "paper", "published": "2024-03-02"}
    first = client.post("/v1/analyze", json=original)
    assert first.status_code == 200, first.text
    assert client.get(f"/v1/reprints/{first.json()['id']}").json() == []  # alone so far
    second = client.post("/v1/analyze", json=copy)
    assert second.status_code == 200, second.text
    groups = client.get(f"/v1/reprints/{second.json()['id']}").json()
    assert groups, "the copy is grouped with the original without an ingest run"
    for group in groups:
        assert group["first_publisher"]["doc_id"] == first.json()["id"]
        assert group["copied_by"] == ["paper"]
    assert store.sql("SELECT COUNT(*) AS n FROM passages WHERE group_id IS NULL")[0]["n"] == 0
    assert store.sql("SELECT COUNT(*) AS n FROM runs")[0]["n"] == 0  # no ingest ran


def test_grouping_in_small_steps_gives_the_same_groups(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first build split into steps (CHUNK passages each) links across the steps."""
    from presslens.reprints import index
    from presslens.store import passages

    path = tmp_path / "all.jsonl"
    _story_corpus(path, stories=6, seed=11)
    whole = open_store(str(tmp_path / "whole.duckdb"))
    run_ingest([str(path)], whole, Settings(), stages=[], workers=1)
    update_groups(whole)
    monkeypatch.setattr(index, "CHUNK", 7)
    steps = open_store(str(tmp_path / "steps.duckdb"))
    run_ingest([str(path)], steps, Settings(), stages=[], workers=1)
    summary = update_groups(steps)
    assert summary.added == len(_groups(whole)) > 7
    # a first build touches every group: the count is the store's
    assert summary.groups == passages.count_reprint_groups(steps) > 0
    assert _groups(steps) == _groups(whole) == _datasketch_groups(whole, whole.reprint_params())
    whole.close()
    steps.close()
