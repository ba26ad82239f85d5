"""Whether a checkpoint is ready to export: its latent space has been analysed by a validation.

acids-rave fits the latent PCA (latent_mean, latent_pca, and the cumulative explained
variance `fidelity`) at the end of each validation in phase 1. A checkpoint saved before the
first validation still holds the initial values: `fidelity` all zero, so an export keeps a
single latent dimension and `--fidelity` cannot change that.
"""

from __future__ import annotations

from .errors import UserError

FORCE_FLAG = "--force-unready"


def unready_reason(state_dict: dict, config_text: str) -> str | None:
    """Why the checkpoint's latent space is not ready, or None when it is (or has no PCA to fit)."""
    fidelity = state_dict.get("fidelity")
    if fidelity is None or "VariationalEncoder" not in config_text:
        return None  # only rave's variational encoder gets a PCA
    if not bool(fidelity.abs().sum() > 0):
        return "its latent PCA was never fitted (no validation ran before it was saved; the fidelity curve is all zero)"
    return None


def check_ready(run, data: dict, allow_unready: bool, log) -> None:
    """Refuse an unready checkpoint with what to do; with `allow_unready`, only warn."""
    reason = unready_reason(data["state_dict"], run.config.read_text())
    if reason is None:
        return
    if not allow_unready:
        raise UserError(
            f"checkpoint {run.checkpoint} is not ready to export: {reason}: train past the first validation "
            f"(`brave-export train` saves a checkpoint after each), or pass {FORCE_FLAG} to export it "
            "anyway with a 1-dimensional latent")
    log(f"warning: exporting an unready checkpoint ({reason}): the latent has 1 dimension")
