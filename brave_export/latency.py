"""Offline latency and jitter of a streaming nn~ model, as brave~ in Pd would play it.

In the spirit of the paper's evaluation: test bursts (white noise, stacked log-spaced sines,
harmonic tones; two lengths, two levels; exponential decay) start at a random, seeded sample
position; the burst goes through the model exactly as brave~ feeds it (blocks of N samples in,
one model call each time B samples are collected, B - gcd(B, N) samples of head start in the
output FIFO); onsets are found in the input and in the output, and the latency of a trial is the
difference. The host is simulated sample for sample: on a model whose output is its input
delayed (the tests' probes), the figures equal what the Pd latency patch measures with brave~ at
the same buffer and block. On a real model the onset detector matters (a model smears an onset,
and detectors disagree on where a smeared onset starts): `detector="peak"` uses the Pd patch's
own detector, for comparing the two.

Onset detectors
---------------
Envelope difference (`detector="envelope"`, the default): the signal is high-passed (2nd-order
Butterworth, `highpass_hz`), rectified and followed by two one-pole envelope followers, a fast
one (`fast_ms`) and a slow one (`slow_ms`); both are taken in dB, and the onset is the first
sample where fast minus slow reaches `threshold_db` while the fast envelope is above `floor_db`
dBFS, moved back to where that rise began (the sample after the last one, at most `slow_ms`
earlier, where fast minus slow was under `backtrack_db`; None keeps the crossing itself). The
followers run over the whole recording, so a model that hums before the burst sets the slow
follower's baseline and only a real rise counts.

Peak threshold (`detector="peak"`, what patches/pd/latency-*.pd does): the first sample from the
search start whose magnitude reaches `peak_fraction` times the largest magnitude from there on
and `peak_floor_factor` times the largest magnitude before the search start.

Spectral flux (second opinion, whichever detector is chosen): Hann frames of `flux_frame`
samples every `flux_hop` samples, log-compressed magnitudes log(1 + 100 |X|), flux = sum of the
positive increases from one frame to the next; the onset is the first frame whose flux reaches
`flux_ratio` times the largest flux of the searched span (and at least `flux_min`), placed at
the start of the samples that frame added; that flux must also be `flux_contrast` times the
median flux of the span, so a steady noise floor gives no onset. Its resolution is one hop.

The output onset is looked for from the input onset plus the host's buffering (brave~'s output
at sample n depends on the input up to n - L only; the peak detector, like the Pd patch, from
the input onset itself, so that its noise floor is output the burst has not reached) to
`search_s` seconds past the model's declared delay. A trial whose output onset is not found
there is counted as missed; it never stops the run.
"""

from __future__ import annotations

import math
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np

from .errors import UserError
from .hosts import brave_latency, is_power_of_two

DETECTORS = ("envelope", "peak")
WARMUP_CALLS = 3  # as brave~: calls on silence at load, then reset()
KINDS = ("noise", "sines", "harmonic")
LENGTHS_MS = (50.0, 300.0)
LEVELS_DB = (-6.0, -24.0)
PRE_ROLL_S = 0.25  # silence before the earliest onset: the output settles, the slow follower too


# ----------------------------------------------------------------------------------- detectors

