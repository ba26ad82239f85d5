"""Offline latency and jitter of a streaming nn~ model, as brave~ in Pd would play it.

In the spirit of the paper's evaluation: test bursts (white noise, stacked log-spaced sines,
harmonic tones; two lengths, two levels; exponential decay) start at a random, seeded sample
position; the burst goes through the model exactly as brave~ feeds it (blocks of N samples in,
one model call each time B samples are collected, hosts.brave_latency(B, N) samples of head start
in the output FIFO); onsets are found in the input and in the output, and the latency of a trial is
the difference. The host is simulated sample for sample: on a model whose output is its input
delayed (the tests' probes), the figures equal what the Pd latency patch measures with brave~ at
the same buffer and block. On a real model the onset detector matters (a model smears an onset,
and detectors disagree on where a smeared onset starts): `detector="peak"` uses the Pd patch's
own detector, for comparing the two.

One module per concern: `onsets` (the detectors), `signals` (the test bursts), `host` (the
simulated brave~), `model` (opening the .ts and calling it), `results` (per-trial records and
their statistics), `evaluate` (the trials), `report` (text, JSON and plot), `card` (the model's
own measured latency, stored in the .ts and its sidecar).
"""

from ..hosts import brave_latency
from .card import CARD_FILE, LatencyCard, measure_card, read_card, write_card
from .evaluate import PRE_ROLL_S, WARMUP_CALLS, evaluate, evaluate_as_pd_patch
from .host import BraveHost
from .onsets import (DETECTORS, DetectorSettings, envelope_difference, envelope_onset, find_onset, flux_onset,
                     peak_onset, spectral_flux)
from .report import check_outputs, format_result, write_json, write_plot
from .results import LatencyResult, Summary, Trial
from .signals import LENGTHS_MS, LEVELS_DB, PD_PATCH_TEST, SIGNALS, TESTS, BurstTest, burst

__all__ = [
    "brave_latency", "CARD_FILE", "LatencyCard", "measure_card", "read_card", "write_card", "PRE_ROLL_S", "WARMUP_CALLS", "evaluate", "evaluate_as_pd_patch", "BraveHost",
    "DETECTORS", "DetectorSettings", "envelope_difference", "envelope_onset", "find_onset", "flux_onset",
    "peak_onset", "spectral_flux", "check_outputs", "format_result", "write_json", "write_plot", "LatencyResult", "Summary",
    "Trial", "LENGTHS_MS", "LEVELS_DB", "PD_PATCH_TEST", "SIGNALS", "TESTS", "BurstTest", "burst",
]
