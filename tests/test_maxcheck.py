"""brave_export.patching.maxcheck, the static checker of .maxpat files: it must catch what Max would do
differently from what a patch means (wrong counts, bad cords, messages in the wrong order)."""

import copy
import json
from pathlib import Path

import pytest

from brave_export.patching import maxcheck, maxfacts

pytestmark = pytest.mark.fast  # `make test-fast` runs these, less any marked slow (training run, Pd)

STALE = Path(__file__).parent / "data" / "maxpat-stale"  # brave.latency as it was before issue 16


def _doc(boxes, lines):
    """A patcher from (id, text-or-maxclass, x) and (src, outlet, dst, inlet), counts from the table."""
    out = []
    for bid, text, x in boxes:
        if text in maxcheck.UI:
            spec, box = maxcheck.UI[text], {"maxclass": text}
        else:
            name, *args = text.split()
            spec, box = maxcheck.OBJECTS[name](args), {"maxclass": "newobj", "text": text}
        box.update(id=bid, numinlets=spec.inlets, numoutlets=len(spec.outlets),
                   patching_rect=[float(x), 0.0, 50.0, 22.0])
        if spec.outlets:
            box["outlettype"] = list(spec.outlets)
        out.append({"box": box})
    return {"patcher": {"boxes": out, "lines": [{"patchline": {"source": [s, o], "destination": [d, i]}}
                                               for s, o, d, i in lines]}}


def test_catches_the_stale_summary_of_the_old_latency_patch():
    problems = maxcheck.check_files([STALE / "stale-summary.maxpat"])[STALE / "stale-summary.maxpat"]
    order = [p for p in problems if p.startswith("message order")]
    # min and max reach the summary's cold inlets 2 and 3 after the jitter fired its hot inlet
    assert len(order) == 2 and all("[pack 0. 0. 0. 0.]" in p for p in order)
    assert {"inlet 2 (cold)" in p for p in order} == {True, False}


def test_trigger_order_right_to_left():
    # [t f f] -> outlet 1 to the pack's cold inlet, outlet 0 to its hot one: right
    good = _doc([("a", "t f f", 0), ("p", "pack 0. 0.", 0), ("pr", "print", 0)],
                [("a", 1, "p", 1), ("a", 0, "p", 0), ("p", 0, "pr", 0)])
    assert maxcheck.check(good) == []
    # swapped: the hot inlet fires first, the cold value arrives too late
    bad = _doc([("a", "t f f", 0), ("p", "pack 0. 0.", 0), ("pr", "print", 0)],
               [("a", 0, "p", 1), ("a", 1, "p", 0), ("p", 0, "pr", 0)])
    (problem,) = maxcheck.check(bad)
    assert "inlet 1 (cold)" in problem and "[t f f]" in problem


def test_fanned_cords_go_right_to_left_by_position():
    # one outlet into both inlets of a pack: the box further right gets the message first
    boxes = [("n", "number", 0), ("p", "pack 0 0", 0), ("x", "+ 1", 300), ("pr", "print", 0)]
    late = _doc(boxes, [("n", 0, "p", 0), ("n", 0, "x", 0), ("x", 0, "p", 1), ("p", 0, "pr", 0)])
    assert maxcheck.check(late) == []  # [+ 1] is to the right: it sets the cold inlet first
    boxes[2] = ("x", "+ 1", -300)
    early = _doc(boxes, [("n", 0, "p", 0), ("n", 0, "x", 0), ("x", 0, "p", 1), ("p", 0, "pr", 0)])
    assert any("inlet 1 (cold)" in p for p in maxcheck.check(early))


def test_counter_feedback_and_delays_are_not_order_problems():
    doc = _doc([("b", "button", 0), ("i", "i", 0), ("inc", "+ 1", 0), ("d", "delay 10", 0), ("pr", "print", 0)],
               [("b", 0, "i", 0), ("i", 0, "inc", 0), ("inc", 0, "i", 1), ("i", 0, "d", 0), ("d", 0, "pr", 0)])
    assert maxcheck.check(doc) == []


