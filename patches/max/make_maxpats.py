#!/usr/bin/env python3
"""Writes the generic Max patches of this folder (`.venv/bin/python patches/max/make_maxpats.py`).

They are the 8-latent-dimension example for a model saved as brave.ts (nn~'s buffer 0); the
patches are built and checked by brave_export.maxpatches (see there). For your own export,
`brave-export patches MODEL.ts --max DIR` writes the same patches sized to that model.
tests/test_max_patches.py checks that this script reproduces the committed files.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from brave_export.maxpatches import MaxModel, render  # noqa: E402

GENERIC = MaxModel()  # brave.ts, 8 latent dimensions, buffer 0, dry delay 0 (set it in the patch)


def main(out_dir: Path = HERE) -> list[Path]:
    written = []
    for name, text in render(GENERIC).items():
        path = Path(out_dir) / name
        path.write_text(text)
        written.append(path)
    return written


if __name__ == "__main__":
    for p in main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(p)
