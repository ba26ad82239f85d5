"""A training run as written: finding its checkpoint and config, loading it into `rave.RAVE`, and
reading the losses it logged."""

from __future__ import annotations

import math
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .errors import UserError
from .ginconf import build_model


@dataclass(frozen=True)
class Run:
    checkpoint: Path
    config: Path


def _latest_checkpoint(folder: Path) -> Path:
    ckpts = sorted(folder.rglob("*.ckpt"), key=lambda p: p.stat().st_mtime)
    if not ckpts:
        raise UserError(f"no .ckpt checkpoint under {folder}: training writes its first one at its first "
                        "validation (brave-export train: after --val-every steps); wait for it, or pass a .ckpt file")
    return ckpts[-1]


def _config_near(checkpoint: Path, stop: Path) -> Path | None:
    # rave writes config.gin at the top of the run; checkpoints sit two folders below it.
    for folder in [checkpoint.parent, *checkpoint.parents][:4]:
        if (folder / "config.gin").is_file():
            return folder / "config.gin"
        if folder == stop:
            break
    return None


def locate(path: str | Path) -> Run:
    """The checkpoint and config of a run directory or of a `.ckpt` file inside one."""
    p = Path(path)
    if not p.exists():
        raise UserError(f"{p} does not exist: pass a rave run directory or a .ckpt file")
    if p.is_dir():
        checkpoint = _latest_checkpoint(p)
        stop = p
    elif p.suffix == ".ckpt":
        checkpoint = p
        stop = p.parent.parent.parent
    elif p.suffix == ".ts":
        raise UserError(f"{p} is an exported TorchScript model, not a training run: pass the run directory or its .ckpt")
    else:
        raise UserError(f"{p} is neither a run directory nor a .ckpt checkpoint")
    config = _config_near(checkpoint.resolve(), stop.resolve())
    if config is None:
        raise UserError(
            f"no config.gin next to or above {checkpoint}: "
            "pass the run directory that `rave train` wrote (it holds config.gin)"
        )
    return Run(checkpoint=checkpoint.resolve(), config=config)


def read_checkpoint(path: Path) -> dict:
    """The checkpoint's contents, with a clear error for a file torch cannot read."""
    import torch

    if not zipfile.is_zipfile(path):
        raise UserError(f"checkpoint {path} is corrupt or not a torch checkpoint: re-copy it or retrain")
    try:
        data = torch.load(path, map_location="cpu", weights_only=False)
    except Exception as exc:
        raise UserError(f"checkpoint {path} is corrupt or unreadable ({type(exc).__name__}): re-copy it or retrain") from exc
    if not isinstance(data, dict) or "state_dict" not in data:
        raise UserError(f"{path} holds no state_dict: it is not a rave training checkpoint")
    return data


def load_model(run: Run, data: dict | None = None):
    """A `rave.RAVE` built from the run's config with the checkpoint's weights (eval mode)."""
    data = data if data is not None else read_checkpoint(run.checkpoint)
    model = build_model(run.config)
    try:
        model.load_state_dict(data["state_dict"], strict=False)
        missing, unexpected = _mismatch(model, data["state_dict"])
    except RuntimeError as exc:
        first = str(exc).strip().splitlines()
        raise UserError(
            f"checkpoint {run.checkpoint} does not match its config {run.config} "
            f"({first[1].strip() if len(first) > 1 else first[0]}): use the config.gin the run was trained with"
        ) from exc
    if missing or unexpected:
        raise UserError(
            f"checkpoint {run.checkpoint} does not match its config {run.config} "
            f"({len(missing)} weights missing, {len(unexpected)} unexpected, e.g. {(missing or unexpected)[0]}): "
            "use the config.gin the run was trained with"
        )
    return model.eval()


def _mismatch(model, state: dict) -> tuple[list[str], list[str]]:
    own = set(model.state_dict())
    given = set(state)
    return sorted(own - given), sorted(given - own)


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


def describe_run(path: str | Path) -> dict:
    """`brave-export checkpoint`: what a run's checkpoint holds, loaded with its config."""
    from .configtable import autoencoder_parameters

    run = locate(path)
    data = read_checkpoint(run.checkpoint)
    model = load_model(run, data)
    losses = logged_losses(run.config.parent)
    return {
        "checkpoint": str(run.checkpoint),
        "config": str(run.config),
        "global_step": data.get("global_step"),
        "sample_rate": int(model.sr),
        "latent_size": int(model.latent_size),
        "params_m": round(autoencoder_parameters(model) / 1e6, 3),
        "losses_finite": all_finite(losses),
        "last_losses": {k: v[-1] for k, v in sorted(losses.items()) if v},
    }


def all_finite(values: dict[str, list[float]]) -> bool:
    return all(math.isfinite(v) for vs in values.values() for v in vs)
