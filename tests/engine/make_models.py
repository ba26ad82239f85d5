"""Writes the models the C++ engine tests (engine_test.cpp) load, into the folder given as the
only argument: probes (brave_export.probe), and bad files of every kind brave~ must name."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # this checkout's brave_export
from brave_export.probe import NaNModel, NotNNModel, SlowModel, SpikeModel, save_module, write_probe  # noqa: E402


def rewrite(src: Path, dst: Path, edit) -> None:
    """Copies a zip archive entry by entry, `edit(name, bytes) -> bytes` on each (stored)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_STORED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, edit(info.filename, zin.read(info.filename)))


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    write_probe(out / "probe.ts", ratio=128)
    write_probe(out / "probe37.ts", ratio=128, delay=37)
    save_module(NaNModel(), out / "nan.ts")
    save_module(SlowModel(30, size=256), out / "slow.ts")
    save_module(SpikeModel(6, size=256), out / "spike.ts")
    save_module(NotNNModel(), out / "notnn.ts")
    torch.save({"w": torch.zeros(3)}, str(out / "weights.ts"))
    (out / "corrupt.ts").write_bytes(np.random.default_rng(0).bytes(3000))
    (out / "empty.ts").write_bytes(b"")
    # a newer torch's file: a file format version this libtorch does not read
    rewrite(out / "probe.ts", out / "newer.ts",
            lambda name, data: b"11\n" if name.endswith("/version") else data)
    (out / "newer.json").write_text('{"torch_version": "9.9.0"}\n')
    # an operator this libtorch does not know (as a newer torch's model would call)
    rewrite(out / "notnn.ts", out / "unknown_op.ts",
            lambda name, data: data.replace(b"torch.mul(", b"torch.mul_by_nine(") if name.endswith(".py") else data)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
