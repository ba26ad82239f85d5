"""Pd's real GUI under a virtual display: where a patch's boxes and comments land once Tk has drawn
them, and a screenshot of each window.

    layout = gui_layout(Path("brave~-help.pd"), workdir, paths=[external], open_subpatches=["reference"])
    for window in layout:
        window.overlaps()        # pairs of boxes / comments that print over each other
        window.outside()         # boxes that do not fit in the window as the patch opens it
        window.screenshot        # PNG of the window, for a person to look at

Pd (0.53) is started with its GUI (pd-gui, Tcl/Tk) under Xvfb and a GUI plugin of ours on its
path (Pd loads every `*-plugin.tcl` it finds there). Once the patch's windows are drawn and stop
changing, the plugin writes each canvas item's bounding box and tags (`.x%lx.c bbox ITEM`), takes
a screenshot of each window (ImageMagick's `import`) and quits Pd. The font metrics are Tk's, so
this sees what a person sees: a comment that wraps taller than its place, a label that runs into
the next box.

Needs the Debian packages puredata-gui, xvfb and imagemagick (scripts/setup-system.sh).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from .process import PdError, console_tail, pd_command

SCREEN = "1920x1200x24"
# What the GUI prints when xvfb-run takes the display away as Pd quits: not Pd's console.
X_TEARDOWN = re.compile(r"^(XIO: |\s+after \d+ requests|X connection to \S+ broken)")

PLUGIN = r"""
# bravegui-plugin.tcl: written by brave_export/pdrun/gui.py. Waits for the patch windows, writes
# every canvas item's bounding box and tags to $BRAVE_GUI_OUT (tab-separated lines), a screenshot of each window into
# $BRAVE_GUI_SHOTS, then quits Pd.
namespace eval ::bravegui {
    variable last -1
    variable stable 0
    variable polls 0
}

proc ::bravegui::windows {} {
    set found {}
    foreach w [winfo children .] {
        if {[winfo class $w] eq "PatchWindow" && [winfo exists $w.c] && [winfo ismapped $w]} {
            lappend found $w
        }
    }
    return $found
}

proc ::bravegui::count {} {
    set n 0
    foreach w [::bravegui::windows] { incr n [llength [$w.c find all]] }
    return $n
}

proc ::bravegui::dump {} {
    set f [open $::env(BRAVE_GUI_OUT) w]
    set k 0
    foreach w [::bravegui::windows] {
        set shot [file join $::env(BRAVE_GUI_SHOTS) "window$k.png"]
        puts $f [join [list window [wm title $w] [winfo width $w.c] [winfo height $w.c] $shot] "\t"]
        foreach id [$w.c find all] {
            set text ""
            if {[$w.c type $id] eq "text"} { set text [string map {\n { } \t { }} [$w.c itemcget $id -text]] }
            puts $f [join [list item [$w.c type $id] [$w.c bbox $id] [$w.c gettags $id] $text] "\t"]
        }
        # no window manager under Xvfb: the window on top is what the screen shows
        raise $w
        update
        after 300
        if {[catch {exec import -window [wm frame $w] $shot} err]} {
            puts $f "error\timport: [string map {\n { }} $err]"
        }
        incr k
    }
    close $f
}

proc ::bravegui::poll {} {
    variable last
    variable stable
    variable polls
    incr polls
    update idletasks
    set n [::bravegui::count]
    set enough [expr {[llength [::bravegui::windows]] >= $::env(BRAVE_GUI_WINDOWS)}]
    if {$enough && $n == $last && $n > 0} { incr stable } else { set stable 0 }
    set last $n
    # drawn and unchanged for a second (a model loading in the background may post late), or 30 s
    if {$stable >= 5 || $polls > 150} {
        if {[catch ::bravegui::dump err]} {
            set f [open $::env(BRAVE_GUI_OUT) a]
            puts $f "error\t[string map {\n { }} $err]"
            close $f
        }
        pdsend "pd quit"
        return
    }
    if {$polls == 3} {
        foreach name $::env(BRAVE_GUI_OPEN) { pdsend "pd-$name vis 1" }
    }
    after 200 ::bravegui::poll
}

