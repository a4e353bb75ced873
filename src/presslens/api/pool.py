"""Analyses in a bounded pool of worker processes that can be stopped.

A Python thread cannot be killed, and an analysis holds the interpreter lock
while it works: run in the server's threads, a timed-out analysis went on for
minutes and stalled every endpoint. Here each analysis runs in a worker
*process*; the server only waits on a pipe, so it stays responsive, and an
analysis past its deadline is stopped by killing its process (a fresh worker
takes its place). Three limits, all in settings:

- ``analysis_workers``: how many analyses run at once (one process each);
- ``analysis_queue``: how many more may wait; past it the request gets 503
  with ``Retry-After`` at once instead of piling up;
- ``analysis_per_client``: how many of the running analyses one client (its
  address) may hold; its further requests wait while other clients' requests
  go first, so one client cannot occupy every worker.

The deadline (``analysis_timeout_s``) counts from admission: a request waits and
runs at most that long in all, and then gets 504. Workers are spawned (a clean
interpreter, no inherited threads or locks) and reused until killed; the
analyzer and its input are pickled, so the analyzer must be a module-level
function.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import itertools
import multiprocessing
import pickle
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from presslens.api.service import AnalysisTimeout

START_METHOD = "spawn"
WORKER_NAME = "presslens-analysis"
READY = ("ready", None)


class PoolFull(Exception):
    """Every worker is busy and the queue is full (answered with 503 and Retry-After)."""

    def __init__(self, message: str, retry_after: int):
        super().__init__(message)
        self.retry_after = retry_after


class WorkerLost(Exception):
    """The worker process died during the analysis (killed from outside, out of memory)."""


def _rebuild(cls: type[BaseException], args: tuple[Any, ...], state: dict[str, Any]) -> Any:
    exc = cls.__new__(cls)
    exc.args = args
    exc.__dict__.update(state)
    return exc


def _portable(exc: BaseException) -> tuple[Any, ...]:
    """An exception as ``(class, args, attributes)``, which pickles where the exception may not
    (exceptions whose ``__init__`` takes other arguments than ``args`` do not unpickle)."""
    packed = (type(exc), exc.args, dict(getattr(exc, "__dict__", {})))
    try:
        pickle.loads(pickle.dumps(packed))
    except Exception:
        packed = (RuntimeError, (f"{type(exc).__name__}: {exc}",), {})
    return packed


def serve(conn: Connection, preload: tuple[str, ...] = ()) -> None:
    """A worker process: import ``preload``, say ready, run ``(func, args)`` jobs until EOF."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the server, which stops us
    for module in preload:
        with contextlib.suppress(Exception):  # the job that needs it will report the error
            importlib.import_module(module)
    conn.send(READY)
    while True:
        try:
            func, args = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply: tuple[str, Any] = ("ok", func(*args))
        except BaseException as exc:  # reported to the request, never kills the worker
            reply = ("error", _portable(exc))
        try:
            conn.send(reply)
        except Exception as exc:  # an unpicklable result
            conn.send(("error", _portable(RuntimeError(f"the result cannot be sent: {exc}"))))


