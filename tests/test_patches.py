"""The example Pd patches (patches/pd) run headless in real Pd 0.53 with brave~ (brave_export.pdrun),
and a static check of their nn~ variants (nn~ is not installed here).

The latency patch on probe models must report exactly the documented buffering plus the probe's
own delay, with zero jitter; the forward and latent patches must play the built-in test sound
through the model - checked sample for sample on probes, for finite non-silent output on the
smoke-trained BRAVE export.
"""

import math
import re
from pathlib import Path

import numpy as np
import pytest

from brave_export import pdrun
from brave_export.patching import pdpatches
from brave_export.errors import UserError
from brave_export.probe import write_probe

from .pd_util import PATCH_DIR, build_external

pytestmark = pytest.mark.fast  # `make test-fast` runs these, less any marked slow (training run, Pd)

SR = 44100
R = 128
D = 37

slow = pytest.mark.slow


@pytest.fixture(scope="module")
def external():
    return build_external()


@pytest.fixture(scope="module")
def probes(tmp_path_factory):
    d = tmp_path_factory.mktemp("patch_probes")
    return {0: write_probe(d / "probe.ts", ratio=R), D: write_probe(d / "probe37.ts", ratio=R, delay=D)}


def added_latency(buffer, block):
    return buffer - math.gcd(buffer, block)


# ------------------------------------------------------------------------------ the files

def test_generator_reproduces_the_patches():
    """The committed .pd files are what brave_export.patching.pdpatches renders (what
    patches/pd/make_pdpatches.py writes)."""
    rendered = pdpatches.render()
    on_disk = {p.name for p in PATCH_DIR.glob("*.pd")}
    assert on_disk == set(rendered), on_disk ^ set(rendered)
    for name, text in rendered.items():
        assert (PATCH_DIR / name).read_text() == text, f"{name} is stale: run patches/pd/make_pdpatches.py"


def test_every_patch_exists_for_both_objects():
    for what in ("forward", "latent", "latency"):
        for kind, obj in (("brave", "brave~"), ("nn", "nn~")):
            objects = parse(PATCH_DIR / f"{what}-{kind}.pd")[0]["objects"]
            assert [o for o in objects if o[0] == "obj" and o[1] == [f"bx-{what}", obj]], (what, kind)


# ------------------------------------------------------------------- latency patch (brave~)

@slow
@pytest.mark.parametrize("buffer", [R, 2 * R])
@pytest.mark.parametrize("delay", [0, D])
def test_latency_patch_is_exact_on_probes(external, probes, buffer, delay, tmp_path):
    """Probe models (output = input delayed by `delay`): every trial reports exactly buffering +
    delay samples, zero jitter, with bursts at many positions within the buffer."""
    trials = 8
    r = pdrun.run_latency_patch(probes[delay], buffer=buffer, block=64, trials=trials, workdir=tmp_path)
    expected = added_latency(buffer, 64) + delay
    assert r["trials_run"] == r["detected"] == trials and r["missed"] == 0
    assert r["latencies"] == [expected] * trials
    assert r["mean"] == r["min"] == r["max"] == expected and r["std"] == 0
    ms = 1000 * expected / SR
    assert r["mean_ms"] == pytest.approx(ms, rel=1e-5) and r["std_ms"] == 0
    assert all(t["latency_ms"] == pytest.approx(ms, rel=1e-5) for t in r["trials"])
    assert r["sr"] == SR and r["block"] == 64
    # the onsets fall at different places within the buffer (the zero jitter is not a coincidence)
    phases = {t["onset_in"] % buffer for t in r["trials"]}
    assert len(phases) >= trials // 2, phases
    assert all(t["onset_out"] - t["onset_in"] == expected for t in r["trials"])
    # the console and the text file say the same
    lines = [l for l in r["console"] if l.startswith("latency: ")]
    assert len([l for l in lines if re.match(rf"latency: trial \d+: {expected} samples = ", l)]) == trials, lines
    assert any(re.match(rf"latency: summary: {trials} trials {trials} detected - mean {expected} samples - "
                        rf"min {expected} - max {expected} - std \(jitter\) 0$", l) for l in lines), lines
    text = Path(r["results"]).read_text()
    assert len(re.findall(r"^trial \d+ \d+ \d+ " + str(expected) + " ", text, re.M)) == trials, text
    assert not [l for l in r["console"] if l.startswith("error") or "couldn't create" in l], r["console"]


