"""`brave-export patches MODEL.ts --max DIR --pd DIR`: per-model Max and Pd patches, sized to the
model's latent size, with the dry path delayed by the model's delay plus the host's buffering.
Probe models stand in for exports of different `--fidelity` (latent sizes 1, 4, 8, 16)."""

import json

import numpy as np
import pytest

from brave_export.patching import maxcheck, modelpatches
from brave_export.patching.maxpatches import ONSET, presentation_overlaps
from brave_export.pdrun import Patch, external_dir, run_pd
from brave_export.hosts import nn_chain_latency
from brave_export.presets import brave_latency, get_preset, nn_nominal_latency
from brave_export.probe import write_probe
from tests.conftest import assert_one_line_error, cli, own_delay
from tests.pd_util import build_external

pytestmark = pytest.mark.fast  # `make test-fast` runs these, less any marked slow (training run, Pd)

R, D, SIZES = 128, 37, (1, 4, 8, 16)
slow = pytest.mark.slow


@pytest.fixture(scope="module")
def probes(tmp_path_factory):
    d = tmp_path_factory.mktemp("latent_probes")
    return {k: write_probe(d / f"probe{k}.ts", ratio=R, delay=D, latent=k) for k in SIZES}


@pytest.fixture(scope="module")
def external():
    return build_external()


def _boxes(doc):
    return [b["box"] for b in doc["patcher"]["boxes"]]


@pytest.mark.parametrize("size", SIZES)
def test_max_patches_sized_to_the_model(probes, size, tmp_path):
    facts = modelpatches.patch_facts(probes[size])
    assert facts.latent_size == size and facts.ratio == R and facts.model_delay == D
    paths = modelpatches.write_max(facts, tmp_path)
    names = {p.name for p in paths}
    stem = f"probe{size}"
    assert names == {f"{stem}.forward.maxpat", f"{stem}.latent.maxpat", f"{stem}.latency.maxpat", f"{ONSET}.maxpat"}
    spec = modelpatches.max_spec(facts)
    onset = maxcheck.abstraction_spec(json.loads((tmp_path / f"{ONSET}.maxpat").read_text()))
    for p in paths:
        doc = json.loads(p.read_text())
        assert maxcheck.check(doc, {ONSET: onset}, spec.channels()) == [], p.name
        assert presentation_overlaps(doc) == [], p.name
    latent = json.loads((tmp_path / f"{stem}.latent.maxpat").read_text())
    mcs = [b["text"] for b in _boxes(latent) if b.get("text", "").startswith("mcs.nn~")]
    assert mcs == [f"mcs.nn~ {stem}.ts encode 1 0", f"mcs.nn~ {stem}.ts decode 1 0"]
    setvalues = sorted({b["text"] for b in _boxes(latent) if b.get("text", "").startswith("setvalue ")})
    assert setvalues == sorted(f"setvalue {k} $1" for k in range(1, size + 1))
    # the dry delay: the model's delay plus nn~'s nominal buffering at Max's signal vector 64
    forward = json.loads((tmp_path / f"{stem}.forward.maxpat").read_text())
    want = D + nn_nominal_latency(R, 64, threaded=False)
    assert [b["text"] for b in _boxes(forward) if b.get("text", "").startswith("delay~")] == [f"delay~ 262144 {want}"]
    assert f"loadmess {want}" in [b.get("text") for b in _boxes(forward)]
    # through encode and decode: nn~'s latent chain (tests/test_chains.py), not twice its buffering
    chain = D + nn_chain_latency(nn_nominal_latency(R, 64, threaded=False), R)
    assert chain == D + 2 * nn_nominal_latency(R, 64, threaded=False) - (R - 64)
    assert [b["text"] for b in _boxes(latent) if b.get("text", "").startswith("delay~")] == [f"delay~ 262144 {chain}"]


