"""acids-rave's own `rave` command, run as a subprocess: `rave preprocess` (used by
`brave-export train` too) and `rave train` (the cached smoke runs in smoke.py), and the path
to the command (the reference `rave export` of the equivalence checks).

`brave-export train` itself (trainer.py) trains in-process with Lightning; this module is the
upstream tool as its users run it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from .configtable import config_path
from .datacheck import audio_files
from .errors import UserError


def rave_command() -> list[str]:
    """The `rave` CLI of the interpreter running us (the project's virtual environment)."""
    beside = Path(sys.executable).with_name("rave")
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("rave")
    if found:
        return [found]
    raise UserError("the `rave` command (acids-rave) is not installed: run `make setup`")


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
