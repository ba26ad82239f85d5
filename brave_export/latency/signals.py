"""The test bursts: what the evaluator feeds the model, and the Pd latency patch's own burst."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

SIGNALS = ("noise", "sines", "harmonic")  # the kinds of test burst
LENGTHS_MS = (50.0, 300.0)
LEVELS_DB = (-6.0, -24.0)


@dataclass(frozen=True)
class BurstTest:
    kind: str
    length_ms: float
    level_db: float

    @property
    def name(self) -> str:
        return f"{self.kind}/{self.length_ms:g}ms/{self.level_db:g}dB"


TESTS = tuple(BurstTest(k, n, l) for k in SIGNALS for n in LENGTHS_MS for l in LEVELS_DB)
# The burst the Pd latency patch sends (patches/pd/bx-burst~.pd): Pd's noise~ (uniform in [-1, 1))
# times 0.5, under a (1 - t / 60 ms)^4 envelope. With detector="peak" the evaluator measures what
# the patch measures, for comparing the simulated host with real Pd.
PD_PATCH_TEST = BurstTest("pd-noise", 60.0, 20 * math.log10(0.5))


def burst(test: BurstTest, sr: int, rng: np.random.Generator) -> np.ndarray:
    """One test burst: peak level `level_db` dBFS, exponential decay to -43 dB over its length
    (PD_PATCH_TEST: the Pd latency patch's burst)."""
    n = max(1, int(round(test.length_ms * 1e-3 * sr)))
    t = np.arange(n) / sr
    if test.kind == "pd-noise":  # PD_PATCH_TEST: level is the noise's amplitude, not normalized
        x = rng.uniform(-1.0, 1.0, n) * (1.0 - t / (test.length_ms * 1e-3)) ** 4
        return (10 ** (test.level_db / 20) * x).astype(np.float32)
    if test.kind == "noise":
        x = rng.standard_normal(n)
    elif test.kind == "sines":
        freqs = np.geomspace(100.0, 8000.0, 8) * rng.uniform(0.97, 1.03, 8)
        phases = rng.uniform(0, 2 * np.pi, 8)
        x = np.sin(2 * np.pi * freqs[:, None] * t + phases[:, None]).sum(0)
    elif test.kind == "harmonic":
        f0 = rng.uniform(110.0, 440.0)
        ks = np.arange(1, 11)
        ks = ks[ks * f0 < 0.45 * sr]
        phases = rng.uniform(0, 2 * np.pi, len(ks))
        x = (np.sin(2 * np.pi * f0 * ks[:, None] * t + phases[:, None]) / ks[:, None]).sum(0)
    else:
        raise ValueError(test.kind)
    x = x * np.exp(-t / (test.length_ms * 1e-3 / 5.0))
    return (10 ** (test.level_db / 20) * x / np.max(np.abs(x))).astype(np.float32)
