"""`brave-export train`: acids-rave's own model and dataset under PyTorch Lightning's Trainer.

What this adds to `rave train` is the front door, not a training loop: honest profiles, data
checks before anything is written, a checkpoint at every validation (so every checkpoint has
its latent PCA fitted), one on Ctrl-C, progress on a terminal, `--resume`, and Lightning's
DDP over several devices or processes (the launcher re-runs this command once per extra
process; those processes reuse the parent's dataset and write nothing of their own).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import statistics
import sys
import threading
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from . import datacheck
from .configtable import config_path
from .errors import UserError
from .fileio import atomic_paths

CHECKPOINT = "last.ckpt"
SETTINGS = "train.json"  # what the run was started with, for --resume
DB_SIGNATURE = "brave-export.json"  # what a dataset was made from, to reuse it only when it matches


@dataclass(frozen=True)
class Profile:
    name: str
    steps: int
    val_every: int
    n_signal: int
    batch: int
    about: str


PROFILES = {
    # BRAVE takes ~3 s a step on 2 free CPU cores: the first checkpoint comes after a few minutes.
    # 32768 is the least n_signal of the paper's configs (see min_n_signal).
    "quick": Profile("quick", steps=300, val_every=50, n_signal=32768, batch=4,
                     about="CPU: a crude but playable model in minutes; first checkpoint after 50 steps"),
    "full": Profile("full", steps=6_000_000, val_every=10_000, n_signal=131072, batch=8,
                    about="GPU: acids-rave's own schedule (6M steps, checkpoint every 10k; the paper's "
                          "configs keep phase 1, the autoencoder alone, for the first 1M)"),
}


@dataclass(frozen=True)
class Settings:
    audio: str
    out: str
    name: str
    config: str
    profile: str
    steps: int
    val_every: int
    n_signal: int
    batch: int
    workers: int = 0


def resolve_settings(audio, out, name, config, profile="auto", steps=None, val_every=None, n_signal=None,
                     batch=None, workers=None, accelerator="auto") -> Settings:
    """The profile's values, with any explicitly given one taking its place."""
    gpu = accelerator_kind(accelerator) == "gpu"
    chosen = PROFILES["full" if gpu else "quick"] if profile == "auto" else PROFILES[profile]
    s = Settings(audio=str(Path(audio).resolve()), out=str(Path(out).resolve()), name=name,
                 config=str(config_path(config)), profile=chosen.name,
                 steps=_given(steps, chosen.steps), val_every=_given(val_every, chosen.val_every),
                 n_signal=_given(n_signal, chosen.n_signal), batch=_given(batch, chosen.batch),
                 workers=default_workers(gpu) if workers is None else workers)
    for flag, value in (("--steps", s.steps), ("--val-every", s.val_every), ("--n-signal", s.n_signal),
                        ("--batch", s.batch)):
        if value < 1:
            raise UserError(f"{flag} {value}: give a positive number")
    if s.workers < 0:
        raise UserError(f"--workers {s.workers}: give 0 or more")
    return s


def _given(value, default):
    return default if value is None else value


def default_workers(gpu: bool) -> int:
    # Loader processes only pay off beside a GPU; on a CPU they take cores from the training.
    return min(8, max((os.cpu_count() or 1) - 1, 0)) if gpu else 0


def accelerator_kind(accelerator: str) -> str:
    import torch

    if accelerator == "auto":
        return "gpu" if torch.cuda.is_available() else "cpu"
    if accelerator in ("gpu", "cuda") and not torch.cuda.is_available():
        raise UserError("--accelerator gpu: no CUDA GPU is visible to torch here; use --accelerator cpu")
    return "gpu" if accelerator in ("gpu", "cuda") else accelerator


# --- ranks: Lightning's launcher sets these in the processes it starts -----------------------

def is_extra_process() -> bool:
    """A process Lightning's DDP launcher started beside the one the user ran."""
    return int(os.environ.get("LOCAL_RANK", "0") or 0) > 0


def is_first_node() -> bool:
    return int(os.environ.get("NODE_RANK", "0") or 0) == 0


def say(msg: str) -> None:
    if not is_extra_process():
        print(msg, file=sys.stderr, flush=True)


# --- the model and the data -------------------------------------------------------------------