def test_sidecar_gives_the_object_text_and_must_match(probes, tmp_path):
    model = tmp_path / "m.ts"
    model.write_bytes(probes[8].read_bytes())
    meta = {"model": "m.ts", "buffer": 512, "latent_size": 8, "nn_object": "nn~ m.ts forward 512"}
    model.with_suffix(".json").write_text(json.dumps(meta))
    facts = modelpatches.patch_facts(model)
    assert (facts.nn_buffer, facts.brave_buffer, facts.sidecar) == (512, 512, model.with_suffix(".json"))
    spec = modelpatches.max_spec(facts, signal_vector=128)
    assert spec.nn("forward") == "nn~ m.ts forward 512"
    assert spec.dry_delay == D + nn_nominal_latency(512, 128, threaded=True)
    assert modelpatches.pd_dry_delay(facts) == D + brave_latency(512, 64)
    meta["latent_size"] = 16
    model.with_suffix(".json").write_text(json.dumps(meta))
    with pytest.raises(Exception, match="latent size 16 but m.ts has 8"):
        modelpatches.patch_facts(model)


def test_command_line_writes_and_refuses(probes, tmp_path):
    r = cli("patches", str(probes[4]), "--max", str(tmp_path / "max"), "--pd", str(tmp_path / "pd"))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "max" / "probe4.latent.maxpat").is_file() and (tmp_path / "pd" / "probe4-latent.pd").is_file()
    assert (tmp_path / "pd" / "bx-mix~.pd").is_file()  # the shared abstractions come along
    assert "dry delay" in r.stdout
    again = cli("patches", str(probes[4]), "--max", str(tmp_path / "max"))
    assert_one_line_error(again, "already exists", "--force")
    assert_one_line_error(cli("patches", str(probes[4])), "--max DIR")
    big = cli("patches", str(probes[4]), "--max", str(tmp_path / "m2"), "--signal-vector", "512")
    assert_one_line_error(big, "disable itself", "512")
    assert not (tmp_path / "m2").exists() or not list((tmp_path / "m2").iterdir())
    assert_one_line_error(cli("patches", tmp_path / "none.ts", "--max", tmp_path / "m3"), "none.ts")
    assert_one_line_error(cli("patches", str(probes[4]), "--pd", tmp_path / "p3", "--pd-block", "100"),
                          "--pd-block 100")
    assert not (tmp_path / "m3").exists() and not (tmp_path / "p3").exists()


def test_preset_gives_the_nn_settings(probes, tmp_path):
    """--preset takes the buffer and Max signal vector of `brave-export preset NAME`: the patch's
    object and dry delay are the preset's Max object and latency, plus the model's delay."""
    preset = get_preset("safe-128")
    r = cli("patches", str(probes[4]), "--max", str(tmp_path), "--preset", "safe-128")
    assert r.returncode == 0, r.stderr
    forward = json.loads((tmp_path / "probe4.forward.maxpat").read_text())
    texts = [b.get("text", "") for b in _boxes(forward)]
    assert preset.max_object_text("probe4.ts", "forward", R) in texts
    assert f"loadmess {D + preset.max_latency_samples(R)}" in texts


def _run_wrapper(name, folder, work, seconds, messages=()):
    n = int(seconds * 44100)
    patch = Patch(duration_ms=1000.0 * n / 44100 + 50)
    inst = patch.obj(name, 10, 10)
    patch.send_at_load(inst, messages)
    patch.record(inst, "out", n)
    run = run_pd(patch, work, name="run.pd", paths=[external_dir(), folder], timeout=300)
    bad = [l for l in run.stderr.splitlines() if "couldn't create" in l or l.startswith("error")]
    assert not bad, bad
    return run.arrays["out"]


@slow
def test_pd_latent_patches_run_for_every_size(external, probes, tmp_path):
    """Each size's Pd latent patch builds its chain for the model's dimensions and plays: finite,
    non-silent output. The probe's encode puts the frame mean on every dimension and decode
    averages them, so every size plays what size 1 plays only if every dimension goes through."""
    outs = {}
    for size in SIZES:
        folder = tmp_path / f"pd{size}"
        modelpatches.write_pd(modelpatches.patch_facts(probes[size]), folder)
        out = _run_wrapper(f"probe{size}-latent", folder, tmp_path / f"run{size}", 1.5, ["wet 1"])
        assert np.isfinite(out).all() and np.abs(out[8192:]).max() > 1e-2, size
        outs[size] = out[8192:]
    for size in SIZES[1:]:
        np.testing.assert_allclose(outs[size], outs[1], atol=1e-5, err_msg=f"latent size {size}")


def _onsets(x, start=4096, thr=0.05):
    """Sample indices where |x| first crosses thr after at least 200 quiet samples."""
    loud = np.abs(x) >= thr
    idx = [i for i in range(start, len(x)) if loud[i] and not loud[i - 200:i].any()]
    return np.array(idx)


