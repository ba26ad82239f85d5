"""The example patches (patches/pd/{latency,forward,latent}-{brave,nn}.pd) driven headless: each
opened as an abstraction in a generated wrapper, run in batch mode, its results read back."""

from __future__ import annotations

import math
import re
import tempfile
from pathlib import Path
from typing import Mapping, Sequence

import numpy as np

from ..errors import UserError
from ..hosts import is_power_of_two
from .locate import external_dir, patch_dir
from .pdfile import Canvas, Patch
from .process import PdError, PdRun, console_tail, pd_command, run_pd

HOSTS = ("brave", "nn")  # which object the patches run: brave~ or nn~


def _variant(kind: str, what: str, patches: Path) -> str:
    if kind not in HOSTS:
        raise UserError(f"unknown object kind {kind!r}: use one of {', '.join(HOSTS)}")
    name = f"{what}-{kind}"
    if not (patches / f"{name}.pd").is_file():
        raise PdError(f"{patches / (name + '.pd')} not found")
    return name


def _model_link(model_path, workdir: Path) -> Path:
    """The model as a path Pd can take as one atom: a symlink without spaces when needed."""
    model = Path(model_path).resolve()
    if not model.is_file():
        raise UserError(f"model file {model_path} not found")
    if re.search(r"[\s;,$\\{}]", str(model)):
        link = workdir / ("model" + (model.suffix or ".ts"))
        link.unlink(missing_ok=True)
        link.symlink_to(model)
        return link
    return model


def _paths(kind: str, external: str | Path | None, patches: str | Path | None) -> tuple[Path, list[Path]]:
    pd_command()  # fails first when Pd is missing
    pdir = patch_dir(patches)
    paths = [pdir]
    if kind == "brave":
        paths.insert(0, external_dir(external))
    elif external:
        paths.insert(0, Path(external))
    return pdir, paths


def check_ready(kind: str = "brave", external_dir: str | Path | None = None,
                patches: str | Path | None = None) -> None:
    """Raises PdError naming what is missing (Pd, the patches, brave~) before a long run starts."""
    if kind not in HOSTS:
        raise UserError(f"unknown object kind {kind!r}: use one of {', '.join(HOSTS)}")
    _paths(kind, external_dir, patches)


def _check(run: PdRun, what: str) -> None:
    """Pd must exit cleanly and print no error: an object that could not be created, a bad
    connection, a model that failed to load ... each leaves the patch not doing its job."""
    bad = [l for l in run.stderr.splitlines()
           if "couldn't create" in l or l.startswith("error:") or re.search(r"segmentation fault|Pd: signal", l)]
    if run.returncode != 0 or bad:
        first = bad[0] if bad else f"exit code {run.returncode}"
        raise PdError(f"the {what} patch failed in Pd: {first}\n{console_tail(run.stderr)}")


def _workdir(workdir) -> tuple[Path, tempfile.TemporaryDirectory | None]:
    if workdir is not None:
        Path(workdir).mkdir(parents=True, exist_ok=True)
        return Path(workdir), None
    tmp = tempfile.TemporaryDirectory(prefix="brave-pd-")
    return Path(tmp.name), tmp


def parse_latency_results(text: str) -> dict:
    """Reads the text file the latency patch writes: `trial N ONSET_IN ONSET_OUT SAMPLES MS`,
    `trial N missed`, and one `summary trials K detected D mean .. min .. max .. std .. mean_ms ..
    min_ms .. max_ms .. std_ms .. sr .. block .. buffer ..` line (figures in samples unless _ms)."""
    trials, summary = [], None
    for line in text.splitlines():
        words = line.replace(";", " ").split()
        if not words:
            continue
        if words[0] == "trial" and len(words) >= 3:
            if words[2] == "missed":
                trials.append({"trial": int(float(words[1])), "detected": False})
            elif len(words) >= 6:
                trials.append({"trial": int(float(words[1])), "detected": True, "onset_in": int(float(words[2])),
                               "onset_out": int(float(words[3])), "latency_samples": int(float(words[4])),
                               "latency_ms": float(words[5])})
        elif words[0] == "summary":
            kv = dict(zip(words[1::2], words[2::2]))
            summary = {k: float(v) for k, v in kv.items()}
    if summary is None:
        raise PdError("the latency patch wrote no summary line")
    return {"trials": trials, "summary": summary}


