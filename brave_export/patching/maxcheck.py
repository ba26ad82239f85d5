"""A static checker for Max patches (.maxpat), stronger than "it is JSON": Max cannot run here.

`check(doc)` returns every problem it finds (empty: none):

- every object box is a Max object of the table below (or an abstraction the caller names), and
  its saved inlet count, outlet count and outlet types are what the table makes of that text;
- the table itself agrees with brave_export.patching.maxfacts, boxes as Max saved them in
  public patches (nn~'s help patches and others, each fact naming its repository and path):
  for every object the patch uses, each of its facts must get the fact's inlet and outlet
  counts from the table, and a signal outlet where Max saved one - so a wrong entry is
  caught, not only drift between the table and a generator that reads it;
- the arguments of nn~, mcs.nn~, count~, selector~ and the other objects of maxfacts.ARGUMENTS
  have the shape their source gives (`nn~ MODEL METHOD [BUFFER]`: `nn~ forward brave.ts 0` is
  refused; `count~` takes up to four ints, the last two flags 0 or 1);
- every cord joins existing boxes, an existing outlet to an existing inlet, and a signal outlet
  only to an MSP object (multichannel cords only to MC objects);
- message order: Max runs messages depth first, a `trigger` fires its outlets right to left, and
  an outlet with several cords sends along them right to left by the destinations' position.
  For every event that starts a chain (each outlet of each box), the chain is simulated; when a
  box's hot inlet has fired and afterwards, on another branch of the same chain, one of its cold
  inlets is set, that box put out a stale value: reported. (Feedback, a box setting its own cold
  inlet through its own output, is the counter idiom and is not reported.)

`abstraction_spec(doc)` gives a patch's counts (and hot inlets) for use as an abstraction;
`check_files` checks files with the other .maxpat files of their folder as abstractions.
`python -m brave_export.patching.maxcheck FILE.maxpat ...` prints the problems and exits 1 if any.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from . import maxfacts

S = "signal"
MC = "multichannelsignal"


@dataclass(frozen=True)
class Spec:
    """An object's boxes as Max saves them: inlet count, outlet types; which inlets make it output
    (hot); whether its output is scheduled for later (delay, metro: it starts a new chain)."""
    inlets: int
    outlets: tuple[str, ...]
    hot: tuple[int, ...] = (0,)
    later: bool = False


def _trigger(args):
    kinds = {"b": "bang", "f": "float", "i": "int"}
    return Spec(1, tuple(kinds.get(a, "") for a in args))


def _expr_inlets(args):
    idx = [int(n) for n in re.findall(r"\$[fis](\d+)", " ".join(args))]
    return max(idx, default=1)


def _num_type(args):
    return "float" if args and "." in args[0] else "int"


def _sel(args):
    n = max(len(args), 1)  # a right inlet per argument besides the left one (maxfacts: [sel 0 1])
    return Spec(n + 1, ("bang",) * n + ("",))


def _channels(args, default=2):
    return len(args) if args else default


# first word of a newobj's text -> Spec, given the object's arguments
OBJECTS = {
    # Max
    "loadbang": lambda a: Spec(1, ("bang",)),
    "loadmess": lambda a: Spec(1, ("",)),
    "metro": lambda a: Spec(2, ("bang",), later=True),
    "delay": lambda a: Spec(2, ("bang",), later=True),
    "t": _trigger,
    "trigger": _trigger,
    "i": lambda a: Spec(2, ("int",)),
    "f": lambda a: Spec(2, ("float",)),
    "+": lambda a: Spec(2, (_num_type(a),)),
    "-": lambda a: Spec(2, (_num_type(a),)),
    "*": lambda a: Spec(2, (_num_type(a),)),
    "sel": _sel,
    "select": _sel,
    "random": lambda a: Spec(2, ("int",)),
    "mtof": lambda a: Spec(1, ("",)),
    "dbtoa": lambda a: Spec(1, ("",)),
    "expr": lambda a: Spec(_expr_inlets(a), ("",)),
    "vexpr": lambda a: Spec(_expr_inlets(a), ("",)),
    "split": lambda a: Spec(3, ("float", "float") if any("." in x for x in a) else ("int", "int")),
    "zl": lambda a: Spec(2, ("", "")),
    "mean": lambda a: Spec(1, ("float", "int")),
    "minimum": lambda a: Spec(2, (_num_type(a), "int")),
    "maximum": lambda a: Spec(2, (_num_type(a), "int")),
    "pack": lambda a: Spec(max(len(a), 2), ("",)),
    "pak": lambda a: Spec(max(len(a), 2), ("",), hot=tuple(range(max(len(a), 2)))),
    "prepend": lambda a: Spec(1, ("",)),   # Max saves prepend / append with one inlet
    "append": lambda a: Spec(1, ("",)),
    "print": lambda a: Spec(1, ()),
    "text": lambda a: Spec(1, ("", "bang", "int")),
    "sprintf": lambda a: Spec(max(len(re.findall(r"%[a-z]", " ".join(a))), 1), ("",)),
    # MSP
    "adc~": lambda a: Spec(1, (S,) * _channels(a)),
    "dac~": lambda a: Spec(_channels(a), ()),
    "noise~": lambda a: Spec(1, (S,)),
    "cycle~": lambda a: Spec(2, (S,)),
    "line~": lambda a: Spec(2, (S, "bang")),
    "sig~": lambda a: Spec(1, (S,)),
    "*~": lambda a: Spec(2, (S,)),
    "+~": lambda a: Spec(2, (S,)),
    "-~": lambda a: Spec(2, (S,)),
    ">~": lambda a: Spec(2, (S,)),
    "<~": lambda a: Spec(2, (S,)),
    "abs~": lambda a: Spec(1, (S,)),
    "onepole~": lambda a: Spec(2, (S,)),
    "slide~": lambda a: Spec(3, (S,)),
    "atodb~": lambda a: Spec(1, (S,)),
    "selector~": lambda a: Spec(int(a[0]) + 1 if a else 2, (S,)),
    "count~": lambda a: Spec(2, (S,)),
    "sah~": lambda a: Spec(2, (S,)),
    "snapshot~": lambda a: Spec(2, ("float",)),
    "send~": lambda a: Spec(1, ()),
    "receive~": lambda a: Spec(1, (S,)),
    "dspstate~": lambda a: Spec(1, ("int", "float", "int", "int")),
    "delay~": lambda a: Spec(2, (S,)),
    # MC
    "mc.*~": lambda a: Spec(2, (MC,)),
    "mc.+~": lambda a: Spec(2, (MC,)),
    "mc.unpack~": lambda a: Spec(1, (S,) * (int(a[0]) if a else 2)),
    # nn_tilde: counts depend on the model's method (see nn_counts)
    "nn~": None,
    "mc.nn~": None,
    "mcs.nn~": None,
}

# user-interface boxes: maxclass -> Spec
UI = {
    "toggle": Spec(1, ("int",)),
    "button": Spec(1, ("bang",)),
    "flonum": Spec(1, ("", "bang")),
    "number": Spec(1, ("", "bang")),
    "ezdac~": Spec(2, (), hot=()),
    "ezadc~": Spec(1, (S, S)),
    "message": Spec(2, ("",)),
    "comment": Spec(1, (), hot=()),
    "inlet": Spec(0, ("",)),
    "outlet": Spec(1, (), hot=()),
    "meter~": Spec(1, ("float",), hot=()),
    "scope~": Spec(2, (), hot=()),
}

# objects whose inlets take signals (a signal cord into anything else is an error); MC objects take
# multichannel cords. Abstractions with `~` in their name take signals too.
def _takes_signal(name: str) -> bool:
    return name.endswith("~")


def _takes_mc(name: str) -> bool:
    return name.startswith("mc.") or name.startswith("mcs.") or name in ("scope~", "meter~", "dac~")


def nn_counts(text: str, channels: dict[str, tuple[int, int]] | None) -> tuple[int, int]:
    """Inlets and outlets of an nn~ / mc.nn~ / mcs.nn~ box. `channels` maps a method name to its
    (input channels, output channels); without it, forward is 1 in 1 out and the latent methods
    are taken from the box as saved (the caller checks them against the model)."""
    name, *args = text.split()
    method = args[1] if len(args) > 1 else "forward"
    if name == "mcs.nn~":
        # mcs.nn~ MODEL METHOD BATCHES BUFFER: one multichannel inlet and outlet per batch
        batches = int(args[2]) if len(args) > 2 else 1
        return batches, batches
    ins, outs = (channels or {}).get(method, (1, 1))
    return ins, outs


NN_OBJECTS = ("nn~", "mc.nn~", "mcs.nn~")


def spec_of(box: dict, abstractions: dict[str, Spec], nn_channels=None) -> Spec | None:
    if box["maxclass"] != "newobj":
        return UI.get(box["maxclass"])
    name, *args = box["text"].split()
    if name in abstractions:
        return abstractions[name]
    if name not in OBJECTS:
        return None
    if name in NN_OBJECTS:
        method = (args[1:2] or ["forward"])[0]
        if name != "mcs.nn~" and method != "forward" and not (nn_channels and method in nn_channels):
            # a latent method's channel count is the model's: taken as saved unless given
            return Spec(box["numinlets"], (S if name == "nn~" else MC,) * box["numoutlets"], hot=())
        nin, nout = nn_counts(box["text"], nn_channels)
        return Spec(nin, (S if name == "nn~" else MC,) * nout, hot=())
    make = OBJECTS[name]
    return make(args)


def _rule_spec(fact) -> Spec | None:
    """What the table makes of the box a maxfacts entry describes."""
    if fact.ui:
        return UI.get(fact.name)
    name, *args = fact.text.split()
    name = maxfacts.ALIASES.get(name, name) if name not in OBJECTS else name
    if name not in OBJECTS:
        return None
    if name in NN_OBJECTS:
        nin, nout = nn_counts(fact.text, getattr(fact, "channels", None))
        return Spec(nin if args else 1, ((S if name == "nn~" else MC),) * (nout if args else 0))
    return OBJECTS[name](args)


def _signalish(kind: str) -> str:
    return kind if kind in (S, MC) else ""


def fact_problems(names=None) -> list[str]:
    """Where the table disagrees with what Max saved (maxfacts), for the objects `names` (maxclass
    or first word; all of them when None): inlet count, outlet count, signal outlets."""
    found = []
    for fact in maxfacts.SAVED + maxfacts.REFERENCE:
        key = fact.name
        if names is not None and key not in names and maxfacts.ALIASES.get(key, key) not in names:
            continue
        spec = _rule_spec(fact)
        if spec is None:
            found.append(f"[{fact.text}]: maxfacts has it ({fact.source}) but this checker's table does not")
            continue
        saved = (fact.inlets, len(fact.outlets), [_signalish(t) for t in fact.outlets])
        want = (spec.inlets, len(spec.outlets), [_signalish(t) for t in spec.outlets])
        if saved != want:
            found.append(f"the table makes [{fact.text}] {want[0]} inlets, {want[1]} outlets but Max saved "
                         f"{saved[0]} inlets, {saved[1]} outlets {list(fact.outlets)} ({fact.source})")
    return found


def _name(box: dict) -> str:
    return box["text"].split()[0] if box["maxclass"] == "newobj" else box["maxclass"]


def _label(box: dict) -> str:
    return f"[{box.get('text', box['maxclass'])}] ({box['id']})"


def abstraction_spec(doc: dict) -> Spec:
    """The Spec of a patch used as an abstraction: one inlet per inlet box, one outlet per outlet
    box (ordered left to right, as Max does); an inlet is hot when a message into it can reach an
    outlet box within the same chain."""
    boxes = {b["box"]["id"]: b["box"] for b in doc["patcher"]["boxes"]}
    ins = sorted((b for b in boxes.values() if b["maxclass"] == "inlet"), key=lambda b: b["patching_rect"][0])
    outs = [b for b in boxes.values() if b["maxclass"] == "outlet"]
    specs = {i: s for i, b in boxes.items() if (s := spec_of(b, {})) is not None}
    cords = _message_cords(doc, boxes, specs)
    hot = []
    for k, inlet_box in enumerate(ins):
        reached, todo = set(), [inlet_box["id"]]
        while todo:
            b = todo.pop()
            for o in range(len(specs[b].outlets)):
                for dst, inlet in cords.get((b, o), []):
                    if dst not in reached and inlet in specs[dst].hot and not specs[dst].later:
                        reached.add(dst)
                        todo.append(dst)
        if any(b["id"] in reached for b in outs):
            hot.append(k)
    return Spec(len(ins), ("",) * len(outs), hot=tuple(hot))


def _message_cords(doc, boxes, specs):
    """(box, outlet) -> [(box, inlet)] for the cords that carry messages (not signals)."""
    cords: dict[tuple[str, int], list[tuple[str, int]]] = {}
    for entry in doc["patcher"].get("lines", []):
        (src, outlet), (dst, inlet) = entry["patchline"]["source"], entry["patchline"]["destination"]
        s = specs.get(src)
        if s is None or dst not in specs or not 0 <= outlet < len(s.outlets):
            continue
        if s.outlets[outlet] not in (S, MC):
            cords.setdefault((src, outlet), []).append((dst, inlet))
    return cords


def check(doc: dict, abstractions: dict[str, Spec] | None = None,
          nn_channels: dict[str, tuple[int, int]] | None = None) -> list[str]:
    abstractions = abstractions or {}
    problems: list[str] = []
    if set(doc) != {"patcher"} or not isinstance(doc["patcher"].get("boxes"), list):
        return ["not a Max patcher: expected {\"patcher\": {\"boxes\": [...], \"lines\": [...]}}"]
    boxes = {}
    specs: dict[str, Spec] = {}
    for entry in doc["patcher"]["boxes"]:
        box = entry["box"]
        if box["id"] in boxes:
            problems.append(f"duplicate box id {box['id']}")
        boxes[box["id"]] = box
        spec = spec_of(box, abstractions, nn_channels)
        if spec is None:
            problems.append(f"{_label(box)}: not an object this checker knows (no Max object {_name(box)!r})")
            continue
        specs[box["id"]] = spec
        saved = (box["numinlets"], box["numoutlets"], list(box.get("outlettype", [])))
        want = (spec.inlets, len(spec.outlets), list(spec.outlets))
        if box["maxclass"] == "newobj" and _name(box) in abstractions:
            saved, want = saved[:2], want[:2]
        if saved != want:
            problems.append(f"{_label(box)}: saved as {saved[0]} inlets, {saved[1]} outlets {saved[2:]} but Max "
                            f"makes {want[0]} inlets, {want[1]} outlets {want[2:]}")
        if box["maxclass"] == "newobj" and (bad := maxfacts.argument_problem(box["text"])):
            problems.append(f"{_label(box)}: arguments: {bad} ({maxfacts.argument_source(box['text'])})")
    problems += fact_problems({_name(b) for b in boxes.values()} - set(abstractions))
    seen = set()
    for entry in doc["patcher"].get("lines", []):
        line = entry["patchline"]
        (src, outlet), (dst, inlet) = line["source"], line["destination"]
        if src not in boxes or dst not in boxes:
            problems.append(f"cord {line['source']} -> {line['destination']}: no such box")
            continue
        if (src, outlet, dst, inlet) in seen:
            problems.append(f"duplicate cord {_label(boxes[src])} {outlet} -> {_label(boxes[dst])} {inlet}")
        seen.add((src, outlet, dst, inlet))
        s, d = specs.get(src), specs.get(dst)
        if s is None or d is None:
            continue
        if not 0 <= outlet < len(s.outlets):
            problems.append(f"cord from {_label(boxes[src])} outlet {outlet}: it has {len(s.outlets)} outlets")
            continue
        if not 0 <= inlet < d.inlets:
            problems.append(f"cord to {_label(boxes[dst])} inlet {inlet}: it has {d.inlets} inlets")
            continue
        kind = s.outlets[outlet]
        if kind == S and not _takes_signal(_name(boxes[dst])):
            problems.append(f"signal cord from {_label(boxes[src])} into {_label(boxes[dst])}, not an MSP object")
        if kind == MC and not _takes_mc(_name(boxes[dst])):
            problems.append(f"multichannel cord from {_label(boxes[src])} into {_label(boxes[dst])}, "
                            "not an MC object")
    cords = {k: [(d, i) for d, i in v if 0 <= i < specs[d].inlets]
             for k, v in _message_cords(doc, boxes, specs).items()}
    problems += message_order(boxes, specs, cords)
    return problems


def _fanout(boxes, targets):
    """Max sends along an outlet's cords right to left by the destinations' position."""
    return sorted(targets, key=lambda t: (-boxes[t[0]]["patching_rect"][0], -boxes[t[0]]["patching_rect"][1]))


# messages after which an object outputs nothing (sent from a message box): the simulation stops there
QUIET = {"mean": {"clear"}, "zl": {"zlclear"}, "text": {"clear", "cr", "write", "read"},
         "nn~": {"reload", "load", "dump", "enable"}}


def _quiet(boxes, src, dst) -> bool:
    if boxes[src]["maxclass"] != "message":
        return False
    word = (boxes[src].get("text", "").split() or [""])[0]
    return word == "set" or word in QUIET.get(_name(boxes[dst]), ())


def message_order(boxes, specs, cords) -> list[str]:
    found: dict[tuple[str, int], tuple[int, str]] = {}
    for start in sorted({b for b, _ in cords}):
        events: list[tuple[str, int, tuple[str, ...]]] = []  # (box, inlet, boxes on the path before it)

        def send(box_id, out, path, depth=0):
            for dst, inlet in _fanout(boxes, cords.get((box_id, out), [])):
                events.append((dst, inlet, path))
                spec = specs[dst]
                if (inlet in spec.hot and not spec.later and dst not in path and depth < 64
                        and not _quiet(boxes, box_id, dst)):
                    for o in reversed(range(len(spec.outlets))):  # outlets fire right to left
                        send(dst, o, path + (dst,), depth + 1)

        for outlet in reversed(range(len(specs[start].outlets))):  # the box fires: right to left
            send(start, outlet, (start,))
        fired: dict[str, int] = {}
        for i, (dst, inlet, path) in enumerate(events):
            spec = specs[dst]
            if inlet in spec.hot:
                fired.setdefault(dst, i)
            elif dst in fired and dst not in path:
                first = events[fired[dst]]
                text = (f"message order: {_label(boxes[dst])} inlet {inlet} (cold) is set after its hot inlet "
                        f"{first[1]} fired, in the chain from {_label(boxes[start])}: "
                        "its output used the previous value")
                key = (dst, inlet)
                if key not in found or len(events) < found[key][0]:  # name the shortest chain
                    found[key] = (len(events), text)
    return sorted(text for _, text in found.values())


def check_files(paths: list[Path]) -> dict[Path, list[str]]:
    """Checks each .maxpat; the others of the same folder are its abstractions."""
    docs = {Path(p): json.loads(Path(p).read_text()) for p in paths}
    result = {}
    for path, doc in docs.items():
        folder = {q.stem: abstraction_spec(json.loads(q.read_text())) for q in path.parent.glob("*.maxpat")
                  if q != path}
        result[path] = check(doc, folder)
    return result


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    bad = 0
    for path, problems in check_files([Path(a) for a in argv]).items():
        for p in problems:
            print(f"{path}: {p}")
        bad += bool(problems)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
