"""Pd's file format, written object by object: `Canvas` (objects numbered in creation order,
connections, subpatches, GUIs) and `Patch` (a top-level patch with a standard headless run)."""

from __future__ import annotations

import re
from pathlib import Path


def pd_escape(text: str) -> str:
    """Escape text for a .pd file: `;` and `,` separate messages (a space goes before them), `$` is a
    dollar argument (`$1`, `pd-$0-x`)."""
    text = re.sub(r"\s*([;,])", r" \\\1", str(text))
    return text.replace("$", "\\$").strip()


class Canvas:
    """A Pd canvas: objects are numbered in creation order, as in the .pd file. Positions are
    automatic (columns of 20) unless x and y are given."""

    def __init__(self, root: "Patch | None" = None, name: str | None = None, size=(900, 700), font: int = 12):
        self.root = root if root is not None else self
        self.name = name
        self.size = size
        self.font = font
        self.coords: str | None = None
        self.restore_at: tuple[int, int] | None = None
        self._items: list = []  # str lines or child Canvas, in object order
        self._connects: list[str] = []
        self._count = 0

    def _add(self, line_or_canvas) -> int:
        self._items.append(line_or_canvas)
        self._count += 1
        return self._count - 1

    def _pos(self, x, y) -> tuple[int, int]:
        if x is None or y is None:
            return 10 + 180 * (self._count // 20), 10 + 30 * (self._count % 20)
        return int(x), int(y)

    def obj(self, text: str, x: int | None = None, y: int | None = None) -> int:
        x, y = self._pos(x, y)
        return self._add(f"#X obj {x} {y} {pd_escape(text)};")

    def msg(self, text: str, x: int | None = None, y: int | None = None) -> int:
        x, y = self._pos(x, y)
        return self._add(f"#X msg {x} {y} {pd_escape(text)};")

    def comment(self, text: str, x: int | None = None, y: int | None = None, width: int | None = None) -> int:
        x, y = self._pos(x, y)
        return self._add(f"#X text {x} {y} {pd_escape(text)}{f', f {width}' if width else ''};")

    def floatatom(self, x: int | None = None, y: int | None = None, width: int = 5, label: str = "-") -> int:
        x, y = self._pos(x, y)
        return self._add(f"#X floatatom {x} {y} {width} 0 0 1 {label} - - 0;")

    # IEM GUIs (Pd 0.51+ file format, hex colours)
    _COLORS = "#fcfcfc #000000 #000000"

    def toggle(self, label: str = "empty", x=None, y=None, size: int = 15) -> int:
        return self.obj(f"tgl {size} 0 empty empty {label} {size + 4} 7 0 10 {self._COLORS} 0 1", x, y)

    def bang(self, label: str = "empty", x=None, y=None, size: int = 15) -> int:
        return self.obj(f"bng {size} 250 50 0 empty empty {label} {size + 4} 7 0 10 {self._COLORS}", x, y)

    def hslider(self, lo: float, hi: float, label: str = "empty", x=None, y=None, width: int = 100) -> int:
        return self.obj(f"hsl {width} 15 {lo} {hi} 0 0 empty empty {label} {width + 6} 7 0 10 {self._COLORS} 0 1",
                        x, y)

    def hradio(self, n: int, label: str = "empty", x=None, y=None) -> int:
        return self.obj(f"hradio 15 1 0 {n} empty empty {label} 0 -8 0 10 {self._COLORS} 0", x, y)

    def panel(self, w: int, h: int, label: str = "empty", x=None, y=None, color: str = "#e8e8e8") -> int:
        return self.obj(f"cnv 15 {w} {h} empty empty {label} 8 12 0 12 {color} #404040 0", x, y)

    def connect(self, src: int, outlet: int, dst: int, inlet: int = 0) -> None:
        self._connects.append(f"#X connect {src} {outlet} {dst} {inlet};")

    def chain(self, *ids: int) -> None:
        """Connects outlet 0 of each object to inlet 0 of the next."""
        for a, b in zip(ids, ids[1:]):
            self.connect(a, 0, b, 0)

    def send_at_load(self, target: int, messages, x: int = 250, y: int = 10) -> None:
        """[loadbang] -> a message box holding `messages` (comma-separated) -> `target`'s left inlet."""
        if messages:
            lb = self.obj("loadbang", x, y)
            m = self.msg(", ".join(messages), x, y + 30)
            self.chain(lb, m, target)

    def subpatch(self, name: str, block: int | None = None, x: int | None = None, y: int | None = None) -> "Canvas":
        """A [pd NAME] subpatch; with `block`, a [block~ BLOCK] inside sets its block size."""
        child = Canvas(self.root, name, size=(450, 300), font=self.font)
        if x is not None and y is not None:
            child.restore_at = (int(x), int(y))
        else:
            child.restore_at = self._pos(None, None)
        self._add(child)
        if block is not None:
            child.obj(f"block~ {int(block)}")
        return child

    def number(self, child: "Canvas") -> int:
        """The object number of subpatch `child` on this canvas (obj, msg and the GUIs return
        theirs): what `#X connect` and a `connect` message to this canvas call it."""
        for k, item in enumerate(self._items):
            if item is child:
                return k
        raise ValueError(f"[pd {child.name}] is not on this canvas")

    def graph_on_parent(self, width: int, height: int, x: int = 0, y: int = 0, hide_text: bool = True) -> None:
        """Shows the area (x, y, width, height) of this canvas on its parent (its GUIs stay live)."""
        self.coords = f"#X coords 0 -1 1 1 {width} {height} {3 if hide_text else 1} {x} {y};"

    def receive(self, name: str, dst: int, inlet: int = 0) -> int:
        """[r NAME] connected to dst: lets Patch.at() send messages to objects in any canvas."""
        r = self.obj(f"r {name}")
        self.connect(r, 0, dst, inlet)
        return r

    def record(self, src: int, array: str, size: int, outlet: int = 0, start: str = "start") -> int:
        """Records signal outlet `outlet` of `src` into [table ARRAY SIZE] from the `start` message
        on; run_pd reads it back as run.arrays[ARRAY] (float32)."""
        self.obj(f"table {array} {int(size)}")
        w = self.obj(f"tabwrite~ {array}")
        self.connect(src, outlet, w, 0)
        self.receive(start, w)
        self.root.arrays.append(array)
        return w

    def lines(self) -> list[str]:
        w, h = self.size
        if self.name is None:
            out = [f"#N canvas 0 50 {w} {h} {self.font};"]
        else:
            out = [f"#N canvas 0 50 {w} {h} {pd_escape(self.name)} 0;"]
        for item in self._items:
            if isinstance(item, Canvas):
                out += item.lines()
                x, y = item.restore_at
                out.append(f"#X restore {x} {y} pd {pd_escape(item.name)};")
            else:
                out.append(item)
        out += self._connects
        if self.coords:
            out.append(self.coords)
        return out

    def text(self) -> str:
        return "\n".join(self.lines()) + "\n"

    def write(self, path: Path) -> Path:
        path = Path(path)
        path.write_text(self.text())
        return path


class Patch(Canvas):
    """A top-level patch with a standard run: on load it sends `start` (bang) and `; pd dsp 1`;
    `duration_ms` later it writes every recorded array to ARRAY.wav and sends `; pd quit`."""

    def __init__(self, duration_ms: float = 200, start: str = "start"):
        self.arrays: list[str] = []
        self.events: list[tuple[float, str]] = []
        self.duration_ms = duration_ms
        self.start = start
        super().__init__(None, None)

    def at(self, ms: float, message: str) -> None:
        """Sends `; MESSAGE` (e.g. "ctl load probe.ts") `ms` after start (logical time); messages
        given the same time are sent in the order given."""
        self.events.append((ms, message))

    def lines(self) -> list[str]:
        if not getattr(self, "_scaffolded", False):
            self._scaffolded = True
            lb = self.obj("loadbang")
            go = self.msg(f"; {self.start} bang; pd dsp 1")
            self.connect(lb, 0, go, 0)
            by_time: dict[float, list[str]] = {}
            for ms, message in self.events:  # same time: one message box, sent in order
                by_time.setdefault(ms, []).append(message)
            for ms, messages in by_time.items():
                d = self.obj(f"delay {ms}")
                self.receive(self.start, d)
                m = self.msg("".join(f"; {message}" for message in messages))
                self.connect(d, 0, m, 0)
            end = self.obj(f"delay {self.duration_ms}")
            self.receive(self.start, end)
            t = self.obj("t b b")
            self.connect(end, 0, t, 0)
            if self.arrays:
                writes = ", ".join(f"write -bytes 4 {a}.wav {a}" for a in self.arrays)
                w = self.msg(writes)
                sf = self.obj("soundfiler")
                self.connect(t, 1, w, 0)
                self.connect(w, 0, sf, 0)
            q = self.msg("; pd quit")
            self.connect(t, 0, q, 0)
        return super().lines()
