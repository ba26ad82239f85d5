"""The wiring-table notation both patch generators are written in (brave_export.patching.wiring)."""

import pytest

from brave_export.patching.wiring import Box, cords, parse_line, table_lines

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
