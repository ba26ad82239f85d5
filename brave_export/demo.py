"""The embedded default job, stage by stage: synthesize audio, preprocess, train BRAVE briefly
on CPU, export it for nn~ at its smallest buffer and for the BRAVE plugin, time it, and run it
in Pd. Each stage takes the previous one's outputs and is skipped when already done.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from .fileio import write_atomic, write_text_atomic
from .latency.card import read_card
from .modelfacts import ModelFacts, model_facts, read_model
from .smoke import SMOKE_STEPS, smoke_run


def say(msg: str) -> None:
    print(f"[demo] {msg}", file=sys.stderr, flush=True)


def _fresh(output: Path, *inputs: Path) -> bool:
    """`output` exists and is newer than every input: the stage that makes it can be skipped."""
    return output.is_file() and all(output.stat().st_mtime >= i.stat().st_mtime for i in inputs)


DEMO_BUFFER = 128  # BRAVE's compression ratio: the smallest buffer nn~ can run it at
DEMO_PRESET = "lowest-128"  # brave~ at that buffer in Pd's default 64-sample block
STAGES = 7
PD_SECONDS = 4.0  # of the forward patch's built-in test sound through the model
PD_TRIALS = 10  # bursts sent by the latency patch


def run_demo(workdir: str | Path = "demo", steps: int = SMOKE_STEPS, bench_calls: int = 500) -> dict:
    """Run every stage of the demo in `workdir`; returns what each stage produced.

    Each stage is skipped when its output is already newer than its input, so running the
    demo again after an interruption only does what is left.
    """
    from .bench import bench_many, format_comparison, format_report
    from .export import export_nn
    from .export.plugin import export_plugin
    from .export.weights import half_precision_unavailable

    workdir = Path(workdir).resolve()
    say(f"[1/{STAGES}] training BRAVE for {steps} steps on CPU (synthesized plucks and drums) in {workdir}, "
        "as `brave-export train` does (cached: skipped when done)")
    smoke = smoke_run(workdir / "cache", steps=steps)
    ckpt = smoke.run.checkpoint
    say(f"run directory: {smoke.run_dir}")
    say(f"checkpoint:    {ckpt}")
    models = workdir / "models"
    models.mkdir(exist_ok=True)

    ts = models / f"brave_b{DEMO_BUFFER}.ts"
    exports = {"fp32": ts}
    reason = half_precision_unavailable()
    if reason is None:
        exports["fp16"] = models / f"brave_b{DEMO_BUFFER}_fp16.ts"
    else:
        say(f"      fp16 weights are not available here ({reason}): the demo exports fp32 only")
    for weights, path in exports.items():
        if _fresh(path, ckpt) and _fresh(path.with_suffix(".json"), ckpt) and read_card(path) is not None:
            say(f"[2/{STAGES}] nn~ export ({weights} weights) up to date: {path}")
        else:
            say(f"[2/{STAGES}] exporting for nn~ at buffer {DEMO_BUFFER} with {weights} weights "
                "(streaming self-test included)")
            export_nn(smoke.run_dir, output=path, buffer=DEMO_BUFFER, weights=weights, force=True, log=say)
    # loaded once each: every later stage takes these facts (and the loaded module)
    candidates = [read_model(path) for path in exports.values()]
    say(f"      Pd / Max object: [{candidates[0].sidecar.object_text}]  "
        f"(model delay {candidates[0].model_delay} samples)")

    h5 = models / "brave.h5"
    if _fresh(h5, ckpt):
        say(f"[3/{STAGES}] BRAVE plugin weights up to date: {h5}")
    else:
        say(f"[3/{STAGES}] writing the BRAVE plugin weight file")
        export_plugin(smoke.run_dir, h5, force=True, log=say)

    say(f"[4/{STAGES}] timing the exports side by side on this machine, one thread ({bench_calls} calls per "
        "buffer)")
    reports = bench_many(candidates, calls=bench_calls)
    text = "\n\n".join(format_report(r) for r in reports) + "\n\n" + format_comparison(reports)
    write_text_atomic(workdir / "bench.txt", text + "\n")
    print(text, flush=True)
    model = pick_model(candidates, reports)

    say(f"[5/{STAGES}] measuring latency offline: test bursts through the model as brave~ runs it "
        f"({DEMO_PRESET} preset)")
    measured = offline_latency(model, workdir, DEMO_PRESET)

    pd = pd_stages(model, workdir, DEMO_PRESET)
    return {"run_dir": smoke.run_dir, "checkpoint": ckpt, "model": model.path, "models": list(exports.values()),
            "sidecar": model.path.with_suffix(".json"), "plugin": h5, "bench": reports, "latency": measured, **pd}


def pick_model(candidates: list[ModelFacts], reports) -> ModelFacts:
    """The export the later stages play: the one the benchmark recommends at the smallest buffer
    (fp32 on a tie, or when none keeps up: it runs everywhere nn~ runs); says which and why."""
    from .bench import file_to_play

    best = file_to_play(reports)
    chosen = next((c for c in candidates if best is not None and str(c.path) == best.path), candidates[0])
    if best is None:
        say("      playing the fp32 export: no export kept up at the buffers measured on this machine")
    else:
        say(f"      playing the {best.weights} export {chosen.path.name}: the benchmark recommends it at buffer "
            f"{best.recommended_buffer()} on this machine")
    return chosen


def offline_latency(model: ModelFacts, workdir: Path, preset_name: str, trials: int = 4):
    """Stage 5: the model's latency card (measured at export: its own latency, no host buffering)
    and the offline evaluator with the preset's host settings, one figure each: medians over the
    tests measured, or plainly that the model is too little trained to measure."""
    from . import latency
    from .presets import fit, get_preset

    preset = get_preset(preset_name)
    expected = fit(preset, model)
    card = model.card
    say("latency card (the model's own latency, measured at export with no host buffering): "
        + (card.describe() if card is not None else "none in the file"))
    result = latency.evaluate(model, buffer=expected.buffer, block=preset.pd_block, trials=trials, progress=True)
    latency.write_json(result, workdir / "latency.json")
    latency.write_plot(result, workdir / "latency.png")
    print(latency.format_result(result), flush=True)
    say(f"latency through brave~ ({preset_name}), offline: {_offline_figure(result)}")
    say(f"latency, expected ({preset_name}): {_expected_line(expected)}")
    return result


def _offline_figure(result) -> str:
    o = result.overall
    if o.missed:
        return (f"not measurable: the demo model is too little trained to reproduce the test bursts (onsets in "
                f"{o.detection_rate:.0%} of trials, every test missed)")
    return (f"{o.latency['median']:.0f} samples ({o.latency['median_ms']:.1f} ms) median, p10 {o.latency['p10']:.0f}, "
            f"p90 {o.latency['p90']:.0f}, over {o.measured_tests} of {len(result.tests)} tests")


def _expected_line(expected) -> str:
    """brave~'s buffering + the model's own delay (the card's median, else nominal, saying which)."""
    if expected.model_delay is None:
        return f"brave~ buffering {expected.latency['pd_samples']} samples + an unstated model delay"
    ms = 1000.0 / expected.sample_rate
    return (f"{expected.expected_latency} samples ({expected.expected_latency * ms:.1f} ms) = brave~ buffering "
            f"{expected.latency['pd_samples']} + model delay {expected.model_delay}, {expected.delay_source}")


def agreement(pd_median: float | None, expected, card) -> str:
    """Whether the Pd figure agrees with the card's: within the card's spread (p90 - p10) plus one
    Pd block. The detectors differ: the card's envelope detector marks where the output's rise
    begins, the patch's where it reaches 20% of the burst's peak, later on a smeared onset."""
    if card is None or not card.measurable:
        why = card.reason if card is not None else "the file has no latency card"
        return (f"no measured figure to compare: the demo model is too little trained to measure ({why}); the "
                f"expected figure uses the nominal delay")
    if pd_median is None:
        return "Pd found no onset: nothing to compare"
    tol = (card.p90 - card.p10) + expected.preset.pd_block
    diff = pd_median - expected.expected_latency
    verdict = "agree" if abs(diff) <= tol else "DISAGREE"
    return (f"Pd and the card {verdict}: Pd's median is {diff:+.0f} samples from buffering + the card's median "
            f"(stated detector difference: up to the card's p90 - p10 ({card.p90 - card.p10:g}) + one "
            f"{expected.preset.pd_block}-sample block = {tol:g})")


def pd_stages(model: str | Path | ModelFacts, workdir: Path, preset_name: str) -> dict:
    """Stages 6 and 7: the forward and latency patches of patches/pd, headless in real Pd with brave~.

    Skipped with the reason (not failed) when Pd or brave~ is missing: the earlier stages' files
    stand on their own, and `make demo` always builds both.
    """
    from . import latency, pdrun
    from .presets import fit, get_preset

    model = model_facts(model)
    ts = model.path
    preset = get_preset(preset_name)
    expected = fit(preset, model)
    try:
        pdrun.check_ready()
    except pdrun.PdError as exc:
        say(f"[6/{STAGES}] [7/{STAGES}] Pd stages skipped: {exc}")
        return {"pd_forward": None, "pd_latency": None, "pd_latency_offline": None}

    say(f"[6/{STAGES}] Pd: patches/pd/forward-brave.pd plays its test sound through "
        f"[{expected.object_text}] for {PD_SECONDS:g} s (headless, faster than real time)")
    out = pdrun.run_forward_patch(ts, buffer=expected.buffer, seconds=PD_SECONDS, sr=expected.sample_rate)
    wav = workdir / "pd-forward.wav"
    write_wav(wav, out, expected.sample_rate)
    finite = bool(np.isfinite(out).all())
    peak = float(np.abs(out).max()) if finite else float("nan")
    rms = float(np.sqrt(np.mean(np.square(out, dtype=np.float64)))) if finite else float("nan")
    say(f"      {wav}: peak {peak:.3f}, rms {rms:.4f}" + ("" if finite else " - NON-FINITE OUTPUT"))

    say(f"[7/{STAGES}] Pd: patches/pd/latency-brave.pd sends {PD_TRIALS} bursts through "
        f"[{expected.object_text}] in {preset.pd_block}-sample blocks")
    measured = pdrun.run_latency_patch(ts, buffer=expected.buffer, block=preset.pd_block, trials=PD_TRIALS,
                                       sr=expected.sample_rate, workdir=workdir / "pd-latency")
    for line in measured["console"]:
        if line.startswith("latency: "):
            print(line, flush=True)
    ms = 1000.0 / expected.sample_rate
    pd_median = float(np.median(measured["latencies"])) if measured["latencies"] else None
    if pd_median is not None:
        say(f"latency, measured in Pd:        {pd_median:.0f} samples ({pd_median * ms:.1f} ms) median, "
            f"min {measured['min']:.0f}, max {measured['max']:.0f}, onsets found in "
            f"{measured['detected']}/{measured['trials_run']} trials (results: {measured['results']})")
    else:
        say(f"latency, measured in Pd:        no output onset detected in {measured['trials_run']} trials")
    like = latency.evaluate_as_pd_patch(model, buffer=expected.buffer, block=preset.pd_block, trials=PD_TRIALS)
    say(f"latency, measured offline:      {_offline_figure(like)} (the patch's burst and onset detector "
        "through the simulated brave~ host)")
    say(f"latency, expected ({preset_name}): {_expected_line(expected)}")
    say(agreement(pd_median, expected, model.card))
    return {"pd_forward": wav, "pd_latency": measured, "pd_latency_offline": like}


def write_wav(path: Path, samples: np.ndarray, sr: int) -> Path:
    """A 32-bit float wav file, written atomically."""
    from scipy.io import wavfile

    return write_atomic(path, lambda tmp: wavfile.write(tmp, sr, np.asarray(samples, dtype=np.float32)))
