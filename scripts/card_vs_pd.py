#!/usr/bin/env python3
"""A model's latency card against what the Pd latency patch measures with brave~ in real Pd,
less brave~'s buffering (hosts.brave_latency), at each buffer given. Not a test: it needs a
trained model (the card of a barely trained one says "not measurable"), and its figures go in
BENCHMARKS.md.

    .venv/bin/python scripts/card_vs_pd.py MODEL.ts [--buffers 128,512] [--block 64] [--trials 20] [--seeds 2]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from brave_export import pdrun  # noqa: E402
from brave_export.pdrun.pdfile import Patch  # noqa: E402
from brave_export.pdrun.process import run_pd  # noqa: E402
from brave_export.hosts import brave_latency  # noqa: E402
from brave_export.latency.card import read_card  # noqa: E402
from brave_export.latency.results import latency_stats  # noqa: E402


def brave_says(model: str, buffer: int) -> str:
    """What brave~'s `latency` message posts for the model at `buffer` (Pd batch, block 64)."""
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(model, Path(tmp) / "m.ts")
        patch = Patch(duration_ms=300)
        b = patch.obj(f"brave~ m.ts forward {buffer} -sync")
        patch.connect(patch.obj("osc~ 220"), 0, b, 0)
        patch.receive("ctl", b)
        patch.at(100, "ctl latency")
        run = run_pd(patch, Path(tmp), paths=[pdrun.external_dir()])
    return next((line for line in run.stderr.splitlines() if line.startswith("brave~: latency:")), "(no line)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model")
    ap.add_argument("--buffers", default="128,512")
    ap.add_argument("--block", type=int, default=64)
    ap.add_argument("--trials", type=int, default=20, help="bursts per Pd run")
    ap.add_argument("--seeds", type=int, default=2, help="Pd runs per buffer, each with its own bursts")
    a = ap.parse_args()
    card = read_card(a.model)
    if card is None:
        print(f"{a.model}: no latency card in the file: run `brave-export card {a.model}` first")
        return 1
    print(f"card: {card.describe()}")
    if not card.measurable:
        print("the card says not measurable: nothing to compare")
        return 1
    print(f"{'buffer':>6} {'block':>5} {'brave~ adds':>11} {'Pd trials':>9} {'Pd - buffering: median':>22} "
          f"{'p10':>6} {'p90':>6} {'min':>6} {'max':>6}  card median {card.median:g}")
    for buffer in (int(b) for b in a.buffers.split(",")):
        added = brave_latency(buffer, a.block)
        lat = []
        for seed in range(1, a.seeds + 1):
            r = pdrun.run_latency_patch(a.model, buffer=buffer, block=a.block, trials=a.trials, seed=seed)
            lat += r["latencies"]
        if not lat:
            print(f"{buffer:>6} {a.block:>5} {added:>11}  Pd found no onset")
            continue
        net = latency_stats([x - added for x in lat], r["sr"])
        inside = "within" if net["min"] <= card.median <= net["max"] else "OUTSIDE"
        print(f"{buffer:>6} {a.block:>5} {added:>11} {len(lat):>9} {net['median']:>22.1f} {net['p10']:>6.1f} "
              f"{net['p90']:>6.1f} {net['min']:>6.0f} {net['max']:>6.0f}  card median {inside} Pd's spread "
              f"({card.median - net['median']:+.1f} from Pd's median)", flush=True)
        print(f"         {brave_says(a.model, buffer)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
