"""Latent chains (encode in one object, decode in a second): what each host adds on top of the
model's own delay, hosts.brave_chain_latency and hosts.nn_chain_latency, checked against a
simulation of each host's perform routine and, for brave~, in real Pd."""

import numpy as np
import pytest

from brave_export import hosts
from brave_export.probe import write_probe

from .pd_util import Patch, check_stderr, run_pd

pytestmark = pytest.mark.fast

R = 128


def encode(x: np.ndarray, r: int = R) -> np.ndarray:
    """A latent model's encode: one value per r-sample frame (the probe's frame mean)."""
    return x.reshape(-1, r).mean(axis=1)


def decode(z: np.ndarray, r: int = R) -> np.ndarray:
    """... and its decode: each latent value back to r audio samples (the probe's repeat)."""
    return np.repeat(z, r)


class _Circular:
    """nn~'s circular_buffer (src/shared/circular_buffer.h): put overwrites the oldest sample when
    full; get gives zeros while empty."""

    def __init__(self, size: int):
        self.buf, self.size = np.zeros(size), size
        self.head = self.tail = 0
        self.full = False

    def put(self, xs) -> None:
        for v in xs:
            self.buf[self.head] = v
            self.head = (self.head + 1) % self.size
            if self.full:
                self.tail = (self.tail + 1) % self.size
            self.full = self.head == self.tail

    def get(self, n: int) -> np.ndarray:
        out = np.zeros(n)
        for i in range(n):
            if not self.full and self.head == self.tail:
                continue
            out[i] = self.buf[self.tail]
            self.tail = (self.tail + 1) % self.size
            self.full = False
        return out


class NnMax:
    """nn~'s Max perform (nn_tilde.cpp) and Backend::perform: collect `buffer` samples in a
    circular buffer; when full, keep the last sample of each in_ratio chunk (select(-1, -1)), call
    the method, repeat each output value out_ratio times into the output circular buffer; threaded,
    the output put is the previous call's result. Then the vector is read from the output buffer."""

    def __init__(self, method, in_ratio: int, out_ratio: int, buffer: int, threaded: bool):
        self.method, self.in_ratio, self.out_ratio = method, in_ratio, out_ratio
        self.buffer, self.threaded = buffer, threaded
        self.inp, self.out = _Circular(buffer), _Circular(buffer)
        self.pending = np.zeros(buffer)

    def _call(self, x: np.ndarray) -> np.ndarray:
        y = self.method(x.reshape(-1, self.in_ratio)[:, -1])
        return np.repeat(y, self.out_ratio)

    def perform(self, vec: np.ndarray) -> np.ndarray:
        self.inp.put(vec)
        if self.inp.full:
            x = self.inp.get(self.buffer)
            if self.threaded:
                self.out.put(self.pending)
                self.pending = self._call(x)
            else:
                self.out.put(self._call(x))
        return self.out.get(len(vec))


