"""Load on the analysis pool, bounded and on loopback only (issue 13).

Clients are told apart by address: each test client binds its own loopback
address (127.0.0.2, 127.0.0.3, ...), which Linux routes to the server on
127.0.0.1. Timings have wide margins; what is asserted is that a short analysis
is not stuck behind slow ones, and that stopped analyses are really gone.
"""

from __future__ import annotations

import multiprocessing
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from analyzers import sleepy_analyzer
from presslens.api.app import create_app
from presslens.api.pool import WORKER_NAME
from presslens.settings import get_settings
from presslens.store import open_store
from test_api import TEXT, running_server


def client_at(address: str, timeout: float = 60.0) -> httpx.Client:
    return httpx.Client(transport=httpx.HTTPTransport(local_address=address), timeout=timeout)


def post_from(address: str, url: str, text: str, out: list[Any]) -> None:
    with client_at(address) as http:
        started = time.monotonic()
        r = http.post(url, json={"text": text})
        out.append((r.status_code, time.monotonic() - started, r))


def in_threads(calls: list[tuple[str, str]], url: str, gap: float = 0.0) -> tuple[list, list]:
    out: list[Any] = []
    threads = []
    for address, text in calls:
        thread = threading.Thread(target=post_from, args=(address, url, text, out))
        thread.start()
        threads.append(thread)
        time.sleep(gap)
    return threads, out


def alive(pid: int) -> bool:
    return Path(f"/proc/{pid}").exists()


def pool_children() -> list[Any]:
    return [p for p in multiprocessing.active_children() if p.name.startswith(WORKER_NAME)]


@pytest.fixture
def served(tmp_path: Path) -> Any:
    stores = []

    def serve(**settings: Any) -> Any:
        store = open_store(str(tmp_path / f"load{len(stores)}.duckdb"))
        stores.append(store)
        app = create_app(get_settings().model_copy(update=settings), store)
        app.state.analyzer = sleepy_analyzer
        return app, running_server(app)

    yield serve
    for store in stores:
        store.close()


def test_short_analysis_answers_while_slow_ones_time_out(served: Any, tmp_path: Path) -> None:
    others = {p.pid for p in pool_children()}  # other pools' workers (the session's)
    app, server = served(
        analysis_workers=3, analysis_per_client=2, analysis_queue=8, analysis_timeout_s=8.0
    )
    warm, slow = tmp_path / "warm", tmp_path / "slow"
    warm.mkdir()
    slow.mkdir()
    with server as base:
        assert app.state.pool.wait_ready(60)  # started with the server, the analyzer imported
        url = f"{base}/v1/analyze"
        # Warm every worker (each imports the analyzer's module on its first job).
        threads, out = in_threads(
            [(f"127.0.0.{i}", f"sleep 0.5 {warm}") for i in (5, 6, 7)], url, gap=0.05
        )
        for thread in threads:
            thread.join(60)
        assert [s for s, _, _ in out] == [200, 200, 200]
        assert len(list(warm.iterdir())) == 3  # three workers, each warm

        # One client sends 4 slow analyses: 2 run (its limit), 2 wait.
        threads, slow_out = in_threads([("127.0.0.2", f"sleep 60 {slow}")] * 4, url, gap=0.05)
        deadline = time.monotonic() + 5
        while True:  # until all four are admitted: 2 running, 2 waiting
            started = time.monotonic()
            health = httpx.get(f"{base}/health", timeout=5)
            took = time.monotonic() - started
            assert health.status_code == 200 and took < 2.0, took  # answered meanwhile
            state = health.json()["analysis"]
            if (state["running"] == 2 and state["queued"] == 2) or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        assert state["running"] == 2 and state["queued"] == 2, state

        # Another client's short analysis is not stuck behind them.
        with client_at("127.0.0.3") as http:
            started = time.monotonic()
            short = http.post(url, json={"text": TEXT})
            took = time.monotonic() - started
        assert short.status_code == 200 and took < 2.0, (short.status_code, took)

        for thread in threads:
            thread.join(60)
        assert [s for s, _, _ in slow_out] == [504] * 4
        assert all("analysis_timeout_s" in r.json()["detail"] for _, _, r in slow_out)
        started_pids = [int(p.name) for p in slow.iterdir()]
        assert started_pids  # the two that ran
        assert not any(alive(pid) for pid in started_pids)  # killed, not abandoned
        state = app.state.pool.state()
        assert state["running"] == 0 and state["queued"] == 0 and state["alive"] == 3
        workers = {p.pid for p in pool_children()} - others
        assert len(workers) == 3 and not workers & set(started_pids)  # 2 killed, 2 new
        assert workers == set(app.state.pool.pids())


def test_pool_refuses_past_its_queue_with_retry_after(served: Any, tmp_path: Path) -> None:
    _app, server = served(
        analysis_workers=1, analysis_per_client=5, analysis_queue=1, analysis_timeout_s=2.5
    )
    slow = tmp_path / "slow"
    slow.mkdir()
    with server as base:
        url = f"{base}/v1/analyze"
        threads, out = in_threads([("127.0.0.2", f"sleep 60 {slow}")] * 2, url, gap=0.3)
        with client_at("127.0.0.3") as http:
            full = http.post(url, json={"text": TEXT})
        assert full.status_code == 503 and int(full.headers["retry-after"]) >= 1
        assert "busy" in full.json()["detail"]
        for thread in threads:
            thread.join(30)
        assert sorted(s for s, _, _ in out) == [504, 504]
        assert not any(alive(int(p.name)) for p in slow.iterdir())
        with client_at("127.0.0.3") as http:  # the pool is usable again
            assert http.post(url, json={"text": TEXT}).status_code == 200
