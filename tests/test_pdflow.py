"""Laying out Pd patches (brave_export.patching.pdflow): dynamic-patching messages numbered as Pd
numbers the objects, and Canvas.number for subpatches."""

import pytest

from brave_export.patching.pdflow import Dynamic, message
from brave_export.pdrun.pdfile import Canvas

pytestmark = pytest.mark.fast


def test_dynamic_numbers_objects_in_creation_order():
    dyn = Dynamic("pd-$1-dyn")
    made = dyn.clear() + dyn.draw("""
        in [inlet~] @10,10
        out [outlet~] @10,440
        model [nn~ $2 forward] @10,220
    """, "in > model; model > out")
    assert made == ["pd-$1-dyn clear", "pd-$1-dyn obj 10 10 inlet~", "pd-$1-dyn obj 10 440 outlet~",
                    "pd-$1-dyn obj 10 220 nn~ $2 forward", "pd-$1-dyn connect 0 0 2 0", "pd-$1-dyn connect 2 0 1 0"]
    later = dyn.fork()
    assert later.draw("- [r $1-ctl] @1,1\nenc [x] @2,2", "in > enc") == [
        "pd-$1-dyn obj 1 1 r $1-ctl", "pd-$1-dyn obj 2 2 x", "pd-$1-dyn connect 0 0 4 0"]
    assert (dyn.count, later.count, later.number("enc")) == (3, 5, 4)  # a fork leaves the original as it was
    assert message(["a 1", "b 2"], ["c"]) == "; a 1; b 2; c"


def test_dynamic_connects_objects_that_exist_already():
    host = Canvas()
    numbers = {"in": host.obj("inlet~", 10, 10), "out": host.obj("outlet~", 10, 120)}
    numbers["dyn"] = host.number(host.subpatch("dyn", x=10, y=60))
    assert Dynamic("pd-$1-host", numbers).wire("in > dyn; dyn > out") == [
        "pd-$1-host connect 0 0 2 0", "pd-$1-host connect 2 0 1 0"]


def test_dynamic_refuses_what_pd_could_not_number():
    with pytest.raises(ValueError, match="its place"):
        Dynamic("pd-x").draw("a [metro 10]")          # no place
    with pytest.raises(ValueError, match="its place"):
        Dynamic("pd-x").draw("a [bang( @1,1")         # a message box
    with pytest.raises(ValueError, match="no box named"):
        Dynamic("pd-x").draw("a [f] @1,1", "a > b")
    with pytest.raises(ValueError, match="not on this canvas"):
        Canvas().number(Canvas())