after 500 ::bravegui::poll
"""


@dataclass
class Box:
    """One box, comment, GUI or graph on a canvas: the union of its items' bounding boxes."""
    key: str
    kind: str  # text (a comment), obj, msg, atom, iemgui, label, graph
    bbox: tuple[int, int, int, int]
    text: str = ""

    def overlaps(self, other: "Box", margin: int = 0) -> bool:
        a, b = self.bbox, other.bbox
        return (min(a[2], b[2]) - max(a[0], b[0]) > margin and min(a[3], b[3]) - max(a[1], b[1]) > margin)

    def inside(self, other: "Box") -> bool:
        a, b = self.bbox, other.bbox
        return a[0] >= b[0] and a[1] >= b[1] and a[2] <= b[2] and a[3] <= b[3]


@dataclass
class Window:
    title: str
    width: int
    height: int
    screenshot: Path
    boxes: list[Box] = field(default_factory=list)
    stderr: str = ""  # Pd's console (less the X display's teardown)

    @property
    def name(self) -> str:
        return self.title.split(" - ")[0].strip()

    def overlaps(self, margin: int = 1) -> list[tuple[Box, Box]]:
        """Pairs of boxes that print over each other by more than `margin` pixels both ways. A
        graph-on-parent box holds what is drawn inside it (that is not an overlap); canvas
        backgrounds ([cnv]) are left out: things are meant to sit on them."""
        boxes = [b for b in self.boxes if b.kind != "cnv"]
        pairs = []
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                held = (a.kind == "graph" and b.inside(a)) or (b.kind == "graph" and a.inside(b))
                if not held and a.overlaps(b, margin):
                    pairs.append((a, b))
        return pairs

    def outside(self) -> list[Box]:
        """Boxes that reach past the window's canvas as the patch opens it (scrolling needed)."""
        return [b for b in self.boxes if b.bbox[2] > self.width or b.bbox[3] > self.height
                or b.bbox[0] < 0 or b.bbox[1] < 0]


# Canvas item tags of Pd 0.53's GUI: an object box's text `.x<canvas>.t<rtext>`, its border
# `...R`, its inlets and outlets `...i<n>` / `...o<n>`; an IEM GUI's items `0x<obj>OBJ` plus
# `0x<obj>BASE`, `...LABEL` ...; [cnv]'s `0x<obj>RECT`; a number box's label `0x<obj>.l`; a
# graph-on-parent border `graph<glist>`; cords `l0x<...>` with the tag `cord`.
TEXT_TAG = re.compile(r"^\.x[0-9a-f]+\.t([0-9a-f]+)(?:R|[io]\d+)?$")
IEM_TAG = re.compile(r"^(0x[0-9a-f]+)OBJ$")
GRAPH_TAG = re.compile(r"^graph([0-9a-f]+)(?:[io]\d+)?$")


def _owner(tags: list[str]) -> tuple[str, str] | None:
    """(key, kind) of the box a canvas item belongs to; None for cords."""
    if not tags or "cord" in tags:
        return None
    first = tags[0]
    if m := TEXT_TAG.match(first):
        kind = next((t for t in tags[1:] if t in ("obj", "msg", "atom", "text")), "obj")
        return f"t{m[1]}", kind
    if m := IEM_TAG.match(first):
        if "label" in tags:
            return f"{m[1]}:label", "label"  # its own box: a [cnv]'s label sits on other things' background
        if any(t.endswith("RECT") for t in tags):
            return m[1], "cnv"  # a [cnv]'s rectangle: a background
        return m[1], "iemgui"
    if m := GRAPH_TAG.match(first):
        return f"graph{m[1]}", "graph"
    if "label" in tags:
        return first, "label"
    return first, "other"