@slow
def test_latency_patch_block_256(external, probes, tmp_path):
    """`block 256`: the measurement runs in 256-sample blocks; buffer 128 then adds nothing and
    buffer 384 adds 384 - gcd(384, 256) = 256."""
    r = pdrun.run_latency_patch(probes[D], buffer=R, block=256, trials=4, workdir=tmp_path / "a")
    assert r["latencies"] == [D] * 4 and r["std"] == 0 and r["block"] == 256
    r = pdrun.run_latency_patch(probes[0], buffer=3 * R, block=256, trials=4, workdir=tmp_path / "b")
    assert r["latencies"] == [256] * 4 and r["std"] == 0


@slow
def test_latency_patch_on_the_brave_export(external, brave_ts, tmp_path):
    """The smoke-trained BRAVE export: the run completes with finite figures, and no trial comes
    out earlier than brave~'s buffering allows."""
    trials = 8
    r = pdrun.run_latency_patch(brave_ts.path, buffer=brave_ts.ratio, block=64, trials=trials, workdir=tmp_path)
    assert r["trials_run"] == trials and r["detected"] >= trials // 2, r["console"]
    for key in ("mean", "min", "max", "std", "mean_ms", "min_ms", "max_ms", "std_ms"):
        assert math.isfinite(r[key]), (key, r[key])
    assert added_latency(brave_ts.ratio, 64) <= r["min"] <= r["mean"] <= r["max"] < 0.5 * SR
    assert r["std"] >= 0 and r["mean_ms"] == pytest.approx(1000 * r["mean"] / SR, rel=1e-4)
    assert len(r["latencies"]) == r["detected"]


@slow
def test_latency_patch_and_offline_evaluator_agree_on_the_brave_export(external, brave_ts, tmp_path):
    """The Pd patch (real brave~ in Pd) and `brave-export latency` (brave~'s host simulated in
    Python) on the same model and host settings: their mean latencies agree within one Pd block.
    The evaluator sends the patch's burst and uses the patch's onset detector: on a model trained
    for a few hundred steps the latency depends on what is sent through it and on where a detector
    places a smeared onset (the default envelope detector differs from the patch's by up to about
    80 samples there)."""
    from brave_export import latency

    block, trials = 64, 16
    pd = pdrun.run_latency_patch(brave_ts.path, buffer=brave_ts.ratio, block=block, trials=trials,
                                 workdir=tmp_path)
    assert pd["detected"] >= trials // 2, pd["console"]
    offline = latency.evaluate_as_pd_patch(brave_ts.path, buffer=brave_ts.ratio, block=block, trials=trials)
    o = offline.overall
    assert o.detected >= trials // 2
    assert abs(pd["mean"] - o.latency["mean"]) < block, (pd["mean"], o.latency["mean"])
    # neither can see the output react before brave~'s buffering has passed
    floor = added_latency(brave_ts.ratio, block)
    assert pd["min"] >= floor and o.latency["min"] >= floor


# --------------------------------------------------------------- forward and latent (brave~)

