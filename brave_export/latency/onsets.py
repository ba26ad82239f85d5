"""Onset detectors: where a burst starts in a recording, by three definitions.

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

Noise floor (every detector): an output onset counts only when the output's peak from the onset
to the end of the search window is at least `floor_margin_db` above the output's own peak over the
`FLOOR_SPAN` samples before the burst can reach it (both high-passed at `highpass_hz`): a model
that hums, hisses or wanders gives no onset unless the burst really comes through.

Spectral flux (second opinion, whichever detector is chosen): Hann frames of `flux_frame`
samples every `flux_hop` samples, log-compressed magnitudes log(1 + 100 |X|), flux = sum of the
positive increases from one frame to the next; the onset is the first frame whose flux reaches
`flux_ratio` times the largest flux of the searched span (and at least `flux_min`), placed at
the start of the samples that frame added; that flux must also be `flux_contrast` times the
median flux of the span, so a steady noise floor gives no onset. Its resolution is one hop.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..errors import UserError

DETECTORS = ("envelope", "peak")
FLOOR_SPAN = 2048  # samples of output before the burst can reach it: where its noise floor is taken


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
    floor_margin_db: float = 10.0

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
        if self.floor_margin_db < 0:
            raise UserError(f"detector: floor_margin_db must be >= 0 dB, got {self.floor_margin_db}")


def _one_pole(x: np.ndarray, tau_ms: float, sr: int) -> np.ndarray:
    from scipy.signal import lfilter

    a = math.exp(-1.0 / (tau_ms * 1e-3 * sr))
    return lfilter([1.0 - a], [1.0, -a], x)


def _highpassed(x: np.ndarray, sr: int, s: DetectorSettings) -> np.ndarray:
    from scipy.signal import butter, lfilter

    x = np.asarray(x, dtype=np.float64)
    if s.highpass_hz > 0:
        b, a = butter(2, s.highpass_hz / (sr / 2), btype="highpass")
        x = lfilter(b, a, x)
    return x


def above_floor(y: np.ndarray, sr: int, s: DetectorSettings, onset: int, stop: int | None, reach: int) -> bool:
    """Whether the output rises `floor_margin_db` above its own noise floor: its peak in
    [onset, stop) against its peak over the FLOOR_SPAN samples before `reach`, the first output
    sample the burst can affect (high-passed alike, so a DC offset is no response)."""
    a = np.abs(_highpassed(y, sr, s))
    floor = float(a[max(0, reach - FLOOR_SPAN):reach].max()) if reach > 0 else 0.0
    span = a[onset:stop]
    peak = float(span.max()) if len(span) else 0.0
    return peak > 0.0 and peak >= floor * 10 ** (s.floor_margin_db / 20)


def envelope_difference(x: np.ndarray, sr: int, s: DetectorSettings) -> tuple[np.ndarray, np.ndarray]:
    """(fast - slow in dB, fast in dBFS) for every sample of x."""
    r = np.abs(_highpassed(x, sr, s))
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



def output_search_start(input_onset: int, buffering: int, s: DetectorSettings) -> int:
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
