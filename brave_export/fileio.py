"""Writing output files atomically: a temporary file in the same folder, then a rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from .errors import UserError


def check_writable(path: Path, force: bool, flag: str = "--output") -> None:
    """Refuse an existing file without `force`, and a folder we cannot write into; `flag` names the option."""
    if path.exists() and not force:
        raise UserError(f"{path} already exists: pass --force to overwrite it, or choose another {flag}")
    if path.is_dir():
        raise UserError(f"{path} is a directory: give a file name for {flag}")
    folder = path.parent
    if folder.exists() and not folder.is_dir():
        raise UserError(f"cannot write {path}: {folder} is a file, not a folder; choose another {flag}")
    if not folder.is_dir():
        raise UserError(f"cannot write {path}: output folder {folder} does not exist; create it first")
    if not os.access(folder, os.W_OK):
        raise UserError(f"cannot write {path}: output folder {folder} is not writable; choose another {flag}")


@contextlib.contextmanager
def atomic_paths(*paths: Path):
    """Yield temporary paths beside `paths`; on success rename them all into place."""
    temps = []
    try:
        for p in paths:
            fd, tmp = tempfile.mkstemp(dir=p.parent, prefix=f".{p.name}.", suffix=".part")
            os.close(fd)
            temps.append(Path(tmp))
        yield temps
        for tmp, p in zip(temps, paths):
            os.chmod(tmp, 0o644)
            os.replace(tmp, p)
    finally:
        for tmp in temps:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