@slow
def test_forward_patch_plays_the_model_exactly(external, probes, tmp_path):
    """On the probe (forward = identity), the wet output is the dry test sound delayed by brave~'s
    64 samples, sample for sample (after the 20 ms gain ramps), and -6 dB of gain halves it."""
    console = []
    dry = pdrun.run_forward_patch(probes[0], buffer=R, seconds=2, wet=0, workdir=tmp_path / "dry", console=console)
    wet = pdrun.run_forward_patch(probes[0], buffer=R, seconds=2, wet=1, workdir=tmp_path / "wet")
    quiet = pdrun.run_forward_patch(probes[0], buffer=R, seconds=2, wet=1, gain_db=-6, workdir=tmp_path / "q")
    assert dry.shape == wet.shape == (2 * SR,)
    assert np.isfinite(dry).all() and 0.2 < np.abs(dry).max() <= 1.0, np.abs(dry).max()
    L, start = added_latency(R, 64), 2048
    np.testing.assert_array_equal(wet[start + L:], dry[start:len(dry) - L])
    np.testing.assert_allclose(quiet[start:], wet[start:] * 10 ** (-6 / 20), rtol=1e-5, atol=1e-7)
    assert not [l for l in console if l.startswith("error") or "couldn't create" in l], console


@slow
def test_latent_patch_scales_and_offsets_dimensions(external, probes, tmp_path):
    """On the probe (1 latent dimension: encode = frame means, decode = repeat), `dim 0 offset 0.25`
    adds exactly 0.25 and `dim 0 scale 2` doubles the decoded signal."""
    plain = pdrun.run_latent_patch(probes[0], buffer=R, seconds=1, workdir=tmp_path / "plain")
    shifted = pdrun.run_latent_patch(probes[0], buffer=R, seconds=1, offsets={0: 0.25}, workdir=tmp_path / "off")
    scaled = pdrun.run_latent_patch(probes[0], buffer=R, seconds=1, scales={0: 2}, workdir=tmp_path / "scale")
    start = 4096  # after the 20 ms ramps
    assert np.abs(plain[start:]).max() > 1e-3
    np.testing.assert_allclose(shifted[start:] - plain[start:], 0.25, atol=1e-6)
    np.testing.assert_allclose(scaled[start:], 2 * plain[start:], rtol=1e-5, atol=1e-7)


@slow
@pytest.mark.parametrize("what", ["forward", "latent"])
def test_players_run_the_brave_export(external, brave_ts, what, tmp_path):
    """The smoke-trained BRAVE export in the forward and latent patches: finite, non-silent output
    from the built-in test sound, and a clean console (nothing that could not be created)."""
    console = []
    run = pdrun.run_forward_patch if what == "forward" else pdrun.run_latent_patch
    kwargs = {"offsets": {0: 1.0, 7: -1.0}, "scales": {1: 1.5}} if what == "latent" else {}
    out = run(brave_ts.path, buffer=brave_ts.ratio, seconds=3, workdir=tmp_path, console=console, **kwargs)
    assert out.shape == (3 * SR,) and np.isfinite(out).all()
    rms = float(np.sqrt(np.mean(out.astype(np.float64) ** 2)))
    assert rms > 1e-3 and np.abs(out).max() > 1e-2, rms
    assert not [l for l in console if l.startswith("error") or "couldn't create" in l], console
    if what == "latent":  # the chain was built for the model's 8 dimensions
        assert [l for l in console if re.search(r"brave~: running 'encode'", l)]
        assert [l for l in console if re.search(r"brave~: running 'decode'", l)]


