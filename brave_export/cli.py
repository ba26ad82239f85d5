"""The `brave-export` command: a thin layer over the library.

Each command is a pair, an `add_NAME(sub)` that declares its options and a `cmd_NAME(args)` that
calls the library with them and prints what it returns; checks and wording live in the library.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path

from .errors import UserError


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def one_run(paths: list[str]) -> str:
    """The single run a positional RUN names (a shell glob can expand to several)."""
    if len(paths) > 1:
        shown = ", ".join(paths[:3]) + (f" and {len(paths) - 3} more" if len(paths) > 3 else "")
        raise UserError(f"{len(paths)} runs given ({shown}): pass one run directory or .ckpt")
    return paths[0]


# ---- configs
def add_configs(sub) -> None:
    p = sub.add_parser("configs", help="the paper's configurations, computed from their gin files")
    p.add_argument("names", nargs="*", help="only these configs (default: all ten)")
    p.add_argument("--path", metavar="NAME", help="print the gin file of config NAME and exit")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_configs)


def cmd_configs(args) -> int:
    from . import configtable

    if args.path:
        print(configtable.config_path(args.path))
        return 0
    rows = configtable.describe_all(args.names, log=(lambda m: None) if args.json else log)
    print(json.dumps([r.as_dict() for r in rows], indent=2) if args.json else configtable.format_table(rows))
    return 0


# ---- dataset
def add_dataset(sub) -> None:
    p = sub.add_parser("dataset", help="synthesize a small deterministic training set (plucks, drums)")
    p.add_argument("output", help="folder for the .wav files")
    p.add_argument("--seconds", type=float, default=40.0,
                   help="seconds of audio in all, split over 4 .wav files at 44.1 kHz (default 40: enough for "
                        "the quick profile's batches and validation)")
    p.add_argument("--seed", type=int, default=0,
                   help="random seed of the notes and drum hits: the same seed gives the same files, byte for byte "
                        "(default 0)")
    p.set_defaults(func=cmd_dataset)


def cmd_dataset(args) -> int:
    from .audio import synthesize_dataset

    for path in synthesize_dataset(Path(args.output), seconds=args.seconds, seed=args.seed):
        print(path)
    return 0


# ---- train
def add_train(sub) -> None:
    p = sub.add_parser("train", help="train a model on a folder of audio (acids-rave + Lightning), "
                                      "with data checks, checkpoints, progress, resume and DDP",
                       description="Checks the audio, preprocesses the files the check accepts with `rave "
                                   "preprocess` and trains acids-rave's model with PyTorch Lightning. The checkpoint "
                                   "(RUN/checkpoints/last.ckpt) is saved after every validation, and the last step "
                                   "always validates, so it exports; Ctrl-C stops after the current step, validates "
                                   "and saves (a second Ctrl-C stops at once and says whether what it saved "
                                   "exports).")
    p.add_argument("audio", nargs="?", help="folder of audio files (.wav, .flac, .mp3, ...; searched recursively)")
    p.add_argument("--config", default="brave", help="config name or .gin path (default: brave)")
    p.add_argument("--out", default="runs", help="folder for the dataset and the run (default: runs)")
    p.add_argument("--name", default="brave", help="run name: the run goes to OUT/NAME, its dataset to "
                                                   "OUT/NAME-db (reused when made from the same files)")
    p.add_argument("--profile", choices=("auto", "quick", "full"), default="auto",
                   help="quick: CPU, 300 steps, checkpoint every 50, n_signal 32768, batch 4 (first checkpoint in "
                        "minutes); "
                        "full: GPU, acids-rave's schedule of 6M steps, checkpoint every 10000, n_signal 131072, "
                        "batch 8 (days); auto (default): full with a GPU, quick without")
    p.add_argument("--steps", type=int, help="training steps in all (default: the profile's); with --resume, "
                                             "the new total")
    p.add_argument("--val-every", type=int, help="validate (fits the latent PCA) and save a checkpoint every "
                                                 "this many steps and at the last (default: the profile's)")
    p.add_argument("--n-signal", type=int, help="samples per training example; files shorter than this add "
                                                "nothing (default: the profile's)")
    p.add_argument("--batch", type=int, help="examples per step (default: the profile's)")
    p.add_argument("--workers", type=int, help="data loader processes (default: 0 on CPU, up to 8 with a GPU)")
    p.add_argument("--resume", metavar="RUN", help="continue the run in folder RUN (OUT/NAME) from its last "
                                                   "checkpoint, with the settings it started with")
    p.add_argument("--accelerator", choices=("auto", "cpu", "gpu"), default="auto",
                   help="where to train (default auto: a CUDA GPU when torch sees one)")
    p.add_argument("--devices", type=int, default=1,
                   help="GPUs (or, on CPU, processes) per node; more than 1 trains with Lightning's DDP (default 1)")
    p.add_argument("--nodes", type=int, default=1,
                   help="machines taking part (Lightning DDP: set MASTER_ADDR, MASTER_PORT, NODE_RANK on each; "
                        "see the README)")
    p.add_argument("--check", action="store_true",
                   help="only check the audio: print what training would use and what it would skip, then exit")
    p.set_defaults(func=cmd_train)


def cmd_train(args) -> int:
    from . import trainer

    if args.resume:
        settings = trainer.load_settings(Path(args.resume), steps=args.steps)
    else:
        if args.audio is None:
            raise UserError("give a folder of audio files to train on, or --resume RUN to continue a run")
        settings = trainer.resolve_settings(args.audio, args.out, args.name, args.config, profile=args.profile,
                                            steps=args.steps, val_every=args.val_every, n_signal=args.n_signal,
                                            batch=args.batch, workers=args.workers, accelerator=args.accelerator)
    scale = trainer.Scale(accelerator=args.accelerator, devices=args.devices, nodes=args.nodes)
    outcome = trainer.train(settings, scale, resume=bool(args.resume), check_only=args.check)
    if outcome is None or trainer.is_extra_process():
        return 0
    end = trainer.ending(outcome, settings.steps)
    log(end.message)
    if end.run_dir is not None:
        print(end.run_dir)
    return end.code


# ---- checkpoint
def add_checkpoint(sub) -> None:
    p = sub.add_parser("checkpoint", help="load a run's checkpoint with its config and report on it")
    p.add_argument("run", nargs="+", help="run directory or .ckpt file")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_checkpoint)


def cmd_checkpoint(args) -> int:
    from .checkpoints import describe_run

    info = describe_run(one_run(args.run))
    print(json.dumps(info, indent=2) if args.json else "\n".join(f"{k:>15}: {v}" for k, v in info.items()))
    return 0


# ---- nn
def add_nn(sub) -> None:
    p = sub.add_parser("nn", help="export a run to streaming TorchScript for nn~ at a small buffer")
    p.add_argument("run", nargs="+", help="run directory (config.gin found next to or above the checkpoint) or .ckpt")
    p.add_argument("--buffer", type=int, help="the nn~ buffer you will use (default: the compression ratio)")
    p.add_argument("--output", help="output .ts (default: RUN/<name>_b<buffer>.ts, or <name>_b<buffer>_fp16.ts "
                                     "with --weights fp16)")
    p.add_argument("--fidelity", type=float, default=0.95, help="latent size by explained variance (default 0.95)")
    p.add_argument("--max-batch", type=int, default=1, help="batch entries the streaming state holds (mc.nn~: channels)")
    p.add_argument("--plugin", metavar="OUT.h5", help="also write the BRAVE plugin weight file here")
    p.add_argument("--weights", default="fp32", metavar="FORMAT",
                   help="fp32 (default, runs everywhere) or fp16: half-precision weights for machines where memory "
                        "is contended (x86-64 only; checked within -60 dB of fp32)")
    p.add_argument("--force", action="store_true", help="overwrite an existing output")
    p.add_argument("--force-unready", action="store_true",
                   help="export a checkpoint saved before any validation (latent PCA never fitted: 1 latent dimension)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_nn)


def cmd_nn(args) -> int:
    from .export import export_nn
    from .export.plugin import export_nn_and_plugin

    options = dict(output=args.output, buffer=args.buffer, fidelity=args.fidelity, max_batch=args.max_batch,
                   force=args.force, allow_unready=args.force_unready, weights=args.weights)
    run = one_run(args.run)
    if args.plugin:
        result = export_nn_and_plugin(run, args.plugin, **options)
    else:
        result = export_nn(run, **options)
    print(json.dumps(result.as_dict(), indent=2) if args.json else result.summary())
    return 0


# ---- plugin
def add_plugin(sub) -> None:
    p = sub.add_parser("plugin", help="export the .h5 weight file for the BRAVE plugin")
    p.add_argument("run", nargs="+", help="run directory or .ckpt")
    p.add_argument("--output", required=True, help="output .h5")
    p.add_argument("--force", action="store_true")
    p.set_defaults(func=cmd_plugin)


def cmd_plugin(args) -> int:
    from .export.plugin import export_plugin

    print(export_plugin(one_run(args.run), args.output, force=args.force))
    return 0


# ---- inspect
def add_inspect(sub) -> None:
    p = sub.add_parser("inspect", help="describe any nn~ model and check it against nn~'s protocol")
    p.add_argument("model", help=".ts file")
    p.add_argument("--buffer", type=int, help="buffer for the protocol check (default: max(ratio, 2048))")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_inspect)


def cmd_inspect(args) -> int:
    from .modelfacts import format_report, inspect_model, protocol_error

    report = inspect_model(args.model, buffer=args.buffer)
    print(json.dumps(report.as_dict(), indent=2) if args.json else format_report(report))
    error = protocol_error(report)
    if error:
        log(f"brave-export: error: {error}")
        return 1
    return 0


# ---- card
def add_card(sub) -> None:
    p = sub.add_parser("card", help="measure a model's own latency (its latency card) and store it in the .ts "
                                     "and its sidecar; any nn~ file, also one `rave export` made")
    p.add_argument("model", help=".ts file (rewritten atomically; the original stays on any failure)")
    p.add_argument("--trials", type=int, help="trials per test burst (12 bursts; default 4)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--dry-run", action="store_true", help="measure and print; write nothing")
    p.add_argument("--json", action="store_true", help="print the whole card as JSON")
    p.add_argument("--quiet", action="store_true", help="no progress")
    p.set_defaults(func=cmd_card)


def cmd_card(args) -> int:
    from .latency.card import CARD_TRIALS, card_model, card_outcome

    card = card_model(args.model, trials=CARD_TRIALS if args.trials is None else args.trials, seed=args.seed,
                      progress=not args.quiet, store=not args.dry_run,
                      log=(lambda msg: None) if args.quiet else log)
    print(json.dumps(card.as_dict(), indent=2) if args.json else card_outcome(card))
    if not args.dry_run:
        log(f"stored in {args.model}")
    return 0


# ---- bench
def add_bench(sub) -> None:
    p = sub.add_parser("bench", help="time a model per call at small buffers; recommends a buffer")
    p.add_argument("model", nargs="+", help=".ts file (any nn~ model); several (e.g. the fp32 and fp16 exports of "
                                            "one run) are timed side by side, with a recommendation per weight format")
    p.add_argument("--buffers", default="128,256,512,2048", help="comma-separated (default 128,256,512,2048)")
    p.add_argument("--threads", type=int, default=1, help="torch intra-op threads (default 1, as brave~)")
    p.add_argument("--methods", default="forward", help="comma-separated methods to time (default forward)")
    p.add_argument("--calls", type=int, default=2000, help="timed calls per buffer after 50 warm-up calls")
    p.add_argument("--json", action="store_true")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_bench)


def cmd_bench(args) -> int:
    from . import bench

    reports = bench.bench_many(args.model, bench.parse_buffers(args.buffers), threads=args.threads,
                               methods=bench.parse_methods(args.methods), calls=args.calls, progress=not args.quiet)
    print(bench.format_reports(reports, as_json=args.json))
    return 0


# ---- presets, preset
def add_presets(sub) -> None:
    p = sub.add_parser("presets", help="low-buffer host presets with their computed latency")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_presets)


def cmd_presets(args) -> int:
    from . import presets

    items = presets.load_presets()
    print(json.dumps([p.as_dict() for p in items], indent=2) if args.json else presets.format_presets(items))
    return 0


def add_preset(sub) -> None:
    p = sub.add_parser("preset", help="check a model against a preset; print the object text and host settings")
    p.add_argument("name", help="preset name (see `brave-export presets`)")
    p.add_argument("model", help=".ts file (any nn~ model)")
    p.add_argument("--method", default="forward", help="method the object runs (default forward)")
    p.add_argument("--time", type=int, nargs="?", const=500, metavar="CALLS",
                   help="also time CALLS calls (default 500) at the preset's buffer here and say if the model keeps up")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_preset)


def cmd_preset(args) -> int:
    from . import presets

    result = presets.fit_named(args.name, args.model, method=args.method, timed_calls=args.time)
    print(json.dumps(result.as_dict(), indent=2) if args.json else presets.format_fit(result))
    return 0


# ---- latency
def add_latency(sub) -> None:
    p = sub.add_parser("latency", help="offline latency and jitter of a model as brave~ plays it (test bursts)")
    p.add_argument("model", help=".ts file (any nn~ model)")
    p.add_argument("--buffer", type=int, help="brave~ buffer (default: the model's ratio)")
    p.add_argument("--block", type=int, default=64, help="Pd block size (default 64)")
    p.add_argument("--thread", action="store_true",
                   help="brave~'s worker mode (-thread): one buffer more latency, the call gets a whole buffer")
    p.add_argument("--trials", type=int, default=8, help="trials per test burst (12 bursts; default 8)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--method", default="forward")
    p.add_argument("--json", metavar="OUT", help="write every figure and trial as JSON")
    p.add_argument("--plot", metavar="OUT.png", help="write a histogram of the latencies")
    p.add_argument("--detector", choices=("envelope", "peak"), default="envelope",
                   help="onset detector: envelope difference (default), or peak threshold as the Pd latency patch")
    p.add_argument("--peak-fraction", type=float, default=0.2,
                   help="peak detector: onset at this fraction of the burst's peak magnitude (default 0.2)")
    p.add_argument("--threshold-db", type=float, default=9.0, help="envelope detector: fast - slow threshold (dB)")
    p.add_argument("--floor-db", type=float, default=-60.0, help="envelope detector: least fast envelope (dBFS)")
    p.add_argument("--highpass-hz", type=float, default=40.0, help="envelope detector: high-pass cutoff")
    p.add_argument("--fast-ms", type=float, default=1.0, help="envelope detector: fast follower time constant")
    p.add_argument("--slow-ms", type=float, default=30.0, help="envelope detector: slow follower time constant")
    p.add_argument("--search-ms", type=float,
                   help="how long after buffering + model delay an output onset is looked for (default: the "
                        "response window, buffering + 2 x the model's nominal delay + 1024 samples; 500 ms when "
                        "the model states no delay)")
    p.add_argument("--latent-noise", choices=("model", "on", "off"), default="model",
                   help="set_latent_noise before measuring, where the model has it (default: as exported)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--pd", action="store_true",
                   help="also run patches/pd/latency-brave.pd headless in real Pd with brave~ at the same buffer "
                        "and block (noise bursts, peak-threshold onsets), and print its figures")
    p.add_argument("--pd-trials", type=int, default=10, help="bursts the Pd patch sends (default 10)")
    p.set_defaults(func=cmd_latency)


def cmd_latency(args) -> int:
    from . import latency

    latency.check_outputs(args.json, args.plot)
    if args.pd:
        from . import pdrun

        pdrun.check_latency_request(worker=args.thread, trials=args.pd_trials)  # before the long offline run
    settings = latency.DetectorSettings(highpass_hz=args.highpass_hz, fast_ms=args.fast_ms, slow_ms=args.slow_ms,
                                        threshold_db=args.threshold_db, floor_db=args.floor_db,
                                        detector=args.detector, peak_fraction=args.peak_fraction)
    result = latency.evaluate(args.model, buffer=args.buffer, block=args.block, trials=args.trials, seed=args.seed,
                              method=args.method, settings=settings,
                              search_s=None if args.search_ms is None else args.search_ms / 1000.0,
                              latent_noise={"on": True, "off": False, "model": None}[args.latent_noise],
                              progress=not args.quiet, worker=args.thread)
    print(latency.format_result(result))
    if args.json:
        log(f"wrote {latency.write_json(result, args.json)}")
    if args.plot:
        log(f"wrote {latency.write_plot(result, args.plot)}")
    if args.pd:
        # seed + 1: Pd's noise~ and the evaluator's generator are different streams anyway, and the
        # patch's trial placement takes seeds from 1
        figures = pdrun.run_latency_patch(args.model, buffer=args.buffer or 0, block=args.block,
                                          trials=args.pd_trials, seed=args.seed + 1)
        print(pdrun.format_latency(figures))
    return 0


# ---- patches
def add_patches(sub) -> None:
    p = sub.add_parser("patches", help="Max and Pd patches (forward, latent, latency) sized to one exported model")
    p.add_argument("model", help=".ts file (its sidecar MODEL.json from `brave-export nn` is read when present)")
    p.add_argument("--max", metavar="DIR", help="write the Max patches (nn~, mcs.nn~) here")
    p.add_argument("--pd", metavar="DIR", help="write the Pd patches (and the shared abstractions) here")
    p.add_argument("--preset", metavar="NAME", help="buffer, signal vector, Pd block and object from a preset "
                                                     "(`brave-export presets`); the options below override it")
    p.add_argument("--buffer", type=int, help="the object's BUFFER (default: the export's, from the sidecar)")
    p.add_argument("--signal-vector", type=int, help="Max's signal vector size (default 64)")
    p.add_argument("--pd-block", type=int, help="block size the Pd latency patch measures at (default 64; the "
                                                 "players run at Pd's 64)")
    p.add_argument("--pd-object", choices=("brave", "nn"), help="Pd object (default brave~)")
    p.add_argument("--force", action="store_true", help="overwrite patches already in DIR")
    p.set_defaults(func=cmd_patches)


def cmd_patches(args) -> int:
    from .patching import modelpatches

    if not (args.max or args.pd):
        raise UserError("say where to write: --max DIR and/or --pd DIR")
    s = modelpatches.patch_settings(args.model, args.preset, buffer=args.buffer, signal_vector=args.signal_vector,
                                    pd_block=args.pd_block, pd_object=args.pd_object)
    facts = modelpatches.patch_facts(args.model, buffer=s["buffer"])
    print(modelpatches.summary(facts, s["signal_vector"], s["pd_object"], s["pd_block"]))
    written = []
    if args.max:
        written += modelpatches.write_max(facts, args.max, s["signal_vector"], force=args.force)
    if args.pd:
        written += modelpatches.user_patches(
            modelpatches.write_pd(facts, args.pd, s["pd_object"], s["pd_block"], force=args.force))
    for path in written:
        print(path)
    return 0


# ---- demo
def add_demo(sub) -> None:
    from .smoke import SMOKE_STEPS

    p = sub.add_parser("demo", help="the embedded default job (train on synthesized audio, ...)")
    p.add_argument("--workdir", default="demo")
    p.add_argument("--steps", type=int, default=SMOKE_STEPS)
    p.set_defaults(func=cmd_demo)


def cmd_demo(args) -> int:
    from .demo import run_demo

    run_demo(args.workdir, steps=args.steps)
    return 0


COMMANDS = (add_configs, add_dataset, add_train, add_checkpoint, add_nn, add_plugin, add_inspect, add_card,
            add_bench, add_presets, add_preset, add_latency, add_patches, add_demo)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="brave-export", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for add in COMMANDS:
        add(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    # torch and acids-rave warn about their own deprecations (weight_norm, ...): noise here.
    warnings.filterwarnings("ignore", category=FutureWarning)
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    args = build_parser().parse_args(argv)
    try:
        code = args.func(args)
        sys.stdout.flush()  # inside the try: a closed pipe shows up here, not at exit
        return code
    except UserError as exc:
        print(f"brave-export: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("brave-export: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader (e.g. `| head`) stopped reading: not an error of ours. Point stdout at
        # /dev/null so the interpreter's final flush does not raise again.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
