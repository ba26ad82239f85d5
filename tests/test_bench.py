"""`brave-export bench`: what it measures and reports (figures, not speed targets)."""

import json

import numpy as np
import pytest

from brave_export import bench
from brave_export.errors import UserError
from brave_export.probe import write_probe

from .conftest import assert_one_line_error, cli

pytestmark = pytest.mark.fast  # `make test-fast` runs these, less any marked slow (training run, Pd)


@pytest.fixture(scope="module")
def probe(tmp_path_factory):
    return write_probe(tmp_path_factory.mktemp("probe") / "probe.ts", ratio=256, delay=3)


def test_timing_figures_from_samples():
    seconds = np.r_[np.full(99, 1e-3), 5e-3]  # one slow call in a hundred
    t = bench.Timing.from_samples("forward", 441, seconds, 44100)
    assert t.calls == 100 and t.median_ms == pytest.approx(1.0)
    assert 1.0 < t.p99_ms < 5.0 and t.max_ms == pytest.approx(5.0)
    assert t.rtf == pytest.approx(0.1) and t.rtf_p99 == pytest.approx(t.p99_ms / 10)


def test_recommendation_is_the_smallest_buffer_with_headroom():
    def timing(buffer, median_rtf, p99_rtf):
        return bench.Timing("forward", buffer, 100, 0, 0, 0, 0, median_rtf, p99_rtf)

    report = bench.BenchReport("m.ts", 44100, 128, 1, {"forward": 10}, [
        timing(128, 0.8, 1.5), timing(256, 0.4, 1.2), timing(512, 0.3, 0.6), timing(2048, 0.1, 0.2)])
    assert report.recommended_buffer() == 512
    report.timings = report.timings[:2]
    assert report.recommended_buffer() is None
    assert "none of those measured" in bench.format_report(report)


def test_bench_measures_every_fitting_buffer_and_method(probe):
    report = bench.bench(probe, buffers=[128, 256, 512], methods=["forward", "encode", "decode"], calls=100,
                         progress=False)
    assert report.ratio == 256 and report.sample_rate == 44100 and report.threads == 1
    assert [(t.method, t.buffer) for t in report.timings] == [
        (m, b) for m in ("forward", "encode", "decode") for b in (256, 512)]
    assert report.skipped == ["buffer 128 is not a multiple of the ratio 256"]
    for t in report.timings:
        assert t.calls == 100 and 0 < t.median_ms <= t.p99_ms <= t.max_ms
        assert t.rtf == pytest.approx(t.median_ms / (1e3 * t.buffer / 44100))
    assert all(n > 0 for n in report.nodes.values())
    assert report.recommended_buffer() in (256, 512)