@slow
def test_runner_errors_are_one_line(external, probes, tmp_path, monkeypatch):
    with pytest.raises(UserError, match=r"^model file .*nothing\.ts not found$"):
        pdrun.run_forward_patch(tmp_path / "nothing.ts", buffer=R, seconds=1)
    with pytest.raises(UserError, match=r"^brave~ is not built \(.*brave~\.pd_linux missing\): run make external"):
        pdrun.run_latency_patch(probes[0], buffer=R, external_dir=tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("PD_COMMAND", raising=False)
    with pytest.raises(UserError, match=r"^Pure Data \(pd\) not found"):
        pdrun.run_latency_patch(probes[0], buffer=R)
    # a model that is not an nn~ model: Pd reports it, the runner says so
    bad = tmp_path / "bad.ts"
    bad.write_bytes(b"not a model")
    monkeypatch.undo()
    with pytest.raises(pdrun.PdError, match=r"the forward patch failed in Pd: error: brave~: .*bad\.ts is not a TorchScript file"):
        pdrun.run_forward_patch(bad, buffer=R, seconds=0.5)


# ------------------------------------------------------------------- nn~ variants (static)

# nn~ (acids-ircam/nn_tilde, Pd frontend): [nn~ [-m] [-gpu] [-d] MODEL [METHOD [BUFFER]]] and these
# messages (load and method only in multichannel mode, Pd 0.54+).
NN_MESSAGES = {"enable", "load", "reload", "set", "bufsize", "gpu", "method", "bang",
               "print_available_models", "download", "remove"}
NN_METHODS = {"forward", "encode", "decode"}   # the methods of an nn~-protocol RAVE/BRAVE export
BRAVE_ONLY = {"reset", "latency", "stats", "seed", "threads"}


def parse(path: Path) -> list[dict]:
    """A .pd file as canvases: {"objects": [(type, words)], "connects": [(a, o, b, i)]}, the
    top-level canvas first; a subpatch is an object ("pd", name) in its parent."""
    text = path.read_text()
    records = re.split(r"(?<!\\);\s*\n", text)
    stack, canvases = [], []
    for rec in records:
        rec = rec.strip()
        if not rec:
            continue
        words = re.split(r"(?<!\\)\s+", rec.replace("\n", " "))
        words = [w.replace("\\$", "$").replace("\\;", ";").replace("\\,", ",") for w in words]
        if words[:2] == ["#N", "canvas"]:
            c = {"objects": [], "connects": []}
            stack.append(c)
            canvases.append(c)
        elif words[:2] == ["#X", "restore"]:
            stack.pop()
            stack[-1]["objects"].append(("obj", ["pd", *words[5:]]))
        elif words[:2] == ["#X", "connect"]:
            stack[-1]["connects"].append(tuple(int(w) for w in words[2:6]))
        elif words[0] == "#X" and words[1] in ("obj", "msg", "text", "floatatom"):
            body = words[4:]
            if body and body[-2:-1] == [","] and body[-1].startswith("f"):
                body = body[:-2]
            stack[-1]["objects"].append((words[1], body))
        elif words[:2] == ["#X", "coords"]:
            pass
        else:
            raise AssertionError(f"{path.name}: unexpected record {rec[:60]!r}")
    return canvases


def messages(words: list[str]) -> list[list[str]]:
    """A message box's messages: split at `,` and `;` (after `;` the first word is a receiver)."""
    out, cur = [], []
    for w in words + [","]:
        if w in (",", ";"):
            if cur:
                out.append(cur)
            cur = []
            continue
        cur.append(w)
    return out


def subst(words: list[str], args: list[str]) -> list[str]:
    """Creation arguments into an object box's words ($1.. -> args; $0 stays)."""
    def one(w):
        return re.sub(r"\$([1-9])", lambda m: args[int(m[1]) - 1] if int(m[1]) <= len(args) else m[0], w)
    return [one(w) for w in words]


def instances(name: str, args: list[str], seen=None):
    """(file, args) for a patch and every abstraction of patches/pd it uses, recursively."""
    seen = [] if seen is None else seen
    seen.append((name, args))
    for canvas in parse(PATCH_DIR / f"{name}.pd"):
        for kind, words in canvas["objects"]:
            if kind == "obj" and words and (PATCH_DIR / f"{words[0]}.pd").is_file():
                instances(words[0], subst(words[1:], args), seen)
    return seen


def created_objects(name: str, args: list[str]) -> list[list[str]]:
    """The objects a model host creates by messages (`pd-$1-dyn obj X Y ...`), with the message's
    $n mapped through the host's one [list prepend $0 OBJ ...] (the list its messages get)."""
    canvases = parse(PATCH_DIR / f"{name}.pd")
    prepends = [subst(w, args) for c in canvases for k, w in c["objects"]
                if k == "obj" and w[:3] == ["list", "prepend", "$0"] and args[0] in subst(w, args)]
    assert len(prepends) == 1, prepends
    layout = ["$0", *prepends[0][3:]]                  # $1 = $0, then the fixed words ...
    layout += [f"<{w}>" for w in ("FILE", "BUFFER")]   # ... then what `model FILE BUFFER` adds
    objs = []
    for c in canvases:
        for kind, words in c["objects"]:
            if kind != "msg":
                continue
            for m in messages(words):
                if len(m) > 4 and m[0] == "pd-$1-dyn" and m[1] == "obj":
                    text = [layout[int(w[1:]) - 1] if re.fullmatch(r"\$\d", w) else w for w in m[4:]]
                    objs.append(text)
    return objs


HANDLED = {  # selectors our abstractions take themselves (they never reach the model object)
    "source", "wet", "gain", "on", "model", "unload", "dim", "run", "trials", "length", "gap", "threshold",
    "file", "quit", "block", "built", "result",
}


@pytest.mark.parametrize("what", ["forward", "latent", "latency"])
def test_nn_patches_use_only_nn_arguments_and_messages(what):
    """Static check of the nn~ variants: the objects their hosts create are [nn~ MODEL METHOD
    [BUFFER]] with a method a RAVE/BRAVE export has; every message box in them and in the
    abstractions they use is either one our abstractions handle or one of nn~'s; brave~-only
    messages appear nowhere."""
    insts = instances(f"{what}-nn", [])
    names = {n for n, _ in insts}
    assert not [n for n, a in insts if "brave~" in a], insts
    hosts = [(n, a) for n, a in insts if n in ("bx-host~", "bx-latent~")]
    assert hosts and all(a[0] == "nn~" for _, a in hosts), hosts
    models = [o for n, a in hosts for o in created_objects(n, a) if o[0] in ("nn~", "brave~")]
    assert models, hosts
    for o in models:
        assert o[0] == "nn~", o
        assert o[1] == "<FILE>" and o[2] in NN_METHODS and o[3:] in ([], ["<BUFFER>"]), o
    if what == "latent":
        assert {o[2] for o in models} == {"encode", "decode"}
    else:
        assert {o[2] for o in models} == {"forward"}

    for name in names:
        for canvas in parse(PATCH_DIR / f"{name}.pd"):
            for kind, words in canvas["objects"]:
                if kind == "obj":
                    assert "brave~" not in words or name.endswith("-brave"), (name, words)
                if kind != "msg":
                    continue
                for m in messages(words):
                    sel = m[0]
                    if sel.startswith(("pd-", "pd")) or sel.startswith("$"):
                        # to a canvas or to Pd, or to a receiver: `$1-query bang` asks the model
                        if sel.endswith("-query"):
                            assert m[1:] == ["bang"], m
                        continue
                    assert sel not in BRAVE_ONLY or _to_pd_object(name, canvas, words), (name, m)


def _to_pd_object(name: str, canvas: dict, words: list[str]) -> bool:
    """True when a message box feeds only Pd's own objects (e.g. `seed` into [random])."""
    idx = [i for i, (k, w) in enumerate(canvas["objects"]) if k == "msg" and w == words]
    targets = [canvas["objects"][b] for a, _, b, _ in canvas["connects"] if a in idx]
    own = {"random", "textfile", "tabread", "block~"}
    return bool(targets) and all(k == "obj" and w and w[0] in own for k, w in targets)


def test_nn_variant_messages_reach_nn_as_nn_messages():
    """The message boxes of the nn~ variants (what a user clicks) and those the shared panels send
    on to the model (`enable`) are nn~ messages or selectors the abstractions handle."""
    for what in ("forward", "latent", "latency"):
        for kind, words in parse(PATCH_DIR / f"{what}-nn.pd")[0]["objects"]:
            if kind == "msg":
                for m in messages(words):
                    assert m[0] in NN_MESSAGES | HANDLED, (what, m)
    for panel in ("bx-forward", "bx-latent"):
        sent = [m[0] for c in parse(PATCH_DIR / f"{panel}.pd") for k, w in c["objects"] if k == "msg"
                for m in messages(w)]
        assert "enable" in sent
        assert not set(sent) & BRAVE_ONLY, sent
