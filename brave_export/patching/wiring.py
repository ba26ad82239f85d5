"""The notation both patch generators (pdpatches.py, maxpatches.py) write their
patches in: a table of boxes in creation order and a list of cords in the order they are made.

Boxes, one a line (a line starting with `#` is a comment):

    metro   [metro 125]          an object box named `metro`
    seed    [seed 7(             a message box (Pd's own notation)
    -       [s $1-in]            a box no cord needs to name
    thr_in  [inlet] @120,80      at a fixed place (x,y or x,y,width) instead of the generator's layout
    col 210 50                   a layout line: the generator reads any line that is not a box

Cords, separated by `;` or new lines (`#` to the end of the line is a comment): `a > b > c` joins outlet 0 to inlet 0 along the chain;
`t:2 > x:1` joins outlet 2 of t to inlet 1 of x; `sel:0-5 > rnd` is six cords, outlets 0 to 5.

The order of both is kept: it is the order of the boxes (their numbers) and of the cords (which
decides the order in which a fanned outlet fires) in the written file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BOX = re.compile(r"^(?P<name>\S+)\s+\[(?P<text>.*)(?P<kind>[\](])(?:\s+@(?P<at>-?\d+(?:,-?\d+)+))?$")
_END = re.compile(r"^(?P<name>[^:\s]+)(?::(?P<lo>\d+)(?:-(?P<hi>\d+))?)?$")


@dataclass(frozen=True)
class Box:
    name: str             # "-": unnamed
    text: str
    message: bool         # a message box, else an object box
    at: tuple[int, ...]   # (x, y) or (x, y, width); () = the generator's layout


def parse_line(line: str) -> Box | None:
    """The box on `line`, or None when it is a layout line (or blank)."""
    m = _BOX.match(line.strip())
    if not m:
        return None
    at = tuple(int(v) for v in m["at"].split(",")) if m["at"] else ()
    return Box(m["name"], m["text"], m["kind"] == "(", at)


def table_lines(table: str) -> list[str]:
    """The meaningful lines of a table: stripped, without blank lines and `#` comments."""
    lines = (l.strip() for l in table.splitlines())
    return [l for l in lines if l and not l.startswith("#")]


def _end(token: str) -> tuple[str, list[int]]:
    m = _END.match(token.strip())
    if not m:
        raise ValueError(f"bad cord end {token!r}")
    lo = int(m["lo"] or 0)
    return m["name"], list(range(lo, int(m["hi"] or lo) + 1))


def cords(text: str) -> list[tuple[str, int, str, int]]:
    """(source, outlet, destination, inlet) for every cord of `text`, in order."""
    out = []
    for statement in re.split(r"[;\n]", text):
        statement = statement.split("#", 1)[0].strip()  # names never hold a #
        if not statement:
            continue
        ends = [_end(t) for t in statement.split(">")]
        if len(ends) < 2:
            raise ValueError(f"a cord needs a source and a destination: {statement!r}")
        for (src, outlets), (dst, inlets) in zip(ends, ends[1:]):
            if len(inlets) > 1 and len(outlets) > 1:
                raise ValueError(f"a range on both ends: {statement!r}")
            for outlet in outlets:
                for inlet in inlets:
                    out.append((src, outlet, dst, inlet))
    return out


def connect_all(connect, names: dict, text: str) -> None:
    """`connect(src_id, outlet, dst_id, inlet)` for every cord of `text`, ids looked up in `names`."""
    for src, outlet, dst, inlet in cords(text):
        try:
            connect(names[src], outlet, names[dst], inlet)
        except KeyError as exc:
            raise ValueError(f"cord {src}:{outlet} > {dst}:{inlet}: no box named {exc.args[0]!r}") from None
