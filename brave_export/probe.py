"""Probe models: tiny TorchScript files that follow the nn~ model protocol exactly.

A probe's `forward` returns its input delayed by exactly `delay` samples (a streaming cache
carries the delay across calls, `reset()` zeroes it), so a host that runs it can be measured
sample for sample: whatever delay comes out beyond `delay` is the host's own buffering.

`encode` / `decode` give the probe a "highest ratio" like a RAVE model's: `encode` averages
each `ratio`-sample frame (out_ratio = ratio), `decode` repeats each value `ratio` times
(in_ratio = ratio). Neither goes through the delay cache. With `latent` set (a latent size other
than the channel count), `encode` puts the channels' frame mean on every latent dimension and
`decode` averages the dimensions back onto every channel.

The faulty models that hosts must survive live here too, one home for the Pd tests and the C++
engine tests: `NaNModel` (NaN out), `SilentModel` (silence out), `SlowModel` (slow calls),
`SpikeModel` (one slow call on demand), `StallModel` (a slow call at a fixed rate), `NotNNModel`
(no nn~ protocol). `slow_rounds` sizes the slow ones' calls in milliseconds on this machine.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import List

import torch

from .fileio import atomic_paths
from .export.protocol import InfoGetters
from .hosts import is_power_of_two

SAMPLE_RATE = 44100


class _Probe(torch.nn.Module, InfoGetters):
    def __init__(self, ratio: int, delay: int, channels: int, latent: int):
        super().__init__()
        self.set_info(SAMPLE_RATE, ratio, buffer_size=ratio, model_delay=delay)
        self.channels = channels
        self.latent = latent
        # nn~ protocol: [in_channels, in_ratio, out_channels, out_ratio] per method.
        self.register_buffer("forward_params", torch.tensor([channels, 1, channels, 1]))
        self.register_buffer("encode_params", torch.tensor([channels, 1, latent, ratio]))
        self.register_buffer("decode_params", torch.tensor([latent, ratio, channels, 1]))
        # Streaming state: the last `delay` input samples per channel (batch 1).
        self.register_buffer("cache", torch.zeros(1, channels, delay))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.model_delay == 0:
            return x.clone()
        if self.cache.shape[0] != x.shape[0]:
            self.cache = torch.zeros(x.shape[0], self.channels, self.model_delay, dtype=x.dtype)
        n = x.shape[-1]
        y = torch.cat([self.cache, x], dim=-1)
        self.cache = y[:, :, n:].clone()
        return y[:, :, :n]

    @torch.jit.export
    def encode(self, x: torch.Tensor) -> torch.Tensor:
        b, c, n = x.shape
        z = x.reshape(b, c, n // self.ratio, self.ratio).mean(-1)
        if self.latent != c:
            z = z.mean(1, keepdim=True).expand(b, self.latent, n // self.ratio).contiguous()
        return z

    @torch.jit.export
    def decode(self, z: torch.Tensor) -> torch.Tensor:
        if self.latent != self.channels:
            z = z.mean(1, keepdim=True).expand(z.shape[0], self.channels, z.shape[-1]).contiguous()
        return z.repeat_interleave(self.ratio, dim=-1)

    @torch.jit.export
    def get_methods(self) -> List[str]:
        return ["forward", "encode", "decode"]

    @torch.jit.export
    def get_attributes(self) -> List[str]:
        return ["none"]

    @torch.jit.export
    def reset(self) -> None:
        self.cache.zero_()


def write_probe(path, ratio: int = 128, delay: int = 0, channels: int = 1, latent: int | None = None) -> Path:
    """Write a probe model to `path` (atomically) and return the path.

    forward: input delayed by `delay` samples, forward_params = [channels, 1, channels, 1];
    encode/decode: ratio `ratio` (a power of two), so the model's highest ratio is `ratio`;
    `latent` latent dimensions (default: as many as channels).
    """
    ratio, delay, channels = int(ratio), int(delay), int(channels)
    latent = channels if latent is None else int(latent)
    if latent < 1:
        raise ValueError(f"probe latent size must be >= 1, got {latent}")
    if not is_power_of_two(ratio):
        raise ValueError(f"probe ratio must be a power of two, got {ratio}")
    if delay < 0:
        raise ValueError(f"probe delay must be >= 0 samples, got {delay}")
    if channels < 1:
        raise ValueError(f"probe channels must be >= 1, got {channels}")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    module = torch.jit.script(_Probe(ratio, delay, channels, latent))
    with atomic_paths(path) as (tmp,):
        torch.jit.save(module, str(tmp))
    return path


class NaNModel(torch.nn.Module):
    """nn~ protocol, 1 -> 1 at audio rate, returns NaN for every sample."""

    def __init__(self):
        super().__init__()
        self.register_buffer("forward_params", torch.tensor([1, 1, 1, 1]))

    def forward(self, x):
        return x * float("nan")


class SilentModel(torch.nn.Module):
    """nn~ protocol, 1 -> 1 at audio rate, returns silence whatever comes in."""

    def __init__(self):
        super().__init__()
        self.register_buffer("forward_params", torch.tensor([1, 1, 1, 1]))

    def forward(self, x):
        return torch.zeros_like(x)


class SlowModel(torch.nn.Module):
    """nn~ protocol, 1 -> 1, returns its input after `rounds` products of `size` x `size`
    matrices (6 rounds of 128: about a millisecond on our test machine)."""

    def __init__(self, rounds: int, size: int = 128):
        super().__init__()
        self.rounds = rounds
        self.register_buffer("forward_params", torch.tensor([1, 1, 1, 1]))
        self.register_buffer("w", torch.randn(size, size) / math.sqrt(size))  # tanh stays away from saturation

    def forward(self, x):
        y = self.w
        for _ in range(self.rounds):
            y = torch.tanh(y @ self.w)
        return x + 0 * y.sum()


class SpikeModel(torch.nn.Module):
    """nn~ protocol, 1 -> 1, returns its input at once, except for a call whose first sample is
    above 1.5: that one first spends `rounds` products of `size` x `size` matrices (one slow call
    where a test wants it)."""

    def __init__(self, rounds: int, size: int = 256):
        super().__init__()
        self.rounds = rounds
        self.register_buffer("forward_params", torch.tensor([1, 1, 1, 1]))
        self.register_buffer("w", torch.randn(size, size) / math.sqrt(size))

    def forward(self, x):
        if bool(x[0, 0, 0] > 1.5):
            y = self.w
            for _ in range(self.rounds):
                y = torch.tanh(y @ self.w)
            return x + 0 * y.sum()
        return x


class StallModel(torch.nn.Module):
    """nn~ protocol, 1 -> 1, returns its input at once, except every `every`-th call, which first
    spends `rounds` products of `size` x `size` matrices: a synchronous [brave~] holding it stalls
    Pd's DSP thread at that rate (a host hiccup, where a test wants one)."""

    def __init__(self, rounds: int, every: int, size: int = 128):
        super().__init__()
        self.rounds, self.every, self.calls = rounds, every, 0
        self.register_buffer("forward_params", torch.tensor([1, 1, 1, 1]))
        self.register_buffer("w", torch.randn(size, size) / math.sqrt(size))

    def forward(self, x):
        self.calls += 1
        if self.calls % self.every == 0:
            y = self.w
            for _ in range(self.rounds):
                y = torch.tanh(y @ self.w)
            return x + 0 * y.sum()
        return x


def slow_rounds(ms: float, size: int = 128, samples: int = 128) -> int:
    """Rounds of `size` x `size` products (SlowModel, StallModel) that take at least `ms` on this
    machine, timed as brave~ calls a model (scripted, one intra-op thread): machines differ
    several-fold per call, fixed rounds do not."""
    import time

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        module = torch.jit.script(SlowModel(20, size))
        x = torch.zeros(1, 1, samples)
        for _ in range(5):
            module(x)
        times = []
        for _ in range(15):
            t0 = time.perf_counter()
            module(x)
            times.append(time.perf_counter() - t0)
    finally:
        torch.set_num_threads(threads)
    per_round_ms = 1000.0 * sorted(times)[len(times) // 2] / 20
    return max(1, math.ceil(ms / per_round_ms))


class NotNNModel(torch.nn.Module):
    """TorchScript, but no nn~ model: no methods, no *_params."""

    def forward(self, x):
        return x * 2


def save_module(module: torch.nn.Module, path) -> Path:
    """Script `module` and save it to `path` (atomically); returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    scripted = torch.jit.script(module)
    with atomic_paths(path) as (tmp,):
        torch.jit.save(scripted, str(tmp))
    return path