def check_latency_request(worker: bool, trials: int) -> None:
    """`brave-export latency --pd`: refuse what the Pd latency patch cannot do, before the long
    offline run that comes first."""
    check_ready()
    if worker:
        raise UserError("--pd runs the Pd latency patch in brave~'s synchronous mode: leave out --thread")
    if trials < 1:
        raise UserError(f"--pd-trials {trials}: give at least 1")


def format_latency(r: dict) -> str:
    """One line of what `run_latency_patch` measured."""
    head = f"Pd (patches/pd/latency-brave.pd, brave~ buffer {r['buffer'] or 'default'}, block {r['block']}): "
    if not r["detected"]:
        return head + f"no output onset detected in {r['trials_run']} trials"
    return head + (f"mean {r['mean']:.1f} samples ({r['mean_ms']:.2f} ms), jitter (std) {r['std']:.1f}, "
                   f"min {r['min']:.0f}, max {r['max']:.0f}, detected {r['detected']}/{r['trials_run']}")


def run_latency_patch(model_path, buffer: int = 0, block: int = 64, trials: int = 10, *, kind: str = "brave",
                      length_ms: float = 500, seed: int = 1, threshold: float | None = None, sr: int = 44100,
                      external_dir: str | Path | None = None, patches: str | Path | None = None,
                      timeout: float = 300, workdir: str | Path | None = None) -> dict:
    """Runs patches/pd/latency-KIND.pd headless on `model_path` with the object's BUFFER argument
    `buffer` inside a Pd block of `block` samples, for `trials` bursts, and returns what the patch
    measured:

        {"latencies": [samples per detected trial], "latencies_ms": [...], "trials": [per trial],
         "trials_run": K, "detected": D, "missed": K - D,
         "mean", "min", "max", "std": samples (std = jitter), "mean_ms", "min_ms", "max_ms", "std_ms",
         "sr", "block", "buffer", "results": path of the patch's text file (when workdir is given),
         "console": Pd's console output, line by line (the patch's own lines start with "latency:")}

    Figures are None when no trial was detected.
    """
    if trials < 1:
        raise UserError(f"trials must be >= 1, got {trials}")
    if not is_power_of_two(block):
        raise UserError(f"block must be a power of two, got {block}")
    if buffer < 0:
        raise UserError(f"buffer must be >= 0, got {buffer}")
    pdir, paths = _paths(kind, external_dir, patches)
    variant = _variant(kind, "latency", pdir)
    work, tmp = _workdir(workdir)
    try:
        model = _model_link(model_path, work)
        results = work / "latency-results.txt"
        results.unlink(missing_ok=True)
        settings = [f"block {int(block)}", f"trials {int(trials)}", f"length {float(length_ms):g}",
                    f"seed {int(seed)}", f"file {results}", "quit 1"]
        if threshold is not None:
            settings.append(f"threshold {float(threshold):g}")
        wrapper = Canvas()
        inst = wrapper.obj(f"{variant} {model} {int(buffer)}", 10, 10)
        lb = wrapper.obj("loadbang", 10, 60)
        go = wrapper.msg(", ".join(settings + ["run"]), 10, 90)
        wrapper.chain(lb, go)
        wrapper.connect(go, 0, inst, 0)
        # K trials of length + gap ms each, at least as fast as real time in batch mode
        run = run_pd(wrapper, work, name="latency.pd", paths=paths, sr=sr, timeout=timeout)
        _check(run, "latency")
        if not results.is_file():
            raise PdError(f"the latency patch wrote no results (exit code {run.returncode})\n{console_tail(run.stderr)}")
        parsed = parse_latency_results(results.read_text())
    finally:
        if tmp is not None:
            tmp.cleanup()
    s = parsed["summary"]
    detected = [t for t in parsed["trials"] if t["detected"]]
    out = {
        "latencies": [t["latency_samples"] for t in detected],
        "latencies_ms": [t["latency_ms"] for t in detected],
        "trials": parsed["trials"],
        "trials_run": int(s.get("trials", len(parsed["trials"]))),
        "detected": int(s.get("detected", len(detected))),
        "sr": s.get("sr", float(sr)),
        "block": int(s.get("block", block)),
        "buffer": int(buffer),
        "console": run.stderr.splitlines(),
        "results": str(results) if tmp is None else None,
    }
    out["missed"] = out["trials_run"] - out["detected"]
    for key in ("mean", "min", "max", "std", "mean_ms", "min_ms", "max_ms", "std_ms"):
        out[key] = s.get(key) if out["detected"] else None
    return out


