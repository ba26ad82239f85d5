"""The real-time harness's own arithmetic (no Pd): zero runs, lag, clock figures, stats fields,
the generated patch."""

import numpy as np
import pytest

from brave_export.errors import UserError
from brave_export.pdrun.realtime import (RealtimeResult, VoiceResult, build_patch, clock_figures, measure_lag,
                                         parse_host, parse_stats, table_row, zero_runs)

pytestmark = pytest.mark.fast


def test_zero_runs_counts_runs_of_32_or_more():
    x = np.ones(1000, np.float32)
    x[100:131] = 0  # 31: not a gap
    x[200:232] = 0  # 32
    x[900:] = 0  # to the end
    assert zero_runs(x).tolist() == [[200, 32], [900, 100]]
    assert zero_runs(np.ones(10)).shape == (0, 2)


def test_measure_lag_finds_an_exact_delay_and_ignores_silenced_buffers():
    rng = np.random.default_rng(0)
    inp = rng.standard_normal(20000).astype(np.float32)
    out = np.concatenate([np.zeros(229, np.float32), inp[:-229]])
    out[5000:5128] = 0  # a late buffer output as silence
    assert measure_lag(inp, out) == (229, 1.0)
    out[5128:5165] = inp[1000:1037]  # after it, a delay line that missed that buffer's input
    assert measure_lag(inp, out)[1] < 1.0
    assert measure_lag(inp, out, guard=37) == (229, 1.0)
    assert measure_lag(inp, np.zeros_like(inp)) == (None, None)
    out[7000] += 0.5
    lag, match = measure_lag(inp, out)
    assert lag == 229 and match < 1.0


def test_clock_figures():
    tick = 64 / 44.1
    logical = np.arange(100) * tick
    wall = logical.copy()
    wall[:50] -= 2.0  # Pd ran 2 ms ahead, then
    wall[60:] += 30.0  # a 30 ms stall it never caught up
    behind, final, stall = clock_figures(wall, logical)
    assert behind == pytest.approx(32.0) and final == pytest.approx(32.0)
    assert stall == pytest.approx(30.0 + tick)


def test_parse_stats_by_position_with_appended_fields():
    assert parse_stats("1378 0.137 1.161 3 0 0 2.5".split()) == {
        "calls": 1378, "mean_ms": 0.137, "max_ms": 1.161, "overruns": 3, "errors": 0, "nonfinite": 0,
        "behind_ms": 2.5, "stats_extra": []}
    more = parse_stats("10 1 2 0 0 0 0 4 0.9 1.8 12.5 7 8".split())
    assert (more["late"], more["median_ms"], more["p99_ms"], more["process_behind_ms"]) == (4, 0.9, 1.8, 12.5)
    assert more["stats_extra"] == ["7", "8"]


def test_parse_host():
    assert parse_host("jack") == {"host": "jack", "period": 64}
    assert parse_host("jack128") == {"host": "jack", "period": 128}
    assert parse_host("nosound") == {"host": "nosound", "audiobuf": 25}
    assert parse_host("nosound10") == {"host": "nosound", "audiobuf": 10}
    for bad in ("jack5", "jack96", "alsa", ""):
        with pytest.raises(UserError):
            parse_host(bad)


def test_patch_has_every_voice_recorder_and_switch():
    p = build_patch(3, 128, [False, True, False], seconds=4, warmup=1, sr=44100, switch_every=1.5,
                    switch_files=["model1.ts", "model2.ts"])
    text = p.text()
    assert text.count("brave~ model0.ts forward 128 -thread") == 1
    assert text.count("brave~ model0.ts forward 128") == 3
    assert p.written == ["rtin", "rtout0", "rtout1", "rtout2", "rtwall", "rtlogic"]
    assert "rtctl load model1.ts" in text and "rtctl load model2.ts" in text
    assert "bang~" in text and "realtime" in text and "timer" in text


def test_table_row_says_unknown_silence_when_nothing_was_recorded():
    """A run with recording off (--no-record) knows its late buffers, not how much came out silent."""
    def result(recorded):
        v = VoiceResult(worker=True, calls=100, mean_ms=1.0, max_ms=3.0, overruns=4, median_ms=1.0, p99_ms=2.0)
        return RealtimeResult(host="jack", audiobuf=None, voices_n=1, worker=[True], model="m.ts", buffer=128,
                              sr=44100, seconds=1, warmup=0, hog=None, voices=[v], ticks=689, ticks_expected=689,
                              pd_behind_max_ms=1.0, pd_behind_final_ms=0.5, stall_max_ms=2.0, period=128,
                              recorded=recorded)
    cells = [c.strip() for c in table_row("fp16", result(False)).split("|")]
    assert cells[2] == "jack128" and cells[7] == "4" and cells[8:10] == ["-", "-"], cells
    cells = [c.strip() for c in table_row("fp16", result(True)).split("|")]
    assert cells[8:10] == ["0.00%", "0"], cells


def test_lost_samples_counts_what_the_listener_loses():
    """Late worker results are buffers of silence; a slow synchronous call a buffer of the device's
    time; under JACK, every callback that missed its period (a synchronous call can miss a 64-sample
    period without exceeding its 128-sample buffer): the larger of the two for the slow calls."""
    def result(worker, overruns, host="jack", client_late=None):
        v = VoiceResult(worker=worker, calls=100, mean_ms=1.0, max_ms=3.0, overruns=overruns)
        return RealtimeResult(host=host, audiobuf=None, voices_n=1, worker=[worker], model="m.ts", buffer=128,
                              sr=44100, seconds=1, warmup=0, hog=None, voices=[v], ticks=689, ticks_expected=689,
                              pd_behind_max_ms=1.0, pd_behind_final_ms=0.5, stall_max_ms=2.0,
                              period=64 if host == "jack" else None, jack_client_late=client_late)
    assert result(True, 3, host="nosound").lost_samples == 3 * 128
    assert result(False, 3, host="nosound").lost_samples == 3 * 128
    assert result(False, 5, client_late=660).lost_samples == 660 * 64  # JACK saw more than brave~'s overruns
    assert result(False, 5, client_late=2).lost_samples == 5 * 128
    assert result(True, 25, client_late=4).lost_samples == 25 * 128 + 4 * 64  # silence and missed periods add