@dataclass(frozen=True)
class ConfigModelFacts:
    """What the data checks need of the model a config builds (not a `.ts`: see modelfacts.py)."""
    sample_rate: int
    ratio: int
    latent_size: int
    min_n_signal: int


def min_n_signal(model, ratio: int) -> int:
    """The least training example length the model's losses accept, as a power of two.

    The multiband spectral distance runs centred STFTs of up to `n_fft` points on each PQMF
    band (n_signal / n_band samples), and torch's padding needs n_fft / 2 less than that.
    """
    n_band = int(getattr(getattr(model, "pqmf", None), "n_band", 1) or 1)
    n_fft = max((int(m.n_fft) for m in model.multiband_audio_distance.modules() if hasattr(m, "n_fft")), default=0)
    least = n_band * n_fft // 2 + 1
    n = ratio
    while n < least:
        n *= 2
    return n


def build(config: Path):
    """A fresh rave.RAVE from `config` (gin left parsed, for the callbacks) and its facts."""
    import torch

    from .ginconf import build_model

    model = build_model(config)
    n = 1 << 15
    with torch.no_grad():
        frames = model.encode(torch.zeros(1, 1, n)).shape[-1]
    ratio = n // frames
    return model.train(), ConfigModelFacts(int(model.sr), ratio, int(model.latent_size), min_n_signal(model, ratio))


