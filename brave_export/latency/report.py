"""A latency run written out: a text table, the JSON record, a histogram."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..fileio import write_atomic, write_text_atomic
from .results import LatencyResult
from .signals import SIGNALS


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


def write_json(r: LatencyResult, path) -> Path:
    import json

    return write_text_atomic(path, json.dumps(r.as_dict(), indent=2) + "\n")


def write_plot(r: LatencyResult, path) -> Path:
    """Histogram of per-trial latencies (ms), one colour per burst kind, expected latency marked."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sr = r.sample_rate
    fig, ax = plt.subplots(figsize=(8, 4.5), dpi=100)
    data = {k: [1000.0 * t.latency / sr for t in r.trials if t.latency is not None and t.test.startswith(k)]
            for k in SIGNALS}
    every = [v for vs in data.values() for v in vs]
    if every:
        lo, hi = min(every), max(every)
        width = max(1000.0 * max(1, r.block // 8) / sr, (hi - lo) / 40 if hi > lo else 0.0)
        bins = np.arange(lo - 1.5 * width, hi + 2 * width, width)  # each value mid-bin
        ax.hist([data[k] for k in SIGNALS], bins=bins, stacked=True, label=list(SIGNALS))
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

    try:
        return write_atomic(path, lambda tmp: fig.savefig(tmp, format="png"))
    finally:
        plt.close(fig)
