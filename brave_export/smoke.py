"""The cached smoke training run: a short real training of one configuration on synthesized
audio, through `trainer.train` (the function `brave-export train` runs), cached by everything
that determines it. The demo trains through it, and the tests and `scripts/benchmark.py` reuse
its cache, so the path users take is the one the suite runs.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import audio
from .checkpoints import Run, locate
from .configtable import config_path

SMOKE_CONFIG = "brave"
SMOKE_STEPS = 300
SMOKE_SECONDS = 40.0
SMOKE_SEED = 0
SMOKE_BATCH = 4
SMOKE_N_SIGNAL = 32768

# Everything the run is made by: a change to any of these files is a new cache entry.
_SOURCES = ("audio.py", "datacheck.py", "ravecli.py", "smoke.py", "trainer.py", "ginconf.py")


@dataclass(frozen=True)
class SmokeRun:
    run_dir: Path
    run: Run


def _smoke_key(config: str, variant: str) -> str:
    import pytorch_lightning
    import rave.version
    import torch

    h = hashlib.sha256()
    h.update(config_path(config).read_bytes())
    h.update(f"{variant}|{SMOKE_SECONDS}|{SMOKE_SEED}|{rave.version.__version__}|{pytorch_lightning.__version__}|"
             f"{torch.__version__}".encode())
    here = Path(__file__).parent
    for name in _SOURCES:
        h.update((here / name).read_bytes())
    return h.hexdigest()[:12]


def smoke_settings(work: Path, config: str, steps: int, n_signal: int, batch: int):
    """The fixed small settings: the quick profile cut to `steps`, validating halfway and at the
    end, on this machine's CPU."""
    from .trainer import resolve_settings

    return resolve_settings(work / "audio", work / "runs", "smoke", config, profile="quick", steps=steps,
                            val_every=max(1, steps // 2), n_signal=n_signal, batch=batch, workers=0,
                            accelerator="cpu")


def smoke_run(cache_root: str | Path, config: str = SMOKE_CONFIG, steps: int = SMOKE_STEPS,
              n_signal: int = SMOKE_N_SIGNAL, batch: int = SMOKE_BATCH) -> SmokeRun:
    """A short real training run, cached under `cache_root` by what determines it.

    The run is built in a temporary folder and renamed into place, so an interrupted
    training never leaves a half-made cache entry.
    """
    from .trainer import Scale, train

    cache_root = Path(cache_root)
    variant = f"{steps}-{n_signal}-b{batch}"
    final = cache_root / f"{config}-{variant}-{_smoke_key(config, variant)}"
    if not (final / "done").is_file():
        cache_root.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".smoke-", dir=cache_root))
        try:
            audio.synthesize_dataset(work / "audio", seconds=SMOKE_SECONDS, seed=SMOKE_SEED)
            outcome = train(smoke_settings(work, config, steps, n_signal, batch), Scale(accelerator="cpu"))
            if outcome.interrupted:  # Ctrl-C stops training cleanly; the cache keeps only whole runs
                raise KeyboardInterrupt
            locate(outcome.run_dir)  # a checkpoint and its config exist
            (work / "done").write_text("ok\n")
            if final.exists():
                shutil.rmtree(final)
            work.rename(final)
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            raise
    run_dir = final / "runs" / "smoke"
    return SmokeRun(run_dir=run_dir, run=locate(run_dir))
