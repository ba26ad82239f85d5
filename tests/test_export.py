"""The nn~ exporter on real smoke-trained checkpoints (BRAVE and the 2048-ratio config)."""

import json
import subprocess
import sys

import h5py
import numpy as np
import pytest
import torch

from brave_export.audio import phrase
from brave_export.export import allowed_buffers, export_nn
from brave_export.export.nn import stream
from brave_export.export.sidecar import read_sidecar
from brave_export.modelfacts import inspect_model
from brave_export.export.plugin import export_plugin, plugin_state_dict
from brave_export.checkpoints import load_model

from .conftest import damaged_copies, rave_export_streaming, run_cli

pytestmark = pytest.mark.slow
SR = 44100


def audio(seconds: float, seed: int = 0) -> torch.Tensor:
    """Plucks and drums at a realistic level, shape (1, 1, n)."""
    return torch.from_numpy(phrase(seconds, seed=seed)).float()[None, None]


@pytest.fixture(scope="module", params=["brave", "c2048"])
def case(request, smoke, smoke_2048, tmp_path_factory):
    run = smoke if request.param == "brave" else smoke_2048
    out = tmp_path_factory.mktemp(request.param)
    result = export_nn(run.run_dir, output=out / "model.ts", log=lambda m: None)  # both runs end validated
    model = torch.jit.load(str(result.path))
    return request.param, run, result, model


def run_stream(model, x, block, method="forward"):
    with torch.inference_mode():
        return stream(getattr(model, method), x, block)


def test_sidecar_and_object_text(case):
    name, run, result, model = case
    meta = json.loads(result.sidecar.read_text())
    assert meta["compression_ratio"] == result.ratio == (128 if name == "brave" else 2048)
    assert meta["buffer"] == result.ratio
    assert meta["sample_rate"] == SR
    assert meta["nn_object"] == "nn~ model.ts forward 0"
    assert meta["latency_samples"] == result.model_delay > 0
    assert model.get_sample_rate() == SR
    assert model.get_ratio() == result.ratio
    assert model.get_buffer_size() == result.buffer
    assert model.get_latency_samples() == result.model_delay
    assert read_sidecar(result.path) == result  # one record: what the exporter wrote, read back whole


