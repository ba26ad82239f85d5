"""The Max patches (patches/max/*.maxpat, the generic 8-dimension example): structure Max expects,
known objects only, valid cords, nn~ boxes with nn~'s real arguments, and brave_export.patching.maxcheck
(counts, cords, message order). Max cannot run here, so this is what can be checked."""

import json
import re
from pathlib import Path

import pytest

from brave_export import pdrun
from brave_export.patching import maxcheck
from brave_export.patching.maxpatches import MaxModel, presentation_overlaps, write_patches

pytestmark = pytest.mark.fast  # `make test-fast` runs these, less any marked slow (training run, Pd)

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
    "sfplay~", "tapin~", "tapout~", "meter~", "number~", "scope~", "average~", "avg~", "delay~",
    "mc.*~", "mc.+~", "mc.unpack~", "mc.pack~",
    # nn~
    "nn~", "mc.nn~", "mcs.nn~",
}
KNOWN_UI = {"comment", "message", "toggle", "button", "flonum", "number", "ezdac~", "ezadc~", "inlet", "outlet",
            "slider", "dial", "gain~", "live.gain~", "attrui", "umenu", "panel", "meter~", "scope~"}
# inlets and outlets of standard objects, from Max 8 patch files (independent of the generator's table)
COUNTS = {
    "sah~": (2, 1), "count~": (2, 1), "slide~": (3, 1), "snapshot~": (2, 1), "atodb~": (1, 1),
    "onepole~": (2, 1), "line~": (2, 2), "curve~": (3, 2), "noise~": (1, 1), "cycle~": (2, 1), "abs~": (1, 1),
    "send~": (1, 0), "receive~": (1, 1), "dspstate~": (1, 4), "metro": (2, 1), "mean": (1, 2),
    "zl": (2, 2), "split": (3, 2), "minimum": (2, 2), "maximum": (2, 2), "loadbang": (1, 1), "print": (1, 0),
    "delay": (2, 1), "mtof": (1, 1), "random": (2, 1), "i": (2, 1), "dbtoa": (1, 1),
    "toggle": (1, 1), "flonum": (1, 2), "number": (1, 2), "message": (2, 1), "comment": (1, 0),
    "ezdac~": (2, 0), "inlet": (0, 1), "outlet": (1, 0), "text": (1, 3), "delay~": (2, 1), "append": (1, 1),
    "prepend": (1, 1),
    "meter~": (1, 1), "scope~": (2, 0), "mc.*~": (2, 1), "mc.+~": (2, 1),
}
# nn~'s arguments: MODEL [METHOD [BUFFER]]; the methods our exports (and RAVE's) have
NN_METHODS = {"forward", "encode", "decode"}
# messages nn~ understands in its first inlet
NN_MESSAGES = {"enable", "load", "reload", "method", "bufsize", "gpu", "set", "get", "dump"}
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
                assert box["outlettype"][0] in ("signal", "multichannelsignal"), box
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
def test_maxcheck_finds_nothing(name):
    problems = maxcheck.check_files([MAX_DIR / name])[MAX_DIR / name]
    assert problems == []


@pytest.mark.parametrize("name", PATCHES)
def test_nn_boxes_use_only_real_arguments(name):
    doc = load(name)
    boxes = boxes_of(doc)
    for box in boxes.values():
        if name_of(box) not in ("nn~", "mcs.nn~"):
            continue
        words = box["text"].split()
        if name_of(box) == "nn~":
            assert 2 <= len(words) <= 4, box["text"]  # nn~ MODEL [METHOD [BUFFER]]
            buffer_word = words[3] if len(words) > 3 else None
        else:
            assert len(words) == 5, box["text"]  # mcs.nn~ MODEL METHOD BATCHES BUFFER
            assert words[3] == "1" and (box["numinlets"], box["numoutlets"]) == (1, 1)
            assert box["outlettype"] == ["multichannelsignal"]
            buffer_word = words[4]
        model = words[1]
        assert not model.startswith("@") and re.fullmatch(r"[\w.-]+(\.ts)?", model)
        method = words[2] if len(words) > 2 else "forward"
        assert method in NN_METHODS
        if buffer_word is not None:
            buffer = int(buffer_word)
            assert buffer == 0 or (buffer > 0 and buffer & (buffer - 1) == 0), box["text"]
        if name_of(box) == "nn~":
            assert method == "forward" and (box["numinlets"], box["numoutlets"]) == (1, 1)
            assert box["outlettype"] == ["signal"]
    # messages sent to nn~ are nn~'s own
    for entry in doc["patcher"]["lines"]:
        (src, _), (dst, inlet) = entry["patchline"]["source"], entry["patchline"]["destination"]
        if name_of(boxes[dst]) in ("nn~", "mcs.nn~") and boxes[src]["maxclass"] == "message":
            assert inlet == 0 and boxes[src]["text"].split()[0] in NN_MESSAGES | {"dump"}, boxes[src]["text"]


def _cords(doc):
    return [(l["patchline"]["source"][0], l["patchline"]["source"][1], l["patchline"]["destination"][0],
             l["patchline"]["destination"][1]) for l in doc["patcher"]["lines"]]


def _find(doc, pred):
    return [i for i, b in boxes_of(doc).items() if pred(b)]


def _one(doc, pred):
    (found,) = _find(doc, pred)
    return found


def _path(cords, src, dst, boxes, through=()):
    """dst is reached from src through boxes whose first words are `through`, in that order."""
    at = src
    for word in through:
        at = next(t for s, o, t, i in cords if s == at and name_of(boxes[t]) == word)
    return any(s == at and t == dst for s, o, t, i in cords)


