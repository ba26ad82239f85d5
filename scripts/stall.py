#!/usr/bin/env python3
"""A worker voice beside stalls of Pd's DSP thread, under Pd's own scheduler: one table row per run.

    .venv/bin/python scripts/stall.py --external build/pd/brave~ --external ref=/tmp/ref/build/pd/brave~ \\
        --runs 3 --seconds 20 [--hog cpu] [--model my.ts]

Two [brave~] in one real-time Pd (-nosound, -audiobuf AUDIOBUF): a synchronous voice whose every
EVERY-th call takes STALL ms (probe.StallModel: Pd's DSP thread stalls, then computes the missed
ticks back to back) and a worker voice (`-thread`) on a model whose calls take half a buffer
(probe.SlowModel) or on --model. Each external folder given runs the same scenario in turn, run
after run, so that a reference build and this one share the machine's state. Figures are
brave_export.pdrun.realtime's: the worker's late buffers (output as silence) and runs of zeros,
the longest wall time between two DSP ticks, how far Pd fell behind real time.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from brave_export.errors import UserError  # noqa: E402
from brave_export.pdrun.realtime import run_realtime  # noqa: E402
from brave_export.probe import SlowModel, StallModel, save_module, slow_rounds  # noqa: E402

BUFFER, SR = 128, 44100


def parse_external(text: str) -> tuple[str, Path]:
    """`label=DIR` or `DIR` (labelled by its path)."""
    label, _, folder = text.rpartition("=")
    path = Path(folder)
    if not (path / "brave~.pd_linux").is_file():
        raise UserError(f"--external {text}: no brave~.pd_linux in {path} (build it with make external)")
    return label or folder, path


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--external", action="append", required=True, help="[LABEL=]DIR holding brave~.pd_linux")
    ap.add_argument("--model", type=Path, help="the worker voice's model (default: half a buffer per call)")
    ap.add_argument("--stall", type=float, default=10.0, help="ms of each stalling call (default 10)")
    ap.add_argument("--every", type=int, default=300, help="calls between stalls (default 300: about 0.9 s)")
    ap.add_argument("--audiobuf", type=int, default=25)
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--hog", choices=["cpu", "memory"], help="a background hog during every run")
    a = ap.parse_args(argv)
    try:
        externals = [parse_external(e) for e in a.external]
        with tempfile.TemporaryDirectory(prefix="brave-stall-") as tmp:
            stall = save_module(StallModel(slow_rounds(a.stall), every=a.every), Path(tmp) / "stall.ts")
            work_model = a.model or save_module(SlowModel(slow_rounds(500.0 * BUFFER / SR)), Path(tmp) / "busy.ts")
            print(f"stall {a.stall} ms every {a.every} calls; worker model {a.model or 'half a buffer per call'}; "
                  f"-audiobuf {a.audiobuf}; {a.seconds} s per run; hog {a.hog or 'none'}")
            print("| external | run | worker lookahead | stalls | longest tick ms | worker late buffers "
                  "| zero runs | silent % | Pd behind max ms | load |")
            print("|---|---|---|---|---|---|---|---|---|---|")
            for run in range(1, a.runs + 1):
                for label, folder in externals:
                    r = run_realtime([stall, work_model], host="nosound", audiobuf=a.audiobuf, voices=2,
                                     worker=[False, True], seconds=a.seconds, warmup=2, baseline_s=0,
                                     hog_kind=a.hog, external_dir=folder)
                    stalled, work = r.voices
                    covered_ms = (work.lookahead or 1) * 1000.0 * BUFFER / SR
                    print(f"| {label} | {run} | {work.lookahead} ({covered_ms:.1f} ms) | {stalled.overruns} "
                          f"| {r.stall_max_ms:.1f} | {work.late} | {work.zero_runs} | {100 * work.zero_fraction:.2f} "
                          f"| {r.pd_behind_max_ms:.1f} | {r.load_average} |", flush=True)
    except UserError as e:
        print(f"stall: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
