"""The Max patches (patches/max/*.maxpat): structure Max expects, known objects only, valid cords,
nn~ boxes with nn~'s real arguments. Max cannot run here, so this is what can be checked."""

import json
import re
import runpy
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
MAX_DIR = REPO / "patches" / "max"
PATCHES = ["brave.forward.maxpat", "brave.latent.maxpat", "brave.latency.maxpat", "brave.onset~.maxpat"]

# Objects (first word of a newobj box) from Max/MSP's standard library, and nn~.
KNOWN_OBJECTS = {
    # Max
    "loadbang", "loadmess", "metro", "delay", "t", "trigger", "i", "int", "f", "float", "+", "-", "*", "/",
    "!-", "!/", "sel", "select", "route", "gate", "random", "mtof", "ftom", "dbtoa", "atodb", "expr", "vexpr",
    "split", "zl", "mean", "minimum", "maximum", "pack", "pak", "unpack", "print", "counter", "uzi", "change",
    "prepend", "append", "scale", "clip", "line", "speedlim", "text", "coll", "s", "send", "r", "receive",
    "p", "patcher", "inlet", "outlet", "sprintf", "swap", "accum", "if",
    # MSP
    "adc~", "dac~", "noise~", "cycle~", "phasor~", "saw~", "rect~", "line~", "curve~", "sig~", "*~", "+~",
    "-~", "/~", "!-~", ">~", "<~", ">=~", "<=~", "==~", "abs~", "onepole~", "lores~", "biquad~", "svf~",
    "slide~", "atodb~", "dbtoa~", "selector~", "gate~", "count~", "sah~", "snapshot~", "send~", "receive~",
    "dspstate~", "click~", "thresh~", "edge~", "change~", "delta~", "record~", "play~", "buffer~", "groove~",
    "sfplay~", "tapin~", "tapout~", "meter~", "number~", "scope~", "average~", "avg~",
    # nn~
    "nn~", "mc.nn~", "mcs.nn~",
}
KNOWN_UI = {"comment", "message", "toggle", "button", "flonum", "number", "ezdac~", "ezadc~", "inlet", "outlet",
            "slider", "dial", "gain~", "live.gain~", "attrui", "umenu", "panel"}
# inlets and outlets of standard objects, from Max 8 patch files (independent of the generator's table)
COUNTS = {
    "sah~": (2, 1), "count~": (2, 1), "slide~": (3, 1), "snapshot~": (2, 1), "atodb~": (1, 1),
    "onepole~": (2, 1), "line~": (2, 2), "curve~": (3, 2), "noise~": (1, 1), "cycle~": (2, 1), "abs~": (1, 1),
    "send~": (1, 0), "receive~": (1, 1), "dspstate~": (1, 4), "metro": (2, 1), "mean": (1, 2),
    "zl": (2, 2), "split": (3, 2), "minimum": (2, 2), "maximum": (2, 2), "loadbang": (1, 1), "print": (1, 0),
    "delay": (2, 1), "mtof": (1, 1), "random": (2, 1), "i": (2, 1), "dbtoa": (1, 1),
    "toggle": (1, 1), "flonum": (1, 2), "number": (1, 2), "message": (2, 1), "comment": (1, 0),
    "ezdac~": (2, 0), "inlet": (0, 1), "outlet": (1, 0),
}
# nn~'s arguments: MODEL [METHOD [BUFFER]]; the methods our exports (and RAVE's) have
NN_METHODS = {"forward", "encode", "decode"}
# messages nn~ understands in its first inlet
NN_MESSAGES = {"enable", "load", "reload", "method", "bufsize", "gpu", "set", "get"}
ABSTRACTIONS = {p.removesuffix(".maxpat") for p in PATCHES}


def load(name):
    return json.loads((MAX_DIR / name).read_text())


def boxes_of(doc):
    return {b["box"]["id"]: b["box"] for b in doc["patcher"]["boxes"]}


def name_of(box):
    if box["maxclass"] == "newobj":
        return box["text"].split()[0]
    return box["maxclass"]


def test_every_patch_is_there():
    assert sorted(p.name for p in MAX_DIR.glob("*.maxpat")) == sorted(PATCHES)


@pytest.mark.parametrize("name", PATCHES)
def test_structure_max_expects(name):
    doc = load(name)
    assert set(doc) == {"patcher"}
    p = doc["patcher"]
    assert p["fileversion"] == 1
    assert {"major", "minor", "revision", "architecture", "modernui"} <= set(p["appversion"])
    assert p["classnamespace"] == "box"
    assert len(p["rect"]) == 4 and all(isinstance(v, float) for v in p["rect"])
    assert isinstance(p["boxes"], list) and isinstance(p["lines"], list) and p["boxes"] and p["lines"]
    ids = [b["box"]["id"] for b in p["boxes"]]
    assert len(ids) == len(set(ids)) and all(re.fullmatch(r"obj-\d+", i) for i in ids)
    for entry in p["boxes"]:
        assert set(entry) == {"box"}
        box = entry["box"]
        assert isinstance(box["maxclass"], str)
        assert isinstance(box["numinlets"], int) and box["numinlets"] >= 0
        assert isinstance(box["numoutlets"], int) and box["numoutlets"] >= 0
        assert len(box["patching_rect"]) == 4 and all(isinstance(v, float) for v in box["patching_rect"])
        assert len(box.get("outlettype", [])) == box["numoutlets"], box
        if box["maxclass"] in ("newobj", "message", "comment"):
            assert isinstance(box["text"], str) and box["text"].strip()
    for entry in p["lines"]:
        assert set(entry) == {"patchline"}
        assert {"source", "destination"} <= set(entry["patchline"])


