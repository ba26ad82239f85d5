"""Fast tier: each streaming layer against cached_conv / acids-rave's own streaming module.

Random weights, no training, no Pd. Both sides stream the same signal in chunks of several
sizes (the reference in its own streaming mode, fed the same chunks); the outputs must agree,
batch entries must stay apart, and `reset()` must give back the first output.
"""

from __future__ import annotations

import contextlib
import functools
from unittest import mock

import pytest
import torch

from brave_export.export import convert as C
from brave_export.export import layers as L

pytestmark = pytest.mark.fast
TOL = 1e-4


@contextlib.contextmanager
def streaming(padding_mode: str = "centered"):
    """cached_conv in streaming mode, with `get_padding` defaulting to `padding_mode`."""
    import cached_conv as cc

    padding = functools.partial(cc.convs.get_padding, mode=padding_mode)
    cc.use_cached_conv(True)
    try:
        with mock.patch.object(cc, "get_padding", padding):
            yield cc
    finally:
        cc.use_cached_conv(False)


def without_weight_norm(module):
    for m in module.modules():
        if hasattr(m, "weight_g"):
            torch.nn.utils.remove_weight_norm(m)
    return module.eval()


def randomize(module, seed: int):
    gen = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for p in module.parameters():
            p.copy_(torch.randn(p.shape, generator=gen) * (0.5 / max(1, p[0].numel()) ** 0.5) + 0.01 * (p.ndim == 1))
    return module


def chunked(fn, x: torch.Tensor, sizes: list[int]) -> torch.Tensor:
    """fn over consecutive chunks of x (last axis) of the given sizes, cycled."""
    out, i, k = [], 0, 0
    while i < x.shape[-1]:
        n = min(sizes[k % len(sizes)], x.shape[-1] - i)
        out.append(fn(x[..., i:i + n]))
        i, k = i + n, k + 1
    return torch.cat(out, -1)


def ours(layer):
    """Our layer as a (batch, channels, time) -> (batch, channels, time) function: one entry
    as a 2-D (time, channels) call, several as one (batch, time, channels) call."""
    def call(x):
        if x.shape[0] == 1:
            return layer(x[0].T.contiguous()).T[None]
        return layer(x.transpose(1, 2).contiguous()).transpose(1, 2)
    return call


def signal(batch: int, channels: int, steps: int, seed: int = 0) -> torch.Tensor:
    return torch.randn(batch, channels, steps, generator=torch.Generator().manual_seed(seed))


def assert_streams_alike(reference, layer, x, sizes_ref, sizes_ours):
    with torch.no_grad():
        expected = chunked(reference, x, sizes_ref)
        got = chunked(ours(layer), x, sizes_ours)
    assert got.shape == expected.shape
    err = float((got - expected).abs().max())
    assert err < TOL * max(1.0, float(expected.abs().max())), err
    return got


def assert_reset_restores(layer, x, sizes):
    with torch.no_grad():
        layer.reset()
        first = chunked(ours(layer), x, sizes)
        chunked(ours(layer), x, sizes[::-1])  # leave the state elsewhere
        layer.reset()
        again = chunked(ours(layer), x, sizes)
    assert torch.equal(first, again)


CONV_GRID = [  # in, out, kernel, stride, dilation, groups, padding mode
    (4, 6, 1, 1, 1, 1, "causal"),
    (4, 6, 3, 1, 1, 1, "causal"),
    (4, 6, 3, 1, 5, 1, "causal"),
    (6, 4, 7, 1, 1, 1, "centered"),
    (6, 4, 3, 1, 9, 1, "centered"),
    (4, 8, 5, 2, 1, 1, "causal"),
    (4, 8, 5, 2, 1, 1, "centered"),
    (4, 8, 4, 4, 1, 1, "centered"),
    (1, 16, 33, 16, 1, 1, "centered"),
    (8, 8, 3, 1, 1, 2, "causal"),
    (8, 4, 5, 1, 2, 4, "centered"),
    (6, 4, 11, 1, 1, 1, "causal"),  # long kernel: the unfold path
]


