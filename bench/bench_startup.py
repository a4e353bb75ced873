"""First-document latency of whole processes: ``presslens analyze`` and ``presslens serve``.

Usage: PYTHONPATH=src .venv/bin/python bench/bench_startup.py [--runs 3] [FILE]

- analyze: ``presslens analyze FILE --format json`` from start to exit, and its
  peak resident memory (the process and its children, from ``resource``);
- serve: from starting ``presslens serve`` on a fresh DuckDB store to the answer of
  ``POST /v1/analyze`` with FILE's text (the server is stopped after).

Budgets from issue 18: analyze under 2.5 s, serve under 3 s, under 600 MiB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path


def _presslens(*args: str) -> list[str]:
    code = "import sys; from presslens.cli.main import app; sys.argv[0] = 'presslens'; app()"
    return [sys.executable, "-c", code, *args]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}


def analyze_once(path: Path) -> tuple[float, float]:
    started = time.perf_counter()
    subprocess.run(
        _presslens("analyze", str(path), "--format", "json"),
        check=True,
        stdout=subprocess.DEVNULL,
        env=_env(),
    )
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return time.perf_counter() - started, peak_mib


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve_once(path: Path, folder: Path) -> float:
    port = _free_port()
    db = folder / f"serve-{port}.duckdb"
    body = json.dumps({"text": path.read_text(encoding="utf-8")}).encode()
    started = time.perf_counter()
    server = subprocess.Popen(
        _presslens("serve", "--port", str(port), "--db", str(db)),
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while True:
            try:
                request = urllib.request.Request(
                    f"http://127.0.0.1:{port}/v1/analyze",
                    data=body,
                    headers={"Content-Type": "application/json"},
                )
                with urllib.request.urlopen(request, timeout=60) as answer:
                    answer.read()
                return time.perf_counter() - started
            except (ConnectionError, urllib.error.URLError):
                if server.poll() is not None:
                    raise RuntimeError("presslens serve exited") from None
                time.sleep(0.05)
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("file", nargs="?", default="../shared/fixtures/seed-dispatch.txt")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    path = Path(args.file)
    analyze = [analyze_once(path) for _ in range(args.runs)]
    with tempfile.TemporaryDirectory(prefix="presslens-startup-") as tmp:
        serve = [serve_once(path, Path(tmp)) for _ in range(args.runs)]
    times = sorted(t for t, _ in analyze)
    print(f"{path.name}, {args.runs} runs each (median; min-max)")
    print(
        f"analyze first document: {times[len(times) // 2]:.2f} s ({times[0]:.2f}-{times[-1]:.2f}); "
        f"peak RSS {max(m for _, m in analyze):.0f} MiB (budget 2.5 s, 600 MiB)"
    )
    serve.sort()
    print(
        f"serve first document:   {serve[len(serve) // 2]:.2f} s "
        f"({serve[0]:.2f}-{serve[-1]:.2f}) (budget 3 s)"
    )


if __name__ == "__main__":
    main()
