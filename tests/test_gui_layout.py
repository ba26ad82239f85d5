"""The help patch and the example patches as Pd's real GUI draws them (brave_export.pdrun.gui: Pd
0.53 with its Tcl/Tk GUI under Xvfb): no box or comment prints over another, and the help patch
fits in one window at Pd's default font. Screenshots of every window are left in
build/gui-screenshots/ for a person to look at.

The example patches are those brave_export.patching.pdpatches renders (rendered afresh, not the
committed copies); tests/test_patches.py checks that the committed ones are the same."""

from __future__ import annotations

import shutil

import pytest

from brave_export.patching import pdpatches
from brave_export.pdrun.gui import gui_layout, parse_dump
from brave_export.probe import write_probe

from .pd_util import EXTERNAL_DIR, REPO, build_external, check_stderr

SHOTS = REPO / "build" / "gui-screenshots"
# "One window": the help patch opens at most this big (a 1366 x 768 laptop screen shows about
# 1360 x 700 of a canvas; Pd's own help patches are at most about 800 tall).
HELP_MAX = (800, 820)


@pytest.fixture(scope="module")
def external():
    return build_external()


def keep_screenshots(windows, stem: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for k, w in enumerate(windows):
        if w.screenshot.is_file():
            shutil.copyfile(w.screenshot, SHOTS / f"{stem}{'' if k == 0 else '-' + w.name.split()[0]}.png")


def describe(pairs) -> str:
    return "\n".join(f"  {a.kind} {a.bbox} {a.text[:50]!r} <> {b.kind} {b.bbox} {b.text[:50]!r}" for a, b in pairs)


def test_help_patch_reads_like_a_pd_help_patch(external, tmp_path):
    """The help patch, its [pd reference] and [pd META] windows: nothing overlaps, the main window
    shows everything without scrolling, and the objects are created (a probe stands in for the
    bundled model, which needs a training run)."""
    folder = tmp_path / "brave~"
    folder.mkdir()
    help_patch = shutil.copy(REPO / "externals" / "brave~-help.pd", folder)
    write_probe(folder / "brave-demo.ts", ratio=128)
    windows = gui_layout(help_patch, tmp_path / "gui", paths=[EXTERNAL_DIR], open_subpatches=["reference", "META"])
    keep_screenshots(windows, "brave~-help")
    check_stderr(windows[0].stderr)
    names = [w.name for w in windows]
    assert names == ["brave~-help.pd", "reference", "META"], names
    for w in windows:
        assert w.screenshot.is_file() and w.screenshot.stat().st_size > 1000, w.screenshot
        assert len(w.boxes) > 5, (w.name, w.boxes)
        assert not w.overlaps(), f"{w.name}: boxes print over each other:\n{describe(w.overlaps())}"
    main = windows[0]
    assert main.width <= HELP_MAX[0] and main.height <= HELP_MAX[1], (main.width, main.height)
    assert not main.outside(), [(b.kind, b.bbox, b.text) for b in main.outside()]
    # every message of the main window has its explanation beside it: a comment starting on its row
    comments = [b for b in main.boxes if b.kind == "text"]
    for m in (b for b in main.boxes if b.kind == "msg" and b.bbox[0] < 200):
        row = [c for c in comments if c.bbox[0] > m.bbox[2] and abs(c.bbox[1] - m.bbox[1]) < 60]
        assert row, f"no explanation beside [{m.text}("


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """The example patches and abstractions as the generator writes them."""
    folder = tmp_path_factory.mktemp("pd")
    for name, text in pdpatches.render().items():
        (folder / name).write_text(text)
    return folder


@pytest.mark.parametrize("what", ["forward", "latent", "latency"])
@pytest.mark.parametrize("kind", ["brave", "nn"])
def test_example_patch_layout(external, rendered, what, kind, tmp_path):
    windows = gui_layout(rendered / f"{what}-{kind}.pd", tmp_path, paths=[EXTERNAL_DIR])
    keep_screenshots(windows, f"{what}-{kind}")
    check_stderr(windows[0].stderr)
    w = windows[0]
    assert w.name == f"{what}-{kind}.pd" and len(w.boxes) > 10
    assert not w.overlaps(), f"{w.name}: boxes print over each other:\n{describe(w.overlaps())}"
    assert not w.outside(), [(b.kind, b.bbox, b.text) for b in w.outside()]
    # the graph-on-parent panel is drawn (its controls inside it)
    assert [b for b in w.boxes if b.kind == "graph"], w.boxes


@pytest.mark.fast
def test_layout_reading_of_a_canvas_dump():
    """parse_dump and Window.overlaps on a dump as the plugin writes it (Pd 0.53's item tags): an
    object's items are one box, an IEM GUI's label another, cords and [cnv] backgrounds are left out, what a graph-on-parent
    box holds is not an overlap, two comments printing over each other are."""
    W = ".x55a0"
    items = [
        ("text", "21 15 625 45", f"{W}.t1 text text", "a comment"),
        ("text", "21 40 600 70", f"{W}.t2 text text", "the next comment, placed too high"),
        ("line", "18 100 157 124", f"{W}.t3R obj", ""),
        ("text", "21 104 149 119", f"{W}.t3 obj text", "brave~ x.ts"),
        ("rectangle", "19 119 28 123", f"{W}.t3o0 outlet", ""),
        ("line", "21 120 25 300", "l0xa cord", ""),
        ("rectangle", "9 90 400 200", "0xcOBJ 0xcRECT", ""),
        ("rectangle", "9 90 26 107", "0xcOBJ 0xcBASE", ""),
        ("text", "12 92 40 100", "0xcOBJ 0xcLABEL label text", ""),
        ("line", "300 210 560 380", "graph9 graph", ""),
        ("rectangle", "310 220 327 237", "0xdOBJ 0xdBASE", ""),
        ("text", "330 222 380 236", "0xdOBJ 0xdLABEL label text", "DSP"),
        ("rectangle", "300 376 309 380", "graph9o0 outlet", ""),
    ]
    dump = "window\tp.pd  - /x\t900\t300\t/x/w0.png\n" + "".join(
        f"item\t{kind}\t{bbox}\t{tags}\t{text}\n" for kind, bbox, tags, text in items)
    [w] = parse_dump(dump)
    kinds = sorted(b.kind for b in w.boxes)
    assert kinds == ["cnv", "graph", "iemgui", "label", "obj", "text", "text"], kinds  # the [cnv]'s empty label: none
    obj = next(b for b in w.boxes if b.kind == "obj")
    assert obj.bbox == (18, 100, 157, 124) and obj.text == "brave~ x.ts"
    toggle = next(b for b in w.boxes if b.kind == "iemgui")
    assert toggle.bbox == (310, 220, 327, 237)  # its label is a box of its own (it may sit on a [cnv])
    pairs = [(a.text, b.text) for a, b in w.overlaps()]
    assert pairs == [("a comment", "the next comment, placed too high")], pairs
    assert [b.kind for b in w.outside()] == ["graph"]  # 380 > the window's 300
