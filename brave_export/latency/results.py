"""What a latency run records: one `Trial` per burst, a `Summary` per test and overall, the `LatencyResult`."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import numpy as np

from .signals import BurstTest


def _stats(values: list[float], sr: int) -> dict:
    if not values:
        return {"mean": None, "std": None, "min": None, "max": None,
                "mean_ms": None, "std_ms": None, "min_ms": None, "max_ms": None}
    v = np.asarray(values, dtype=np.float64)
    d = {"mean": float(v.mean()), "std": float(v.std()), "min": float(v.min()), "max": float(v.max())}
    d.update({f"{k}_ms": 1000.0 * d[k] / sr for k in ("mean", "std", "min", "max")})
    return d


@dataclass
class Trial:
    test: str
    index: int
    onset: int                 # where the burst starts in the input (samples from the trial's start)
    input_onset: int | None    # detected (settings.detector)
    output_onset: int | None
    latency: int | None        # output_onset - input_onset
    flux_input_onset: int | None
    flux_output_onset: int | None
    flux_latency: int | None


@dataclass
class Summary:
    name: str
    kind: str
    length_ms: float
    level_db: float
    trials: int
    detected: int
    detection_rate: float
    latency: dict               # samples and ms: mean, std (jitter), min, max
    flux_detected: int
    flux_latency: dict
    agreement_rate: float | None  # trials where both detectors agree within one flux hop


@dataclass
class LatencyResult:
    model: str
    method: str
    sample_rate: int
    sample_rate_known: bool
    ratio: int
    buffer: int
    block: int
    host: str
    buffering_latency: int          # brave~: buffer - gcd(buffer, block)
    model_delay: int | None         # get_latency_samples(), when the model says
    expected_latency: int | None    # buffering + model delay, when known
    trials_per_test: int
    seed: int
    settings: dict
    tests: list[Summary]
    overall: Summary
    trials: list[Trial] = field(default_factory=list)
    model_calls: int = 0

    def as_dict(self) -> dict:
        return asdict(self)

    @property
    def latencies(self) -> list[int]:
        return [t.latency for t in self.trials if t.latency is not None]


def _summary(name: str, test: BurstTest | None, trials: list[Trial], sr: int, hop: int) -> Summary:
    lat = [t.latency for t in trials if t.latency is not None]
    flux = [t.flux_latency for t in trials if t.flux_latency is not None]
    both = [t for t in trials if t.latency is not None and t.flux_latency is not None]
    return Summary(
        name=name, kind=test.kind if test else "all", length_ms=test.length_ms if test else 0.0,
        level_db=test.level_db if test else 0.0, trials=len(trials), detected=len(lat),
        detection_rate=len(lat) / len(trials) if trials else 0.0, latency=_stats(lat, sr),
        flux_detected=len(flux), flux_latency=_stats(flux, sr),
        agreement_rate=(sum(abs(t.latency - t.flux_latency) <= hop for t in both) / len(both)) if both else None)
