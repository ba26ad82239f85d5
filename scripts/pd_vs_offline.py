#!/usr/bin/env python3
"""Mean latency of a model measured two ways, side by side: the Pd latency patch headless in real
Pd with brave~, and `brave-export latency` sending the patch's burst with the patch's onset
detector through the simulated brave~ host. Not a test: the figures it printed go in notes.

    .venv/bin/python scripts/pd_vs_offline.py demo/models/brave_b128.ts [--seeds 3] [--trials 16]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from brave_export import latency, pdrun  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model")
    ap.add_argument("--buffer", type=int, default=0, help="brave~ buffer (default: the model's ratio)")
    ap.add_argument("--block", type=int, default=64)
    ap.add_argument("--trials", type=int, default=16)
    ap.add_argument("--seeds", type=int, default=3)
    a = ap.parse_args()
    print(f"{'seed':>4}  {'Pd mean':>8} {'std':>6}  {'offline mean':>12} {'std':>6}  {'difference':>10}")
    for seed in range(a.seeds):
        pd = pdrun.run_latency_patch(a.model, buffer=a.buffer, block=a.block, trials=a.trials, seed=seed + 1)
        off = latency.evaluate_as_pd_patch(a.model, buffer=a.buffer or None, block=a.block, trials=a.trials,
                                           seed=seed)
        o = off.overall.latency
        if pd["mean"] is None or o["mean"] is None:
            print(f"{seed:>4}  no onset detected on one side")
            continue
        print(f"{seed:>4}  {pd['mean']:>8.1f} {pd['std']:>6.1f}  {o['mean']:>12.1f} {o['std']:>6.1f}  "
              f"{o['mean'] - pd['mean']:>+10.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
