"""Samples of buffering latency each host adds on top of the model's own delay: one function per
host mode, the one home of these formulas (latency, presets and the export's sidecar use them).

- brave~ (this project's Pd external): the model runs when BUFFER samples are collected; with Pd
  block N the FIFO's head start is B - gcd(B, N) in synchronous mode (default), K buffers more
  in worker mode (`-thread` / `thread 1`), whose results are taken K buffers later (its lookahead:
  `-lookahead K`, or from Pd's scheduler when not given).
- nn~, Pd frontend, as measured (nn~ 1.6, Pd 0.53.1): a 4096-sample ring (or the buffer when
  larger), plus one buffer when threaded (BUFFER > 0), minus the block.
- nn~, Max frontend (not measured here): nn~'s nominal figure, B - N, or 2B - N threaded.

Latent chains (`encode` into one object, `decode` in a second, as the latent patches do): the
encoder's frame for a `ratio`-sample chunk reaches the decoder one host's buffering L later and is
held for `ratio` samples; the decoder keeps one latent sample per `ratio`, so when the frame is
decoded depends on which sample it keeps. brave~ keeps the first of each chunk
(externals/engine/fifo.cpp's Stream::collect), nn~'s backend the last (`select(-1, -1)`): one formula
each, `brave_chain_latency` and `nn_chain_latency`, on top of the model's own delay.

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

    Mirrors brave::added_latency in externals/engine/fifo.cpp (keep the two in step)."""
    if buffer <= 0 or block <= 0:
        raise ValueError(f"buffer and block must be positive, got {buffer} and {block}")
    if lookahead < 1:
        raise ValueError(f"lookahead must be at least 1, got {lookahead}")
    return buffer - math.gcd(buffer, block) + (lookahead * buffer if worker else 0)


def brave_auto_lookahead(buffer: int, burst: int, block: int = 64) -> int:
    """brave~'s worker lookahead when none is given. Pd computes BURST samples back to back (one
    block with an audio callback, else its sleep grain: a quarter of -audiobuf, at most 5 ms), so a
    tick runs up to BURST - BLOCK samples late: K = 1 + ceil((BURST - BLOCK) / BUFFER) leaves every
    call at least one buffer of wall-clock time; at most 16. Mirrors brave::auto_lookahead."""
    if buffer <= 0 or burst <= block:
        return 1
    return max(1, min(16, 1 + -(-(burst - block) // buffer)))


def nn_pd_latency(buffer: int, block: int, threaded: bool) -> int:
    """Samples nn~'s Pd frontend adds, as measured: 4096-sample ring, plus one buffer when threaded."""
    ring = max(NN_DEFAULT_BUFFER, buffer)  # beyond 4096 not measured: assume the ring holds a buffer
    return ring + (buffer if threaded else 0) - block


def nn_nominal_latency(buffer: int, block: int, threaded: bool) -> int:
    """nn~'s nominal buffering (used for Max, where nothing was measured): B - N, 2B - N threaded."""
    return max(0, (2 * buffer if threaded else buffer) - block)


def brave_chain_latency(buffer: int, block: int, ratio: int, worker: bool = False, lookahead: int = 1) -> int:
    """Samples an encode -> decode chain of two brave~ objects adds to the model's own delay:
    L + ratio x ceil(L / ratio), L = brave_latency(buffer, block, worker, lookahead). The decoder keeps the
    first latent sample of each chunk, which holds the frame from ceil(L / ratio) frames before.
    Both objects must start collecting together (loaded with the patch, or `reset` in one message)."""
    lat = brave_latency(buffer, block, worker, lookahead)
    return lat + ratio * -(-lat // ratio)


def nn_chain_latency(host_latency: int, ratio: int) -> int:
    """Samples an encode -> decode chain of two nn~ objects adds to the model's own delay, each
    object buffering `host_latency` (nn_nominal_latency in Max, nn_pd_latency in Pd):
    L + ratio x floor(L / ratio). nn~ hands the decoder the last sample of each ratio chunk, so the
    encoder's frame for a block reaches the decoder in the same vector: with a host latency of
    B - N or 2B - N (nn~ in Max, signal vector N <= ratio) this is 2 x host - (ratio - N), not 2 x host."""
    return host_latency + ratio * (host_latency // ratio)
