"""Cached short training runs of acids-rave's own configurations (`v2_small` + `causal`, `v2`,
...), composed as `rave train --config A --config B` composes them, for the tests and the
benchmark of the v2 export path.

They train through `trainer.train` on the smoke audio, exactly like `smoke.smoke_run` (both go
through `smoke.cached_run`), and are cached by everything that determines them
(`smoke.run_key`): the acids-rave configs named, the settings, the versions and the sources.
"""

from __future__ import annotations

from pathlib import Path

from .smoke import SOURCES, SmokeRun, cached_run, run_key


def acids_config_file(name: str) -> Path:
    """acids-rave's own gin file `configs/NAME.gin` (as `rave train --config NAME` finds it)."""
    import rave

    path = Path(rave.__file__).parent / "configs" / f"{name}.gin"
    if not path.is_file():
        from .errors import UserError

        raise UserError(f"acids-rave has no config '{name}' (looked for {path})")
    return path


def _flattened(path: Path) -> str:
    """The gin file's text with its includes inlined (each resolved as acids-rave's search paths
    resolve it: relative to the rave package or its configs folder). Gin's own resolution of
    `include "configs/v1.gin"` breaks when the working directory holds a `configs` folder (it
    takes it for a Python package), as this repository's root does."""
    import rave

    base = Path(rave.__file__).parent
    lines = []
    for line in path.read_text().splitlines():
        stripped = line.strip()
        if stripped.startswith("include "):
            name = stripped.split(None, 1)[1].strip().strip("'\"")
            candidates = [Path(name), base / name, base / "configs" / name, path.parent / name]
            target = next((c for c in candidates if c.is_file()), None)
            if target is None:
                raise FileNotFoundError(f"{path}: cannot resolve include {name}")
            lines.append(_flattened(target))
        else:
            lines.append(line)
    return "\n".join(lines) + "\n"


def composed_gin(configs: tuple[str, ...]) -> str:
    """acids-rave's configs in order, includes inlined, as one gin text: what
    `rave train --config A --config B` parses."""
    text = "".join(_flattened(acids_config_file(name)) for name in configs)
    dynamic = "from __gin__ import dynamic_registration"
    body = "\n".join(l for l in text.splitlines() if l.strip() != dynamic)
    return (dynamic + "\n" if dynamic in text else "") + body + "\n"


def acids_run(cache_root: str | Path, configs: tuple[str, ...], steps: int = 6, n_signal: int = 131072,
              batch: int = 1) -> SmokeRun:
    """A short real training run of acids-rave's `configs` on the smoke audio, cached under
    `cache_root` (see smoke.cached_run)."""
    configs = tuple(configs)
    variant = f"{steps}-{n_signal}-b{batch}"
    key = run_key([acids_config_file(name).read_bytes() for name in configs], f"{'+'.join(configs)}|{variant}",
                  SOURCES + ("acidsruns.py",))

    def composed_file(work: Path) -> str:
        gin_file = work / f"{'_'.join(configs)}.gin"
        gin_file.write_text(composed_gin(configs))
        return str(gin_file)

    return cached_run(Path(cache_root) / f"acids-{'+'.join(configs)}-{variant}-{key}", composed_file, steps,
                      n_signal, batch)
