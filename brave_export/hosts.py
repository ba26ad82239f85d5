"""Samples of buffering latency each host adds on top of the model's own delay: one function per
host mode, the one home of these formulas (latency, presets and the export's sidecar use them).

- brave~ (this project's Pd external): the model runs when BUFFER samples are collected; with Pd
  block N the FIFO's head start is B - gcd(B, N) in synchronous mode (default), K buffers more
  in worker mode (`-thread` / `thread 1`), whose results are taken K buffers later (its lookahead:
  `-lookahead K`, or from Pd's scheduler when not given).
- nn~, Pd frontend, as measured (nn~ 1.6, Pd 0.53.1): a 4096-sample ring (or the buffer when
  larger), plus one buffer when threaded (BUFFER > 0), minus the block.
- nn~, Max frontend (not measured here): nn~'s nominal figure, B - N, or 2B - N threaded.

The sizes hosts take (nn~ buffers, Pd blocks, Max signal vectors) are powers of two: the one
check of that is `is_power_of_two`.
"""

from __future__ import annotations

import math

NN_DEFAULT_BUFFER = 4096  # nn~'s BUFFER default, and the size its Pd frontend gives its ring buffers


def is_power_of_two(n) -> bool:
    """An integer 1, 2, 4, 8, ... (bools and floats are not)."""
    return isinstance(n, int) and not isinstance(n, bool) and n >= 1 and n & (n - 1) == 0


def next_power_of_two(n: int) -> int:
    """The least power of two >= n (1 for n <= 1)."""
    return 1 << (max(1, n) - 1).bit_length()


def brave_latency(buffer: int, block: int, worker: bool = False, lookahead: int = 1) -> int:
    """Samples brave~ adds with buffer B at Pd block N: B - gcd(B, N), plus K x B in worker mode
    with lookahead K.

    Mirrors brave::added_latency in externals/engine/engine.cpp (keep the two in step)."""
    if buffer <= 0 or block <= 0:
        raise ValueError(f"buffer and block must be positive, got {buffer} and {block}")
    if lookahead < 1:
        raise ValueError(f"lookahead must be at least 1, got {lookahead}")
    return buffer - math.gcd(buffer, block) + (lookahead * buffer if worker else 0)


def brave_auto_lookahead(buffer: int, burst: int) -> int:
    """brave~'s worker lookahead when none is given: enough buffers to span one burst of Pd's
    scheduler (one block with an audio callback, else its sleep grain: a quarter of -audiobuf,
    at most 5 ms), at least 1, at most 16. Mirrors brave::auto_lookahead."""
    if buffer <= 0 or burst <= 0:
        return 1
    return max(1, min(16, -(-burst // buffer)))


def nn_pd_latency(buffer: int, block: int, threaded: bool) -> int:
    """Samples nn~'s Pd frontend adds, as measured: 4096-sample ring, plus one buffer when threaded."""
    ring = max(NN_DEFAULT_BUFFER, buffer)  # beyond 4096 not measured: assume the ring holds a buffer
    return ring + (buffer if threaded else 0) - block


def nn_nominal_latency(buffer: int, block: int, threaded: bool) -> int:
    """nn~'s nominal buffering (used for Max, where nothing was measured): B - N, 2B - N threaded."""
    return max(0, (2 * buffer if threaded else buffer) - block)
