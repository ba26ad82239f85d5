"""Where the example patches and the built brave~ are: inside the installed package or a checkout,
or wherever the caller (or $BRAVE_PD_EXTERNAL) says."""

from __future__ import annotations

import os
from pathlib import Path

from .process import PdError

REPO = Path(__file__).resolve().parents[2]  # the checkout's root, when running from a checkout
PATCH_DIR = REPO / "patches" / "pd"  # a checkout's patches (installed: brave_export/patches/pd)
EXTERNAL_DIR = REPO / "build" / "pd" / "brave~"  # where scripts/build-external.sh puts brave~


def external_dir(path: str | Path | None = None) -> Path:
    """The Pd package folder holding brave~.pd_linux: `path`, else $BRAVE_PD_EXTERNAL, else the
    checkout's build/pd/brave~."""
    d = Path(path or os.environ.get("BRAVE_PD_EXTERNAL") or EXTERNAL_DIR)
    if not (d / "brave~.pd_linux").is_file():
        raise PdError(f"brave~ is not built ({d}/brave~.pd_linux missing): run make external in a checkout "
                      "(bash scripts/build-external.sh), or set BRAVE_PD_EXTERNAL to the folder holding brave~.pd_linux")
    return d


def _shipped_patch_dir() -> Path:
    """The example patches: package data of an installed brave_export, else the checkout's patches/pd."""
    installed = Path(__file__).resolve().parents[1] / "patches" / "pd"
    return installed if installed.is_dir() else PATCH_DIR


def patch_dir(path: str | Path | None = None) -> Path:
    """The folder of the example patches (`path`, else the ones shipped with brave_export)."""
    d = Path(path) if path else _shipped_patch_dir()
    if not (d / "latency-brave.pd").is_file():
        raise PdError(f"the Pd patches are not in {d}: reinstall brave-export, or pass the folder of patches/pd")
    return d