@dataclass
class DetectorSettings:
    highpass_hz: float = 40.0
    fast_ms: float = 1.0
    slow_ms: float = 30.0
    threshold_db: float = 9.0
    floor_db: float = -60.0
    backtrack_db: float | None = 3.0
    detector: str = "envelope"
    peak_fraction: float = 0.2
    peak_floor_factor: float = 2.0
    flux_frame: int = 512
    flux_hop: int = 64
    flux_ratio: float = 0.3
    flux_min: float = 1.0
    flux_contrast: float = 4.0

    def check(self) -> None:
        if self.detector not in DETECTORS:
            raise UserError(f"detector: unknown detector '{self.detector}', use one of {', '.join(DETECTORS)}")
        if not 0 < self.peak_fraction <= 1:
            raise UserError(f"detector: peak_fraction must be in (0, 1], got {self.peak_fraction}")
        if self.peak_floor_factor < 0:
            raise UserError(f"detector: peak_floor_factor must be >= 0, got {self.peak_floor_factor}")
        if not 0 < self.fast_ms < self.slow_ms:
            raise UserError(f"detector: need 0 < fast_ms < slow_ms, got {self.fast_ms} and {self.slow_ms}")
        if self.threshold_db <= 0:
            raise UserError(f"detector: threshold_db must be > 0 dB, got {self.threshold_db}")
        if self.highpass_hz < 0:
            raise UserError(f"detector: highpass_hz must be >= 0, got {self.highpass_hz}")
        if not (0 < self.flux_hop <= self.flux_frame):
            raise UserError("detector: need 0 < flux_hop <= flux_frame")
        if not 0 < self.flux_ratio <= 1:
            raise UserError(f"detector: flux_ratio must be in (0, 1], got {self.flux_ratio}")


def _one_pole(x: np.ndarray, tau_ms: float, sr: int) -> np.ndarray:
    from scipy.signal import lfilter

    a = math.exp(-1.0 / (tau_ms * 1e-3 * sr))
    return lfilter([1.0 - a], [1.0, -a], x)


def envelope_difference(x: np.ndarray, sr: int, s: DetectorSettings) -> tuple[np.ndarray, np.ndarray]:
    """(fast - slow in dB, fast in dBFS) for every sample of x."""
    from scipy.signal import butter, lfilter

    x = np.asarray(x, dtype=np.float64)
    if s.highpass_hz > 0:
        b, a = butter(2, s.highpass_hz / (sr / 2), btype="highpass")
        x = lfilter(b, a, x)
    r = np.abs(x)
    tiny = 1e-12
    fast = 20 * np.log10(_one_pole(r, s.fast_ms, sr) + tiny)
    slow = 20 * np.log10(_one_pole(r, s.slow_ms, sr) + tiny)
    return fast - slow, fast


def envelope_onset(x: np.ndarray, sr: int, s: DetectorSettings | None = None, start: int = 0,
                   stop: int | None = None) -> int | None:
    """First sample in [start, stop) where the envelope difference crosses the threshold."""
    s = s or DetectorSettings()
    diff, fast = envelope_difference(x, sr, s)
    hit = (diff >= s.threshold_db) & (fast >= s.floor_db)
    idx = np.flatnonzero(hit[start:stop])
    if not len(idx):
        return None
    t = int(start + idx[0])
    if s.backtrack_db is None:
        return t
    # back to where the rise began: just after the last sample (at most one slow time constant
    # earlier, not before `start`) where fast - slow was still under backtrack_db
    lo = max(start, t - int(s.slow_ms * 1e-3 * sr))
    below = np.flatnonzero(diff[lo:t] < s.backtrack_db)
    return int(lo + below[-1] + 1) if len(below) else lo


def peak_onset(x: np.ndarray, s: DetectorSettings | None = None, start: int = 0,
               stop: int | None = None) -> int | None:
    """First sample in [start, stop) reaching `peak_fraction` x the span's peak magnitude and
    `peak_floor_factor` x the peak magnitude before `start` (the Pd latency patch's bx-onset)."""
    s = s or DetectorSettings()
    a = np.abs(np.asarray(x, dtype=np.float64))
    span = a[start:stop]
    if not len(span):
        return None
    level = max(s.peak_fraction * float(span.max()),
                s.peak_floor_factor * float(a[:start].max()) if start > 0 else 0.0)
    if level <= 0:
        return None  # silence: no onset
    idx = np.flatnonzero(span >= level)
    return int(start + idx[0]) if len(idx) else None


