"""What a latency run records: one `Trial` per burst, a `Summary` per test and overall, the `LatencyResult`."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import numpy as np

from .signals import BurstTest


STAT_KEYS = ("median", "p10", "p90", "mean", "std", "min", "max")
MISSED_BELOW = 0.5  # a test whose detection rate is under this is reported as missed, not averaged in


def latency_stats(values: list[float], sr: int) -> dict:
    """Median and 10th / 90th percentiles first (robust to a detector's stray late onsets); mean and
    standard deviation (jitter) kept beside them."""
    if not values:
        return {k: None for k in STAT_KEYS} | {f"{k}_ms": None for k in STAT_KEYS}
    v = np.asarray(values, dtype=np.float64)
    d = {"median": float(np.median(v)), "p10": float(np.percentile(v, 10)), "p90": float(np.percentile(v, 90)),
         "mean": float(v.mean()), "std": float(v.std()), "min": float(v.min()), "max": float(v.max())}
    d.update({f"{k}_ms": 1000.0 * d[k] / sr for k in STAT_KEYS})
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
    output_peak: float = 0.0   # largest output magnitude of the trial (0: the model gave silence)


@dataclass
class Summary:
    name: str
    kind: str
    length_ms: float
    level_db: float
    trials: int
    detected: int
    detection_rate: float
    latency: dict               # samples and ms: median, p10, p90, mean, std (jitter), min, max
    flux_detected: int
    flux_latency: dict
    agreement_rate: float | None  # trials where both detectors agree within one flux hop
    missed: bool = False        # a test: most trials found no onset. Overall: every test was missed
    measured_tests: int = 0     # overall: tests not missed, whose trials its statistics pool


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
    window: int | None = None       # samples after the input onset in which an output onset counts

    def as_dict(self) -> dict:
        return asdict(self)

    @property
    def latencies(self) -> list[int]:
        return [t.latency for t in self.trials if t.latency is not None]


def _summary(name: str, test: BurstTest | None, trials: list[Trial], sr: int, hop: int,
             pooled: list[Trial] | None = None) -> Summary:
    """Statistics of `trials`; for the overall summary, `pooled` holds the trials of the tests not
    missed (its latency figures), while the detection rate counts every trial."""
    lat = [t.latency for t in trials if t.latency is not None]
    pool = trials if pooled is None else pooled
    pooled_lat = [t.latency for t in pool if t.latency is not None]
    flux = [t.flux_latency for t in pool if t.flux_latency is not None]
    both = [t for t in pool if t.latency is not None and t.flux_latency is not None]
    rate = len(lat) / len(trials) if trials else 0.0
    return Summary(
        name=name, kind=test.kind if test else "all", length_ms=test.length_ms if test else 0.0,
        level_db=test.level_db if test else 0.0, trials=len(trials), detected=len(lat),
        detection_rate=rate, latency=latency_stats(pooled_lat, sr),
        flux_detected=len(flux), flux_latency=latency_stats(flux, sr),
        agreement_rate=(sum(abs(t.latency - t.flux_latency) <= hop for t in both) / len(both)) if both else None,
        missed=(rate < MISSED_BELOW) if pooled is None else not pooled_lat)


def _overall(tests: list[Summary], trials: list[Trial], sr: int, hop: int) -> Summary:
    """Every trial counts toward the detection rate; the latency figures pool the tests not missed."""
    measured = {s.name for s in tests if not s.missed}
    s = _summary("overall", None, trials, sr, hop, pooled=[t for t in trials if t.test in measured])
    s.measured_tests = len(measured)
    return s