def check_data(s: Settings, facts: ConfigModelFacts, files: list[Path], processes: int = 1) -> datacheck.DataReport:
    if s.n_signal % facts.ratio or s.n_signal % 2:
        raise UserError(f"--n-signal {s.n_signal} must be a multiple of the model's compression ratio {facts.ratio}")
    if s.n_signal < facts.min_n_signal:
        raise UserError(f"--n-signal {s.n_signal} is too short for this config's losses: use at least "
                        f"{facts.min_n_signal}")
    report = datacheck.scan(Path(s.audio), files, facts.sample_rate, num_signal=s.n_signal // 2)
    datacheck.check_trainable(report, s.n_signal, s.batch, facts.ratio, facts.latent_size,
                              processes)  # one line if not
    for line in report.warnings():
        say(f"warning: {line}")
    say(report.summary())
    return report


def db_signature(s: Settings, files: list[Path], sample_rate: int) -> dict:
    root = Path(s.audio)
    return {"audio": s.audio, "num_signal": s.n_signal // 2, "sample_rate": sample_rate,
            "files": [[str(p.relative_to(root)), p.stat().st_size, p.stat().st_mtime_ns] for p in files]}


def prepare_dataset(s: Settings, files: list[Path], sample_rate: int) -> Path:
    """rave's database of exactly `files` (the ones the check uses) at these settings: reused
    when it was made from the same files. Built in `.NAME-db.part` and renamed into place; on
    any failure or interruption that folder is removed, so nothing half-made is left."""
    from .ravecli import preprocess

    db = Path(s.out) / f"{s.name}-db"
    wanted = db_signature(s, files, sample_rate)
    if db.exists():
        sig = db / DB_SIGNATURE
        if sig.is_file() and json.loads(sig.read_text()) == wanted:
            say(f"dataset: reusing {db}")
            return db
        raise UserError(f"dataset {db} exists but was made from other audio or another --n-signal: "
                        f"delete it to remake it, or choose another --name")
    if is_extra_process() or not is_first_node():
        raise UserError(f"dataset {db} is missing on this node: node 0 makes it; give every node the same "
                        "--out on a shared folder, or copy it here once node 0 has made it")
    say(f"dataset: preprocessing {datacheck.plural(len(files), 'file')} into {db}")
    tmp = db.with_name(f".{db.name}.part")
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        staged = stage_files(files, tmp / "audio")
        preprocess(staged, tmp / "db", num_signal=s.n_signal // 2, log=tmp / "preprocess.log")
        shutil.rmtree(staged)
        (tmp / "preprocess.log").rename(tmp / "db" / "preprocess.log")
        (tmp / "db" / DB_SIGNATURE).write_text(json.dumps(wanted) + "\n")
        (tmp / "db").rename(db)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return db


def stage_files(files: list[Path], folder: Path) -> Path:
    """A folder of links to exactly `files`, for `rave preprocess` (which takes every audio file
    under the folder it is given). Numbered flat names keep them apart and in order, with the
    extension in lower case (rave looks for `*.wav` and `*.WAV`, not `*.Wav`)."""
    folder.mkdir(parents=True)
    for i, path in enumerate(files):
        (folder / f"{i:05d}-{path.stem}{path.suffix.lower()}").symlink_to(path.resolve())
    return folder


def loaders(db: Path, s: Settings, sample_rate: int):
    import rave.dataset
    from torch.utils.data import DataLoader

    with open(os.devnull, "w") as quiet, contextlib.redirect_stdout(quiet):  # rave prints the split sizes
        dataset = rave.dataset.get_dataset(str(db), sample_rate, s.n_signal, n_channels=1)
        train, val = rave.dataset.split_dataset(dataset, datacheck.TRAIN_PERCENT)
    return (DataLoader(train, s.batch, shuffle=True, drop_last=True, num_workers=s.workers),
            DataLoader(val, s.batch, shuffle=False, num_workers=s.workers))


# --- callbacks --------------------------------------------------------------------------------

def _callbacks():
    import pytorch_lightning as pl

    class Checkpoints(pl.Callback):
        """last.ckpt after every validation (so its latent PCA is fitted), at the end, and on Ctrl-C.

        The last step always validates: when it is not on a --val-every step this asks Lightning
        to stop there, and Lightning validates when asked to stop (as it does after Ctrl-C),
        so every run ends with a checkpoint that exports."""

        def __init__(self, folder: Path, val_every: int):
            self.path = folder / CHECKPOINT
            self.val_every = val_every
            self.saved_step = -1

        def save(self, trainer, collective: bool = True) -> None:
            step = trainer.global_step
            if step == self.saved_step:
                return
            tmp = self.path.with_name(f".{CHECKPOINT}.part")
            if collective:  # every rank takes part; rank 0 writes
                trainer.save_checkpoint(tmp)
            elif trainer.is_global_zero:  # after Ctrl-C the other ranks may be gone: no barrier
                import torch

                torch.save(trainer._checkpoint_connector.dump_checkpoint(), tmp)
            if trainer.is_global_zero:
                os.replace(tmp, self.path)
                clear = "\r\033[K" if sys.stderr.isatty() else ""  # over the progress line
                say(f"{clear}checkpoint: {self.path} (step {step})")
            self.saved_step = step

        def on_train_start(self, trainer, pl_module):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.saved_step = trainer.global_step

        def on_train_batch_end(self, trainer, *args):
            if trainer.global_step >= trainer.max_steps and trainer.global_step % self.val_every:
                trainer.should_stop = True

        def on_validation_end(self, trainer, pl_module):
            if not trainer.sanity_checking:
                self.save(trainer)

        def on_train_end(self, trainer, pl_module):
            self.save(trainer)

        def on_exception(self, trainer, pl_module, exception):
            if isinstance(exception, KeyboardInterrupt):
                self.save(trainer, collective=False)

    class StopOnCtrlC(pl.Callback):
        """Ctrl-C ends training after the current step, through Lightning's own stop (so the end
        checkpoint is written), rather than as a KeyboardInterrupt that a bare `except:` in
        the data pipeline can swallow; a second Ctrl-C interrupts at once. One process only:
        under DDP every rank would have to stop at the same step."""

        def __init__(self):
            self.requested = False
            self.previous = None

        def _handle(self, signum, frame):
            if self.requested:
                raise KeyboardInterrupt
            self.requested = True

        def on_train_start(self, trainer, pl_module):
            if threading.current_thread() is threading.main_thread():
                self.previous = signal.signal(signal.SIGINT, self._handle)

        def on_train_batch_end(self, trainer, *args):
            if self.requested:
                trainer.should_stop = True

        def _restore(self):
            if self.previous is not None:
                signal.signal(signal.SIGINT, self.previous)
                self.previous = None

        def on_train_end(self, trainer, pl_module):
            self._restore()

        def on_exception(self, trainer, pl_module, exception):
            self._restore()

    class Progress(pl.Callback):
        """One status line on a terminal, rewritten in place; when output goes to a file (a run
        under nohup, a cluster job) the same line as a plain line every `plain_every_s`, so that a
        log of a run of hours says how far it got."""

        def __init__(self, val_every: int, stream=sys.stderr, every_s: float = 1.0, plain_every_s: float = 60.0):
            self.val_every = val_every
            self.stream = stream
            self.shown = not is_extra_process()  # DDP's extra processes stay quiet
            self.tty = stream.isatty() and self.shown
            self.every_s = every_s if self.tty else plain_every_s
            self.last_print = time.perf_counter()  # the first line after a whole interval of steps
            self.pace = Pace()

        def on_train_batch_start(self, trainer, pl_module, batch, batch_idx):
            self.t0 = time.perf_counter()

        def on_train_batch_end(self, trainer, pl_module, outputs, batch, batch_idx):
            self.pace.add(time.perf_counter() - self.t0)
            if not self.shown or time.perf_counter() - self.last_print < self.every_s:
                return
            self.last_print = time.perf_counter()
            step, end = trainer.global_step, trainer.max_steps
            to_ckpt = min(self.val_every - step % self.val_every, end - step)
            line = status_line(step, end, to_ckpt, self.pace.per_step(), trainer.callback_metrics)
            self.stream.write(f"\r{line}\033[K" if self.tty else line + "\n")
            self.stream.flush()

        def on_validation_start(self, trainer, pl_module):
            if self.tty and not trainer.sanity_checking:
                self.stream.write(f"\rstep {trainer.global_step}: validating (fits the latent PCA)\033[K\n")
                self.stream.flush()

        def on_validation_end(self, trainer, pl_module):
            if self.tty:
                self.stream.write("\r\033[K")

        def on_train_end(self, trainer, pl_module):
            if self.tty:
                self.stream.write("\r\033[K")

    return Checkpoints, Progress, StopOnCtrlC


class Pace:
    """Seconds per step at the machine's current pace: the median of the most recent steps.

    The first steps of a run are several times slower than the rest (allocation, warm-up), and
    the machine's load changes; an average from the start carries both for a long time."""

    WINDOW = 20
    LEAST = 3  # steps before any estimate (the first one alone is the slow one)

    def __init__(self):
        self.recent: list[float] = []

    def add(self, seconds: float) -> None:
        self.recent = (self.recent + [seconds])[-self.WINDOW:]

    def per_step(self) -> float | None:
        return statistics.median(self.recent) if len(self.recent) >= self.LEAST else None


def status_line(step: int, end: int, to_checkpoint: int, per_step: float | None, metrics: dict) -> str:
    losses = "  ".join(f"{short(k)} {float(v):.3g}" for k, v in sorted(metrics.items())
                       if k.endswith("distance") or k == "regularization")
    if per_step is None:
        return f"step {step}/{end}  {losses}  (timing the first steps)"
    return (f"step {step}/{end}  {losses}  {per_step:.2f} s/step  "
            f"next checkpoint in {duration(to_checkpoint * per_step)}  end in {duration((end - step) * per_step)}")


def short(metric: str) -> str:
    return metric.replace("_spectral_distance", "").replace("regularization", "reg")


def duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 86400:
        return f"{seconds // 86400}d{seconds % 86400 // 3600:02d}h"
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    return f"{seconds // 60}m{seconds % 60:02d}s"


# --- the run ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Scale:
    accelerator: str = "auto"
    devices: int = 1
    nodes: int = 1


@dataclass
class Outcome:
    run_dir: Path
    checkpoint: Path | None
    step: int
    interrupted: bool
    nothing_to_do: bool = False  # a resume whose checkpoint is already at --steps: nothing was touched


def run_dir_of(s: Settings) -> Path:
    return Path(s.out) / s.name


def train(s: Settings, scale: Scale = Scale(), resume: bool = False, check_only: bool = False) -> Outcome | None:
    """Check the data, make (or reuse) the dataset of the files the check accepted, and train;
    resume from the run's last.ckpt. Every run that is not interrupted ends with a validated,
    exportable checkpoint.

    `check_only`: stop after the data checks (nothing written); returns None.
    """
    from .datacheck import audio_files

    run = run_dir_of(s)
    ckpt = run / "checkpoints" / CHECKPOINT
    if is_extra_process():
        # Ctrl-C reaches every process; the first one saves the checkpoint. The others leave at
        # once rather than tear down a process group their peer has left.
        signal.signal(signal.SIGINT, lambda *_: os._exit(130))
    if not resume and not is_extra_process() and is_first_node() and ckpt.exists():
        raise UserError(f"run {run} already exists: continue it with `brave-export train --resume {run}`, "
                        f"or give another --name")
    start = checkpoint_step(ckpt) if resume else 0
    if resume and start >= s.steps:
        return Outcome(run, ckpt, start, interrupted=False, nothing_to_do=True)
    files = audio_files(s.audio)
    config = run / "config.gin" if resume else Path(s.config)
    model, facts = build(config)
    report = check_data(s, facts, files, processes=scale.devices * scale.nodes)
    if check_only:
        return None
    db = prepare_dataset(s, report.used, facts.sample_rate)
    train_loader, val_loader = loaders(db, s, facts.sample_rate)
    trainer = make_trainer(s, scale, run)
    if not is_extra_process() and is_first_node():
        write_run_files(run, s)
    say(f"training {Path(s.config).stem} ({s.profile} profile): {s.steps} steps, checkpoint every {s.val_every} "
        f"and at the last step, n_signal {s.n_signal}, batch {s.batch}, {scale.devices} x "
        f"{trainer.accelerator.__class__.__name__}" + (f" x {scale.nodes} nodes" if scale.nodes > 1 else "")
        + f" -> {run}")
    if resume:
        say(resume_line(start, s.steps, len(train_loader)))
    with contextlib.redirect_stdout(sys.stderr):  # rave prints its receptive field; stdout is for the run dir
        trainer.fit(model, train_loader, val_loader, ckpt_path=str(ckpt) if resume else None)
    stopped = any(getattr(c, "requested", False) for c in trainer.callbacks)  # StopOnCtrlC's Ctrl-C
    return Outcome(run, ckpt if ckpt.exists() else None, trainer.global_step, trainer.interrupted or stopped)


def resume_line(step: int, steps: int, batches_per_pass: int) -> str:
    """What resuming does, in our words; Lightning's own warning about a checkpoint saved part-way
    through an epoch is silenced (quiet_lightning) because this says what it means here."""
    line = f"resuming at step {step} of {steps}"
    if batches_per_pass and step % batches_per_pass:
        line += (f", part-way through a pass over the training chunks ({step % batches_per_pass} of "
                 f"{batches_per_pass} batches): the rest of that pass is drawn afresh, so a few chunks come once more "
                 "or once less in it; over many passes this changes nothing")
    return line


def checkpoint_note(checkpoint: Path | None, config: Path) -> str:
    """What a saved checkpoint is good for, read from the file itself (so it is true)."""
    from .readiness import FORCE_FLAG, unready_reason

    if checkpoint is None:
        return "no checkpoint was saved"
    import torch

    data = torch.load(checkpoint, map_location="cpu", weights_only=False)
    if unready_reason(data["state_dict"], config.read_text()) is None:
        return (f"checkpoint {checkpoint} (step {data['global_step']}) follows a validation, so it exports: "
                f"`brave-export nn {checkpoint.parent.parent}`")
    return (f"checkpoint {checkpoint} (step {data['global_step']}) was saved before any validation: "
            f"`brave-export nn` exports it only with {FORCE_FLAG}")


@dataclass
class Ending:
    """How `brave-export train` ends: a line for the user, the run folder on stdout (for scripts)
    when there is a run to use, and the exit code (130: interrupted, as a shell reports Ctrl-C)."""
    message: str
    run_dir: Path | None
    code: int


def ending(outcome: Outcome, steps: int) -> Ending:
    """What to tell the user about `outcome` of a run asked to reach `steps`."""
    if outcome.nothing_to_do:
        return Ending(f"brave-export: run {outcome.run_dir} is at step {outcome.step} already, and --steps is "
                      f"{steps}: nothing to do (nothing changed); give --steps above {outcome.step} to train further",
                      outcome.run_dir, 0)
    note = checkpoint_note(outcome.checkpoint, outcome.run_dir / "config.gin")
    if outcome.interrupted:
        return Ending(f"brave-export: interrupted at step {outcome.step}; {note}; continue with "
                      f"`brave-export train --resume {outcome.run_dir}`", None, 130)
    return Ending(f"brave-export: done: {note}", outcome.run_dir, 0)


def write_run_files(run: Path, s: Settings) -> None:
    import gin

    run.mkdir(parents=True, exist_ok=True)
    with atomic_paths(run / "config.gin", run / SETTINGS) as (cfg, settings):
        cfg.write_text(gin.operative_config_str())
        settings.write_text(json.dumps(asdict(s), indent=2) + "\n")


def make_trainer(s: Settings, scale: Scale, run: Path):
    import pytorch_lightning as pl
    import rave.model
    import torch

    kind = accelerator_kind(scale.accelerator)
    if scale.devices < 1 or scale.nodes < 1:
        raise UserError("--devices and --nodes take a positive number")
    if kind == "gpu" and scale.devices > torch.cuda.device_count():
        raise UserError(f"--devices {scale.devices}: only {torch.cuda.device_count()} GPUs are visible here")
    distributed = scale.devices * scale.nodes > 1
    if kind == "cpu" and distributed:
        # N processes on this machine's cores: each gets its share, not all of them.
        torch.set_num_threads(max(1, (os.cpu_count() or 1) // scale.devices))
    strategy = None
    if distributed:
        from pytorch_lightning.strategies import DDPStrategy

        # rave's discriminator takes no gradient in phase 1: DDP must expect unused parameters.
        strategy = DDPStrategy(find_unused_parameters=True, process_group_backend="nccl" if kind == "gpu" else "gloo")
    Checkpoints, Progress, StopOnCtrlC = _callbacks()
    callbacks = [*([] if distributed else [StopOnCtrlC()]), Checkpoints(run / "checkpoints", s.val_every),
                 Progress(s.val_every),
                 rave.model.WarmupCallback(), rave.model.QuantizeCallback(), rave.model.BetaWarmupCallback()]
    quiet_lightning()
    return pl.Trainer(
        logger=pl.loggers.TensorBoardLogger(s.out, name=s.name, version="logs"),
        accelerator=kind, devices=scale.devices, num_nodes=scale.nodes, strategy=strategy,
        callbacks=callbacks, max_epochs=-1, max_steps=s.steps,
        # validate every val_every batches, across epoch boundaries (small datasets have short epochs)
        val_check_interval=s.val_every, check_val_every_n_epoch=None, num_sanity_val_steps=0,
        enable_progress_bar=False, enable_model_summary=False, enable_checkpointing=False,
        log_every_n_steps=min(50, max(1, s.val_every // 10)),
    )


def quiet_lightning() -> None:
    import logging
    import warnings

    # "GPU available: False ..." and the like: the line we print says what is used.
    logging.getLogger("pytorch_lightning").setLevel(logging.WARNING)
    # Lightning counts logging steps per epoch in this warning, though it logs across epochs.
    warnings.filterwarnings("ignore", message=".*smaller than the logging interval.*")
    # rave logs its validation figures per process; each process's own PCA is what it saves.
    warnings.filterwarnings("ignore", message=".*when logging on epoch level in distributed setting.*")
    # Ctrl-C: our own line says where the checkpoint is and how to go on.
    warnings.filterwarnings("ignore", message="Detected KeyboardInterrupt")
    # Resuming part-way through an epoch: resume_line says what that means here.
    warnings.filterwarnings("ignore", message="You're resuming from a checkpoint that ended before the epoch ended")


def load_settings(run: Path, steps: int | None = None) -> Settings:
    """The settings a run was started with (its train.json), with a new --steps if given."""
    path = Path(run) / SETTINGS
    if not path.is_file():
        raise UserError(f"{run} is not a run started by `brave-export train` (no {SETTINGS}): "
                        "pass the folder printed when it started, e.g. runs/NAME")
    if not (Path(run) / "checkpoints" / CHECKPOINT).is_file():
        raise UserError(f"run {run} has no checkpoint yet: start it again without --resume")
    if steps is not None and steps < 1:
        raise UserError(f"--steps {steps}: give a positive number")
    s = Settings(**json.loads(path.read_text()))
    return s if steps is None else replace(s, steps=steps)


def checkpoint_step(path: Path) -> int:
    import torch

    return int(torch.load(path, map_location="cpu", weights_only=False)["global_step"])