@pytest.mark.parametrize("name", PATCHES)
def test_only_known_objects(name):
    for box in boxes_of(load(name)).values():
        if box["maxclass"] == "newobj":
            obj = name_of(box)
            assert obj in KNOWN_OBJECTS or obj in ABSTRACTIONS, f"{name}: unknown object {box['text']!r}"
        else:
            assert box["maxclass"] in KNOWN_UI, f"{name}: unknown box {box['maxclass']!r}"


@pytest.mark.parametrize("name", PATCHES)
def test_counts_of_standard_objects(name):
    for box in boxes_of(load(name)).values():
        obj = name_of(box)
        if obj in COUNTS:
            assert (box["numinlets"], box["numoutlets"]) == COUNTS[obj], box
        args = box.get("text", "").split()[1:] if box["maxclass"] == "newobj" else []
        if obj in ("t", "trigger"):
            assert box["numinlets"] == 1 and box["numoutlets"] == len(args)
        if obj == "selector~":
            assert box["numinlets"] == int(args[0]) + 1 and box["numoutlets"] == 1
        if obj == "pack":
            assert box["numinlets"] == len(args) and box["numoutlets"] == 1
        if obj == "dac~":
            assert box["numinlets"] == (len(args) or 2) and box["numoutlets"] == 0
        if obj == "adc~":
            assert box["numoutlets"] == (len(args) or 2)
        if obj in ("expr", "vexpr"):
            dollars = [int(n) for n in re.findall(r"\$[fi](\d+)", box["text"])]
            assert box["numinlets"] == max(dollars) and box["numoutlets"] == 1
        if box["maxclass"] == "newobj" and box["numoutlets"]:
            # MSP objects put out signals (first outlet), control objects never do
            if obj.endswith("~") and obj not in ("snapshot~", "dspstate~") and obj not in ABSTRACTIONS:
                assert box["outlettype"][0] == "signal", box
            else:
                assert "signal" not in box["outlettype"], box


@pytest.mark.parametrize("name", PATCHES)
def test_every_cord_connects_existing_boxes_in_range(name):
    doc = load(name)
    boxes = boxes_of(doc)
    seen = set()
    for entry in doc["patcher"]["lines"]:
        line = entry["patchline"]
        (src, outlet), (dst, inlet) = line["source"], line["destination"]
        assert src in boxes and dst in boxes, line
        assert isinstance(outlet, int) and 0 <= outlet < boxes[src]["numoutlets"], (line, boxes[src])
        assert isinstance(inlet, int) and 0 <= inlet < boxes[dst]["numinlets"], (line, boxes[dst])
        key = (src, outlet, dst, inlet)
        assert key not in seen, f"duplicate cord {key}"
        seen.add(key)


@pytest.mark.parametrize("name", PATCHES)
def test_nn_boxes_use_only_real_arguments(name):
    doc = load(name)
    boxes = boxes_of(doc)
    for box in boxes.values():
        if name_of(box) != "nn~":
            continue
        words = box["text"].split()
        assert 2 <= len(words) <= 4, box["text"]  # nn~ MODEL [METHOD [BUFFER]]
        model = words[1]
        assert not model.startswith("@") and re.fullmatch(r"[\w.-]+(\.ts)?", model)
        method = words[2] if len(words) > 2 else "forward"
        assert method in NN_METHODS
        if len(words) > 3:
            buffer = int(words[3])
            assert buffer == 0 or (buffer > 0 and buffer & (buffer - 1) == 0), box["text"]
        if method == "forward":
            assert (box["numinlets"], box["numoutlets"]) == (1, 1)
        elif method == "encode":
            assert box["numinlets"] == 1 and box["numoutlets"] >= 8
        else:
            assert box["numinlets"] >= 8 and box["numoutlets"] == 1
        assert box["outlettype"] == ["signal"] * box["numoutlets"]
    # messages sent to nn~ are nn~'s own
    for entry in doc["patcher"]["lines"]:
        (src, _), (dst, inlet) = entry["patchline"]["source"], entry["patchline"]["destination"]
        if name_of(boxes[dst]) == "nn~" and boxes[src]["maxclass"] == "message":
            assert inlet == 0 and boxes[src]["text"].split()[0] in NN_MESSAGES, boxes[src]["text"]


