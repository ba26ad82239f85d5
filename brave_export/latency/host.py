"""brave~ in Pd, simulated sample for sample; its head start comes from hosts.brave_latency."""

from __future__ import annotations

from typing import Callable

import numpy as np

from ..hosts import brave_latency


class BraveHost:
    """brave~'s perform routine, sample for sample: per block of N input samples, collect into
    the B-sample model buffer (calling the model each time it fills and appending its B output
    samples to a FIFO), then output N samples from the FIFO, which starts with
    hosts.brave_latency(B, N, worker, lookahead) zeros (externals/engine/fifo.hpp). Worker mode
    appends each result LOOKAHEAD buffers later from a head start LOOKAHEAD buffers longer: the
    same output stream. tests/engine/fifo_cases.txt holds what it says for the cases the C++
    stream is tested on (tests/test_fifo.py)."""

    def __init__(self, call: Callable[[np.ndarray], np.ndarray], in_ch: int, out_ch: int, buffer: int,
                 block: int, worker: bool = False, lookahead: int = 1):
        self.call, self.in_ch, self.out_ch = call, in_ch, out_ch
        self.buffer, self.block, self.worker, self.lookahead = buffer, block, worker, lookahead
        self.latency = brave_latency(buffer, block, worker, lookahead)
        self.restart()

    def restart(self) -> None:
        self.in_buf = np.zeros((self.in_ch, self.buffer), dtype=np.float32)
        self.collected = 0
        self.fifo = np.zeros((self.out_ch, self.latency), dtype=np.float32)
        self.calls = 0

    def perform(self, block_in: np.ndarray) -> np.ndarray:
        n = block_in.shape[-1]
        i = 0
        while i < n:
            take = min(n - i, self.buffer - self.collected)
            self.in_buf[:, self.collected:self.collected + take] = block_in[:, i:i + take]
            self.collected += take
            i += take
            if self.collected == self.buffer:
                self.collected = 0
                y = self.call(self.in_buf)
                self.calls += 1
                self.fifo = np.concatenate([self.fifo, y], axis=1)
        out, self.fifo = self.fifo[:, :n], self.fifo[:, n:]
        return out

    def run(self, x: np.ndarray) -> np.ndarray:
        """Feed (in_ch, T) in blocks (T padded with silence to whole blocks); returns (out_ch, T)."""
        t = x.shape[-1]
        pad = -t % self.block
        if pad:
            x = np.concatenate([x, np.zeros((x.shape[0], pad), dtype=x.dtype)], axis=1)
        out = np.concatenate([self.perform(x[:, k:k + self.block]) for k in range(0, x.shape[-1], self.block)],
                             axis=1)
        return out[:, :t]
