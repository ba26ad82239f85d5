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
SOURCES = ("audio.py", "datacheck.py", "ravecli.py", "smoke.py", "trainer.py", "ginconf.py")


@dataclass(frozen=True)
class SmokeRun:
    run_dir: Path
    run: Run


def run_key(configs: list[bytes], label: str, sources: tuple[str, ...] = SOURCES) -> str:
    """What determines a cached run: its config files' bytes, its label (names and settings), the
    smoke audio, the versions of acids-rave, Lightning and torch, and the sources it trains through."""
    import pytorch_lightning
    import rave.version
    import torch

    h = hashlib.sha256()
    for config in configs:
        h.update(config)
    h.update(f"{label}|{SMOKE_SECONDS}|{SMOKE_SEED}|{rave.version.__version__}|{pytorch_lightning.__version__}|"
             f"{torch.__version__}".encode())
    here = Path(__file__).parent
    for name in sources:
        h.update((here / name).read_bytes())
    return h.hexdigest()[:12]


def smoke_settings(work: Path, config: str, steps: int, n_signal: int, batch: int):
    """The fixed small settings: the quick profile cut to `steps`, validating halfway and at the
    end, on this machine's CPU."""
    from .trainer import resolve_settings

    return resolve_settings(work / "audio", work / "runs", "smoke", config, profile="quick", steps=steps,
                            val_every=max(1, steps // 2), n_signal=n_signal, batch=batch, workers=0,
                            accelerator="cpu")


def cached_run(final: Path, config_in, steps: int, n_signal: int, batch: int) -> SmokeRun:
    """The run cached in folder `final`, trained first when it is missing: `config_in(work)` gives
    the config (a name or a .gin path) to train in the work folder. The run is built in a temporary
    folder beside `final` and renamed into place, so an interrupted training never leaves a
    half-made cache entry."""
    from .trainer import Scale, train

    if not (final / "done").is_file():
        final.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".run-", dir=final.parent))
        try:
            config = config_in(work)
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


def smoke_run(cache_root: str | Path, config: str = SMOKE_CONFIG, steps: int = SMOKE_STEPS,
              n_signal: int = SMOKE_N_SIGNAL, batch: int = SMOKE_BATCH) -> SmokeRun:
    """A short real training run of one of this project's configs, cached under `cache_root` by
    what determines it."""
    variant = f"{steps}-{n_signal}-b{batch}"
    key = run_key([config_path(config).read_bytes()], variant)
    return cached_run(Path(cache_root) / f"{config}-{variant}-{key}", lambda work: config, steps, n_signal, batch)
