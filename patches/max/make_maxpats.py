#!/usr/bin/env python3
"""Writes the generic Max patches of this folder (`.venv/bin/python patches/max/make_maxpats.py`).

They are the 8-latent-dimension example for a model saved as brave.ts (nn~'s buffer 0); the
patches are built and checked by brave_export.patching.maxpatches (see there). For your own export,
`brave-export patches MODEL.ts --max DIR` writes the same patches sized to that model.
tests/test_max_patches.py checks that write_patches(MaxModel()) reproduces the committed files.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from brave_export.patching.maxpatches import MaxModel, write_patches  # noqa: E402

GENERIC = MaxModel()  # brave.ts, 8 latent dimensions, buffer 0, dry delay 0 (set it in the patch)


def main(out_dir: Path = HERE) -> list[Path]:
    return write_patches(GENERIC, out_dir)


if __name__ == "__main__":
    for p in main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(p)