def test_counts_cords_and_names():
    doc = _doc([("c", "cycle~ 440", 0), ("m", "*~ 0.5", 0), ("d", "dac~", 0), ("t", "t b b", 0)],
               [("c", 0, "m", 0), ("m", 0, "d", 0), ("m", 0, "d", 1)])
    assert maxcheck.check(doc) == []
    wrong = copy.deepcopy(doc)
    wrong["patcher"]["boxes"][3]["box"]["numoutlets"] = 3
    assert any("[t b b]" in p and "Max makes 1 inlets, 2 outlets" in p for p in maxcheck.check(wrong))
    typed = copy.deepcopy(doc)
    typed["patcher"]["boxes"][0]["box"]["outlettype"] = [""]
    assert any("[cycle~ 440]" in p for p in maxcheck.check(typed))
    cord = copy.deepcopy(doc)
    cord["patcher"]["lines"].append({"patchline": {"source": ["m", 1], "destination": ["d", 0]}})
    cord["patcher"]["lines"].append({"patchline": {"source": ["c", 0], "destination": ["d", 2]}})
    cord["patcher"]["lines"].append({"patchline": {"source": ["c", 0], "destination": ["t", 0]}})
    problems = maxcheck.check(cord)
    assert any("outlet 1: it has 1 outlets" in p for p in problems)
    assert any("inlet 2: it has 2 inlets" in p for p in problems)
    assert any("signal cord" in p and "[t b b]" in p for p in problems)
    unknown = copy.deepcopy(doc)
    unknown["patcher"]["boxes"][1]["box"]["text"] = "mul~ 0.5"
    assert any("no Max object 'mul~'" in p for p in maxcheck.check(unknown))


def test_nn_boxes_are_sized_by_the_model():
    enc = {"box": {"id": "e", "maxclass": "newobj", "text": "nn~ m.ts encode 0", "numinlets": 1, "numoutlets": 8,
                   "outlettype": ["signal"] * 8, "patching_rect": [0.0, 0.0, 100.0, 22.0]}}
    doc = {"patcher": {"boxes": [enc], "lines": []}}
    assert maxcheck.check(doc, nn_channels={"encode": (1, 8)}) == []
    assert any("Max makes 1 inlets, 16 outlets" in p for p in maxcheck.check(doc, nn_channels={"encode": (1, 16)}))
    mcs = {"box": {"id": "m", "maxclass": "newobj", "text": "mcs.nn~ m.ts encode 1 0", "numinlets": 1,
                   "numoutlets": 1, "outlettype": ["multichannelsignal"], "patching_rect": [0.0, 0.0, 100.0, 22.0]}}
    assert maxcheck.check({"patcher": {"boxes": [mcs], "lines": []}}) == []


def test_command_line(tmp_path, capsys):
    bad = _doc([("a", "t f f", 0), ("p", "pack 0. 0.", 0)], [("a", 0, "p", 1), ("a", 1, "p", 0)])
    path = tmp_path / "bad.maxpat"
    path.write_text(json.dumps(bad))
    assert maxcheck.main([str(path)]) == 1
    assert "message order" in capsys.readouterr().out


# ------------------------------------------------------------------------------ facts from saved patches

MAX_DIR = Path(__file__).resolve().parents[1] / "patches" / "max"
SHIPPED = sorted(MAX_DIR.glob("*.maxpat"))


def _shipped(name):
    return json.loads((MAX_DIR / name).read_text())


def _box(doc, first_word):
    return next(b["box"] for b in doc["patcher"]["boxes"] if b["box"].get("text", "").split()[:1] == [first_word])


def test_the_table_agrees_with_what_max_saved():
    assert maxcheck.fact_problems() == []
    for fact in maxfacts.SAVED:  # every fact names where it was read
        assert "/" in fact.repo and fact.path.endswith((".maxpat", ".maxhelp")), fact


