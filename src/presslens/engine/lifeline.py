"""Worker processes die with their parent.

A pool's workers are separate processes: when the parent is killed with
``kill -9`` nothing tells them, so they (and multiprocessing's resource tracker,
which waits for them) lived on holding their models' memory, accumulating across
crash and resume. On Linux the kernel sends a worker SIGKILL when its parent dies
(``prctl(PR_SET_PDEATHSIG)``); elsewhere a watchdog thread notices the parent is
gone and exits.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time

_PR_SET_PDEATHSIG = 1
_WATCH_S = 1.0


def die_with_parent(parent_pid: int | None = None) -> str:
    """Arrange for this process to end when ``parent_pid`` (its parent) does; says how."""
    parent_pid = parent_pid or os.getppid()
    how = "watchdog"
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
                how = "pdeathsig"
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent_pid:  # the parent died before the signal was armed
        os._exit(1)
    if how == "watchdog":
        threading.Thread(target=_watch, args=(parent_pid,), daemon=True).start()
    return how


def _watch(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(_WATCH_S)
    os._exit(1)