def find_onset(x: np.ndarray, sr: int, s: DetectorSettings, start: int = 0, stop: int | None = None) -> int | None:
    """The onset by the chosen detector (`s.detector`)."""
    if s.detector == "peak":
        return peak_onset(x, s, start, stop)
    return envelope_onset(x, sr, s, start, stop)


def _output_search_start(input_onset: int, buffering: int, s: DetectorSettings) -> int:
    # brave~'s output at sample n depends on input up to n - L only: search from there. The peak
    # detector searches from the input's onset, as the Pd patch does: its noise floor is the output
    # before that, which the burst cannot have reached yet.
    return input_onset if s.detector == "peak" else input_onset + buffering


def spectral_flux(x: np.ndarray, s: DetectorSettings) -> tuple[np.ndarray, np.ndarray]:
    """(flux per frame, first new sample of each frame); frame k spans [k*hop, k*hop + frame)."""
    x = np.asarray(x, dtype=np.float64)
    frame, hop = s.flux_frame, s.flux_hop
    if len(x) < frame + hop:
        return np.zeros(0), np.zeros(0, dtype=np.int64)
    n = 1 + (len(x) - frame) // hop
    frames = np.lib.stride_tricks.sliding_window_view(x, frame)[::hop][:n]
    mag = np.log1p(100.0 * np.abs(np.fft.rfft(frames * np.hanning(frame), axis=1)))
    flux = np.maximum(mag[1:] - mag[:-1], 0).sum(axis=1)
    new_start = np.arange(1, n) * hop + frame - hop
    return flux, new_start


def flux_onset(x: np.ndarray, sr: int, s: DetectorSettings | None = None, start: int = 0,
               stop: int | None = None) -> int | None:
    """Onset by spectral flux in [start, stop), to within one hop."""
    s = s or DetectorSettings()
    flux, new_start = spectral_flux(x, s)
    stop = len(x) if stop is None else stop
    span = (new_start >= start) & (new_start < stop)
    if not span.any():
        return None
    peak = flux[span].max()
    level = max(s.flux_ratio * peak, s.flux_min, s.flux_contrast * float(np.median(flux[span])))
    if peak < level:
        return None  # nothing stands out of the span: no onset
    hit = span & (flux >= level)
    idx = np.flatnonzero(hit)
    return int(new_start[idx[0]]) if len(idx) else None


# ----------------------------------------------------------------------------------- test bursts

@dataclass(frozen=True)
class BurstTest:
    kind: str
    length_ms: float
    level_db: float

    @property
    def name(self) -> str:
        return f"{self.kind}/{self.length_ms:g}ms/{self.level_db:g}dB"


TESTS = tuple(BurstTest(k, n, l) for k in KINDS for n in LENGTHS_MS for l in LEVELS_DB)
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


# ----------------------------------------------------------------------------------- the host

class BraveHost:
    """brave~'s perform routine, sample for sample: per block of N input samples, collect into
    the B-sample model buffer (calling the model each time it fills and appending its B output
    samples to a FIFO), then output N samples from the FIFO, which starts with
    hosts.brave_latency(B, N, worker) zeros (externals/engine/engine.cpp). Worker mode appends
    each result one buffer later from a head start one buffer longer: the same output stream."""

    def __init__(self, call: Callable[[np.ndarray], np.ndarray], in_ch: int, out_ch: int, buffer: int,
                 block: int, worker: bool = False):
        self.call, self.in_ch, self.out_ch = call, in_ch, out_ch
        self.buffer, self.block, self.worker = buffer, block, worker
        self.latency = brave_latency(buffer, block, worker)
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


# ----------------------------------------------------------------------------------- the model

@dataclass
class _Model:
    module: object
    path: Path
    method: str
    in_ch: int
    out_ch: int
    ratio: int
    sample_rate: int
    sample_rate_known: bool
    delay: int | None
    has_reset: bool