@pytest.mark.parametrize("cin,cout,k,stride,dilation,groups,mode", CONV_GRID)
def test_conv_streams_like_cached_conv(cin, cout, k, stride, dilation, groups, mode):
    with streaming(mode) as cc:
        ref = cc.Conv1d(cin, cout, k, stride=stride, dilation=dilation, groups=groups,
                        padding=cc.get_padding(k, stride, dilation))
    randomize(ref, seed=k + 10 * stride + 100 * dilation).eval()
    layer = C.convert(ref, max_batch=2)
    assert isinstance(layer, L.Conv)
    x = signal(2, cin, 48 * stride)
    unit = stride
    assert_streams_alike(ref, layer, x, [4 * unit], [unit, 3 * unit, 8 * unit, 2 * unit])
    assert_reset_restores(layer, x, [unit, 5 * unit])


@pytest.mark.parametrize("cin,cout,ratio", [(4, 3, 2), (6, 4, 4), (8, 2, 8)])
def test_transposed_conv_streams_like_cached_conv(cin, cout, ratio):
    with streaming("causal") as cc:
        ref = cc.ConvTranspose1d(cin, cout, 2 * ratio, stride=ratio, padding=ratio // 2)
    randomize(ref, seed=ratio).eval()
    layer = C.convert(ref, max_batch=2)
    assert isinstance(layer, L.ConvTranspose)
    x = signal(2, cin, 40)
    assert_streams_alike(ref, layer, x, [4], [1, 3, 8, 2])
    assert_reset_restores(layer, x, [1, 5])


@pytest.mark.parametrize("length", [1, 3, 17])
def test_delay_streams_like_cached_padding(length):
    import cached_conv as cc

    ref = cc.CachedPadding1d(length, crop=True)
    layer = L.Delay(5, length, max_batch=2)
    x = signal(2, 5, 60)
    assert_streams_alike(ref, layer, x, [6], [1, 4, 7, 2])
    assert_reset_restores(layer, x, [2, 3])


@pytest.mark.parametrize("mode", ["causal", "centered"])
def test_residual_stack_streams_like_acids_rave(mode):
    import rave.blocks as rb

    with streaming(mode):
        ref = rb.ResidualStack(8, kernel_sizes=[3], dilations_list=[[1, 1], [3, 1], [5, 1]])
    randomize(without_weight_norm(ref), seed=3)
    layer = C.convert(ref, max_batch=2)
    x = signal(2, 8, 64)
    assert_streams_alike(ref, layer, x, [8], [1, 5, 16, 2])
    assert_reset_restores(layer, x, [3, 4])


def test_upsample_layer_with_activation_folded():
    import rave.blocks as rb

    with streaming("causal"):
        ref = rb.UpsampleLayer(6, 4, 2)
    randomize(without_weight_norm(ref), seed=5)
    layer = C.convert(ref, max_batch=1)
    assert any(isinstance(m, L.ConvTranspose) and m.use_act for m in layer.modules())
    x = signal(1, 6, 32)
    assert_streams_alike(ref, layer, x, [4], [2, 6, 1])


@pytest.mark.parametrize("n_band", [4, 16])
def test_pqmf_banks_stream_like_cached_pqmf(n_band):
    from rave.pqmf import CachedPQMF

    with streaming("causal"):
        pqmf = CachedPQMF(attenuation=40, n_band=n_band).eval()
    analysis, synthesis = C.Analysis(pqmf, max_batch=2), C.Synthesis(pqmf, max_batch=2)
    unit = 2 * n_band  # the band sign flips restart with every call, on an even step
    x = signal(2, 1, 24 * unit)
    bands = assert_streams_alike(pqmf, analysis, x, [4 * unit], [unit, 3 * unit, 2 * unit])
    assert bands.shape == (2, n_band, 24 * unit // n_band)
    assert_reset_restores(analysis, x, [unit, 2 * unit])

    def inverse(b):
        return pqmf.inverse(b)

    def ours_inverse(b):
        return synthesis(b.transpose(1, 2).contiguous()).unsqueeze(1)

    z = signal(2, n_band, 24, seed=1)
    with torch.no_grad():
        expected = chunked(inverse, z, [4])
        got = chunked(ours_inverse, z, [2, 6])
    assert got.shape == expected.shape
    assert float((got - expected).abs().max()) < TOL


def test_noise_generator_streams_like_acids_rave():
    """Our noise head against acids-rave's streaming `NoiseGenerator`, call by call, seeded alike.

    (Untrained, a v1 decoder feeds its noise generator near-zero activations, so the end-to-end
    comparison above cannot tell a missing noise path; this one feeds both the same input.)
    """
    import cached_conv as cc
    from rave.blocks import NoiseGenerator

    from brave_export.export.convert import NoiseHead
    from brave_export.export.layers import Identity

    cc.use_cached_conv(True)
    try:
        torch.manual_seed(0)
        theirs = NoiseGenerator(64, 16, [4, 4, 4], 5).eval()
    finally:
        cc.use_cached_conv(False)
    ours = NoiseHead(theirs, 16, Identity(), max_batch=1)
    x = torch.randn(1, 64, 8 * 128) * 30  # loud enough to open the filters (amp = modsigmoid(h - 5))
    outs = []
    with torch.no_grad():
        for i, c in enumerate(x.split(128, -1)):
            torch.manual_seed(i)
            a = theirs(c)[0]  # (16, 128)
            torch.manual_seed(i)
            b = ours(c[0].T.contiguous()).T  # time-major in, time-major out
            outs.append((a, b))
    ref = torch.cat([a for a, _ in outs], -1)
    got = torch.cat([b for _, b in outs], -1)
    assert ref.shape == got.shape == (16, 8 * 128)
    assert float(ref.abs().max()) > 0.1
    assert float((ref - got).abs().max()) < 1e-5


def test_batched_call_equals_each_entry_alone():
    """Entries stacked into one call keep their own state: each equals running it alone."""
    with streaming("causal") as cc:
        ref = cc.Conv1d(4, 6, 3, dilation=3, padding=cc.get_padding(3, 1, 3))
    randomize(ref, seed=1)
    layer = C.convert(ref, max_batch=3)
    x = signal(3, 4, 40)
    with torch.no_grad():
        batched = chunked(ours(layer), x, [4, 8])
        for b in range(3):
            layer.reset()
            alone = chunked(ours(layer), x[b:b + 1], [4, 8])
            assert torch.equal(alone, batched[b:b + 1]) or float((alone - batched[b:b + 1]).abs().max()) < 1e-6


@pytest.fixture(scope="module")
def fresh_brave():
    """Our export of an untrained BRAVE built from configs/brave.gin (random weights), scripted,
    with room for 3 batch entries."""
    from brave_export.configtable import config_path
    from brave_export.export.nn import _streaming_build, build_streaming_from_model, script
    from brave_export.ginconf import build_model

    torch.manual_seed(0)
    with _streaming_build():
        model = build_model(config_path("brave"))
    module, info = build_streaming_from_model(model, max_batch=3)
    return script(module), info


def test_fresh_export_dispatches_at_most_250_ops_per_call_at_128(fresh_brave):
    from brave_export.bench import ops_per_call
    from brave_export.modelfacts import list_methods

    model, info = fresh_brave
    methods = {m.name: m for m in list_methods(model)[0]}
    ops = ops_per_call(model, methods["forward"], 128)
    assert 100 < ops <= 250, ops


def test_fresh_export_batched_forward_equals_each_entry_alone(fresh_brave):
    model, info = fresh_brave
    x = torch.randn(3, 1, 128 * 24, generator=torch.Generator().manual_seed(2)) * 0.3
    model.set_latent_noise(False)
    try:
        with torch.inference_mode():
            model.reset()
            batched = torch.cat([model(c) for c in x.split(256, -1)], -1)
            model.reset()
            again = torch.cat([model(c) for c in x.split(256, -1)], -1)
            model.reset()
            z_batched = torch.cat([model.encode(c) for c in x.split(256, -1)], -1)
            alone, z_alone = [], []
            for b in range(3):
                model.reset()
                alone.append(torch.cat([model(c) for c in x[b:b + 1].split(128, -1)], -1))
                model.reset()
                z_alone.append(torch.cat([model.encode(c) for c in x[b:b + 1].split(128, -1)], -1))
            model.reset()
    finally:
        model.set_latent_noise(True)
    assert torch.equal(batched, again)  # reset clears every entry
    for b in range(3):
        assert float((alone[b] - batched[b:b + 1]).abs().max()) <= 1e-4 * float(alone[b].abs().max()) + 1e-9
        assert float((z_alone[b] - z_batched[b:b + 1]).abs().max()) <= 1e-4 * float(z_alone[b].abs().max())
    assert not torch.equal(z_alone[0], z_alone[1])  # the entries were fed different audio