def _cords(doc):
    return [(l["patchline"]["source"][0], l["patchline"]["source"][1], l["patchline"]["destination"][0],
             l["patchline"]["destination"][1]) for l in doc["patcher"]["lines"]]


def _find(doc, pred):
    return [i for i, b in boxes_of(doc).items() if pred(b)]


def test_forward_patch_plays_a_model_from_test_sound_or_input():
    doc = load("brave.forward.maxpat")
    boxes, cords = boxes_of(doc), _cords(doc)
    (nn,) = _find(doc, lambda b: b.get("text", "").startswith("nn~ ") and " forward" in b["text"])
    (sel,) = _find(doc, lambda b: name_of(b) == "selector~")
    (adc,) = _find(doc, lambda b: name_of(b) == "adc~")
    assert (sel, 0, nn, 0) in cords and (adc, 0, sel, 2) in cords
    # the built-in sound: oscillators and noise, switched on at load
    assert _find(doc, lambda b: name_of(b) == "cycle~") and _find(doc, lambda b: name_of(b) == "noise~")
    assert _find(doc, lambda b: name_of(b) == "ezdac~")
    # on/off reaches nn~ as "enable $1"
    (en,) = _find(doc, lambda b: b.get("text") == "enable $1")
    assert (en, 0, nn, 0) in cords
    # dry/wet and gain: the model's output and the dry source both reach a *~
    gains = _find(doc, lambda b: b.get("text") == "*~ 0.")
    assert any((nn, 0, g, 0) in cords for g in gains) and any((sel, 0, g, 0) in cords for g in gains)
    assert _find(doc, lambda b: name_of(b) == "dbtoa")


def test_latent_patch_offsets_and_scales_eight_dimensions():
    doc = load("brave.latent.maxpat")
    boxes, cords = boxes_of(doc), _cords(doc)
    (enc,) = _find(doc, lambda b: name_of(b) == "nn~" and " encode" in b["text"])
    (dec,) = _find(doc, lambda b: name_of(b) == "nn~" and " decode" in b["text"])
    assert boxes[enc]["text"].split()[1] == boxes[dec]["text"].split()[1]  # one model
    for d in range(8):
        (scale,) = [t for s, o, t, i in cords if (s, o, i) == (enc, d, 0)]
        assert name_of(boxes[scale]) == "*~"
        (offset,) = [t for s, o, t, i in cords if (s, o, i) == (scale, 0, 0)]
        assert name_of(boxes[offset]) == "+~"
        assert (offset, 0, dec, d) in cords
        # each has a number box on its right inlet
        for target in (scale, offset):
            assert any(boxes[s]["maxclass"] == "flonum" and (t, i) == (target, 1) for s, o, t, i in cords)


def test_latency_patch_measures_input_and_output_onsets():
    doc = load("brave.latency.maxpat")
    boxes, cords = boxes_of(doc), _cords(doc)
    (nn,) = _find(doc, lambda b: name_of(b) == "nn~")
    dets = _find(doc, lambda b: name_of(b) == "brave.onset~")
    assert len(dets) == 2
    (clock,) = _find(doc, lambda b: name_of(b) == "count~")
    fed = {t for s, o, t, i in cords if s == nn and i == 0}
    assert set(dets) & fed  # the output detector listens to nn~
    for det in dets:
        assert (clock, 0, det, 1) in cords  # one sample clock for both
    prints = {boxes[i]["text"] for i in _find(doc, lambda b: name_of(b) == "print")}
    assert any("summary" in p for p in prints) and any("trial" in p for p in prints)
    for stat in ("mean", "minimum", "maximum"):
        assert _find(doc, lambda b, s=stat: name_of(b) == s)
    assert _find(doc, lambda b: "sqrt" in b.get("text", ""))  # jitter: standard deviation


def test_onset_abstraction_matches_its_boxes():
    abstraction = load("brave.onset~.maxpat")
    kinds = [b["box"]["maxclass"] for b in abstraction["patcher"]["boxes"]]
    n_in, n_out = kinds.count("inlet"), kinds.count("outlet")
    indices = sorted(b["box"]["index"] for b in abstraction["patcher"]["boxes"] if b["box"]["maxclass"] == "inlet")
    assert indices == list(range(1, n_in + 1))
    for b in boxes_of(load("brave.latency.maxpat")).values():
        if name_of(b) == "brave.onset~":
            assert (b["numinlets"], b["numoutlets"]) == (n_in, n_out)
    names = {name_of(b) for b in boxes_of(abstraction).values()}
    assert {"sah~", "slide~", "atodb~", "snapshot~"} <= names


def test_generator_reproduces_the_committed_patches(tmp_path):
    gen = runpy.run_path(str(MAX_DIR / "make_maxpats.py"))
    written = gen["main"](tmp_path)
    assert sorted(p.name for p in written) == sorted(PATCHES)
    for p in written:
        assert p.read_text() == (MAX_DIR / p.name).read_text(), f"{p.name} is stale: run make_maxpats.py"