def test_forward_patch_plays_a_model_from_test_sound_or_input():
    doc = load("brave.forward.maxpat")
    boxes, cords = boxes_of(doc), _cords(doc)
    nn = _one(doc, lambda b: b.get("text", "").startswith("nn~ ") and " forward" in b["text"])
    sel = _one(doc, lambda b: name_of(b) == "selector~")
    adc = _one(doc, lambda b: name_of(b) == "adc~")
    assert (sel, 0, nn, 0) in cords and (adc, 0, sel, 2) in cords
    # the built-in sound: oscillators and noise, switched on at load
    assert _find(doc, lambda b: name_of(b) == "cycle~") and _find(doc, lambda b: name_of(b) == "noise~")
    dac = _one(doc, lambda b: name_of(b) == "ezdac~")
    # on/off, reload, load, dump reach nn~
    for text in ("enable $1", "reload", "load brave.ts", "dump"):
        assert (_one(doc, lambda b, t=text: b.get("text") == t), 0, nn, 0) in cords
    # the dry path is delayed (delay~, its time from a number box) before the dry gain
    delay = _one(doc, lambda b: name_of(b) == "delay~")
    assert (sel, 0, delay, 0) in cords
    assert any(boxes[s]["maxclass"] == "number" and (t, i) == (delay, 1) for s, o, t, i in cords)
    gains = _find(doc, lambda b: b.get("text") == "*~ 0.")
    assert any((delay, 0, g, 0) in cords for g in gains)
    # both sides of the ezdac~ get the output; meters and a scope~ show it
    assert {i for s, o, t, i in cords if t == dac} == {0, 1}
    assert _find(doc, lambda b: name_of(b) == "meter~") and _find(doc, lambda b: name_of(b) == "scope~")
    assert _find(doc, lambda b: name_of(b) == "dbtoa")
    # opens in presentation mode, with the controls on it
    assert doc["patcher"]["openinpresentation"] == 1
    shown = {name_of(b) for b in boxes.values() if b.get("presentation")}
    assert {"toggle", "flonum", "number", "message", "meter~", "scope~", "ezdac~"} <= shown


def test_latent_patch_scales_and_offsets_every_dimension_on_one_cord():
    doc = load("brave.latent.maxpat")
    boxes, cords = boxes_of(doc), _cords(doc)
    enc = _one(doc, lambda b: name_of(b) == "mcs.nn~" and " encode" in b["text"])
    dec = _one(doc, lambda b: name_of(b) == "mcs.nn~" and " decode" in b["text"])
    assert boxes[enc]["text"].split()[1] == boxes[dec]["text"].split()[1]  # one model
    scale = _one(doc, lambda b: name_of(b) == "mc.*~")
    offset = _one(doc, lambda b: name_of(b) == "mc.+~")
    assert (enc, 0, scale, 0) in cords and (scale, 0, offset, 0) in cords and (offset, 0, dec, 0) in cords
    for target in (scale, offset):
        channels = sorted(int(boxes[s]["text"].split()[1]) for s, o, t, i in cords
                          if (t, i) == (target, 1) and boxes[s].get("text", "").startswith("setvalue "))
        assert channels == list(range(1, 9))  # the generic example: 8 dimensions, channels from 1


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
    for stat in ("mean", "minimum", "maximum"):
        assert _find(doc, lambda b, s=stat: name_of(b) == s)
    assert _find(doc, lambda b: "sqrt" in b.get("text", ""))  # jitter: standard deviation
    # the clock runs from the moment audio starts: on-initially, and restarted by dspstate~
    assert boxes[clock]["text"].split()[1:4] == ["0", "0", "1"]
    dsp = _one(doc, lambda b: name_of(b) == "dspstate~")
    assert _path(cords, dsp, clock, boxes, through=("sel",))
    # trials and the summary go to the Max window and to a text file written at the end, in the
    # format the Pd patch writes (pdrun.parse_latency_results reads both)
    results = _one(doc, lambda b: name_of(b) == "text")
    summary = _one(doc, lambda b: b.get("text", "").startswith("summary trials $1 detected $2"))
    assert _path(cords, summary, results, boxes, through=("t",))
    prints = [t for s, o, t, i in cords if s == summary and name_of(boxes[t]) == "print"]
    assert prints
    write = _one(doc, lambda b: b.get("text", "").startswith("write "))
    assert (write, 0, results, 0) in cords
    assert _path(cords, _one(doc, lambda b: b.get("text") == "prepend trial"), results, boxes, through=("t",))
    words = boxes[summary]["text"].replace("$", "").split()
    parsed = pdrun.parse_latency_results(" ".join(words))["summary"]
    assert {"trials", "detected", "mean", "min", "max", "std", "sr"} <= set(parsed)


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


@pytest.mark.parametrize("name", ["brave.forward.maxpat", "brave.latent.maxpat", "brave.latency.maxpat"])
def test_presentation_is_laid_out(name):
    doc = load(name)
    assert doc["patcher"]["openinpresentation"] == 1
    assert sum(1 for b in boxes_of(doc).values() if b.get("presentation")) >= 20
    assert presentation_overlaps(doc) == []


def test_generator_reproduces_the_committed_patches(tmp_path):
    written = write_patches(MaxModel(), tmp_path)  # what patches/max/make_maxpats.py writes
    assert sorted(p.name for p in written) == sorted(PATCHES)
    for p in written:
        assert p.read_text() == (MAX_DIR / p.name).read_text(), f"{p.name} is stale: run make_maxpats.py"
