"""`brave-export plugin`: the weight file (.h5) that the BRAVE plugin loads.

Built from the training checkpoint (not from TorchScript): weight norm removed, then every
state-dict entry except the discriminator, the loss modules (`audio`, `multiband`) and the
streaming caches (`...pad`, `...cache`), as float32 datasets at the file's top level under
their full state-dict names.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from ..checkpoints import load_model, locate
from ..errors import UserError
from ..fileio import atomic_paths, check_writable
from .weights import fold_weight_norm

EXCLUDED_PREFIXES = ("discriminator", "audio", "multiband")
EXCLUDED_SUFFIXES = ("pad", "cache")


def plugin_state_dict(model) -> dict[str, np.ndarray]:
    """The entries the plugin reads, weight norm removed, as float32 arrays."""
    fold_weight_norm(model)
    return {
        name: value.detach().cpu().float().numpy()
        for name, value in model.state_dict().items()
        if not name.startswith(EXCLUDED_PREFIXES) and not name.endswith(EXCLUDED_SUFFIXES)
    }


def check_plugin_output(out: Path, force: bool, flag: str = "--output") -> None:
    if out.suffix not in (".h5", ".hdf5"):
        raise UserError(f"{flag} {out} must end in .h5")
    check_writable(out, force, flag)


def export_nn_and_plugin(run_path, plugin_output, force: bool = False, **nn_options):
    """`brave-export nn RUN --plugin OUT.h5`: the nn~ export, then the plugin's .h5. The .h5 path is
    checked first, so a bad one writes nothing at all (the nn~ export is the slower part)."""
    from .nn import export_nn

    check_plugin_output(Path(plugin_output), force, flag="--plugin")
    facts = export_nn(run_path, force=force, **nn_options)
    export_plugin(run_path, plugin_output, force=force)
    return facts


def export_plugin(run_path, output, force: bool = False,
                  log=lambda msg: print(msg, file=sys.stderr, flush=True)) -> Path:
    import h5py

    if Path(run_path).suffix == ".ts":
        raise UserError(
            f"{run_path} is a TorchScript export: the plugin's .h5 is built from the training run, "
            "pass the run directory or its .ckpt"
        )
    out = Path(output)
    check_plugin_output(out, force)
    run = locate(run_path)
    weights = plugin_state_dict(load_model(run))
    with atomic_paths(out) as (tmp,):
        with h5py.File(tmp, "w") as f:
            for name, array in weights.items():
                f.create_dataset(name, data=array, dtype="float32")
    log(f"wrote {out} ({len(weights)} tensors, {sum(a.size for a in weights.values()) / 1e6:.2f} M values)")
    return out