def test_node_count_inlines_submodule_calls():
    import torch

    class Inner(torch.nn.Module):
        def forward(self, x):
            return torch.relu(x) * 2 - x

    class Once(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.inner = Inner()

        def forward(self, x):
            return self.inner(x)

    class Twice(Once):
        def forward(self, x):
            return self.inner(self.inner(x))

    once, twice = (bench.count_nodes(torch.jit.script(m()), "forward") for m in (Once, Twice))
    # Each inlined call adds the inner graph's three operations (relu, mul, sub), not one call node.
    assert twice - once >= 3 and once >= 3


def test_arithmetic_counts_each_product_once():
    """A call's multiply-adds and weight bytes from the recorded shapes, whichever way a product is
    written: linear (which runs addmm inside: counted once), addmm, mm; elementwise work is not."""
    import torch
    import torch.nn.functional as F

    from brave_export.modelfacts import Method

    class Products(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.a = torch.randn(32, 4)  # linear's (out, in)
            self.b = torch.randn(32, 8)  # addmm's and mm's (in, out)
            self.c = torch.randn(8, 2)
            self.bias = torch.zeros(8)

        def forward(self, x):
            rows = x.reshape(-1, 4)  # (1, 1, 128) -> 32 rows of 4
            h = torch.relu(F.linear(rows, self.a))  # 32 x 4 -> 32: 4096 multiply-adds
            h = torch.addmm(self.bias, h, self.b)  # 32 x 32 -> 8: 8192
            return torch.mm(h * 2, self.c).reshape(1, 1, -1)  # 32 x 8 -> 2: 512

    module = torch.jit.script(Products())
    a = bench.arithmetic_per_call(module, Method("forward", 1, 1, 1, 2), 128)
    assert (a.products, a.macs) == (3, 32 * 4 * 32 + 32 * 32 * 8 + 32 * 8 * 2)
    assert a.weight_bytes == 4 * (4 * 32 + 32 * 8 + 8 * 2)


def test_cli_json_and_errors(probe, tmp_path):
    result = cli("bench", probe, "--buffers", "256", "--calls", "100", "--json", "--quiet")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["timings"][0]["buffer"] == 256 and data["recommended_buffer"] in (256, None)
    assert_one_line_error(cli("bench", probe, "--buffers", "100"), "multiple of the model's ratio 256")
    assert_one_line_error(cli("bench", probe, "--buffers", "abc"), "--buffers")
    assert_one_line_error(cli("bench", probe, "--methods", "prior"), "'prior'", "forward, encode, decode")
    assert_one_line_error(cli("bench", tmp_path / "none.ts"), "does not exist")
    with pytest.raises(UserError, match="at least 100"):
        bench.bench(probe, calls=10)


def test_recommendation_per_weight_format_and_the_file_to_play():
    def report(path, weights, rtfs):
        r = bench.BenchReport(path, 44100, 128, 1, {"forward": 10}, weights=weights)
        r.timings = [bench.Timing("forward", b, 100, 0, 0, 0, 0, m, p) for b, (m, p) in rtfs.items()]
        return r

    fp32 = report("a.ts", "fp32", {128: (0.9, 1.6), 256: (0.45, 0.8), 512: (0.3, 0.5)})
    fp16 = report("b.ts", "fp16", {128: (0.42, 0.75), 256: (0.3, 0.5), 512: (0.2, 0.3)})
    assert bench.recommended_by_format([fp32, fp16]) == {"fp32": 256, "fp16": 128}
    assert bench.file_to_play([fp32, fp16]) is fp16
    text = bench.format_comparison([fp32, fp16])
    assert "fp32 256 (5.8 ms), fp16 128 (2.9 ms)" in text and "play b.ts (fp16 weights) at buffer 128" in text
    # a tie goes to fp32, which runs everywhere nn~ runs; none keeping up: nothing to play
    fp16.timings[0] = bench.Timing("forward", 128, 100, 0, 0, 0, 0, 0.9, 1.6)
    fp32.timings[1] = bench.Timing("forward", 256, 100, 0, 0, 0, 0, 0.2, 0.3)
    assert bench.file_to_play([fp16, fp32]) is fp32
    for r in (fp32, fp16):
        r.timings = r.timings[:1]
    assert bench.file_to_play([fp32, fp16]) is None
    assert "fp32 none of those measured" in bench.format_comparison([fp32, fp16])


def test_several_files_are_timed_side_by_side(probe, tmp_path):
    other = write_probe(tmp_path / "other.ts", ratio=128)
    reports = bench.bench_many([probe, other], buffers=[128, 256], calls=100, progress=False)
    assert [r.path for r in reports] == [str(probe), str(other)]
    assert [t.buffer for t in reports[0].timings] == [256] and [t.buffer for t in reports[1].timings] == [128, 256]
    result = cli("bench", probe, other, "--buffers", "256", "--calls", "100", "--quiet")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("model ") == 2 and "recommended buffer per weight format on this machine: fp32" in result.stdout
    data = json.loads(cli("bench", probe, other, "--buffers", "256", "--calls", "100", "--quiet", "--json").stdout)
    assert len(data["reports"]) == 2 and set(data["recommended_by_format"]) == {"fp32"}