def _run_player(what: str, model_path, buffer: int, seconds: float, kind: str, messages: Sequence[str],
                external_dir, patches, sr: int, timeout: float, workdir, console: list | None) -> np.ndarray:
    if seconds <= 0:
        raise UserError(f"seconds must be > 0, got {seconds}")
    if buffer < 0:
        raise UserError(f"buffer must be >= 0, got {buffer}")
    pdir, paths = _paths(kind, external_dir, patches)
    variant = _variant(kind, what, pdir)
    work, tmp = _workdir(workdir)
    try:
        model = _model_link(model_path, work)
        n = int(math.ceil(seconds * sr))
        patch = Patch(duration_ms=1000.0 * n / sr + 50)
        inst = patch.obj(f"{variant} {model} {int(buffer)}", 10, 10)
        patch.send_at_load(inst, messages)
        patch.record(inst, "out", n)
        run = run_pd(patch, work, name=f"{what}.pd", paths=paths, sr=sr, timeout=timeout)
        if console is not None:
            console.extend(run.stderr.splitlines())
        _check(run, what)
        return run.arrays["out"]
    finally:
        if tmp is not None:
            tmp.cleanup()


def run_forward_patch(model_path, buffer: int = 0, seconds: float = 2.0, *, kind: str = "brave",
                      source: str = "test", wet: float = 1.0, gain_db: float = 0.0, dry_delay: int = 0,
                      sr: int = 44100, external_dir: str | Path | None = None, patches: str | Path | None = None,
                      timeout: float = 300, workdir: str | Path | None = None,
                      console: list | None = None) -> np.ndarray:
    """Runs patches/pd/forward-KIND.pd headless (its built-in test sound through the model's
    `forward`, dry/wet `wet`, the dry path delayed by `dry_delay` samples, output gain `gain_db`)
    for `seconds`; returns the patch's output. Pd's console lines are appended to `console` when a
    list is given."""
    messages = [f"source {source}", f"wet {float(wet):g}", f"gain {float(gain_db):g}", f"delay {int(dry_delay)}"]
    return _run_player("forward", model_path, buffer, seconds, kind, messages, external_dir, patches, sr,
                       timeout, workdir, console)


def run_latent_patch(model_path, buffer: int = 0, seconds: float = 2.0, *, kind: str = "brave",
                     offsets: Mapping[int, float] | None = None, scales: Mapping[int, float] | None = None,
                     source: str = "test", sr: int = 44100, external_dir: str | Path | None = None,
                     patches: str | Path | None = None, timeout: float = 300,
                     workdir: str | Path | None = None, console: list | None = None) -> np.ndarray:
    """Runs patches/pd/latent-KIND.pd headless (test sound -> encode -> per-dimension scale and
    offset -> decode) for `seconds`; `offsets` / `scales` map latent dimension (0-based) to value.
    Pd's console lines are appended to `console` when a list is given."""
    messages = [f"source {source}", "wet 1", "gain 0"]
    messages += [f"dim {int(k)} scale {float(v):g}" for k, v in (scales or {}).items()]
    messages += [f"dim {int(k)} offset {float(v):g}" for k, v in (offsets or {}).items()]
    return _run_player("latent", model_path, buffer, seconds, kind, messages, external_dir, patches, sr,
                       timeout, workdir, console)
