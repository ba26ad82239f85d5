"""Writes the models the C++ engine tests (engine_test.cpp) load, into the folder given as the
only argument: probes (brave_export.probe), and bad files of every kind brave~ must name."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # this checkout's brave_export
from brave_export.probe import write_probe  # noqa: E402


class _NaN(torch.nn.Module):
    """nn~ protocol, 1 -> 1 at audio rate, returns NaN for every sample."""

    def __init__(self):
        super().__init__()
        self.register_buffer("forward_params", torch.tensor([1, 1, 1, 1]))

    def forward(self, x):
        return x * float("nan")


class _Slow(torch.nn.Module):
    """nn~ protocol, 1 -> 1, returns its input after some tens of ms of matrix products."""

    def __init__(self, rounds: int):
        super().__init__()
        self.rounds = rounds
        self.register_buffer("forward_params", torch.tensor([1, 1, 1, 1]))
        self.register_buffer("w", torch.randn(256, 256) / 16)

    def forward(self, x):
        y = self.w
        for _ in range(self.rounds):
            y = torch.tanh(y @ self.w)
        return x + 0 * y.sum()


class _NotNN(torch.nn.Module):
    def forward(self, x):
        return x * 2


def rewrite(src: Path, dst: Path, edit) -> None:
    """Copies a zip archive entry by entry, `edit(name, bytes) -> bytes` on each (stored)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_STORED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, edit(info.filename, zin.read(info.filename)))


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    write_probe(out / "probe.ts", ratio=128)
    write_probe(out / "probe37.ts", ratio=128, delay=37)
    torch.jit.save(torch.jit.script(_NaN()), str(out / "nan.ts"))
    torch.jit.save(torch.jit.script(_Slow(30)), str(out / "slow.ts"))
    torch.jit.save(torch.jit.script(_NotNN()), str(out / "notnn.ts"))
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
