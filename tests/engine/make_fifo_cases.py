"""Writes tests/engine/fifo_cases.txt (or the file given as the only argument): for each case of
buffer, host block, worker mode and lookahead, what brave_export/latency/host.py's simulation of
brave~ (BraveHost) outputs for a ramp through a model that returns its input, as runs of output
samples and the input samples they carry. tests/engine/fifo_test.cpp checks the C++ stream
against it; tests/test_fifo.py checks that the file still says what host.py says."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # this checkout's brave_export
from brave_export.hosts import brave_latency  # noqa: E402
from brave_export.latency.host import BraveHost  # noqa: E402

CASES_FILE = Path(__file__).resolve().parent / "fifo_cases.txt"
BUFFERS = (64, 100, 128, 256)
BLOCKS = (32, 64, 96, 256, 1024)
MODES = ((False, 1), (True, 1), (True, 3))  # synchronous; worker mode with lookahead 1 and 3


def samples_for(buffer: int, block: int, lookahead: int) -> int:
    """Whole blocks, long enough for the head start and several buffers after it."""
    want = (lookahead + 4) * buffer + 3 * block
    return -(-want // block) * block


def runs(carried: np.ndarray) -> list[tuple[int, int, int]]:
    """(at, count, src) runs of output samples carrying consecutive input samples (src -1: silence)."""
    out: list[tuple[int, int, int]] = []
    for t, src in enumerate(int(v) for v in carried):
        if out:
            at, count, first = out[-1]
            if (first < 0 and src < 0) or (first >= 0 and src == first + count):
                out[-1] = (at, count + 1, first)
                continue
        out.append((t, 1, src))
    return out


def simulate(buffer: int, block: int, worker: bool, lookahead: int) -> tuple[int, int, list[tuple[int, int, int]]]:
    """host.py's brave~ on a ramp (input sample t holds t + 1): (delay, samples, runs)."""
    n = samples_for(buffer, block, lookahead)
    host = BraveHost(lambda b: b.copy(), 1, 1, buffer, block, worker=worker, lookahead=lookahead)
    ramp = np.arange(1, n + 1, dtype=np.float32)[None, :]
    carried = host.run(ramp)[0].astype(np.int64) - 1  # -1: silence
    return brave_latency(buffer, block, worker, lookahead), n, runs(carried)


def cases_text() -> str:
    lines = ["# Written by tests/engine/make_fifo_cases.py from brave_export/latency/host.py: do not edit.",
             "# case BUFFER BLOCK WORKER LOOKAHEAD DELAY SAMPLES, then its runs: run AT COUNT SRC (output",
             "# samples [AT, AT + COUNT) carry input samples [SRC, SRC + COUNT); SRC -1: silence)."]
    for buffer in BUFFERS:
        for block in BLOCKS:
            for worker, lookahead in MODES:
                delay, n, rs = simulate(buffer, block, worker, lookahead)
                lines.append(f"case {buffer} {block} {int(worker)} {lookahead} {delay} {n}")
                lines += [f"run {at} {count} {src}" for at, count, src in rs]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    Path(sys.argv[1] if len(sys.argv) > 1 else CASES_FILE).write_text(cases_text())
