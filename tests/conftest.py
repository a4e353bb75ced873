"""Shared fixtures: the seed dispatch, the bundled example and the corpus folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from presslens.corpora import data_root

ROOT = Path(__file__).resolve().parents[1]


def _seed() -> Path | None:
    data = data_root(required=False)
    if data is None:
        return None
    path = data.parent / "fixtures" / "seed-dispatch.txt"
    return path if path.is_file() else None


@pytest.fixture(scope="session")
def seed_path() -> Path:
    path = _seed()
    if path is None:
        pytest.skip("../shared/fixtures/seed-dispatch.txt not found (set PRESSLENS_DATA)")
    return path


@pytest.fixture(scope="session")
def seed_text(seed_path: Path) -> str:
    return seed_path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def shared_data() -> Path:
    path = data_root(required=False)
    if path is None:
        pytest.skip("corpus folder ../shared/data not found (set PRESSLENS_DATA)")
    return path


@pytest.fixture(scope="session")
def example_path() -> Path:
    return ROOT / "src" / "presslens" / "examples" / "dispatch.txt"


@pytest.fixture(scope="session")
def analysis_pool() -> Any:
    """One pool of analysis processes for the API tests (spawning one per app is slow)."""
    from presslens.api.pool import AnalysisPool

    pool = AnalysisPool(workers=2, queue_limit=8, per_client=2)
    yield pool
    pool.close()