def _open(model_path, method: str) -> _Model:
    from .modelfacts import model_facts

    facts = model_facts(model_path)  # a path, or the facts a caller already read
    path, m = facts.path, facts.method(method)
    if m.in_ratio != 1 or m.out_ratio != 1:
        raise UserError(f"method '{method}' of {path} is not audio in, audio out (ratios {m.in_ratio} -> "
                        f"{m.out_ratio}): latency is measured on a method like forward")
    ratio = math.lcm(*[r for x in facts.methods for r in (x.in_ratio, x.out_ratio)])  # brave~'s buffer quantum
    sr = facts.sample_rate
    return _Model(facts.module, path, method, m.in_channels, m.out_channels, ratio, sr or 44100, sr is not None,
                  facts.model_delay, facts.has("reset"))


def _caller(model: _Model, buffer: int) -> Callable[[np.ndarray], np.ndarray]:
    import torch

    fn = getattr(model.module, model.method)
    expected = (1, model.out_ch, buffer)

    def call(x: np.ndarray) -> np.ndarray:
        with torch.inference_mode():
            y = fn(torch.from_numpy(x[None]).float())
        if not isinstance(y, torch.Tensor) or tuple(y.shape) != expected:
            raise UserError(f"model output size is not consistent: method '{model.method}' returned "
                            f"{tuple(getattr(y, 'shape', ()))}, expected {expected}")
        return y[0].float().numpy().astype(np.float32, copy=False)

    return call


# ----------------------------------------------------------------------------------- results

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


# ----------------------------------------------------------------------------------- evaluate

def _progress(total: int, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, desc="latency", unit="trial", file=sys.stderr, disable=not enabled, leave=False,
                dynamic_ncols=True)


def evaluate(model_path, buffer: int | None = None, block: int = 64, trials: int = 8, seed: int = 0,
             method: str = "forward", settings: DetectorSettings | None = None, search_s: float = 0.5,
             tests=TESTS, latent_noise: bool | None = None, progress: bool = False,
             worker: bool = False) -> LatencyResult:
    """Latency and jitter of `model_path` run by brave~ with `buffer` (default: the model's ratio)
    at Pd block `block` (in its worker mode when `worker`); `trials` trials for each test burst."""
    import torch

    settings = settings or DetectorSettings()
    settings.check()
    if not is_power_of_two(block):
        raise UserError(f"block {block} is not a power of two (Pd block sizes are)")
    if trials < 1:
        raise UserError(f"trials must be >= 1, got {trials}")
    if search_s <= 0:
        raise UserError("search_s must be > 0")
    model = _open(model_path, method)
    b = model.ratio if buffer is None else int(buffer)
    if b < 1 or b % model.ratio:
        raise UserError(f"buffer {b} does not fit {model.path.name}: it must be a positive multiple of the "
                        f"model's ratio {model.ratio}")
    if latent_noise is not None:
        from .modelfacts import _has

        if _has(model.module, "set_latent_noise"):
            model.module.set_latent_noise(bool(latent_noise))
    torch.manual_seed(seed)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # one intra-op thread, as brave~ runs the model
    try:
        return _evaluate(model, b, block, trials, seed, method, settings, search_s, tests, progress, worker)
    finally:
        torch.set_num_threads(threads)


