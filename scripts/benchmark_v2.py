#!/usr/bin/env python
"""Side-by-side benchmark on acids-rave's own v2 family: `rave export --streaming` vs our export
(fast path), same checkpoint, per configuration.

The checkpoints are the cached short training runs the tests use (brave_export.acidsruns:
`--config v2_small --config causal`, `--config v2`; trained first when the cache lacks them;
the weights' values do not change the cost of a call). Per configuration both exports are
timed in one process, one intra-op thread, interleaved in rounds (scripts/benchmark.py's
`measure`), at the configuration's smallest buffer (its ratio) and at 2048: several runs on the
machine as it is ("idle": nothing started by this script) and runs while a second process
streams a large numpy array ("loaded", brave_export.background's memory hog). Tables: median
over runs of each run's median and p99, the spread (min-max over runs) of the medians.

    .venv/bin/python scripts/benchmark_v2.py [--runs 3] [--loaded-runs 1] [--calls 500] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import sys
import tempfile
from pathlib import Path

import torch

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

import benchmark as B  # noqa: E402  (scripts/benchmark.py, the BRAVE side-by-side)

from brave_export.acidsruns import acids_run  # noqa: E402
from brave_export.background import HOG_MB, hog, load_average  # noqa: E402
from brave_export.bench import WARMUP_CALLS  # noqa: E402
from brave_export.export import export_nn  # noqa: E402
from brave_export.export.reference import export_reference  # noqa: E402
from brave_export.modelfacts import list_methods  # noqa: E402

# name: (acids-rave configs, training settings of the cached run: the tests' fixtures)
CONFIGS = {
    "v2_small+causal": (("v2_small", "causal"), {"steps": 2, "n_signal": 131072, "batch": 1}),
    "v2": (("v2",), {"steps": 2, "n_signal": 262144, "batch": 1}),
}


def bench_config(name: str, cache: Path, args, tmp: Path) -> dict:
    configs, settings = CONFIGS[name]
    run_dir = acids_run(cache, configs, **settings).run_dir
    print(f"[bench] {name}: exports...", file=sys.stderr, flush=True)
    messages = []
    ours = export_nn(run_dir, output=tmp / f"{name}.ts", log=messages.append)
    paths = {"rave export": export_reference(run_dir, tmp / f"ref-{name}"), "ours": ours.path}
    models = {}
    for n, path in paths.items():
        module = torch.jit.load(str(path))
        models[n] = (module, {m.name: m for m in list_methods(module)[0]}["forward"])
    buffers = sorted({ours.ratio, 2048})
    out = {"configs": list(configs), "run": str(run_dir), "ratio": ours.ratio, "buffers": buffers,
           "streaming": ours.streaming, "causal": ours.causal, "latency_samples": ours.model_delay,
           "files_mb": {n: p.stat().st_size / 1e6 for n, p in paths.items()}, "conditions": {}}
    for condition, runs_wanted in (("idle", args.runs), ("loaded", args.loaded_runs)):
        runs = []
        for k in range(runs_wanted):
            print(f"[bench] {name}, {condition}, run {k + 1}/{runs_wanted}: {args.calls} calls per model and buffer "
                  f"(load average {load_average()})", file=sys.stderr, flush=True)
            if condition == "loaded":
                with hog("memory"):
                    runs.append(B.measure(models, buffers, args.calls, args.rounds, ours.sample_rate))
            else:
                runs.append(B.measure(models, buffers, args.calls, args.rounds, ours.sample_rate))
        out["conditions"][condition] = {"load_average_after": load_average(), "runs": runs_wanted,
                                        "rows": B.summarize(runs, list(models)), "per_run": runs}
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--cache", type=Path,
                        default=Path(os.environ.get("BRAVE_EXPORT_TEST_CACHE", REPO / ".cache" / "smoke")))
    parser.add_argument("--configs", default=",".join(CONFIGS), help=f"default {','.join(CONFIGS)}")
    parser.add_argument("--calls", type=int, default=500, help="timed calls per model, buffer and run (default 500)")
    parser.add_argument("--runs", type=int, default=3, help="idle runs per configuration (default 3)")
    parser.add_argument("--loaded-runs", type=int, default=1, help="runs under the memory hog (default 1)")
    parser.add_argument("--rounds", type=int, default=10, help="interleaving rounds per measurement (default 10)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    command = "python scripts/benchmark_v2.py " + " ".join(shlex.quote(a) for a in sys.argv[1:])
    torch.set_num_threads(1)
    results = {"machine": B.machine(), "threads": 1, "calls": args.calls, "command": command, "configs": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.configs.split(","):
            results["configs"][name] = bench_config(name, args.cache, args, Path(tmp))
    print(f"command: {command}")
    print(f"machine: {results['machine']}; 1 intra-op thread; {args.calls} timed calls per model, buffer and run "
          f"after {WARMUP_CALLS} warm-up calls")
    for name, r in results["configs"].items():
        print(f"\n{name} (ratio {r['ratio']}, {'causal' if r['causal'] else 'non-causal'}, our export: "
              f"{r['streaming'].split(' (')[0]} path; files: "
              + ", ".join(f"{n} {mb:.1f} MB" for n, mb in r["files_mb"].items()) + ")")
        for condition, c in r["conditions"].items():
            note = ("nothing started by the script" if condition == "idle"
                    else f"a second process streaming a {HOG_MB} MB numpy array")
            print(f"{condition} ({c['runs']} runs; {note}; load average after: {c['load_average_after']}):")
            print(B.table({"conditions": {condition: c}}, condition))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