@slow
def test_pd_dry_path_lines_up_with_the_wet_onset(external, probes, tmp_path):
    """On the probe (forward = input delayed by 37 samples; brave~ adds 64 at block 64) the dry
    path of the generated forward patch is delayed by 101 samples: its onsets are the wet ones,
    within one block. Without the delay they come 101 samples early."""
    folder = tmp_path / "pd"
    facts = modelpatches.patch_facts(probes[1])
    modelpatches.write_pd(facts, folder)
    wet = _run_wrapper("probe1-forward", folder, tmp_path / "wet", 2.0, ["wet 1"])
    dry = _run_wrapper("probe1-forward", folder, tmp_path / "dry", 2.0, ["wet 0"])
    raw = _run_wrapper("probe1-forward", folder, tmp_path / "raw", 2.0, ["wet 0", "delay 0"])
    w, d, r = _onsets(wet), _onsets(dry), _onsets(raw)
    assert len(w) >= 4 and len(w) == len(d) == len(r)
    assert np.abs(d - w).max() <= 64, (d - w)
    assert np.all(w - r == D + brave_latency(R, 64)), (w - r)


@slow
def test_patches_for_the_brave_export(external, brave_ts, tmp_path):
    """The smoke-trained BRAVE export, in one command: its sidecar gives the object text and latent
    size, every Max patch passes maxcheck, and its Pd latent patch plays finite, non-silent sound."""
    r = cli("patches", brave_ts.path, "--max", tmp_path / "max", "--pd", tmp_path / "pd")
    assert r.returncode == 0, r.stderr
    assert f"(sidecar {brave_ts.path.with_suffix('.json').name})" in r.stdout
    sidecar = json.loads(brave_ts.path.with_suffix(".json").read_text())
    facts = modelpatches.patch_facts(brave_ts.path)
    assert facts.latent_size == sidecar["latent_size"] and facts.model_delay == own_delay(brave_ts)
    spec = modelpatches.max_spec(facts)
    assert spec.nn("forward") == sidecar["nn_object"]
    onset = maxcheck.abstraction_spec(json.loads((tmp_path / "max" / f"{ONSET}.maxpat").read_text()))
    for p in (tmp_path / "max").glob("*.maxpat"):
        assert maxcheck.check(json.loads(p.read_text()), {ONSET: onset}, spec.channels()) == [], p.name
    latent = json.loads((tmp_path / "max" / "brave.latent.maxpat").read_text())
    assert sum(1 for b in _boxes(latent) if b.get("text", "").startswith("setvalue ")) == 2 * facts.latent_size
    out = _run_wrapper("brave-latent", tmp_path / "pd", tmp_path / "run", 3.0, ["wet 1"])
    assert np.isfinite(out).all() and float(np.sqrt(np.mean(out.astype(np.float64) ** 2))) > 1e-3


@slow
@pytest.mark.parametrize("block", [64, 256])
def test_pd_latency_patch_measures_the_dry_delay(external, probes, block, tmp_path):
    """The generated Pd latency patch measures, on the probe, exactly the delay the formula gives
    (the model's delay + brave~'s buffering): at block 64 the players' dry delay, at the block
    given with --pd-block (256: brave~ adds nothing to a 128 buffer) that block's figure."""
    from brave_export.pdrun import Canvas, parse_latency_results

    folder = tmp_path / "pd"
    facts = modelpatches.patch_facts(probes[1])
    modelpatches.write_pd(facts, folder, block=block)
    c = Canvas()
    inst = c.obj("probe1-latency", 10, 10)
    go = c.msg("trials 3, quit 1, run", 10, 90)
    c.chain(c.obj("loadbang", 10, 60), go)
    c.connect(go, 0, inst, 0)
    run = run_pd(c, tmp_path / "run", name="latency.pd", paths=[external_dir(), folder], timeout=300)
    assert not [l for l in run.stderr.splitlines() if "couldn't create" in l or l.startswith("error")]
    summary = parse_latency_results((folder / "latency-results.txt").read_text())["summary"]
    assert summary["detected"] == 3
    assert summary["block"] == block
    assert summary["min"] == summary["max"] == modelpatches.pd_dry_delay(facts, block=block)
    assert modelpatches.pd_dry_delay(facts, block=block) == D + brave_latency(R, block)
