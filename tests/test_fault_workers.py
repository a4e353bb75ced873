"""Fault injection, engine workers (issue #12 case 12): workers die with their parent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

_PARENT = """
import sys, time
from multiprocessing import resource_tracker
from presslens.engine.local import LocalEngine
from presslens.engine.worker import WorkerConfig
from presslens.settings import Settings
engine = LocalEngine(WorkerConfig.make([], Settings()), workers=2)
list(engine.map([[]] * 4))  # the pool's processes are up
pids = list(engine.pool._processes)
tracker = resource_tracker._resource_tracker._pid
print(" ".join(str(p) for p in [*pids, tracker] if p), flush=True)
time.sleep(120)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie is dead, only not yet reaped
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return True


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc and kill -9 semantics")
def test_pool_workers_and_tracker_die_with_a_killed_parent() -> None:
    """Every kill -9 of the parent left 2 workers and the resource tracker alive."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    parent = subprocess.Popen(
        [sys.executable, "-c", _PARENT], stdout=subprocess.PIPE, text=True, env=env
    )
    assert parent.stdout is not None
    line = parent.stdout.readline()
    children = [int(p) for p in line.split()]
    try:
        assert len(children) >= 2, line
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=30)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and any(_alive(p) for p in children):
            time.sleep(0.2)
        assert not [p for p in children if _alive(p)]
    finally:
        for pid in children:  # leave nothing behind, even when the test fails
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


def slow_on_marked_items(items, config):
    """A pool task (importable by spawned workers) that hangs on items marked 'slow'."""
    from presslens.engine.worker import process_chunk

    if any("slow" in item.source_id for item in items):
        time.sleep(600)
    return process_chunk(items, config)


def test_a_document_over_its_time_limit_is_killed_and_the_batch_goes_on() -> None:
    """Per-document time limits are enforced by killing the worker, not by waiting."""
    from presslens.engine.local import LocalEngine
    from presslens.engine.worker import WorkerConfig
    from presslens.ingest.item import Item
    from presslens.settings import Settings

    text = b"MOSCOW, June 20. The talks in the capital resumed on Monday, officials said."
    items = [Item(f"doc{i}.txt", data=text + str(i).encode()) for i in range(4)]
    items.insert(2, Item("slow.txt", data=text))
    config = WorkerConfig.make([], Settings(document_timeout_s=3))

    class Engine(LocalEngine):
        task = staticmethod(slow_on_marked_items)

    engine = Engine(config, workers=2)
    started = time.monotonic()
    try:
        records = [r for chunk in engine.map([items[:3], items[3:]]) for r in chunk]
    finally:
        engine.close()
    assert time.monotonic() - started < 120
    outcome = {r.source_id: (r.error[0] if r.error else "ok") for r in records}
    assert outcome == {
        "doc0.txt": "ok",
        "doc1.txt": "ok",
        "slow.txt": "worker",
        "doc2.txt": "ok",
        "doc3.txt": "ok",
    }
    (slow,) = [r for r in records if r.source_id == "slow.txt"]
    assert "time limit" in slow.error[1]