def parse_dump(text: str) -> list[Window]:
    """The plugin's output -> windows with their boxes."""
    windows: list[Window] = []
    merged: dict[str, Box] = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        fields = line.split("\t")
        if fields[0] == "error":
            raise PdError(f"the GUI plugin failed: {fields[1]}")
        if fields[0] == "window":
            _, title, w, h, shot = fields
            windows.append(Window(title, int(w), int(h), Path(shot)))
            merged = {}
            continue
        _, kind, bbox, tags, text = fields
        owner = _owner(tags.split())
        if owner is None or not bbox or (owner[1] == "label" and not text.strip()):
            continue  # a cord, a background, an empty label
        key, box_kind = owner
        x0, y0, x1, y1 = (int(v) for v in bbox.split())
        if key in merged:
            b = merged[key].bbox
            merged[key].bbox = (min(b[0], x0), min(b[1], y0), max(b[2], x1), max(b[3], y1))
            merged[key].text = merged[key].text or text
            if box_kind == "cnv":
                merged[key].kind = "cnv"  # its selectable corner and its rectangle: one background
        else:
            merged[key] = Box(key, box_kind, (x0, y0, x1, y1), text)
            windows[-1].boxes.append(merged[key])
    return windows


def gui_tools() -> list[str]:
    """What the GUI check needs and this machine lacks (Debian package names)."""
    need = {"xvfb-run": "xvfb", "import": "imagemagick", "wish": "puredata-gui"}
    missing = [pkg for tool, pkg in need.items() if not shutil.which(tool)]
    if not Path("/usr/lib/puredata/tcl/pd-gui.tcl").exists() and "puredata-gui" not in missing:
        missing.append("puredata-gui")
    return missing


def gui_layout(patch: Path, workdir: Path, *, paths: Sequence[Path] = (), open_subpatches: Sequence[str] = (),
               timeout: float = 90) -> list[Window]:
    """Opens `patch` in Pd's GUI under Xvfb (and the named subpatches: "reference" opens [pd
    reference]); returns its windows as drawn, each with a screenshot in `workdir`."""
    missing = gui_tools()
    if missing:
        raise PdError(f"Pd's GUI check needs {', '.join(missing)}: run make system "
                      f"(or apt-get install {' '.join(missing)})")
    workdir = Path(workdir).resolve()
    plugin_dir = workdir / "gui-plugin"
    plugin_dir.mkdir(parents=True, exist_ok=True)
    (plugin_dir / "bravegui-plugin.tcl").write_text(PLUGIN)
    out = workdir / "gui-items.txt"
    out.unlink(missing_ok=True)
    env = {**os.environ, "BRAVE_GUI_OUT": str(out), "BRAVE_GUI_SHOTS": str(workdir),
           "BRAVE_GUI_OPEN": " ".join(open_subpatches), "BRAVE_GUI_WINDOWS": str(1 + len(open_subpatches))}
    cmd = ["xvfb-run", "-a", "-s", f"-screen 0 {SCREEN}", *pd_command(), "-noprefs", "-nosound", "-nomidi",
           "-stderr", "-path", str(plugin_dir)]
    for p in paths:
        cmd += ["-path", str(Path(p).resolve())]
    cmd += ["-open", str(Path(patch).resolve())]
    proc = subprocess.Popen(cmd, cwd=workdir, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        _, err = proc.communicate()
        raise PdError(f"Pd's GUI did not finish within {timeout:g} s: {' '.join(cmd)}\n{console_tail(err)}")
    if not out.is_file():
        raise PdError(f"Pd's GUI wrote no layout (exit code {proc.returncode}): {' '.join(cmd)}\n{console_tail(err)}")
    windows = parse_dump(out.read_text())
    console = "\n".join(line for line in err.splitlines() if not X_TEARDOWN.match(line))
    for w in windows:
        w.stderr = console
    return windows
