"""The help patch (externals/brave~-help.pd) against what it documents: every message brave~
registers, the numbers `stats`, `latency` and `bang` output (read from externals/pd/brave_tilde.cpp,
so a new output field fails here until it is documented), Pd's help-patch conventions (a full
META, the version), and the bundled demo model that it and the example patches play.
How it looks in Pd's GUI: tests/test_gui_layout.py."""

from __future__ import annotations

import re

import pytest

from brave_export import pdpackage

from .conftest import REPO

pytestmark = pytest.mark.fast

HELP = REPO / "externals" / "brave~-help.pd"
SOURCE = (REPO / "externals" / "pd" / "brave_tilde.cpp").read_text()


def reference() -> str:
    return " ".join(pdpackage.pd_comments(HELP, subpatch="reference"))


def function(name: str) -> str:
    """The body of a C++ function of brave_tilde.cpp."""
    start = SOURCE.index(f"static void {name}(")
    return SOURCE[start:SOURCE.index("\n}\n", start)]


def test_meta_is_complete():
    meta = {t.split(" ", 1)[0]: t.split(" ", 1)[1] for t in pdpackage.pd_comments(HELP, meta=True)}
    for field in ["DESCRIPTION", "INLET_0", "OUTLET_0", "OUTLET_N", "AUTHOR", "LICENSE", "VERSION"]:
        assert meta.get(field), field
    assert meta["VERSION"] == pdpackage.project_version()
    assert pdpackage.help_description(HELP) == meta["DESCRIPTION"]


def test_every_message_is_in_the_reference():
    registered = set(re.findall(r'class_addmethod\(brave_class, \(t_method\)\w+, gensym\("(\w+)"\)', SOURCE))
    registered -= {"dsp"}
    assert {"load", "reload", "method", "buffer", "stats", "set"} <= registered, registered
    text = reference()
    heads = {t.split()[0] for t in pdpackage.pd_comments(HELP, subpatch="reference") if t}
    for name in sorted(registered):
        assert name in heads or f"/ {name} " in text, f"message '{name}' is not in [pd reference]"
    assert "bang" in heads  # class_addbang


@pytest.mark.parametrize("selector", ["stats", "latency"])
def test_output_fields_are_documented(selector):
    """The reference names one field per number the message outputs (e.g. stats CALLS MEAN_MS ...)."""
    count = int(re.search(rf'gensym\("{selector}"\), (\d+), av\)', SOURCE)[1]) if selector == "stats" else \
        len(re.search(r'info_out\(x, "latency", \{(.*?)\}\);', SOURCE, re.S)[1].split(","))
    m = re.search(rf"output: {selector} ((?:[A-Z0-9_]+ )+)", reference())
    assert m, f"no '{selector} FIELDS...' in [pd reference]"
    assert len(m[1].split()) == count, (m[1], count)
    if selector == "stats":  # the help's main canvas and the README count them too
        for name, text in (("help patch", HELP.read_text()), ("README", (REPO / "README.md").read_text())):
            said = re.search(r"(\d+) numbers", text)
            assert said and int(said[1]) == count, f"the {name} says {said and said[0]}, stats outputs {count}"


def test_bang_outputs_are_documented():
    body = function("brave_bang")
    said = set(re.findall(r'info_out\(x, "(\w+)"', body)) | set(re.findall(r'gensym\("(\w+)"\), ', body))
    assert {"loaded", "model", "thread", "attributes"} <= said, said
    bang = next(t for t in pdpackage.pd_comments(HELP, subpatch="reference") if t.startswith("output the state"))
    for name in said:
        assert re.search(rf"\b{name}\b", bang), f"bang outputs '{name}': not in the reference"


def test_help_and_examples_play_the_bundled_model():
    text = HELP.read_text()
    assert re.search(rf"#X obj \d+ \d+ brave~ {re.escape(pdpackage.DEMO_MODEL)} forward 128;", text)
    assert set(re.findall(r"(?:brave~|load) (\S+\.ts)", text)) == {pdpackage.DEMO_MODEL}
    for name in pdpackage.EXAMPLES:
        patch = (REPO / "patches" / "pd" / name).read_text()
        assert f"model {pdpackage.DEMO_MODEL} 128" in patch, name
        assert "brave.ts" not in patch, name
        assert not re.search(r"^#X msg \d+ \d+ quit 1;", patch, re.M), f"{name}: a [quit 1( among the buttons"


def test_no_line_breaks_inside_comments():
    """Every \\; in a comment starts a new line in Pd's GUI: paragraphs then grow past their place."""
    for path in [HELP, *(REPO / "patches" / "pd" / n for n in pdpackage.EXAMPLES)]:
        comments = [r for r in re.split(r"(?<!\\);\s*\n", path.read_text()) if r.startswith("#X text")]
        assert comments and not [c for c in comments if "\\;" in c], path.name


def test_every_example_message_is_said_beside_it():
    """Each message box of an example patch has a comment that starts with its selector and says
    what it does (as the help patch does for brave~'s own messages)."""
    for name in ("forward-brave.pd", "latent-brave.pd", "latency-brave.pd", "forward-nn.pd"):
        text = (REPO / "patches" / "pd" / name).read_text()
        messages = re.findall(r"^#X msg \d+ \d+ (.+?);$", text, re.M)
        comments = re.findall(r"^#X text \d+ \d+ (.+?)(?:, f \d+)?;$", text, re.M)
        assert messages, name
        for m in messages:
            if m.startswith("file "):  # the latency patch's own [file latency-results.txt( (loadbang)
                continue
            word = m.split()[0]
            assert any(c.startswith(f"{word} ") or c.startswith(f"{m}:") for c in comments), (name, m)
