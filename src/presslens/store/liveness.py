"""Runs that died: a run killed mid-way is marked ``killed`` when the next run starts.

A run row says ``running`` from its start to its end; a process killed with
``kill -9`` never writes the end. Whether its owner is gone is known differently
per backend:

- DuckDB: one process at a time writes a database file, so a ``running`` run that
  this process is not running is dead.
- PostgreSQL: a run holds a session advisory lock named after it for its whole
  life; the lock goes with the owner's connection, so a ``running`` run whose lock
  can be taken is dead, whichever machine ran it.
"""

from __future__ import annotations

import threading

from presslens.store.backends import Backend

_active: set[str] = set()  # runs this process is running, all stores together
_guard = threading.Lock()


def _lock_name(run_id: str) -> str:
    return f"presslens.run.{run_id}"


def claim_run(db: Backend, run_id: str) -> None:
    """Mark ``run_id`` as alive for as long as this process (and its session) lives."""
    with _guard:
        _active.add(run_id)
    db.lock(_lock_name(run_id))


def release_run(db: Backend, run_id: str) -> None:
    with _guard:
        _active.discard(run_id)
    db.unlock(_lock_name(run_id))


def mark_killed_runs(db: Backend) -> list[str]:
    """Set ``status = 'killed'`` on ``running`` runs whose owner is gone; returns their ids."""
    rows = db.execute("SELECT run_id FROM runs WHERE status = 'running'")
    with _guard:
        candidates = [r[0] for r in rows if r[0] not in _active]
    dead = []
    for run_id in candidates:
        if db.try_lock(_lock_name(run_id)):  # DuckDB: always (the file lock is ours)
            db.unlock(_lock_name(run_id))
            dead.append(run_id)
    for run_id in dead:
        db.execute(
            "UPDATE runs SET status = 'killed' WHERE run_id = ? AND status = 'running'", [run_id]
        )
    return dead