def _evaluate(model: _Model, b: int, block: int, trials: int, seed: int, method: str,
              settings: DetectorSettings, search_s: float, tests, progress: bool, worker: bool) -> LatencyResult:
    import torch

    sr = model.sample_rate
    call = _caller(model, b)
    host = BraveHost(call, model.in_ch, model.out_ch, b, block, worker=worker)
    # brave~ at load: a few calls on silence (checks the shape, lets the JIT optimize), then reset()
    for _ in range(WARMUP_CALLS):
        call(np.zeros((model.in_ch, b), dtype=np.float32))

    rng = np.random.default_rng(seed)
    span = max(1024, 4 * math.lcm(b, block))       # onset positions: every phase of buffer and block
    pre = int(PRE_ROLL_S * sr)
    window = host.latency + (model.delay or 0) + int(search_s * sr)
    records: list[Trial] = []
    calls = 0
    with _progress(len(tests) * trials, progress) as bar:
        for test in tests:
            for i in range(trials):
                if model.has_reset:
                    with torch.inference_mode():  # as brave~ does: the state tensors are inference tensors
                        model.module.reset()
                host.restart()
                onset = pre + int(rng.integers(0, span))
                x = burst(test, sr, rng)
                total = onset + max(window, len(x)) + settings.flux_frame
                sig = np.zeros(total, dtype=np.float32)
                sig[onset:onset + len(x)] = x
                y = host.run(np.repeat(sig[None], model.in_ch, axis=0))[0]
                calls += host.calls
                if not np.all(np.isfinite(y)):
                    y = np.nan_to_num(y, nan=0.0, posinf=0.0, neginf=0.0)
                t_in = find_onset(sig, sr, settings)
                t_out = (find_onset(y, sr, settings, start=_output_search_start(t_in, host.latency, settings))
                         if t_in is not None else None)
                f_in = flux_onset(sig, sr, settings)
                f_out = (flux_onset(y, sr, settings, start=max(0, f_in + host.latency - settings.flux_hop))
                         if f_in is not None else None)
                records.append(Trial(
                    test=test.name, index=i, onset=onset, input_onset=t_in, output_onset=t_out,
                    latency=(t_out - t_in) if t_out is not None else None,
                    flux_input_onset=f_in, flux_output_onset=f_out,
                    flux_latency=(f_out - f_in) if f_out is not None else None))
                bar.update(1)
    summaries = [_summary(t.name, t, [r for r in records if r.test == t.name], sr, settings.flux_hop)
                 for t in tests]
    return LatencyResult(
        model=str(model.path), method=method, sample_rate=sr, sample_rate_known=model.sample_rate_known,
        ratio=model.ratio, buffer=b, block=block, host="brave~ -thread" if worker else "brave~",
        buffering_latency=host.latency,
        model_delay=model.delay,
        expected_latency=host.latency + model.delay if model.delay is not None else None,
        trials_per_test=trials, seed=seed, settings=asdict(settings), tests=summaries,
        overall=_summary("overall", None, records, sr, settings.flux_hop), trials=records, model_calls=calls)


def evaluate_as_pd_patch(model_path, buffer: int | None = None, block: int = 64, trials: int = 10,
                         seed: int = 0) -> LatencyResult:
    """`evaluate` with the Pd latency patch's burst (PD_PATCH_TEST) and onset detector ("peak"):
    what patches/pd/latency-brave.pd measures, through the simulated brave~ host."""
    return evaluate(model_path, buffer=buffer, block=block, trials=trials, seed=seed, tests=(PD_PATCH_TEST,),
                    settings=DetectorSettings(detector="peak"))


# ----------------------------------------------------------------------------------- output

def _fmt(v, digits=1) -> str:
    return "-" if v is None else f"{v:.{digits}f}"


