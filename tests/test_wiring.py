"""The wiring-table notation the patch generators are written in (brave_export.patching.wiring):
the core, Pd's layout lines and Max's forms."""

import pytest

from brave_export.patching.wiring import Box, cords, parse_layout, parse_line, parse_max_box, table_lines

pytestmark = pytest.mark.fast


def test_boxes_messages_places_and_layout_lines():
    assert parse_line("metro [metro 125]") == Box("metro", "metro 125", False, ())
    assert parse_line("pm [trial $1: $4 ms (onsets at $2)(") == Box("pm", "trial $1: $4 ms (onsets at $2)", True, ())
    assert parse_line("-  [inlet] @120,80") == Box("-", "inlet", False, (120, 80))
    assert parse_line("x [expr max($f1, -$f2)] @1,2,300").at == (1, 2, 300)
    assert parse_line("col 210 50") is None
    assert table_lines("\n  # a comment\n  a [b]\n\n") == ["a [b]"]


def test_cords_keep_their_order_and_expand_chains_and_ranges():
    assert cords("a > b > c; t:2 > x:1\nsel:0-2 > r  # fan in") == [
        ("a", 0, "b", 0), ("b", 0, "c", 0), ("t", 2, "x", 1),
        ("sel", 0, "r", 0), ("sel", 1, "r", 0), ("sel", 2, "r", 0)]


@pytest.mark.parametrize("bad", ["a", "a > b:x", "a:0-1 > b:0-1"])
def test_bad_cords_are_refused(bad):
    with pytest.raises(ValueError):
        cords(bad)


def test_pd_layout_lines():
    assert parse_layout("col 210 50") == ("col", [210, 50])
    assert parse_layout("col") == ("col", [])
    assert parse_layout("gap 20") == ("gap", [20])
    for bad in ("col 210", "gap", "row 1 2", "gap x"):
        with pytest.raises(ValueError):
            parse_layout(bad)


def test_max_forms():
    ui = parse_max_box("mix <flonum minimum=0.0 maximum=1.0> @0,20 => 400,147")
    assert (ui.name, ui.kind, ui.text, ui.at, ui.shown) == ("mix", "ui", "flonum", (0, 20), (400, 147))
    assert dict(ui.attrs) == {"minimum": 0.0, "maximum": 1.0}
    note = parse_max_box('- "dry/wet 0..1" @0,0,90 => 400,125,90')
    assert (note.kind, note.text, note.at, note.shown) == ("comment", "dry/wet 0..1", (0, 0, 90), (400, 125, 90))
    obj = parse_max_box("nn [nn~ brave.ts forward 0] @300,500,200")
    assert (obj.kind, obj.text, obj.at, obj.shown) == ("object", "nn~ brave.ts forward 0", (300, 500, 200), ())
    assert parse_max_box("m [set 0( @1,2").kind == "message"
    with pytest.raises(ValueError):
        parse_max_box("metro [metro 125]")  # Max boxes give their place
