"""The cached smoke training run: a short real `rave train` of one configuration on synthesized
audio, cached by everything that determines it. The demo trains through it, and the tests and
`scripts/benchmark.py` reuse its cache.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import audio, ravecli
from .configtable import config_path
from .checkpoints import Run, locate
from .errors import UserError

SMOKE_CONFIG = "brave"
SMOKE_STEPS = 300
SMOKE_SECONDS = 40.0
SMOKE_SEED = 0


@dataclass(frozen=True)
class SmokeRun:
    run_dir: Path
    run: Run


def _smoke_key(config: str, steps: int) -> str:
    import rave.version

    h = hashlib.sha256()
    h.update(config_path(config).read_bytes())
    h.update(f"{steps}|{SMOKE_SECONDS}|{SMOKE_SEED}|{rave.version.__version__}".encode())
    h.update(Path(audio.__file__).read_bytes())
    return h.hexdigest()[:12]


def smoke_run(cache_root: str | Path, config: str = SMOKE_CONFIG, steps: int = SMOKE_STEPS,
              validate: bool = True, n_signal: int = 32768) -> SmokeRun:
    """A short real training run, cached under `cache_root` by what determines it.

    The run is built in a temporary folder and renamed into place, so an interrupted
    training never leaves a half-made cache entry.
    """
    cache_root = Path(cache_root)
    variant = f"{steps}-{n_signal}{'' if validate else '-noval'}"
    final = cache_root / f"{config}-{variant}-{_smoke_key(config, steps)}"
    if not (final / "done").is_file():
        cache_root.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".smoke-", dir=cache_root))
        try:
            audio.synthesize_dataset(work / "audio", seconds=SMOKE_SECONDS, seed=SMOKE_SEED)
            ravecli.preprocess(work / "audio", work / "db", log=work / "preprocess.log")
            try:
                ravecli.train(work / "db", work / "runs", name="smoke", config=config, steps=steps,
                               log=work / "train.log", validate=validate, n_signal=n_signal)
            except UserError as exc:
                kept = cache_root / f"failed-{config}-train.log"
                shutil.copy(work / "train.log", kept)
                raise UserError(f"training the {config} smoke run failed; see {kept}") from exc
            locate(next((work / "runs").glob("smoke_*")))  # a checkpoint and its config exist
            (work / "done").write_text("ok\n")
            if final.exists():
                shutil.rmtree(final)
            work.rename(final)
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            raise
    run_dir = next((final / "runs").glob("smoke_*"))
    return SmokeRun(run_dir=run_dir, run=locate(run_dir))