class Brave:
    """brave~'s perform (externals/engine/fifo.cpp): collect `buffer` samples keeping the first
    of each in_ratio chunk; each full buffer's result, each value repeated out_ratio times, goes to
    a FIFO that starts with hosts.brave_latency zeros (worker mode: the same stream, later)."""

    def __init__(self, method, in_ratio: int, out_ratio: int, buffer: int, block: int, worker: bool = False):
        self.method, self.in_ratio, self.out_ratio, self.buffer = method, in_ratio, out_ratio, buffer
        self.collect = np.zeros(buffer // in_ratio)
        self.collected = 0
        self.fifo = list(np.zeros(hosts.brave_latency(buffer, block, worker)))

    def perform(self, vec: np.ndarray) -> np.ndarray:
        for v in vec:
            if self.collected % self.in_ratio == 0:
                self.collect[self.collected // self.in_ratio] = v
            self.collected += 1
            if self.collected == self.buffer:
                self.collected = 0
                self.fifo += list(np.repeat(self.method(self.collect.copy()), self.out_ratio))
        out, self.fifo = self.fifo[:len(vec)], self.fifo[len(vec):]
        return np.array(out)


def run_chain(enc, dec, x: np.ndarray, vector: int) -> np.ndarray:
    return np.concatenate([dec.perform(enc.perform(x[i:i + vector])) for i in range(0, len(x), vector)])


def held_frames(x: np.ndarray, lag: int, r: int = R) -> np.ndarray:
    """What a chain delaying by `lag` outputs: each frame's mean held r samples, `lag` samples late."""
    return np.concatenate([np.zeros(lag), np.repeat(encode(x, r), r)])[:len(x)]


def _signal(n: int) -> np.ndarray:
    return np.random.default_rng(0).standard_normal(n)


@pytest.mark.parametrize("buffer, vector, threaded", [(128, 64, False), (128, 32, False), (128, 128, False),
                                                      (512, 64, False), (256, 64, True), (512, 256, False),
                                                      (1024, 256, True)])
def test_nn_max_chain_matches_a_simulation_of_nn_perform(buffer, vector, threaded):
    x = _signal(24 * buffer)
    enc = NnMax(encode, 1, R, buffer, threaded)
    dec = NnMax(decode, R, 1, buffer, threaded)
    y = run_chain(enc, dec, x, vector)
    chain = hosts.nn_chain_latency(hosts.nn_nominal_latency(buffer, vector, threaded), R)
    np.testing.assert_allclose(y, held_frames(x, chain), atol=1e-12)
    if vector <= R:  # the issue's reading of nn~: 2 x host - (ratio - vector), not 2 x host
        host = hosts.nn_nominal_latency(buffer, vector, threaded)
        assert chain == 2 * host - (R - vector)


def test_nn_max_chain_figures_from_the_issue():
    # the demo export at nn~ buffer 0 (128), vector 64: model delay 256 + 64 = 320, not 384
    assert 256 + hosts.nn_chain_latency(hosts.nn_nominal_latency(128, 64, False), 128) == 320
    # a ratio-2048 model at vector 64: 1984 added, the old 2 x host (3968) was 1984 too long
    assert hosts.nn_chain_latency(hosts.nn_nominal_latency(2048, 64, False), 2048) == 1984


@pytest.mark.parametrize("buffer, block, worker", [(128, 64, False), (512, 64, False), (128, 128, False),
                                                   (128, 256, False), (256, 64, True), (384, 256, False)])
def test_brave_chain_matches_a_simulation_of_brave_perform(buffer, block, worker):
    x = _signal(24 * max(buffer, block))
    enc = Brave(encode, 1, R, buffer, block, worker)
    dec = Brave(decode, R, 1, buffer, block, worker)
    y = run_chain(enc, dec, x, block)
    chain = hosts.brave_chain_latency(buffer, block, R, worker)
    np.testing.assert_allclose(y, held_frames(x, chain), atol=1e-12)


@pytest.mark.slow
@pytest.mark.parametrize("buffer", [128, 512])
def test_brave_chain_in_real_pd(buffer, tmp_path):
    """[brave~ probe.ts encode B] -> [brave~ probe.ts decode B] at Pd's block 64: the output is the
    input's frame means delayed by exactly hosts.brave_chain_latency, so a dry path delayed by the
    model's delay plus that figure lines up with the wet one (to the sample, not just the block)."""
    from .pd_util import build_external

    build_external()
    write_probe(tmp_path / "probe.ts", ratio=R)
    n = 16384
    patch = Patch(duration_ms=1000.0 * n / 44100 + 50)
    src = patch.obj("noise~")
    enc = patch.obj(f"brave~ probe.ts encode {buffer}")
    dec = patch.obj(f"brave~ probe.ts decode {buffer}")
    patch.chain(src, enc, dec)
    patch.record(src, "dry", n)
    patch.record(dec, "wet", n)
    run = run_pd(patch, tmp_path)
    check_stderr(run)
    dry, wet = run.arrays["dry"].astype(np.float64), run.arrays["wet"].astype(np.float64)
    chain = hosts.brave_chain_latency(buffer, 64, R)
    np.testing.assert_allclose(wet, held_frames(dry, chain), atol=1e-5)
    assert np.abs(wet).max() > 1e-3
    assert not np.allclose(wet, held_frames(dry, 2 * hosts.brave_latency(buffer, 64)), atol=1e-5)