def test_every_object_the_shipped_patches_use_has_a_fact():
    used = {b["box"]["text"].split()[0] if b["box"]["maxclass"] == "newobj" else b["box"]["maxclass"]
            for p in SHIPPED for b in json.loads(p.read_text())["patcher"]["boxes"]}
    missing = {n for n in used if not maxfacts.facts_for(n)} - {"brave.onset~"}  # our own abstraction
    assert not missing


def test_a_wrong_table_entry_is_caught(monkeypatch):
    # the generator builds its counts from the table: a wrong entry used to pass unseen
    monkeypatch.setitem(maxcheck.OBJECTS, "snapshot~", lambda a: maxcheck.Spec(1, ("float",)))
    problems = maxcheck.check(_shipped("brave.latency.maxpat"))
    assert any("[snapshot~" in p and "Max saved 2 inlets" in p and "acids-ircam/nn_tilde" in p for p in problems)
    monkeypatch.setitem(maxcheck.OBJECTS, "snapshot~", lambda a: maxcheck.Spec(2, ("float", "float")))
    assert any("Max saved 2 inlets, 1 outlets" in p for p in maxcheck.check(_shipped("brave.latency.maxpat")))


def test_a_wrong_saved_count_in_a_shipped_patch_is_caught():
    doc = _shipped("brave.latency.maxpat")
    _box(doc, "dspstate~")["numoutlets"] = 3
    assert any("[dspstate~]" in p and "Max makes 1 inlets, 4 outlets" in p for p in maxcheck.check(doc))


def test_nn_arguments():
    assert maxfacts.argument_problem("nn~ brave.ts forward 0") is None
    assert maxfacts.argument_problem("nn~ wheel forward 8192") is None  # nn~'s help patch
    assert maxfacts.argument_problem("nn~") is None
    assert maxfacts.argument_problem("mcs.nn~ brave.ts encode 1 0") is None
    assert "METHOD 'brave.ts'" in maxfacts.argument_problem("nn~ forward brave.ts 0")
    assert "MODEL '0'" in maxfacts.argument_problem("nn~ 0 forward")
    assert "not an integer" in maxfacts.argument_problem("nn~ brave.ts forward big")
    assert "not an integer >= 1" in maxfacts.argument_problem("mcs.nn~ brave.ts encode 0 0")
    doc = _shipped("brave.forward.maxpat")
    _box(doc, "nn~")["text"] = "nn~ forward brave.ts 0"  # swapped: Max would look for a model called forward
    assert any("METHOD 'brave.ts'" in p and "nn_base.h" in p for p in maxcheck.check(doc))


def test_count_arguments():
    # Max's reference: count~ [INITIAL [LIMIT [ENABLE [AUTORESET]]]], ints, the flags 0 or 1; LIMIT 0 is
    # no limit. [count~ 0 0 0] has that shape (a clock that waits for a bang), so it passes the shape check.
    for good in ("count~", "count~ 0 0 1", "count~ 0 0 0", "count~ 0 512 1 1"):
        assert maxfacts.argument_problem(good) is None, good
    for bad, why in (("count~ 0 0 1 1 1", "5 arguments"), ("count~ 0 0 2", "ENABLE"), ("count~ 0.5", "not an integer"),
                     ("count~ 10 5", "LIMIT 5")):
        assert why in maxfacts.argument_problem(bad), bad
    doc = _shipped("brave.latency.maxpat")
    _box(doc, "count~")["text"] = "count~ 0 0 1 1 1"
    assert any("[count~ 0 0 1 1 1]" in p and "count~ [INITIAL" in p for p in maxcheck.check(doc))


def test_the_saved_boxes_pass_the_argument_checks():
    assert [f.text for f in maxfacts.SAVED if maxfacts.argument_problem(f.text)] == []


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_the_shipped_patches_pass(path):
    assert maxcheck.check_files([path])[path] == []
