"""The nn~ exporter on acids-rave's own v2 family: the fast path on real (2-step) runs of
`--config v2_small --config causal` and `--config v2` against `rave export --streaming` of the
same checkpoints, and the wrapped path for a configuration the fast path does not cover."""

import json

import pytest
import torch

from brave_export.errors import UserError
from brave_export.export import export_nn
from brave_export.export.nn import stream

from .conftest import rave_export_streaming
from .test_export import assert_same_outputs, audio, run_stream

pytestmark = pytest.mark.slow
SR = 44100


@pytest.fixture(scope="module", autouse=True)
def one_thread():
    """One torch thread, as nn~ runs a model: on a loaded machine more threads make each of the
    thousands of small calls here slower, not faster."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


@pytest.fixture(scope="module", params=["v2_small_causal", "v2_run"])
def v2case(request, tmp_path_factory):
    run = request.getfixturevalue(request.param)
    out = tmp_path_factory.mktemp(request.param)
    messages = []
    result = export_nn(run.run_dir, output=out / "model.ts", log=messages.append)
    reference = torch.jit.load(str(rave_export_streaming(run.run_dir, out / "ref")))
    return request.param, run, result, torch.jit.load(str(result.path)), reference, messages


def test_fast_path_is_taken_and_said(v2case):
    name, run, result, model, reference, messages = v2case
    said = [m for m in messages if m.startswith("streaming path:")]
    assert len(said) == 1 and said[0].startswith("streaming path: fast (EncoderV2/GeneratorV2"), messages
    meta = json.loads(result.sidecar.read_text())
    assert meta["streaming"].startswith("fast") and meta["compression_ratio"] == (512 if "small" in name else 2048)
    assert meta["causal"] is ("causal" in name)
    assert model.get_ratio() == reference.encode_params[3] == result.ratio
    assert model.encode_params.tolist() == [1, 1, model.latent_size, result.ratio]
    if "causal" not in name:  # a non-causal model says what streaming it adds
        warning = next(m for m in messages if m.startswith("warning: this model is not causal"))
        assert f"{result.model_delay} samples" in warning


def test_same_output_as_rave_export_streaming(v2case):
    """encode and forward equal `rave export --streaming`'s within 1e-4, latent noise (and the
    unused dimensions' noise) seeded alike, after both have seen the same first second."""
    name, run, result, model, reference, messages = v2case
    block = result.ratio
    x = audio(5.0, seed=1)[..., : 5 * SR // block * block]
    assert_same_outputs(reference, model, x, block, warm=SR // block * block)


def test_chunk_invariant_reset_and_nan_safe(v2case):
    """Latent noise off; the noise generator's draws seeded alike (drawn frame by frame, so the
    same sequence whatever the buffer)."""
    name, run, result, model, reference, messages = v2case
    x = audio(3.0)[..., : 3 * SR // 4096 * 4096]
    model.set_latent_noise(False)
    try:
        outs = []
        for block in (result.ratio, 4096, result.ratio):
            model.reset()
            torch.manual_seed(0)
            outs.append(run_stream(model, x, block))
        small, large, again = outs
        assert float((small - large).abs().max()) < 1e-5 and float(small.abs().max()) > 1e-5
        assert torch.equal(again, small)
        bad = torch.full((1, 1, result.ratio), float("nan"))
        bad[..., ::3] = float("inf")
        with torch.inference_mode():
            model(bad)
            assert torch.isfinite(model(x[..., : result.ratio])).all()
            assert torch.isfinite(model.decode(torch.full((1, model.latent_size, 1), float("nan")))).all()
    finally:
        model.set_latent_noise(True)
        model.reset()


def test_stated_decoder_delay_is_the_streaming_shift(v2_run):
    """The decoder part of the stated delay: the streamed v2 decoder equals the offline one
    shifted by exactly `stream_delay` samples (and by no neighbouring shift)."""
    import cached_conv as cc

    from brave_export.checkpoints import load_model
    from brave_export.export.convert import stream_delay

    offline = load_model(v2_run.run)
    cc.use_cached_conv(True)
    try:
        streamed = load_model(v2_run.run)
    finally:
        cc.use_cached_conv(False)
    d = stream_delay(streamed.decoder)
    assert d == int(d) and d > 0
    d = int(d)
    z = torch.randn(1, offline.latent_size, 48, generator=torch.Generator().manual_seed(0))
    with torch.no_grad():
        a, b = offline.decoder(z), streamed.decoder(z)
    edge = 1500

    def err(shift):
        return float((b[..., shift + edge:] - a[..., edge: a.shape[-1] - shift]).abs().max())

    assert err(d) < 1e-6 * float(a.abs().max()) + 1e-7
    assert err(d - 1) > 1e-3 * float(a.abs().max()) and err(d + 1) > 1e-3 * float(a.abs().max())


def test_fp16_export_of_a_v2_run(v2_small_causal, tmp_path):
    from brave_export.export.weights import half_precision_unavailable

    if half_precision_unavailable() is not None:
        pytest.skip(half_precision_unavailable())
    result = export_nn(v2_small_causal.run_dir, output=tmp_path / "h.ts", weights="fp16", log=lambda m: None)
    assert result.fp16_error_db <= -60 and result.streaming.startswith("fast")
    assert torch.jit.load(str(result.path)).get_weights() == "fp16"


# --- the wrapped path ----------------------------------------------------------------------

def _untrained_run(folder, configs):
    """A run of acids-rave's `configs` with fresh weights (as the v1 test writes one)."""
    import gin

    from brave_export.acidsruns import composed_gin
    from brave_export.ginconf import build_model

    folder.mkdir(parents=True)
    (folder / "composed.gin").write_text(composed_gin(configs))
    torch.manual_seed(0)
    model = build_model(folder / "composed.gin")
    run = folder / "run"
    (run / "version_0" / "checkpoints").mkdir(parents=True)
    (run / "config.gin").write_text(gin.operative_config_str() or gin.config_str())
    torch.save({"state_dict": model.state_dict(), "global_step": 0}, run / "version_0" / "checkpoints" / "last.ckpt")
    return run


def test_adain_model_exports_through_the_wrapped_path(tmp_path):
    """`--config v2_small --config causal --config adain`: AdaIN has no fast equivalent, so the
    export wraps acids-rave's own streaming modules, says so in one line, and answers what
    `rave export --streaming` answers (AdaIN's four attributes included), plus reset, the NaN
    guard and our info getters; fp16 weights are refused in one line."""
    run = _untrained_run(tmp_path / "adain", ("v2_small", "causal", "adain"))
    messages = []
    result = export_nn(run, output=tmp_path / "w.ts", log=messages.append, allow_unready=True)
    said = [m for m in messages if m.startswith("streaming path:")]
    assert len(said) == 1 and said[0].startswith("streaming path: wrapped") and "AdaIN" in said[0], messages
    meta = json.loads(result.sidecar.read_text())
    assert meta["streaming"].startswith("wrapped") and meta["causal"] is True and meta["compression_ratio"] == 512
    m = torch.jit.load(str(result.path))
    reference = torch.jit.load(str(rave_export_streaming(run, tmp_path / "ref")))
    assert m.get_ratio() == 512 and m.get_max_batch() == 1 and m.get_latency_samples() == result.model_delay
    assert m.get_attributes() == reference.get_attributes()
    assert m.get_learn_target() is False and m.set_learn_target(True) == 0 and m.get_learn_target() is True
    m.set_learn_target(False)
    for method in ("encode", "decode", "forward"):
        assert getattr(m, f"{method}_params").tolist() == getattr(reference, f"{method}_params").tolist()
    x = audio(3.0, seed=1)[..., : 3 * SR // 512 * 512]
    assert_same_outputs(reference, m, x, 512, warm=SR // 512 * 512)
    outs = []
    for _ in range(2):
        m.reset()
        torch.manual_seed(7)
        outs.append(run_stream(m, x[..., : 16 * 512], 512))
    assert torch.equal(outs[0], outs[1]) and float(outs[0].abs().max()) > 0
    with torch.inference_mode():
        bad = torch.full((1, 1, 512), float("nan"))
        m(bad)
        assert torch.isfinite(m(x[..., :512])).all()
    with pytest.raises(UserError, match="fast path"):
        export_nn(run, output=tmp_path / "w16.ts", weights="fp16", log=lambda msg: None, allow_unready=True)


def test_raw_output_decoder_equals_acids_rave_streaming_decode(tmp_path):
    """`--config v2_nopqmf --config causal` (fresh weights): its decoder writes audio itself.
    `rave export --streaming` fails on it (its wrapper runs the PQMF inverse on that audio), so
    our fast path's decode is checked against acids-rave's own streaming model's `decode`, call
    by call, the unused latent dimensions zero on both sides."""
    import copy

    import cached_conv as cc

    from brave_export.acidsruns import composed_gin
    from brave_export.export.nn import build_streaming_from_model, script
    from brave_export.export.weights import fold_weight_norm
    from brave_export.ginconf import build_model

    (tmp_path / "c.gin").write_text(composed_gin(("v2_nopqmf", "causal")))
    torch.manual_seed(0)
    cc.use_cached_conv(True)
    try:
        model = build_model(tmp_path / "c.gin")
    finally:
        cc.use_cached_conv(False)
    reference = copy.deepcopy(fold_weight_norm(model))  # (weight norm cannot be deep-copied)
    module, info = build_streaming_from_model(model)
    assert info["streaming"].startswith("fast") and info["causal"] and info["ratio"] == 2048
    ours = script(module)
    ours.set_latent_noise(False)
    z = torch.randn(1, ours.latent_size, 12, generator=torch.Generator().manual_seed(0))
    full = torch.cat([z, torch.zeros(1, reference.latent_size - ours.latent_size, 12)], 1)
    full = torch.nn.functional.conv1d(full, reference.latent_pca.T.unsqueeze(-1)) + reference.latent_mean[:, None]
    with torch.no_grad():
        torch.manual_seed(0)
        a = torch.cat([reference.decode(c) for c in full.split(1, -1)], -1)
        torch.manual_seed(0)
        b = torch.cat([ours.decode(c) for c in z.split(1, -1)], -1)
    assert a.shape == b.shape == (1, 1, 12 * 2048) and float(a.abs().max()) > 0
    assert float((a - b).abs().max()) < 1e-4 * float(a.abs().max())
