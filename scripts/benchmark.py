#!/usr/bin/env python
"""Side-by-side benchmark: our nn~ export against `rave export --streaming`, same checkpoint.

Uses the smoke runs the test suite trains and caches (.cache/smoke: BRAVE, and the 2048-ratio
configuration); trains them first only if that cache is empty. Exports each run both ways,
then times both models in one process, one intra-op thread, interleaved in rounds (reference
then ours, then ours then reference, ...) so that load on the machine hits both alike.

    .venv/bin/python scripts/benchmark.py [--calls 2000] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
from pathlib import Path

import numpy as np
import torch

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from brave_export.bench import WARMUP_CALLS, Runner, Timing, count_nodes  # noqa: E402
from brave_export.demo import smoke_run  # noqa: E402
from brave_export.export import export_nn  # noqa: E402
from brave_export.export.reference import export_reference  # noqa: E402
from brave_export.nnmodel import list_methods  # noqa: E402

CASES = {  # config -> buffers
    "brave": (128, 256, 512, 2048),
    "c2048_r10": (2048,),
}
METHODS = ("forward", "encode", "decode")


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return (f"{cpu}, {os.cpu_count()} logical CPUs, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}, torch {torch.__version__}")


def smoke(config: str, cache: Path):
    if config == "brave":
        return smoke_run(cache)
    return smoke_run(cache, config=config, steps=20, validate=False)


def interleaved(ref: Runner, ours: Runner, calls: int, rounds: int) -> tuple[np.ndarray, np.ndarray]:
    ref.warm_up(), ours.warm_up()
    per_round = max(1, calls // rounds)
    times = {"ref": [], "ours": []}
    for i in range(rounds):
        order = (("ref", ref), ("ours", ours)) if i % 2 == 0 else (("ours", ours), ("ref", ref))
        for name, runner in order:
            times[name].append(runner.time(per_round))
    return np.concatenate(times["ref"]), np.concatenate(times["ours"])


def forward_difference(ref, ours, ratio: int, seconds: float = 10.0) -> float:
    """Max |ours - reference| of forward over `seconds` of noise bursts, seeded per call, after 1 s."""
    from brave_export.audio import phrase

    x = torch.from_numpy(phrase(seconds, seed=1)).float()[None, None]
    x = x[..., : x.shape[-1] // ratio * ratio]
    outs = []
    for m in (ref, ours):
        chunks = []
        with torch.inference_mode():
            for i, c in enumerate(x.split(ratio, -1)):
                torch.manual_seed(i)
                chunks.append(m.forward(c))
        outs.append(torch.cat(chunks, -1))
    warm = 44100 // ratio * ratio
    return float((outs[0][..., warm:] - outs[1][..., warm:]).abs().max())


def run(args) -> dict:
    torch.set_num_threads(1)
    results = {"machine": machine(), "threads": 1, "calls": args.calls, "rows": [], "models": []}
    with tempfile.TemporaryDirectory() as tmp:
        for config, buffers in CASES.items():
            print(f"[bench] {config}: smoke run and both exports...", file=sys.stderr, flush=True)
            run_dir = smoke(config, args.cache).run_dir
            # the 2048 smoke run is too short for a validation: its PCA is never fitted
            ours_path = export_nn(run_dir, output=Path(tmp) / f"{config}.ts", log=lambda m: None,
                                  allow_unready=True).path
            ref_path = export_reference(run_dir, Path(tmp) / f"ref-{config}")
            ref, ours = torch.jit.load(str(ref_path)), torch.jit.load(str(ours_path))
            ratio = int(ours.get_ratio())
            results["models"].append({
                "config": config,
                "ref_mb": ref_path.stat().st_size / 1e6, "ours_mb": ours_path.stat().st_size / 1e6,
                "ref_nodes": {m: count_nodes(ref, m) for m in METHODS},
                "ours_nodes": {m: count_nodes(ours, m) for m in METHODS},
                "forward_max_abs_diff": forward_difference(ref, ours, ratio) if not args.no_check else None,
            })
            ref.reset() if hasattr(ref, "reset") else None
            ours.reset()
            methods = {m.name: m for m in list_methods(ours)[0]}
            ref_methods = {m.name: m for m in list_methods(ref)[0]}
            for method in METHODS:
                for buffer in buffers:
                    print(f"[bench] {config} {method} @ {buffer}: {args.calls} + {WARMUP_CALLS} calls each...",
                          file=sys.stderr, flush=True)
                    r = Runner(ref, ref_methods[method], buffer)
                    o = Runner(ours, methods[method], buffer)
                    t_ref, t_ours = interleaved(r, o, args.calls, args.rounds)
                    a = Timing.from_samples(method, buffer, t_ref, 44100)
                    b = Timing.from_samples(method, buffer, t_ours, 44100)
                    results["rows"].append({"config": config, "method": method, "buffer": buffer,
                                            "ref": a.__dict__, "ours": b.__dict__,
                                            "speedup": a.median_ms / b.median_ms})
    return results


def table(results: dict) -> str:
    lines = ["| config | method | buffer | reference ms (median / p99) | ours ms (median / p99) | "
             "speed-up (median) | ours p99 / median |",
             "|---|---|---:|---:|---:|---:|---:|"]
    for r in results["rows"]:
        a, b = r["ref"], r["ours"]
        lines.append(f"| {r['config']} | {r['method']} | {r['buffer']} | {a['median_ms']:.3f} / {a['p99_ms']:.3f} | "
                     f"{b['median_ms']:.3f} / {b['p99_ms']:.3f} | {r['speedup']:.2f}x | "
                     f"{b['p99_ms'] / b['median_ms']:.2f} |")
    lines += ["", "| config | file MB (ref / ours) | forward graph nodes (ref / ours) | "
              "encode nodes | decode nodes | forward max abs diff (10 s) |", "|---|---:|---:|---:|---:|---:|"]
    for m in results["models"]:
        rn, on = m["ref_nodes"], m["ours_nodes"]
        diff = "not checked" if m["forward_max_abs_diff"] is None else f"{m['forward_max_abs_diff']:.2e}"
        lines.append(f"| {m['config']} | {m['ref_mb']:.1f} / {m['ours_mb']:.1f} | {rn['forward']} / {on['forward']} | "
                     f"{rn['encode']} / {on['encode']} | {rn['decode']} / {on['decode']} | {diff} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--cache", type=Path, default=Path(os.environ.get("BRAVE_EXPORT_TEST_CACHE", REPO / ".cache" / "smoke")))
    parser.add_argument("--calls", type=int, default=2000, help="timed calls per model and case (default 2000)")
    parser.add_argument("--rounds", type=int, default=10, help="interleaving rounds (default 10)")
    parser.add_argument("--no-check", action="store_true", help="skip the 10 s output comparison")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    results = run(args)
    print(f"machine: {results['machine']}; 1 intra-op thread; {args.calls} timed calls per model and case")
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