def format_result(r: LatencyResult) -> str:
    lines = [
        f"model: {r.model} ({r.method}, ratio {r.ratio}, {r.sample_rate} Hz"
        + ("" if r.sample_rate_known else " assumed") + ")",
        f"host: {r.host} buffer {r.buffer} at Pd block {r.block}: buffering {r.buffering_latency} samples "
        f"({1000 * r.buffering_latency / r.sample_rate:.2f} ms)"
        + (f"; model delay {r.model_delay}; expected {r.expected_latency} samples "
           f"({1000 * r.expected_latency / r.sample_rate:.2f} ms)" if r.expected_latency is not None else ""),
        f"{r.trials_per_test} trials per test, seed {r.seed}",
        "",
        f"{'test':<24}{'detected':>9}{'mean':>10}{'jitter':>9}{'min':>9}{'max':>9}   "
        f"{'mean ms':>8}{'jit ms':>8}{'min ms':>8}{'max ms':>8}   {'flux (second opinion)':>21}",
    ]
    lines.append("-" * len(lines[-1]))
    for s in [*r.tests, r.overall]:
        L, F = s.latency, s.flux_latency
        lines.append(
            f"{s.name:<24}{s.detected:>4}/{s.trials:<4}{_fmt(L['mean']):>10}{_fmt(L['std']):>9}{_fmt(L['min'], 0):>9}"
            f"{_fmt(L['max'], 0):>9}   {_fmt(L['mean_ms'], 2):>8}{_fmt(L['std_ms'], 2):>8}{_fmt(L['min_ms'], 2):>8}"
            f"{_fmt(L['max_ms'], 2):>8}   {s.flux_detected:>6}/{s.trials:<4}{_fmt(F['mean']):>11}")
    o = r.overall
    lines += ["", f"latency ({r.settings['detector']} detector, samples): mean {_fmt(o.latency['mean'])}, jitter (std) "
                  f"{_fmt(o.latency['std'])}, detection rate {o.detection_rate:.0%}; spectral flux agrees within "
                  f"{r.settings['flux_hop']} samples in "
                  + ("-" if o.agreement_rate is None else f"{o.agreement_rate:.0%}") + " of trials"]
    return "\n".join(lines)


def _atomic(path: Path, write: Callable[[str], None]) -> None:
    """`write(tmp)` a temporary file beside `path`, then rename it into place."""
    from .fileio import atomic_paths

    path = Path(path)
    if not path.parent.is_dir():
        raise UserError(f"cannot write {path}: folder {path.parent} does not exist")
    with atomic_paths(path) as (tmp,):
        write(str(tmp))


def write_json(r: LatencyResult, path) -> Path:
    import json

    def write(tmp):
        with open(tmp, "w") as f:
            json.dump(r.as_dict(), f, indent=2)
            f.write("\n")

    _atomic(Path(path), write)
    return Path(path)


def write_plot(r: LatencyResult, path) -> Path:
    """Histogram of per-trial latencies (ms), one colour per burst kind, expected latency marked."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sr = r.sample_rate
    fig, ax = plt.subplots(figsize=(8, 4.5), dpi=100)
    data = {k: [1000.0 * t.latency / sr for t in r.trials if t.latency is not None and t.test.startswith(k)]
            for k in KINDS}
    every = [v for vs in data.values() for v in vs]
    if every:
        lo, hi = min(every), max(every)
        width = max(1000.0 * max(1, r.block // 8) / sr, (hi - lo) / 40 if hi > lo else 0.0)
        bins = np.arange(lo - 1.5 * width, hi + 2 * width, width)  # each value mid-bin
        ax.hist([data[k] for k in KINDS], bins=bins, stacked=True, label=list(KINDS))
    else:
        ax.text(0.5, 0.5, "no output onset detected", ha="center", va="center", transform=ax.transAxes)
    if r.expected_latency is not None:
        ax.axvline(1000.0 * r.expected_latency / sr, color="k", ls="--",
                   label=f"expected {r.expected_latency} samples")
    ax.axvline(1000.0 * r.buffering_latency / sr, color="grey", ls=":", label="host buffering")
    o = r.overall.latency
    ax.set_title(f"{Path(r.model).name}: brave~ buffer {r.buffer}, block {r.block}  "
                 f"mean {_fmt(o['mean_ms'], 2)} ms, jitter {_fmt(o['std_ms'], 2)} ms, "
                 f"detected {r.overall.detected}/{r.overall.trials}", fontsize=9)
    ax.set_xlabel("latency (ms)")
    ax.set_ylabel("trials")
    ax.legend(fontsize=8)
    fig.tight_layout()

    def write(tmp):
        fig.savefig(tmp, format="png")

    try:
        _atomic(Path(path), write)
    finally:
        plt.close(fig)
    return Path(path)
