"""Background processes that a measurement starts and must always stop: the loads it runs beside
(a memory-bandwidth hog, a CPU hog) and ending a child's whole process group.

    with hog("memory"):          # one process streaming a 512 MB array, stopped at the end
        measure()
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .errors import UserError

HOGS = ("memory", "cpu")
HOG_MB = 512  # twice a large L3: every pass of the memory hog goes to memory

# The memory-bandwidth and cache hog (as a DAW or a browser can be): copies a large array back
# and forth until killed.
MEMORY_HOG = f"""
import numpy as np
a = np.ones({HOG_MB} * 2**20 // 8); b = np.empty_like(a)
while True:
    np.copyto(b, a); np.copyto(a, b)
"""
CPU_HOG = "while True:\n    pass\n"


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
        return True
    except (ProcessLookupError, PermissionError):
        return False


def stop_group(proc: subprocess.Popen | None, grace: float = 3.0) -> None:
    """Ends the process group a child started with start_new_session=True leads: SIGTERM, then
    SIGKILL after `grace` seconds."""
    if proc is None or proc.poll() is not None and not group_alive(proc.pid):
        return
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait)
            if not group_alive(proc.pid):
                return
        except subprocess.TimeoutExpired:
            pass


@contextmanager
def hog(kind: str | None, procs: int | None = None) -> Iterator[list[subprocess.Popen]]:
    """A background load for the duration of the block, always stopped: "memory" (`procs`
    processes, default 1, each streaming a 512 MB array), "cpu" (`procs` busy loops, default one
    per core), or None (nothing)."""
    if kind is not None and kind not in HOGS:
        raise UserError(f"unknown hog {kind!r}: use one of {', '.join(HOGS)} (or none)")
    started: list[subprocess.Popen] = []
    try:
        if kind is not None:
            n = procs or (1 if kind == "memory" else os.cpu_count() or 1)
            code = MEMORY_HOG if kind == "memory" else CPU_HOG
            for _ in range(n):
                started.append(subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL,
                                                stderr=subprocess.DEVNULL, start_new_session=True))
            time.sleep(1.0)  # let it allocate and start streaming
        yield started
    finally:
        for p in started:
            stop_group(p, grace=1.0)


def load_average() -> str:
    """/proc/loadavg's three figures: how busy the machine was."""
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"
