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
        f"{r.trials_per_test} trials per test, seed {r.seed}; an output onset counts within {r.window} samples of "
        f"the input's and {r.settings.get('floor_margin_db', 0):g} dB above the output's own noise floor",
        "",
        f"{'test':<24}{'detected':>9}{'median':>9}{'p10':>8}{'p90':>8}{'jitter':>8}   "
        f"{'median ms':>9}{'p10 ms':>8}{'p90 ms':>8}   {'flux (second opinion)':>21}",
    ]
    lines.append("-" * len(lines[-1]))
    for s in [*r.tests, r.overall]:
        L, F = s.latency, s.flux_latency
        flag = "  missed" if s.missed and s is not r.overall else ""
        lines.append(
            f"{s.name:<24}{s.detected:>4}/{s.trials:<4}{_fmt(L['median']):>9}{_fmt(L['p10'], 0):>8}{_fmt(L['p90'], 0):>8}"
            f"{_fmt(L['std']):>8}   {_fmt(L['median_ms'], 2):>9}{_fmt(L['p10_ms'], 2):>8}{_fmt(L['p90_ms'], 2):>8}   "
            f"{s.flux_detected:>6}/{s.trials:<4}{_fmt(F['median']):>11}{flag}")
    lines += ["", overall_line(r)]
    return "\n".join(lines)


def overall_line(r: LatencyResult) -> str:
    """One line: the overall median and spread over the tests measured, or why there is none."""
    o, det = r.overall, r.settings["detector"]
    head = f"latency ({det} detector, samples): "
    if o.missed:
        return head + (f"not measured: every test missed (onsets found in {o.detection_rate:.0%} of trials; "
                       "a test counts when most of its trials find one)")
    L = o.latency
    return head + (f"median {_fmt(L['median'])} ({_fmt(L['median_ms'], 2)} ms), p10 {_fmt(L['p10'], 0)}, "
                   f"p90 {_fmt(L['p90'], 0)}, over {o.measured_tests} of {len(r.tests)} tests; onsets found in "
                   f"{o.detection_rate:.0%} of trials; spectral flux agrees within {r.settings['flux_hop']} samples "
                   f"in " + ("-" if o.agreement_rate is None else f"{o.agreement_rate:.0%}") + " of trials")


def check_outputs(json_path=None, plot_path=None) -> None:
    """Refuse, before a long measurement, outputs that could not be written."""
    from ..errors import UserError

    for out in (json_path, plot_path):
        if out and not Path(out).resolve().parent.is_dir():
            raise UserError(f"cannot write {out}: folder {Path(out).parent} does not exist")
    if plot_path and Path(plot_path).suffix.lower() != ".png":
        raise UserError(f"--plot {plot_path}: the plot is a PNG image; give a file name ending in .png")


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
                 f"median {_fmt(o['median_ms'], 2)} ms, p10-p90 {_fmt(o['p10_ms'], 2)}-{_fmt(o['p90_ms'], 2)} ms, "
                 f"detected {r.overall.detected}/{r.overall.trials}", fontsize=9)
    ax.set_xlabel("latency (ms)")
    ax.set_ylabel("trials")
    ax.legend(fontsize=8)
    fig.tight_layout()

    try:
        return write_atomic(path, lambda tmp: fig.savefig(tmp, format="png"))
    finally:
        plt.close(fig)
