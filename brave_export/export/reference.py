"""The reference export: acids-rave's own `rave export --streaming`, for comparisons."""

from __future__ import annotations

import subprocess
from pathlib import Path

from ..errors import UserError
from ..ravecli import rave_command


def export_reference(run_dir: str | Path, out_dir: str | Path, timeout: float = 900) -> Path:
    """Run `rave export --run RUN --streaming --output OUT` and return the .ts it wrote."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(rave_command() + ["export", "--run", str(run_dir), "--streaming", "--output", str(out_dir)],
                            capture_output=True, text=True, timeout=timeout)
    written = sorted(out_dir.glob("*.ts"))
    if result.returncode != 0 or not written:
        tail = (result.stderr.strip().splitlines() or ["no output"])[-1]
        raise UserError(f"rave export --streaming failed on {run_dir}: {tail}")
    return written[0]
