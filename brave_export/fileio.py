"""Writing output files atomically: a temporary file in the same folder, then a rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Callable, Mapping

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


def write_atomic(path, write: Callable[[Path], None]) -> Path:
    """`write(tmp)` fills a temporary file beside `path`, then it is renamed into place: an error
    (raised by `write` or anything else) leaves `path` as it was. Refuses a missing folder."""
    path = Path(path)
    if not path.parent.is_dir():
        raise UserError(f"cannot write {path}: folder {path.parent} does not exist")
    with atomic_paths(path) as (tmp,):
        write(tmp)
    return path


def write_text_atomic(path, text: str) -> Path:
    """`text` written to `path` through a temporary file (see `write_atomic`)."""
    return write_atomic(path, lambda tmp: tmp.write_text(text))


def write_texts_atomic(texts: Mapping[Path, str]) -> list[Path]:
    """Several text files, all renamed into place only once every one is written."""
    paths = [Path(p) for p in texts]
    with atomic_paths(*paths) as temps:
        for tmp, text in zip(temps, texts.values()):
            tmp.write_text(text)
    return paths