class _Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, ctx: Any, number: int, preload: tuple[str, ...] = ()):
        parent, child = ctx.Pipe()
        self.process = ctx.Process(
            target=serve, args=(child, preload), name=f"{WORKER_NAME}-{number}", daemon=True
        )
        self.process.start()
        child.close()
        self.conn: Connection = parent
        self.ready = False

    def wait_ready(self, timeout: float) -> bool:
        """Whether the process said it is ready within ``timeout`` s (it starts in background)."""
        if not self.ready and self.conn.poll(max(0.0, timeout)):
            self.ready = self.conn.recv() == READY
        return self.ready

    @property
    def pid(self) -> int | None:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.is_alive()

    def stop(self) -> None:
        """Kill the process (SIGKILL: an analysis in C code ignores anything gentler)."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join(10)
        self.conn.close()


@dataclass(eq=False)
class _Ticket:
    client: str
    deadline: float
    number: int = field(default=0)


class AnalysisPool:
    """A bounded, cancellable pool of analysis processes (see the module docstring)."""

    def __init__(
        self,
        workers: int,
        queue_limit: int,
        per_client: int,
        *,
        retry_after_s: int = 5,
        start_method: str = START_METHOD,
    ):
        self.workers = max(1, workers)
        self.queue_limit = max(0, queue_limit)
        self.per_client = max(1, per_client)
        self.retry_after_s = retry_after_s
        self._ctx = multiprocessing.get_context(start_method)
        self._cond = threading.Condition()
        self._idle: list[_Worker] = []
        self._busy: set[_Worker] = set()
        self._waiting: list[_Ticket] = []
        self._running: Counter[str] = Counter()
        self._numbers = itertools.count(1)
        self._threads: ThreadPoolExecutor | None = None
        self._closed = False
        self._preload: tuple[str, ...] = ()

    # -- lifecycle -----------------------------------------------------------
    def start(self, preload: tuple[str, ...] = ()) -> None:
        """Start every worker now (otherwise they start on first use).

        ``preload``: modules each worker imports before it says it is ready (the
        analyzer's, so that a first job does not pay for imports).
        """
        with self._cond:
            self._closed = False
            self._preload = tuple(preload)
            self._fill()

    def wait_ready(self, timeout: float = 60.0) -> bool:
        """Wait until every idle worker has started; whether all did within ``timeout`` s."""
        deadline = time.monotonic() + timeout
        with self._cond:
            idle = list(self._idle)
        return all(w.wait_ready(deadline - time.monotonic()) for w in idle)

    def _fill(self) -> None:
        """Replace dead idle workers and top the pool up to ``workers`` processes (locked)."""
        for worker in [w for w in self._idle if not w.alive()]:
            self._idle.remove(worker)
            worker.stop()
        while len(self._idle) + len(self._busy) < self.workers:
            self._idle.append(_Worker(self._ctx, next(self._numbers), self._preload))

    def close(self) -> None:
        """Kill every worker; requests still waiting get 504. The pool can start again."""
        with self._cond:
            self._closed = True
            workers = [*self._idle, *self._busy]
            self._idle.clear()
            self._busy.clear()
            threads, self._threads = self._threads, None
            self._cond.notify_all()
        for worker in workers:
            worker.stop()
        if threads is not None:
            threads.shutdown(wait=False)

    def pids(self) -> list[int]:
        """Process ids of the live workers (tests count them)."""
        with self._cond:
            return [w.pid for w in (*self._idle, *self._busy) if w.pid and w.alive()]

    def state(self) -> dict[str, int]:
        with self._cond:
            alive = sum(w.alive() for w in (*self._idle, *self._busy))
            return {
                "workers": self.workers,
                "alive": alive,
                "running": len(self._busy),
                "queued": len(self._waiting),
                "queue_limit": self.queue_limit,
                "per_client": self.per_client,
            }

    # -- running -------------------------------------------------------------
    async def run(
        self, func: Callable[..., Any], args: tuple[Any, ...], timeout: float, client: str
    ) -> Any:
        """``func(*args)`` in a worker; AnalysisTimeout past ``timeout`` s, PoolFull at once."""
        ticket = self._admit(client, timeout)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor(), self._execute, ticket, func, args)

    def _executor(self) -> ThreadPoolExecutor:
        with self._cond:
            if self._threads is None:  # one waiting thread per admitted request, at most
                self._threads = ThreadPoolExecutor(
                    max_workers=self.workers + self.queue_limit + 2,
                    thread_name_prefix="presslens-analysis-wait",
                )
            return self._threads

    def _admit(self, client: str, timeout: float) -> _Ticket:
        with self._cond:
            self._closed = False
            self._fill()
            free = len(self._idle) > 0 and self._running[client] < self.per_client
            if not free and len(self._waiting) >= self.queue_limit:
                raise PoolFull(
                    f"all {self.workers} analysis workers are busy and "
                    f"{len(self._waiting)} analyses are waiting; try again later",
                    self.retry_after_s,
                )
            ticket = _Ticket(client, time.monotonic() + timeout, next(self._numbers))
            self._waiting.append(ticket)
            return ticket

    def _next_in_line(self) -> _Ticket | None:
        """The first waiting request whose client is under its limit (locked)."""
        for ticket in self._waiting:
            if self._running[ticket.client] < self.per_client:
                return ticket
        return None

    def _take(self, ticket: _Ticket, timeout: float) -> _Worker:
        with self._cond:
            while True:
                if self._closed:
                    self._waiting.remove(ticket)
                    raise AnalysisTimeout("the server is shutting down")
                if self._idle and self._next_in_line() is ticket:
                    self._waiting.remove(ticket)
                    worker = self._idle.pop()  # the last used: warm, its models loaded
                    if not worker.alive():  # died while idle: replace it
                        worker.stop()
                        worker = _Worker(self._ctx, next(self._numbers), self._preload)
                    self._busy.add(worker)
                    self._running[ticket.client] += 1
                    return worker
                remaining = ticket.deadline - time.monotonic()
                if remaining <= 0:
                    self._waiting.remove(ticket)
                    self._cond.notify_all()
                    raise AnalysisTimeout(
                        f"analysis took longer than {timeout:g} s (analysis_timeout_s) "
                        "while waiting for a free worker"
                    )
                self._cond.wait(remaining)

    def _execute(self, ticket: _Ticket, func: Callable[..., Any], args: tuple[Any, ...]) -> Any:
        timeout = ticket.deadline - time.monotonic()
        total = max(timeout, 0.0)
        worker = self._take(ticket, total)
        healthy = False
        try:
            try:
                if not worker.wait_ready(ticket.deadline - time.monotonic()):
                    raise AnalysisTimeout(
                        f"analysis took longer than {total:g} s (analysis_timeout_s): "
                        "no analysis worker started in time"
                    )
                worker.conn.send((func, args))
                done = worker.conn.poll(max(0.0, ticket.deadline - time.monotonic()))
                reply = worker.conn.recv() if done else None
            except (EOFError, OSError) as exc:
                raise WorkerLost(f"the analysis worker stopped unexpectedly: {exc}") from None
            if reply is None:
                raise AnalysisTimeout(
                    f"analysis took longer than {total:g} s (analysis_timeout_s); it was stopped"
                )
            healthy = True
        finally:
            if not healthy:
                worker.stop()  # before answering: no analysis outlives its deadline
            with self._cond:
                self._busy.discard(worker)
                self._running[ticket.client] -= 1
                if self._running[ticket.client] <= 0:
                    del self._running[ticket.client]
                if healthy and not self._closed:
                    self._idle.append(worker)
                elif not self._closed:
                    self._fill()
                self._cond.notify_all()
            if healthy and self._closed:
                worker.stop()
        status, value = reply
        if status == "ok":
            return value
        raise _rebuild(*value)


def pool_for(settings: Any) -> AnalysisPool:
    """The analysis pool the settings describe (its workers start on first use)."""
    return AnalysisPool(
        settings.analysis_workers,
        settings.analysis_queue,
        settings.analysis_per_client,
        retry_after_s=settings.analysis_retry_after_s,
    )
