"""Laying out Pd patches from wiring tables (brave_export.patching.wiring): `Flow` places a
table's boxes down columns on a Canvas (its Pd layout lines), `part` makes an abstraction of one
table, `Dynamic` writes the messages that build a canvas while the patch runs (dynamic patching),
its objects numbered by creation order as Pd numbers them."""

from __future__ import annotations

import copy

from ..pdrun.pdfile import Canvas
from .wiring import connect_all, parse_line, parse_layout, table_lines


class Flow:
    """Places objects top to bottom in columns: readable files without typing coordinates."""

    def __init__(self, canvas: Canvas, x: int = 10, y: int = 10, dx: int = 190, dy: int = 28):
        self.c, self.x0, self.y0, self.dx, self.dy = canvas, x, y, dx, dy
        self.x, self.y = x, y

    def col(self, x: int | None = None, y: int | None = None):
        self.x = self.x + self.dx if x is None else x
        self.y = self.y0 if y is None else y
        return self

    def _next(self):
        pos = (self.x, self.y)
        self.y += self.dy
        return pos

    def obj(self, text):
        return self.c.obj(text, *self._next())

    def msg(self, text):
        return self.c.msg(text, *self._next())

    def comment(self, text, width=None):
        return self.c.comment(text, *self._next(), width=width)

    def place(self, table: str, names: dict | None = None) -> dict:
        """The boxes of a wiring table, placed down the columns by its layout lines (`col X Y`,
        `col`, `gap N`: brave_export.patching.wiring describes them). Returns name -> id."""
        names = {} if names is None else names
        for line in table_lines(table):
            box = parse_line(line)
            if box is None:
                word, nums = parse_layout(line)
                if word == "col":
                    self.col(*nums)
                else:
                    self.y += nums[0]
                continue
            make = self.c.msg if box.message else self.c.obj
            box_id = make(box.text, *(box.at or self._next()))
            if box.name != "-":
                if box.name in names:
                    raise ValueError(f"two boxes named {box.name!r}")
                names[box.name] = box_id
        return names

    def draw(self, table: str, wires: str, names: dict | None = None) -> dict:
        """`place` the boxes of `table`, then make the cords of `wires` in their order."""
        names = self.place(table, names)
        connect_all(self.c.connect, names, wires)
        return names


def part(size: tuple[int, int], comment: str, width: int, gap: int, boxes: str, cords: str) -> Canvas:
    """An abstraction that is its comment (`width` characters wide) and, `gap` pixels below it,
    one wiring table: `boxes` down the columns, then `cords`."""
    c = Canvas(size=size)
    f = Flow(c)
    f.comment(comment, width=width)
    f.y += gap
    f.draw(boxes, cords)
    return c


class Dynamic:
    """A canvas built by messages while the patch runs: `RECEIVER obj X Y TEXT` and `RECEIVER
    connect A OUTLET B INLET` (RECEIVER: `pd-$1-dyn` for [pd $1-dyn]). Pd numbers its objects in
    the order of their `obj` messages since its last `clear`, and so does this: `draw` takes a
    wiring table whose boxes all have their place (`name [text] @X,Y`) and gives the messages,
    cords by name. `names` starts it with objects that exist already (a static canvas: the
    numbers Canvas.obj / Canvas.number gave), to connect them.

    Messages go into a message box as `; MESSAGE; MESSAGE ...` (`message`). `fork` copies the
    state: alternatives (with or without a BUFFER argument) drawn from the same point."""

    def __init__(self, receiver: str, names: dict[str, int] | None = None):
        self.receiver = receiver
        self.names: dict[str, int] = dict(names or {})
        self.count = len(self.names)

    def fork(self) -> "Dynamic":
        return copy.deepcopy(self)

    def clear(self) -> list[str]:
        """`RECEIVER clear`: the canvas is empty again and numbering starts from 0."""
        self.names, self.count = {}, 0
        return [f"{self.receiver} clear"]

    def number(self, name: str) -> int:
        return self.names[name]

    def draw(self, table: str, wires: str = "") -> list[str]:
        """The `obj` messages of the boxes of `table` (in order), then the `connect` messages of
        `wires` (in order)."""
        out = []
        for line in table_lines(table):
            box = parse_line(line)
            if box is None or box.message or len(box.at) != 2:
                raise ValueError(f"a dynamic box is an object with its place, name [text] @X,Y: {line!r}")
            out.append(f"{self.receiver} obj {box.at[0]} {box.at[1]} {box.text}")
            if box.name != "-":
                if box.name in self.names:
                    raise ValueError(f"two boxes named {box.name!r}")
                self.names[box.name] = self.count
            self.count += 1
        return out + self.wire(wires)

    def wire(self, wires: str) -> list[str]:
        """The `connect` messages of `wires` between named objects."""
        out: list[str] = []
        connect_all(lambda a, o, b, i: out.append(f"{self.receiver} connect {a} {o} {b} {i}"), self.names, wires)
        return out


def message(*groups: list[str]) -> str:
    """The text of a message box that sends every message of `groups` in order: `; M1; M2 ...`."""
    return "; " + "; ".join(m for g in groups for m in g)
