"""Preprocessing and training through acids-rave's own `rave` command, and reading the results."""

from __future__ import annotations

import math
import shutil
import subprocess
import sys
from pathlib import Path

from .configs import config_path
from .errors import UserError

AUDIO_EXTENSIONS = (".wav", ".aif", ".aiff", ".flac", ".mp3", ".ogg", ".opus", ".aac")


def rave_command() -> list[str]:
    """The `rave` CLI of the interpreter running us (the project's virtual environment)."""
    beside = Path(sys.executable).with_name("rave")
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("rave")
    if found:
        return [found]
    raise UserError("the `rave` command (acids-rave) is not installed: run `make setup`")


def audio_files(folder: str | Path) -> list[Path]:
    """Audio files under `folder`, with an error when there are none."""
    folder = Path(folder)
    if not folder.is_dir():
        raise UserError(f"audio folder {folder} does not exist: pass a folder of .wav/.flac/.mp3 files")
    files = sorted(p for p in folder.rglob("*") if p.suffix.lower() in AUDIO_EXTENSIONS)
    if not files:
        raise UserError(
            f"audio folder {folder} holds no audio files ({', '.join(AUDIO_EXTENSIONS)}): add some and retry"
        )
    return files


def _run(cmd: list[str], log: Path | None) -> None:
    print("$ " + " ".join(cmd), file=sys.stderr, flush=True)
    if log is None:
        result = subprocess.run(cmd)
    else:
        with open(log, "w") as out:
            result = subprocess.run(cmd, stdout=out, stderr=subprocess.STDOUT)
    if result.returncode != 0:
        where = f"; see {log}" if log else ""
        raise UserError(f"`{' '.join(cmd[:2])}` failed with exit code {result.returncode}{where}")


def preprocess(audio_dir: str | Path, db_dir: str | Path, num_signal: int = 65536, log: Path | None = None) -> Path:
    """`rave preprocess` of `audio_dir` into the database `db_dir`."""
    audio_files(audio_dir)
    db = Path(db_dir).resolve()
    if (db / "data.mdb").exists():
        raise UserError(f"dataset {db} already exists: remove it or choose another folder")
    db.parent.mkdir(parents=True, exist_ok=True)
    _run(
        rave_command()
        + ["preprocess", "--input_path", str(Path(audio_dir).resolve()), "--output_path", str(db),
           "--num_signal", str(num_signal), "--channels", "1"],
        log,
    )
    return db


def train(
    db_dir: str | Path,
    out_dir: str | Path,
    name: str,
    config: str = "brave",
    steps: int = 300,
    n_signal: int = 32768,
    batch: int = 4,
    log: Path | None = None,
    validate: bool = True,
) -> Path:
    """`rave train` on CPU; returns the run directory it wrote (with config.gin).

    Validation (which also fits the latent PCA) runs halfway and at the end; `validate=False`
    skips it, for runs too short to give the PCA its 128 latent frames, and then saves the
    checkpoint by step count (rave's last-checkpoint callback otherwise waits for validation).
    """
    gin_file = config_path(config)
    db = Path(db_dir)
    if not (db / "data.mdb").is_file():
        raise UserError(f"{db} is not a preprocessed dataset (no data.mdb): run `rave preprocess` first")
    out = Path(out_dir).resolve()
    before = set(out.glob(f"{name}_*")) if out.is_dir() else set()
    _run(
        rave_command()
        + ["train", "--config", str(gin_file), "--db_path", str(db.resolve()), "--out_path", str(out),
           "--name", name, "--max_steps", str(steps), "--val_every", str(max(1, steps // 2) if validate else 10**9),
           *([] if validate else ["--save_every", str(steps)]),
           "--n_signal", str(n_signal), "--batch", str(batch), "--channels", "1",
           "--workers", "0", "--gpu", "-1", "--progress=false"],
        log,
    )
    runs = sorted(set(out.glob(f"{name}_*")) - before, key=lambda p: p.stat().st_mtime) or sorted(
        out.glob(f"{name}_*"), key=lambda p: p.stat().st_mtime
    )
    if not runs or not (runs[-1] / "config.gin").is_file():
        raise UserError(f"`rave train` wrote no run directory named {name}_* under {out}")
    return runs[-1]


def logged_losses(run_dir: str | Path) -> dict[str, list[float]]:
    """Every scalar the training logged to TensorBoard, by tag."""
    from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

    scalars: dict[str, list[float]] = {}
    for events in sorted(Path(run_dir).rglob("events.out.tfevents.*")):
        acc = EventAccumulator(str(events), size_guidance={"scalars": 0})
        acc.Reload()
        for tag in acc.Tags()["scalars"]:
            scalars.setdefault(tag, []).extend(e.value for e in acc.Scalars(tag))
    return scalars


def all_finite(values: dict[str, list[float]]) -> bool:
    return all(math.isfinite(v) for vs in values.values() for v in vs)
