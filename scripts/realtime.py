#!/usr/bin/env python3
"""brave~ in Pd running in real time: a matrix of runs, one table row each (markdown).

    .venv/bin/python scripts/realtime.py                      # the default short matrix (make realtime)
    .venv/bin/python scripts/realtime.py --models fp32 --hosts jack --modes worker --hogs memory \\
        --seconds 60 --runs 3 --json out.json
    .venv/bin/python scripts/realtime.py --model my.ts --switch-every 2

Models: fp16 / fp32 are the cached smoke-trained BRAVE (tests' cache, $BRAVE_EXPORT_TEST_CACHE)
exported at buffer 128 with those weights; `probe` is a pure-delay probe (37 samples); --model
PATH adds any .ts. Hosts: jack (jackd's dummy driver, Pd in callback mode, a 64-sample period;
xruns counted against the empty server), jackN (an N-sample period), nosound (Pd's own scheduler, -audiobuf 25), nosoundN (-audiobuf N). Each run:
WARMUP seconds, then SECONDS measured (brave_export.pdrun.realtime documents every figure).
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from brave_export.errors import UserError  # noqa: E402
from brave_export.fileio import write_text_atomic  # noqa: E402
from brave_export.pdrun.realtime import TABLE_HEAD, check_matrix, matrix, table_row  # noqa: E402

CACHE = Path(os.environ.get("BRAVE_EXPORT_TEST_CACHE", REPO / ".cache" / "smoke"))
DEFAULTS = {"models": "fp16,fp32", "hosts": "jack,nosound,nosound10", "modes": "sync,worker", "voices": "1",
            "hogs": "none"}


def smoke_export(weights: str, folder: Path) -> Path:
    """The cached smoke run exported for nn~ at buffer 128 (made once per checkpoint)."""
    from brave_export.export import export_nn
    from brave_export.smoke import smoke_run

    run = smoke_run(CACHE)
    out = folder / f"brave-{weights}.ts"
    if not out.is_file() or out.stat().st_mtime < Path(run.run.checkpoint).stat().st_mtime:
        export_nn(run.run_dir, output=out, buffer=128, weights=weights, force=True, log=lambda m: None)
    return out


def models(names: list[str], extra: list[str], folder: Path) -> dict:
    from brave_export.probe import write_probe

    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for n in names:
        if n in ("fp16", "fp32"):
            print(f"[realtime] the smoke run ({CACHE}) exported with {n} weights...", file=sys.stderr, flush=True)
            out[n] = smoke_export(n, folder)
        elif n == "probe":
            out[n] = write_probe(folder / "probe37.ts", ratio=128, delay=37)
        else:
            raise UserError(f"unknown model {n!r}: use fp16, fp32, probe, or --model PATH")
    for p in extra:
        out[Path(p).stem] = Path(p)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--models", default=DEFAULTS["models"], help="comma list of fp16, fp32, probe")
    ap.add_argument("--model", action="append", default=[], help="a .ts file to run as well (repeatable)")
    ap.add_argument("--hosts", default=DEFAULTS["hosts"], help="comma list of jack, jackN (an N-sample period), nosound, nosoundN")
    ap.add_argument("--modes", default=DEFAULTS["modes"], help="comma list of sync, worker")
    ap.add_argument("--voices", default=DEFAULTS["voices"], help="comma list of voice counts")
    ap.add_argument("--hogs", default=DEFAULTS["hogs"], help="comma list of none, memory, cpu")
    ap.add_argument("--seconds", type=float, default=6.0, help="measured seconds per run")
    ap.add_argument("--buffer", type=int, default=128, help="brave~'s BUFFER (default 128)")
    ap.add_argument("--warmup", type=float, default=3.0)
    ap.add_argument("--runs", type=int, default=1, help="repeat the whole matrix")
    ap.add_argument("--switch-every", type=float, default=None, help="seconds between model switches")
    ap.add_argument("--baseline", type=float, default=None, help="seconds of empty JACK server (default: --seconds)")
    ap.add_argument("--no-record", action="store_true", help="no recording (long runs): no gaps, no latency")
    ap.add_argument("--external", help="the folder holding brave~.pd_linux (default: this checkout's build)")
    ap.add_argument("--workdir", default=str(REPO / ".cache" / "realtime"))
    ap.add_argument("--json", help="write every result here")
    args = ap.parse_args(argv)
    split = lambda s: [x for x in s.split(",") if x]  # noqa: E731
    try:
        ms = models(split(args.models), args.model, Path(args.workdir))
        hogs = [None if h == "none" else h for h in split(args.hogs)]
        check_matrix(ms, split(args.hosts), split(args.modes), hogs)
        if not all(v.isdigit() and int(v) > 0 for v in split(args.voices)):
            raise UserError(f"--voices takes whole numbers >= 1, comma-separated: got {args.voices!r}")
        command = "python scripts/realtime.py " + " ".join(shlex.quote(a) for a in (argv or sys.argv[1:]))
        print(f"# {command}\n# {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} CPUs, "
              f"{args.seconds:g} s measured after {args.warmup:g} s", flush=True)
        print(TABLE_HEAD)
        print("|" + "---|" * (TABLE_HEAD.count("|") - 1), flush=True)
        results = []
        for what, r in matrix(ms, split(args.hosts), split(args.modes), [int(v) for v in split(args.voices)], hogs,
                              runs=args.runs, seconds=args.seconds, warmup=args.warmup, buffer=args.buffer,
                              switch_every=args.switch_every, baseline_s=args.baseline, record=not args.no_record,
                              external_dir=args.external):
            if isinstance(r, Exception):
                print(f"| {what}: failed: {str(r).splitlines()[0]} |", flush=True)
                results.append({"run": what, "error": str(r)})
                continue
            name = what.split()[0]
            print(table_row(name, r), flush=True)
            results.append({"run": what, **r.as_dict()})
            if r.switches:
                for s in r.switches:
                    print(f"|   switch at {s.request_s:g} s: swapped {s.swapped_s}, {s.zero_runs} zero runs "
                          f"(longest {s.longest_zero_run}), longest tick {s.stall_max_ms:.1f} ms |", flush=True)
        if args.json:
            text = json.dumps({"command": command, "results": results}, indent=1, default=str)
            write_text_atomic(Path(args.json), text)
    except UserError as exc:
        print(f"realtime: error: {exc}".splitlines()[0], file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