def test_protocol_every_method_at_small_and_large_buffers(case):
    name, run, result, model = case
    r = result.ratio
    assert set(model.get_methods()) == {"forward", "encode", "decode"}
    assert model.get_attributes()[0] == "none"
    latent = int(model.encode_params[2])
    assert model.encode_params.tolist() == [1, 1, latent, r]
    assert model.decode_params.tolist() == [latent, r, 1, 1]
    assert model.forward_params.tolist() == [1, 1, 1, 1]
    assert len(model.encode_output_labels) == latent
    with torch.inference_mode():
        for buffer in sorted({r, 2 * r, 2048}):
            model.reset()
            assert model.forward(torch.zeros(1, 1, buffer)).shape == (1, 1, buffer)
            assert model.encode(torch.zeros(1, 1, buffer)).shape == (1, latent, buffer // r)
            y = model.decode(torch.zeros(1, latent, buffer // r))
            assert y.shape == (1, 1, buffer) and y.dtype == torch.float32
    assert not inspect_model(result.path).problems


def test_streaming_self_consistency_and_reset(case):
    name, run, result, model = case
    x = audio(10.0)[..., : 10 * SR // 4096 * 4096]
    model.set_latent_noise(False)
    try:
        model.reset()
        small = run_stream(model, x, result.ratio)
        model.reset()
        large = run_stream(model, x, 4096)
        assert small.shape == large.shape == x.shape
        assert float((small - large).abs().max()) < 1e-5
        assert float(small.abs().max()) > 1e-4  # the model makes sound
        model.reset()
        again = run_stream(model, x[..., :8192], result.ratio)
        assert torch.equal(again, small[..., :8192])
    finally:
        model.set_latent_noise(True)
        model.reset()


def test_reset_restores_the_first_output_with_noise_seeded(case):
    name, run, result, model = case
    x = audio(1.0, seed=4)[..., : 16 * result.ratio]
    outs = []
    for _ in range(2):
        model.reset()
        torch.manual_seed(7)
        outs.append(run_stream(model, x, result.ratio))
    model.reset()
    assert torch.equal(outs[0], outs[1])


def test_nan_and_inf_input_do_not_poison_the_state(case):
    name, run, result, model = case
    b = result.ratio
    x = audio(1.0, seed=2)
    with torch.inference_mode():
        model.reset()
        for c in x[..., : 8 * b].split(b, -1):
            model(c)
        bad = torch.full((1, 1, b), float("nan"))
        bad[..., ::3] = float("inf")
        model(bad)
        y = model(x[..., 8 * b: 9 * b])
        assert torch.isfinite(y).all()
        z = model.encode(bad)
        assert torch.isfinite(z).all()
        assert torch.isfinite(model.decode(torch.full_like(z, float("nan")))).all()
    model.reset()


@pytest.fixture(scope="module")
def reference(case, tmp_path_factory):
    name, run, result, model = case
    return torch.jit.load(str(rave_export_streaming(run.run_dir, tmp_path_factory.mktemp("ref-" + name))))


def assert_same_outputs(reference, model, x, block, warm):
    """Seeded call by call, the outputs after `warm` samples agree within 1e-4."""
    for method in ("encode", "forward"):
        outs = []
        for m in (reference, model):
            chunks = []
            with torch.inference_mode():
                for i, c in enumerate(x.split(block, -1)):
                    torch.manual_seed(i)
                    chunks.append(getattr(m, method)(c))
            outs.append(torch.cat(chunks, -1))
        model.reset()
        skip = warm if method == "forward" else warm // block
        ref, ours = outs[0][..., skip:], outs[1][..., skip:]
        assert ref.shape == ours.shape
        assert float(ref.abs().max()) > 1e-3
        assert float((ref - ours).abs().max()) < 1e-4, method


def test_same_output_as_rave_export_streaming(case, reference):
    """Same encode and forward as `rave export --streaming`, latent noise seeded identically.

    `rave export` runs its model once on zeros and noise before saving, so its caches start
    from that state and ours from zeros: both are fed the same first second (longer than
    the receptive field) before outputs are compared, on the following 9 seconds.
    """
    name, run, result, model = case
    block = result.ratio
    x = audio(10.0, seed=1)[..., : 10 * SR // block * block]
    assert_same_outputs(reference, model, x, block, warm=SR // block * block)


def test_file_smaller_than_the_reference(case, reference, tmp_path):
    """BRAVE: at most half the reference (its 64-entry caches outweigh its 4.2 M weights).

    The 2048-ratio model is 17.6 M float32 weights (70 MB) against 11 MB of reference caches,
    so there the weights bound the size: it must only be smaller than the reference.
    """
    name, run, result, model = case
    ref_path = next(p for p in tmp_path.parent.parent.rglob("*.ts") if "ref-" + name in str(p))
    limit = ref_path.stat().st_size / (2 if name == "brave" else 1)
    assert result.path.stat().st_size <= limit


def test_loads_in_a_fresh_interpreter_with_the_same_output(case, tmp_path):
    name, run, result, model = case
    x = audio(0.5, seed=3)[..., : 4 * result.ratio]
    model.reset()
    model.set_latent_noise(False)
    try:
        expected = run_stream(model, x, result.ratio)
    finally:
        model.set_latent_noise(True)
        model.reset()
    torch.save(x, tmp_path / "x.pt")
    # the same intra-op thread count on both sides: a sum split over other threads rounds otherwise
    code = f"""
import torch
assert torch.__version__.startswith("2.5.1"), torch.__version__
torch.set_num_threads({torch.get_num_threads()})
m = torch.jit.load({str(result.path)!r})
m.set_latent_noise(False)
x = torch.load({str(tmp_path / 'x.pt')!r})
with torch.inference_mode():
    y = torch.cat([m(c) for c in x.split({result.ratio}, -1)], -1)
torch.save(y, {str(tmp_path / 'y.pt')!r})
"""
    subprocess.run([sys.executable, "-c", code], check=True, timeout=300)
    assert torch.equal(torch.load(tmp_path / "y.pt"), expected)


def test_batched_calls_equal_each_entry_alone(smoke, tmp_path):
    """--max-batch 4: entries fed different audio in one call equal each entry run alone
    (state per entry kept apart), reset clears every entry, and the batch limit holds."""
    one = export_nn(smoke.run_dir, output=tmp_path / "b1.ts", log=lambda m: None)
    four = export_nn(smoke.run_dir, output=tmp_path / "b4.ts", max_batch=4, log=lambda m: None)
    m1, m4 = torch.jit.load(str(one.path)), torch.jit.load(str(four.path))
    assert m4.get_max_batch() == 4
    x = torch.cat([audio(1.0, seed=s)[..., : 32 * 128] for s in range(4)])  # (4, 1, n)
    for m in (m1, m4):
        m.set_latent_noise(False)
    with torch.inference_mode():
        batched = run_stream(m4, x, 128)
        m4.reset()
        again = run_stream(m4, x, 128)
        alone = []
        for b in range(4):
            m1.reset()
            alone.append(run_stream(m1, x[b:b + 1], 128))
        with pytest.raises(Exception, match="max batch"):
            m1(x[:2, :, :128])
    assert torch.equal(batched, again)
    for b in range(4):
        assert float((alone[b] - batched[b:b + 1]).abs().max()) < 1e-5
    assert float((alone[0] - alone[1]).abs().max()) > 1e-4


def test_fp16_export_of_a_trained_run(smoke, brave_ts, tmp_path):
    """--weights fp16: the error against fp32 is measured, printed and within -60 dB, the sidecar
    and the model say what the file is and where it runs. Its default name does not collide with
    the fp32 export's beside it, and it stores its weights in half precision (about half the file)."""
    import shutil

    from brave_export.export.weights import half_precision_unavailable

    if half_precision_unavailable() is not None:
        pytest.skip(half_precision_unavailable())
    run = tmp_path / "mine"
    shutil.copytree(smoke.run_dir, run)
    shutil.copy(brave_ts.path, run / "mine_b128.ts")  # the fp32 export at its default name
    shutil.copy(brave_ts.sidecar, run / "mine_b128.json")
    r = run_cli("nn", run, "--weights", "fp16")
    assert r.returncode == 0, r.stderr
    fp16 = run / "mine_b128_fp16.ts"
    assert r.stdout.splitlines()[0] == str(fp16)
    assert fp16.stat().st_size < 0.6 * brave_ts.path.stat().st_size, (fp16.stat().st_size, brave_ts.path.stat())
    line = next(l for l in r.stderr.splitlines() if l.startswith("fp16 weights:"))
    db = float(line.split("by ")[1].split(" dB")[0])
    assert db <= -60
    meta = json.loads((run / "mine_b128_fp16.json").read_text())
    assert meta["weights"] == "fp16" and "x86-64" in meta["platforms"]
    assert meta["torch_version"] == torch.__version__ and abs(meta["fp16_error_db"] - db) <= 0.05  # printed to 0.1 dB
    m = torch.jit.load(str(fp16))
    assert m.get_weights() == "fp16"
    with torch.inference_mode():
        y = m(audio(0.1)[..., :128])
    assert y.shape == (1, 1, 128) and bool(torch.isfinite(y).all())


def test_inspect_names_a_damaged_fp16_file_in_one_line(brave_fp16_ts, tmp_path):
    """A cut or mangled fp16 file: `inspect` says what is wrong in one line and exits 2."""
    for bad in damaged_copies(brave_fp16_ts.path, tmp_path):
        r = run_cli("inspect", bad)
        assert r.returncode == 2, (bad.name, r.stdout, r.stderr)
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("brave-export: error: ") and bad.name in lines[0], r.stderr
        assert "Traceback" not in r.stderr


def test_buffer_option_checks_and_records_the_buffer(smoke, tmp_path):
    result = export_nn(smoke.run_dir, output=tmp_path / "b512.ts", buffer=512, log=lambda m: None)
    meta = json.loads(result.sidecar.read_text())
    assert meta["buffer"] == 512 and meta["nn_object"] == "nn~ b512.ts forward 512"
    assert torch.jit.load(str(result.path)).get_buffer_size() == 512
    assert allowed_buffers(128)[:3] == [128, 256, 512]
    assert allowed_buffers(2048)[:2] == [2048, 4096]


def test_plugin_file_equals_filtered_state_dict(smoke, tmp_path):
    out = export_plugin(smoke.run_dir, tmp_path / "brave.h5", log=lambda m: None)
    expected = plugin_state_dict(load_model(smoke.run))
    assert expected and not any(k.startswith(("discriminator", "audio", "multiband")) for k in expected)
    assert not any(k.endswith(("pad", "cache", "weight_g", "weight_v")) for k in expected)
    with h5py.File(out, "r") as f:
        assert set(f.keys()) == set(expected)
        for k, v in expected.items():
            assert f[k].dtype == np.float32 and f[k].shape == v.shape
            np.testing.assert_array_equal(f[k][()], v)


@pytest.mark.parametrize("warmed_up", [False, True], ids=["phase1", "noise-generator-on"])
def test_non_causal_rave_v1_exports_with_a_delay_warning(tmp_path, warmed_up):
    """An (untrained) RAVE v1 run: non-causal, so the export warns with its delay.

    Past its warm-up a v1 decoder adds its noise generator's output: exported too, and the
    same as the reference's with the random draws seeded alike.
    """
    import gin

    from brave_export.configtable import config_path
    from brave_export.ginconf import build_model

    model = build_model(config_path("rave_v1"))
    model.decoder.warmed_up.fill_(int(warmed_up))
    run = tmp_path / "v1run"
    (run / "version_0" / "checkpoints").mkdir(parents=True)
    (run / "config.gin").write_text(gin.operative_config_str() or gin.config_str())
    torch.save({"state_dict": model.state_dict(), "global_step": 0}, run / "version_0" / "checkpoints" / "last.ckpt")
    messages = []
    # Untrained: its latent PCA was never fitted, which the export refuses unless told.
    result = export_nn(run, output=tmp_path / "v1.ts", log=messages.append, allow_unready=True)
    assert not result.causal and result.ratio == 2048
    warning = next(m for m in messages if m.startswith("warning") and "samples" in m)  # the delay one, not the unready one
    assert f"{result.model_delay} samples" in warning and "ms" in warning
    m = torch.jit.load(str(result.path))
    x = audio(1.0)[..., :8192]
    m.set_latent_noise(False)
    if not warmed_up:  # the noise generator draws fresh noise per frame: no two runs agree
        with torch.inference_mode():
            a = stream(m.forward, x, 2048)
            m.reset()
            b = stream(m.forward, x, 4096)
        assert float((a - b).abs().max()) < 1e-5
    m.set_latent_noise(True)
    m.reset()
    reference = torch.jit.load(str(rave_export_streaming(run, tmp_path / "ref")))
    x = audio(4.0, seed=5)[..., : 4 * 22 * 2048]
    assert_same_outputs(reference, m, x, 2048, warm=2 * 22 * 2048)


def test_one_command_exports_for_nn_and_the_plugin_and_inspect_passes(smoke, tmp_path):
    from .conftest import run_cli

    result = run_cli("nn", smoke.run_dir, "--output", tmp_path / "m.ts", "--plugin", tmp_path / "m.h5")
    assert result.returncode == 0, result.stderr
    assert "nn~ m.ts forward 0" in result.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.h5", "m.json", "m.ts"]
    with h5py.File(tmp_path / "m.h5", "r") as f:
        assert len(f.keys()) > 10
    inspected = run_cli("inspect", tmp_path / "m.ts")
    assert inspected.returncode == 0 and "protocol:        ok" in inspected.stdout, inspected.stderr
