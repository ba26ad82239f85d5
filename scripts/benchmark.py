#!/usr/bin/env python
"""Side-by-side benchmark: `rave export --streaming` vs our export in fp32 and fp16, same checkpoint.

Uses the smoke run the test suite trains and caches (.cache/smoke, BRAVE); trains it first only
if that cache is empty. Exports it three ways, then times the three models in one process, one
intra-op thread, interleaved in rounds (the order rotates every round) so that whatever else the
machine does hits all alike. Two conditions: as the machine is ("idle": nothing started by this
script), and "loaded": a second process started and stopped by this script streams a large
numpy array for the duration (a memory-bandwidth and cache hog, as a DAW or a browser can be).
Each condition is measured in several runs; the tables give the median over runs of each run's
median and p99, with the spread (min-max over runs) of the medians.

    .venv/bin/python scripts/benchmark.py [--runs 3] [--calls 1000] [--quick] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import torch

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from brave_export.bench import WARMUP_CALLS, Runner, Timing, ops_per_call  # noqa: E402
from brave_export.background import HOG_MB, hog, load_average  # noqa: E402
from brave_export.smoke import smoke_run  # noqa: E402
from brave_export.export import export_nn  # noqa: E402
from brave_export.export.reference import export_reference  # noqa: E402
from brave_export.export.weights import half_precision_unavailable  # noqa: E402
from brave_export.modelfacts import list_methods  # noqa: E402

BUFFERS = (128, 256, 512, 2048)


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return (f"{cpu}, {os.cpu_count()} logical CPUs, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}, torch {torch.__version__}")


def interleaved(runners: dict[str, Runner], calls: int, rounds: int) -> dict[str, np.ndarray]:
    for r in runners.values():
        r.warm_up()
    names = list(runners)
    per_round = max(1, calls // rounds)
    times: dict[str, list] = {n: [] for n in names}
    for i in range(rounds):
        for n in names[i % len(names):] + names[: i % len(names)]:
            times[n].append(runners[n].time(per_round))
    return {n: np.concatenate(t) for n, t in times.items()}


def measure(models: dict, buffers, calls: int, rounds: int, sample_rate: int) -> list[dict]:
    rows = []
    for buffer in buffers:
        runners = {}
        for name, (module, method) in models.items():
            if hasattr(module, "reset"):
                with torch.inference_mode():
                    module.reset()
            runners[name] = Runner(module, method, buffer)
        times = interleaved(runners, calls, rounds)
        rows.append({"buffer": buffer, **{n: Timing.from_samples("forward", buffer, t, sample_rate).__dict__
                                          for n, t in times.items()}})
    return rows


def summarize(runs: list[list[dict]], names: list[str]) -> list[dict]:
    """Per buffer and model: median over runs of median / p99, and the min-max of the medians."""
    out = []
    for i, first in enumerate(runs[0]):
        row = {"buffer": first["buffer"]}
        for n in names:
            med = [r[i][n]["median_ms"] for r in runs]
            p99 = [r[i][n]["p99_ms"] for r in runs]
            rtf = [r[i][n]["rtf"] for r in runs]
            row[n] = {"median_ms": float(np.median(med)), "p99_ms": float(np.median(p99)),
                      "spread_ms": [float(min(med)), float(max(med))], "rtf": float(np.median(rtf)),
                      "rtf_p99": float(np.median([r[i][n]["rtf_p99"] for r in runs]))}
        out.append(row)
    return out


def batch_costs(run_dir: Path, tmp: Path, calls: int, batches=(1, 2, 4, 8), buffer: int = 128) -> dict:
    """Median ms per forward call at `buffer` with 1..8 batch entries (exports with --max-batch 8)."""
    formats = ["fp32"] + (["fp16"] if half_precision_unavailable() is None else [])
    out = {}
    for fmt in formats:
        module = torch.jit.load(str(export_nn(run_dir, output=tmp / f"batch-{fmt}.ts", max_batch=8, weights=fmt,
                                              allow_unready=True, log=lambda m: None).path))
        inputs = {b: torch.randn(b, 1, buffer, generator=torch.Generator().manual_seed(b)) * 0.1 for b in batches}
        times = {b: [] for b in batches}
        with torch.inference_mode():
            for b in batches:
                module.reset()
                for _ in range(WARMUP_CALLS):
                    module.forward(inputs[b])
            for i in range(10):  # interleaved rounds
                for b in batches:
                    for _ in range(max(1, calls // 10)):
                        t0 = time.perf_counter()
                        module.forward(inputs[b])
                        times[b].append(time.perf_counter() - t0)
        out[fmt] = {b: 1e3 * float(np.median(t)) for b, t in times.items()}
    return out


def product_shapes(module, buffer: int = 128) -> list[tuple[int, int, int]]:
    """(rows, in, out) of every float32 matrix product one forward call at `buffer` runs."""
    from torch.profiler import ProfilerActivity, profile

    x = torch.randn(1, 1, buffer) * 0.1
    with torch.inference_mode():
        for _ in range(5):
            module.forward(x)
        with profile(activities=[ProfilerActivity.CPU], record_shapes=True) as prof:
            module.forward(x)
    shapes = []
    for e in prof.events():
        if e.name in ("aten::addmm", "aten::mm"):
            a, b = e.input_shapes[-4:-2] if e.name == "aten::addmm" else e.input_shapes[:2]
            shapes.append((a[0], a[1], b[1]))
    return shapes


def products_alone_ms(shapes, calls: int = 300) -> float:
    """Median time of the same products replayed alone (random operands, one scripted loop of
    `linear` as the export runs them): the floor that weight traffic sets under a call."""
    xs = [torch.randn(m, k) for m, k, _ in shapes]
    ws = [torch.randn(n, k) for _, k, n in shapes]
    bs = [torch.randn(n) for _, _, n in shapes]

    @torch.jit.script
    def replay(xs: list[torch.Tensor], ws: list[torch.Tensor], bs: list[torch.Tensor]) -> list[torch.Tensor]:
        out: list[torch.Tensor] = []
        for i in range(len(xs)):
            out.append(torch.nn.functional.linear(xs[i], ws[i], bs[i]))  # kept: not dead code
        return out

    with torch.inference_mode():
        for _ in range(WARMUP_CALLS):
            replay(xs, ws, bs)
        t = []
        for _ in range(calls):
            t0 = time.perf_counter()
            replay(xs, ws, bs)
            t.append(time.perf_counter() - t0)
    return 1e3 * float(np.median(t))


def untrained_run(folder: Path, config: str = "brave") -> Path:
    """A run directory holding an untrained model of `config` (random weights): for timing only."""
    import gin

    from brave_export.configtable import config_path
    from brave_export.ginconf import build_model

    torch.manual_seed(0)
    model = build_model(config_path(config))
    run = folder / "untrained"
    (run / "version_0" / "checkpoints").mkdir(parents=True)
    (run / "config.gin").write_text(gin.operative_config_str() or gin.config_str())
    torch.save({"state_dict": model.state_dict(), "global_step": 0}, run / "version_0" / "checkpoints" / "last.ckpt")
    return run


def export_all(run_dir: Path, tmp: Path) -> dict[str, Path]:
    # allow_unready: an --untrained run has no fitted latent PCA; timing does not need one.
    paths = {"rave export": export_reference(run_dir, tmp / "ref"),
             "ours fp32": export_nn(run_dir, output=tmp / "fp32.ts", allow_unready=True, log=lambda m: None).path}
    if half_precision_unavailable() is None:
        paths["ours fp16"] = export_nn(run_dir, output=tmp / "fp16.ts", weights="fp16", allow_unready=True,
                                       log=lambda m: None).path
    return paths


def run(args) -> dict:
    torch.set_num_threads(1)
    results = {"machine": machine(), "threads": 1, "calls": args.calls, "runs": args.runs,
               "model": "untrained BRAVE (random weights)" if args.untrained else "BRAVE smoke run (.cache/smoke)",
               "command": args.command, "conditions": {}}
    with tempfile.TemporaryDirectory() as tmp:
        print("[bench] smoke run and the three exports...", file=sys.stderr, flush=True)
        run_dir = untrained_run(Path(tmp)) if args.untrained else smoke_run(args.cache).run_dir
        paths = export_all(run_dir, Path(tmp))
        models = {}
        for name, path in paths.items():
            module = torch.jit.load(str(path))
            method = {m.name: m for m in list_methods(module)[0]}["forward"]
            models[name] = (module, method)
        names = list(models)
        results["models"] = {n: {"file_mb": paths[n].stat().st_size / 1e6,
                                 "ops_per_call_128": ops_per_call(models[n][0], models[n][1], 128)}
                             for n in names}
        shapes = product_shapes(models["ours fp32"][0])
        results["products_fp32_128"] = {"count": len(shapes), "weight_mb": sum(k * n for _, k, n in shapes) * 4 / 1e6,
                                        "alone_ms": products_alone_ms(shapes)}
        sr = int(models["ours fp32"][0].get_sample_rate())
        for condition in ("idle", "loaded"):
            runs = []
            for k in range(args.runs):
                print(f"[bench] {condition}, run {k + 1}/{args.runs}: {args.calls} calls per model and buffer "
                      f"(load average {load_average()})", file=sys.stderr, flush=True)
                if condition == "loaded":
                    with hog("memory"):
                        runs.append(measure(models, args.buffers, args.calls, args.rounds, sr))
                else:
                    runs.append(measure(models, args.buffers, args.calls, args.rounds, sr))
            results["conditions"][condition] = {"load_average_after": load_average(),
                                                "rows": summarize(runs, names), "per_run": runs}
        print("[bench] batch entries (exports with --max-batch 8)...", file=sys.stderr, flush=True)
        results["batch"] = batch_costs(run_dir, Path(tmp), args.calls)
    return results


def table(results: dict, condition: str) -> str:
    rows = results["conditions"][condition]["rows"]
    names = [n for n in rows[0] if n != "buffer"]
    head = "| buffer | " + " | ".join(f"{n}: median (spread) / p99 ms, RTF" for n in names)
    lines = [head + " | " + " | ".join(f"{n} speed-up" for n in names[1:]) + " |",
             "|---:|" + "---:|" * (2 * len(names) - 1)]
    for r in rows:
        ref = r[names[0]]["median_ms"]
        cells = [f"{r[n]['median_ms']:.3f} ({r[n]['spread_ms'][0]:.3f}-{r[n]['spread_ms'][1]:.3f}) / "
                 f"{r[n]['p99_ms']:.3f}, {r[n]['rtf']:.2f}" for n in names]
        ups = [f"{ref / r[n]['median_ms']:.2f}x" for n in names[1:]]
        lines.append(f"| {r['buffer']} | " + " | ".join(cells) + " | " + " | ".join(ups) + " |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--cache", type=Path, default=Path(os.environ.get("BRAVE_EXPORT_TEST_CACHE", REPO / ".cache" / "smoke")))
    parser.add_argument("--calls", type=int, default=1000, help="timed calls per model, buffer and run (default 1000)")
    parser.add_argument("--runs", type=int, default=3, help="runs per condition (default 3)")
    parser.add_argument("--rounds", type=int, default=10, help="interleaving rounds per measurement (default 10)")
    parser.add_argument("--buffers", default=",".join(map(str, BUFFERS)), help="default 128,256,512,2048")
    parser.add_argument("--quick", action="store_true", help="300 calls, 2 runs: a first look in about a minute")
    parser.add_argument("--untrained", action="store_true",
                        help="time an untrained BRAVE (random weights) instead of the cached smoke run: no training")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    if args.quick:
        args.calls, args.runs = 300, 2
    args.buffers = [int(b) for b in args.buffers.split(",")]
    args.command = "python scripts/benchmark.py " + " ".join(shlex.quote(a) for a in sys.argv[1:])
    results = run(args)
    print(f"command: {results['command']}")
    print(f"model: {results['model']}")
    print(f"machine: {results['machine']}; 1 intra-op thread; {args.calls} timed calls per model, buffer and run "
          f"after {WARMUP_CALLS} warm-up calls; {args.runs} runs per condition")
    for n, m in results["models"].items():
        print(f"{n}: {m['file_mb']:.1f} MB, {m['ops_per_call_128']:.0f} top-level ops per forward at 128")
    pr = results["products_fp32_128"]
    print(f"ours fp32 at 128: {pr['count']} matrix products reading {pr['weight_mb']:.1f} MB of float32 weights; "
          f"replayed alone (same shapes, one scripted loop): {pr['alone_ms']:.3f} ms per call, the floor "
          "under the fp32 call whatever the op count")
    for condition in ("idle", "loaded"):
        note = ("nothing started by the script" if condition == "idle"
                else f"a second process streaming a {HOG_MB} MB numpy array")
        print(f"\n{condition} ({note}; load average after: {results['conditions'][condition]['load_average_after']}):")
        print(table(results, condition))
    print("\nbatch entries at buffer 128 (one export with --max-batch 8, forward, median ms per call; idle):")
    for fmt, costs in results["batch"].items():
        print(f"  ours {fmt}: " + ", ".join(f"batch {b}: {ms:.3f}" for b, ms in costs.items())
              + f"; batch 8 / batch 1 = {costs[8] / costs[1]:.2f}x")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
