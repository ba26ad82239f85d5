"""The wiring-table notation every patch generator writes its patches in (pdpatches.py for Pd,
maxpatches.py for Max): a table of boxes in creation order, then a list of cords in the order
they are made. This docstring is the one description of the notation - the core both read, Pd's
layout lines and Max's extra forms - and this module parses all three.

The core (parse_line, cords; both generators):

    metro   [metro 125]          an object box named `metro`
    seed    [seed 7(             a message box (Pd's own notation)
    -       [s $1-in]            a box no cord needs to name
    thr_in  [inlet] @120,80      at a fixed place (x,y or x,y,width) instead of the generator's layout

One box a line; blank lines and lines starting with `#` are skipped (table_lines). A name is
given once per table (and per `names` dict a generator passes on from table to table).

Cords, separated by `;` or new lines (`#` to the end of the line is a comment): `a > b > c` joins
outlet 0 to inlet 0 along the chain; `t:2 > x:1` joins outlet 2 of t to inlet 1 of x;
`sel:0-5 > rnd` is six cords, outlets 0 to 5 (a range on one end only).

The order of both is kept: it is the order of the boxes (their numbers) and of the cords (which
decides the order in which a fanned outlet fires) in the written file.

Pd's layout lines (parse_layout; pdpatches.Flow.place). A box without `@` goes at the current
place of the current column, which then moves down one row (Flow's dy, 28 px):

    col X Y       start a column at (X, Y)
    col           the next column: Flow's dx (190 px) to the right, at the first column's top
    gap N         skip N pixels down the current column

Max's forms (parse_max_box; maxpatches.Patcher.draw). Max has no layout lines: every box gives
its place, offset by the `at` the table is drawn with. Besides `name [object] @X,Y[,W]` and
`name [message( @X,Y[,W]`:

    name <maxclass key=value ...> @X,Y[,W[,H]]     a UI box (toggle, flonum, meter~ ...), with
                                                   attributes (ints, floats or words)
    name "text" @X,Y[,W[,LINES]]                   a comment
    ... => X,Y[,W[,H]]                             at the end of any of them: the box is shown on
                                                   the presentation too, there (offset by
                                                   `shown_at`, below the title lines)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BOX = re.compile(r"^(?P<name>\S+)\s+\[(?P<text>.*)(?P<kind>[\](])(?:\s+@(?P<at>-?\d+(?:,-?\d+)+))?$")
_END = re.compile(r"^(?P<name>[^:\s]+)(?::(?P<lo>\d+)(?:-(?P<hi>\d+))?)?$")
# Max's forms
_NUMS = r"-?\d+(?:,-?\d+)*"
_SHOWN = re.compile(rf"\s+=>\s+(?P<rect>{_NUMS})$")  # ... => X,Y[,W[,H]]: on the presentation too
_UI_BOX = re.compile(rf"^(?P<name>\S+)\s+<(?P<cls>\S+?)(?P<attrs>(?:\s+\w+=\S+)*)>\s+@(?P<at>{_NUMS})$")
_COMMENT = re.compile(rf'^(?P<name>\S+)\s+"(?P<text>.*)"\s+@(?P<at>{_NUMS})$')


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


def parse_layout(line: str) -> tuple[str, list[int]]:
    """A Pd layout line: ("col", []), ("col", [X, Y]) or ("gap", [N]); ValueError for anything else."""
    word, *nums = line.split()
    if (word, len(nums)) in (("col", 0), ("col", 2), ("gap", 1)) and all(re.fullmatch(r"-?\d+", n) for n in nums):
        return word, [int(n) for n in nums]
    raise ValueError(f"not a box nor a layout line: {line!r}")


@dataclass(frozen=True)
class MaxBox:
    """A line of a Max table: `kind` is "object", "message", "ui" (maxclass in `text`) or
    "comment"; `at` its place (x, y, then the optional sizes); `shown` the presentation place
    after `=>` (() when not shown); `attrs` a UI box's attributes."""
    name: str
    kind: str
    text: str
    at: tuple[int, ...]
    shown: tuple[int, ...] = ()
    attrs: tuple[tuple[str, int | float | str], ...] = ()


def _number(text: str):
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    try:
        return float(text)
    except ValueError:
        return text


def _ints(text: str) -> tuple[int, ...]:
    return tuple(int(v) for v in text.split(","))


def parse_max_box(line: str) -> MaxBox:
    """The box a line of a Max table makes (any of the forms above); ValueError otherwise."""
    shown = _SHOWN.search(line)
    body = line[:shown.start()] if shown else line
    where = _ints(shown["rect"]) if shown else ()
    box = parse_line(body)
    if box is not None and box.at:
        return MaxBox(box.name, "message" if box.message else "object", box.text, box.at, where)
    m = _UI_BOX.match(body)
    if m:
        attrs = tuple((k, _number(v)) for k, v in (a.split("=") for a in m["attrs"].split()))
        return MaxBox(m["name"], "ui", m["cls"], _ints(m["at"]), where, attrs)
    m = _COMMENT.match(body)
    if m:
        return MaxBox(m["name"], "comment", m["text"], _ints(m["at"]), where)
    raise ValueError(f"not a Max box: {line!r}")
